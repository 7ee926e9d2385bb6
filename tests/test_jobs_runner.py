"""The persisted job runner: progress, failure, retry, cancel, restart recovery, worker."""

import time
from datetime import timedelta

import pytest
from sqlalchemy import update

from companion import jobs
from companion.db import db
from companion.tables.jobs import Job

CALLS: list[int] = []


def ok_handler(ctx):
    ctx.progress(40, "halfway", {"items": ["first"]})
    CALLS.append(ctx.job_id)
    return {"items": ["first", "second"], "echo": ctx.payload["n"]}


def flaky_handler(ctx):
    CALLS.append(ctx.job_id)
    if len(CALLS) == 1:
        raise RuntimeError("the model process crashed (SIGSEGV)")
    return {"ok": True}


def self_cancelling_handler(ctx):
    ctx.progress(10, "started", {"partial": 1})
    # Someone presses Cancel in another request while this job runs.
    db.session.execute(update(Job).where(Job.id == ctx.job_id).values(cancel_requested=True))
    db.session.commit()
    ctx.progress(50, "never recorded")
    return {"unreachable": True}


@pytest.fixture(autouse=True)
def handlers(monkeypatch):
    CALLS.clear()
    monkeypatch.setitem(jobs.HANDLERS, "test_ok", f"{__name__}:ok_handler")
    monkeypatch.setitem(jobs.HANDLERS, "test_flaky", f"{__name__}:flaky_handler")
    monkeypatch.setitem(jobs.HANDLERS, "test_cancel", f"{__name__}:self_cancelling_handler")


def _job(kind, **payload):
    job = jobs.enqueue(db.session, kind, payload, subject="test:1")
    db.session.commit()
    return job.id


def _reload(job_id):
    db.session.expire_all()
    return db.session.get(Job, job_id)


def test_job_runs_to_done_with_result(app):
    job_id = _job("test_ok", n=7)
    assert _reload(job_id).status == "queued"
    assert jobs.run_pending_jobs(app) == 1
    job = _reload(job_id)
    assert (job.status, job.progress, job.stage) == ("done", 100, "done")
    assert job.result == {"items": ["first", "second"], "echo": 7}
    assert job.attempts == 1 and job.finished_at is not None and job.error is None
    assert jobs.latest_job(db.session, "test:1").id == job_id


def test_a_finished_job_is_not_run_again(app):
    job_id = _job("test_ok", n=1)
    jobs.run_pending_jobs(app)
    assert jobs.run_job(app, job_id) is None
    assert CALLS == [job_id]


def test_failure_is_recorded_then_retry_succeeds(app):
    job_id = _job("test_flaky")
    jobs.run_pending_jobs(app)
    job = _reload(job_id)
    assert job.status == "failed"
    assert "crashed (SIGSEGV)" in job.error
    jobs.retry(db.session, job)
    db.session.commit()
    assert _reload(job_id).status == "queued"
    jobs.run_pending_jobs(app)
    job = _reload(job_id)
    assert (job.status, job.attempts, job.result, job.error) == ("done", 2, {"ok": True}, None)


def test_cancelling_a_queued_job_means_it_never_runs(app):
    job_id = _job("test_ok", n=1)
    jobs.cancel(db.session, _reload(job_id))
    db.session.commit()
    assert jobs.run_pending_jobs(app) == 0
    assert _reload(job_id).status == "cancelled" and CALLS == []


def test_cancelling_a_running_job_stops_it_at_the_next_progress(app):
    job_id = _job("test_cancel")
    jobs.run_pending_jobs(app)
    job = _reload(job_id)
    assert job.status == "cancelled"
    assert job.stage == "started" and job.result == {"partial": 1}


def test_stale_running_jobs_are_requeued_and_resume(app):
    fresh, stale, exhausted = _job("test_ok", n=1), _job("test_ok", n=2), _job("test_ok", n=3)
    old = jobs.now() - timedelta(minutes=10)
    for job_id, attempts, beat in ((fresh, 1, jobs.now()), (stale, 1, old), (exhausted, 3, old)):
        db.session.execute(
            update(Job)
            .where(Job.id == job_id)
            .values(status="running", attempts=attempts, heartbeat_at=beat, started_at=beat)
        )
    db.session.commit()
    assert jobs.recover_stale(db.session) == 2
    db.session.commit()
    assert _reload(fresh).status == "running"
    assert _reload(stale).status == "queued"
    assert _reload(exhausted).status == "failed"
    jobs.run_pending_jobs(app)
    assert _reload(stale).status == "done" and _reload(stale).result["echo"] == 2


def test_unknown_kind_is_refused(app):
    with pytest.raises(ValueError, match="unknown job kind"):
        jobs.enqueue(db.session, "no_such_kind", {})


def test_in_process_worker_runs_submitted_jobs(app):
    queue = jobs.start_worker(app)
    try:
        assert jobs.start_worker(app) is queue
        job_id = _job("test_ok", n=5)
        jobs.submit(app, job_id)
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline and _reload(job_id).status != "done":
            time.sleep(0.1)
        assert _reload(job_id).status == "done"
    finally:
        queue.stop()
        queue.thread.join(timeout=10)


def test_cli_worker_runs_queued_jobs_and_lists_them(app, runner):
    job_id = _job("test_ok", n=3)
    out = runner.invoke(args=["jobs", "work", "--once"])
    assert out.exit_code == 0 and "1 job(s) run" in out.output
    assert _reload(job_id).status == "done"
    listing = runner.invoke(args=["jobs", "list"]).output
    assert f"{job_id}  test_ok" in listing and "done" in listing and "100%" in listing
