"""Running persisted jobs: enqueue, claim, run with progress, retry, cancel, and a worker.

The job record in the database is the source of truth; a queue only says "look at job N".
The embedded default is `InProcessQueue` (a worker thread inside the app). A Redis/RQ
deployment replaces it with a queue whose `submit` does `rq.Queue.enqueue(run_job_by_id,
job_id)` and runs `run_job` in separate worker processes: nothing else changes.
"""

from __future__ import annotations

import importlib
import logging
import threading
from datetime import UTC, datetime, timedelta
from typing import Protocol

from flask import Flask
from sqlalchemy import select, update
from sqlalchemy.orm import Session

from companion.db import db
from companion.tables.jobs import Job

log = logging.getLogger(__name__)

# kind -> "module:function"; the function takes a JobContext and returns the final result.
HANDLERS: dict[str, str] = {
    "summarise_session": "companion.services.notes:run_summary_job",
    "store_phrase_vectors": "companion.services.phrase_vectors:run_store_job",
}
HEARTBEAT_SECONDS = 10
STALE_AFTER = timedelta(seconds=60)


class JobCancelled(Exception):
    """Raised inside a handler when someone cancelled its job."""


class JobQueue(Protocol):
    """Where job ids go once their record is committed."""

    def submit(self, job_id: int) -> None:
        """Ask a worker to run the job."""
        ...


def now() -> datetime:
    """Aware UTC now."""
    return datetime.now(UTC)


def _aware(value: datetime | None) -> datetime | None:
    # SQLite hands datetimes back without a zone; they were stored as UTC.
    if value is not None and value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    return value


def enqueue(
    session: Session,
    kind: str,
    payload: dict,
    *,
    subject: str | None = None,
    user_id: int | None = None,
) -> Job:
    """Add a queued job (the caller commits, then calls `submit(app, job.id)`)."""
    if kind not in HANDLERS:
        raise ValueError(f"unknown job kind {kind!r}")
    job = Job(kind=kind, payload=payload, subject=subject, user_id=user_id, status="queued")
    session.add(job)
    session.flush()
    return job


def submit(app: Flask, job_id: int) -> None:
    """Tell the configured queue about a committed job (no-op without a worker)."""
    queue = app.extensions.get("companion.job_queue")
    if queue is not None:
        queue.submit(job_id)


def latest_job(session: Session, subject: str) -> Job | None:
    """The newest job about `subject`."""
    stmt = select(Job).where(Job.subject == subject).order_by(Job.id.desc()).limit(1)
    return session.scalars(stmt).first()


def cancel(session: Session, job: Job) -> None:
    """Cancel a queued job now; ask a running one to stop at its next progress report."""
    if job.status == "queued":
        job.status, job.finished_at = "cancelled", now()
    elif job.status == "running":
        job.cancel_requested = True


def retry(session: Session, job: Job) -> None:
    """Put a failed or cancelled job back in the queue."""
    if job.status in ("failed", "cancelled"):
        job.status, job.error, job.progress, job.stage = "queued", None, 0, ""
        job.cancel_requested = False
        job.finished_at = None


def recover_stale(session: Session) -> int:
    """Re-queue running jobs whose worker died (old heartbeat); fail those out of attempts."""
    count = 0
    limit = now() - STALE_AFTER
    for job in session.scalars(select(Job).where(Job.status == "running")):
        beat = _aware(job.heartbeat_at or job.started_at)
        if beat is not None and beat > limit:
            continue
        if job.attempts >= job.max_attempts:
            job.status, job.finished_at = "failed", now()
            job.error = "The worker stopped while running this job too many times."
        else:
            job.status, job.stage = "queued", "resumed after a restart"
        count += 1
    return count


def _claim(session: Session, job_id: int) -> bool:
    # A conditional UPDATE is atomic on every database, so two workers never run one job.
    stamp = now()
    claimed = session.execute(
        update(Job)
        .where(Job.id == job_id, Job.status == "queued")
        .values(
            status="running",
            attempts=Job.attempts + 1,
            started_at=stamp,
            heartbeat_at=stamp,
            error=None,
        )
    ).rowcount
    session.commit()
    return claimed == 1


