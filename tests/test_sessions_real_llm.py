"""The analysis job with the real bundled SmolLM2 in its child process (slow)."""

from datetime import date

import pytest
from sqlalchemy import select

from companion import jobs
from companion.db import db
from companion.services import notes as svc
from companion.tables.jobs import Job
from companion.tables.matching import Match
from companion.tables.notes import NoteSession

NOTE = """\
Ana practised her leadership talk twice and finished in eleven minutes.
Boris will send Ana his slide template by Friday.
We decided to meet every second Tuesday afternoon.
"""


@pytest.mark.slow
def test_summary_job_with_the_bundled_model(app, demo):
    app.config.update(LLM_ENABLED=True, LLM_CTX=2048)
    match = db.session.scalars(select(Match).where(Match.status == "accepted")).first()
    note = svc.create_note_session(db.session, match, date(2026, 3, 10), notes_md=NOTE)
    job = svc.start_analysis(db.session, note, match.members[0].user_id)
    db.session.commit()
    try:
        jobs.run_pending_jobs(app)
    finally:
        app.extensions["companion.llm"].close()
    db.session.expire_all()
    job = db.session.get(Job, job.id)
    result = db.session.get(NoteSession, note.id).ai_result
    assert job.status == "done", job.error
    assert result["engine"]["llm"].startswith("SmolLM2") and result["engine"]["llm_status"] == "ok"
    n = len(result["sentences"])
    for section in ("summary", "decisions", "action_items", "goals", "prompts", "agenda"):
        for item in result[section]:
            assert item["engine"] in ("extractive", "llm", "llm-repaired")
            assert all(0 <= i < n for i in item.get("sources", []))
    assert any(a["due"] == "2026-03-13" for a in result["action_items"])