class JobContext:
    """What a handler sees: the payload, the app, a session, and progress reporting."""

    def __init__(self, app: Flask, job: Job):
        self.app = app
        self.job_id = job.id
        self.kind = job.kind
        self.payload = dict(job.payload or {})
        self.session: Session = db.session

    def llm(self):
        """The app's language model (None when disabled); loading is lazy."""
        from companion import engines

        return engines.get_llm(self.app)

    def embedder(self):
        """The app's sentence embedder, or None when it cannot be loaded."""
        from companion import engines

        try:
            return engines.get_embedder(self.app)
        except Exception:  # the pipeline has a lexical fallback; a missing model is not fatal
            log.exception("embedder unavailable for job %s", self.job_id)
            return None

    def progress(self, percent: int, stage: str, partial: dict | None = None) -> None:
        """Record progress (and a partial result); raise JobCancelled if cancelled."""
        job = self.session.get(Job, self.job_id)
        self.session.refresh(job)
        if job.cancel_requested:
            raise JobCancelled()
        job.progress, job.stage, job.heartbeat_at = max(0, min(100, percent)), stage, now()
        if partial is not None:
            job.result = partial
        self.session.commit()


def run_job(app: Flask, job_id: int) -> str | None:
    """Claim and run one queued job; returns its final status, or None if not claimed."""
    with app.app_context():
        session = db.session
        if not _claim(session, job_id):
            return None
        job = session.get(Job, job_id)
        stop_beat = _start_heartbeat(app, job_id)
        try:
            module, _, name = HANDLERS[job.kind].partition(":")
            handler = getattr(importlib.import_module(module), name)
            result = handler(JobContext(app, job))
            status, error = "done", None
        except JobCancelled:
            session.rollback()
            status, error, result = "cancelled", None, None
        except Exception as exc:  # any failure is recorded on the job, never raised
            session.rollback()
            log.exception("job %s (%s) failed", job_id, job.kind)
            status, error, result = "failed", _message(exc), None
        finally:
            stop_beat.set()
        job = session.get(Job, job_id)
        session.refresh(job)
        job.status, job.error, job.finished_at = status, error, now()
        if status == "done":
            job.progress, job.stage = 100, "done"
        if result is not None:
            job.result = result
        session.commit()
        return status


def _message(exc: Exception) -> str:
    text = str(exc) or type(exc).__name__
    return text[:500]


def _start_heartbeat(app: Flask, job_id: int) -> threading.Event:
    """Refresh the job's heartbeat while a long step (one model call) runs."""
    stop = threading.Event()

    def beat() -> None:
        while not stop.wait(HEARTBEAT_SECONDS):
            with app.app_context():
                db.session.execute(
                    update(Job)
                    .where(Job.id == job_id, Job.status == "running")
                    .values(heartbeat_at=now())
                )
                db.session.commit()

    threading.Thread(target=beat, name=f"job-{job_id}-heartbeat", daemon=True).start()
    return stop


def run_pending_jobs(app: Flask, limit: int | None = None) -> int:
    """Run queued jobs, oldest first, until none is left (or `limit`); returns how many ran."""
    ran = 0
    while limit is None or ran < limit:
        with app.app_context():
            job_id = db.session.scalar(
                select(Job.id).where(Job.status == "queued").order_by(Job.id).limit(1)
            )
        if job_id is None:
            break
        if run_job(app, job_id) is not None:
            ran += 1
    return ran


class InProcessQueue:
    """A worker thread in the web process that runs jobs one after another."""

    def __init__(self, app: Flask, poll_seconds: float = 5.0):
        self.app = app
        self.poll_seconds = poll_seconds
        self._wake = threading.Event()
        self._stop = threading.Event()
        self.thread = threading.Thread(target=self._loop, name="companion-jobs", daemon=True)

    def submit(self, job_id: int) -> None:
        """Wake the worker; it picks the oldest queued job."""
        self._wake.set()

    def stop(self) -> None:
        """Let the thread finish its current job and end."""
        self._stop.set()
        self._wake.set()

    def _loop(self) -> None:
        while not self._stop.is_set():
            work_round(self.app)
            self._wake.wait(self.poll_seconds)
            self._wake.clear()


def work_round(app: Flask) -> int:
    """One worker round: re-queue stale jobs, then run every queued one; never raises."""
    try:
        # Each round, since a job left "running" by a process that just restarted only
        # looks stale once its heartbeat is old enough.
        with app.app_context():
            recover_stale(db.session)
            db.session.commit()
        return run_pending_jobs(app)
    except Exception:  # the worker must outlive a broken database moment
        log.exception("job worker round failed; retrying")
        return 0


_start_lock = threading.Lock()


def start_worker(app: Flask) -> InProcessQueue:
    """Start the in-process worker once per app (it resumes queued and stale jobs)."""
    with _start_lock:
        queue = app.extensions.get("companion.job_queue")
        if queue is None:
            queue = InProcessQueue(app)
            app.extensions["companion.job_queue"] = queue
            queue.thread.start()
        return queue
