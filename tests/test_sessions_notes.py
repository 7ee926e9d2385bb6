"""Session notes services and the analysis job: demo pairs, autosave conflicts, AI review."""

from datetime import date

import pytest
from sqlalchemy import func, select

from companion import jobs
from companion.db import db
from companion.demo import seed_demo
from companion.services import notes as svc
from companion.services.accounts import find_user
from companion.tables.jobs import Job
from companion.tables.matching import Match
from companion.tables.notes import Goal, NoteDraft, NoteSession, Task
from models.llm import LLMUnavailable

NOTE = """\
We met for an hour and talked about Ana's talk to the leadership team.
Ana will send Boris the slide deck by Friday.
Boris will book a meeting room for the rehearsal next Wednesday.
We decided to meet every second Tuesday.
"""


def _ana_pair():
    ana = find_user(db.session, "ana@example.com")
    (match,) = [
        m
        for m in db.session.scalars(select(Match).where(Match.status == "accepted"))
        if ana.id in [x.user_id for x in m.members]
    ]
    return ana, find_user(db.session, "boris@example.com"), match


def test_demo_creates_three_pairs_with_notes_once(demo):
    pairs = db.session.scalars(select(Match).where(Match.status == "accepted")).all()
    counts = {len(svc.sessions_of(db.session, m.id)) for m in pairs}
    assert len(pairs) == 3 and counts <= {2, 3}
    texts = " ".join(n.notes_md for n in db.session.scalars(select(NoteSession)))
    assert "Ana will" in texts and "Димитър ще" in texts
    before = db.session.scalar(select(func.count(NoteSession.id)))
    seed_demo(db.session)
    db.session.commit()
    assert db.session.scalar(select(func.count(NoteSession.id))) == before
    assert len(db.session.scalars(select(Match).where(Match.status == "accepted")).all()) == 3


@pytest.fixture
def note(demo):
    ana, _, match = _ana_pair()
    n = svc.create_note_session(db.session, match, date(2026, 3, 10), notes_md=NOTE, user_id=ana.id)
    db.session.commit()
    return n


def test_save_then_conflict_keeps_both_texts(note):
    ana, boris, _ = _ana_pair()
    first = svc.save_notes(db.session, note, ana.id, NOTE + "Ana added a line.\n", 1)
    assert first.saved and first.revision == 2
    # Boris's editor still thinks it is at revision 1.
    clash = svc.save_notes(db.session, note, boris.id, NOTE + "Boris added his own line.\n", 1)
    db.session.commit()
    assert not clash.saved and clash.revision == 2
    assert "Ana added a line." in note.notes_md and "Boris added" not in note.notes_md
    assert svc.draft_of(note, boris.id).text.endswith("Boris added his own line.\n")
    svc.resolve_conflict(db.session, note, boris.id, "both")
    db.session.commit()
    assert "Ana added a line." in note.notes_md and "Boris added his own line." in note.notes_md
    assert note.revision == 3 and db.session.scalar(select(func.count(NoteDraft.id))) == 0


def test_own_racing_saves_are_not_a_conflict(note):
    ana, _, _ = _ana_pair()
    assert svc.save_notes(db.session, note, ana.id, NOTE + "one", 1).saved
    assert svc.save_notes(db.session, note, ana.id, NOTE + "one two", 1).saved
    assert note.notes_md.endswith("one two") and note.revision == 3


def test_owner_names_map_to_pair_members(demo):
    ana, boris, _ = _ana_pair()
    assert svc.resolve_owner([ana, boris], "Boris", ana) is boris
    assert svc.resolve_owner([ana, boris], "ana petrova", boris) is ana
    assert svc.resolve_owner([ana, boris], "Someone else", boris) is boris
    dimitar = find_user(db.session, "dimitar@example.com")
    assert svc.resolve_owner([ana, dimitar], "Димитър", ana) is dimitar


def _run_analysis(app, note, user_id):
    job = svc.start_analysis(db.session, note, user_id)
    db.session.commit()
    jobs.run_pending_jobs(app)
    db.session.expire_all()
    return db.session.get(Job, job.id), db.session.get(NoteSession, note.id)


def test_analysis_job_stores_extractive_result(app, note):
    ana, _, _ = _ana_pair()
    job, n = _run_analysis(app, note, ana.id)
    assert job.status == "done" and job.progress == 100
    result = n.ai_result
    assert result["engine"]["llm_status"] == "disabled"
    assert result["revision"] == n.revision
    owners = {(a["owner"], a["due"]) for a in result["action_items"]}
    assert ("Ana Petrova", "2026-03-13") in owners
    assert all(i["state"] == "pending" and i["engine"] == "extractive" for i in result["summary"])


def test_accepting_items_creates_task_and_goal_for_the_owner(app, note):
    ana, boris, _ = _ana_pair()
    _, n = _run_analysis(app, note, ana.id)
    actions = n.ai_result["action_items"]
    idx = next(i for i, a in enumerate(actions) if a["owner"] == "Boris Ivanov")
    # Ana accepts Boris's action item: the task belongs to Boris.
    entry = svc.review_item(db.session, n, ana, "action_items", idx, "accept")
    db.session.commit()
    task = db.session.get(Task, entry["task_id"])
    assert task.owner_id == boris.id and task.due == date.fromisoformat(actions[idx]["due"])
    assert n.ai_result["action_items"][idx]["state"] == "accepted"
    assert n.ai_result["goals"], "the note states plans, so SMART drafts are expected"
    entry = svc.review_item(
        db.session, n, ana, "goals", 0, "accept", {"statement": "Rehearse the talk twice"}
    )
    db.session.commit()
    goal = db.session.get(Goal, entry["goal_id"])
    assert goal.statement == "Rehearse the talk twice" and goal.status == "not_started"
    # Accepting twice does not duplicate.
    svc.review_item(db.session, n, ana, "goals", 0, "accept")
    db.session.commit()
    assert db.session.scalar(select(func.count(Goal.id))) == 1


def test_summarising_again_keeps_earlier_reviews(app, note):
    ana, _, _ = _ana_pair()
    _, n = _run_analysis(app, note, ana.id)
    entry = svc.review_item(db.session, n, ana, "action_items", 0, "accept")
    db.session.commit()
    _, n = _run_analysis(app, n, ana.id)
    again = n.ai_result["action_items"][0]
    assert again["state"] == "accepted" and again["task_id"] == entry["task_id"]
    assert db.session.scalar(select(func.count(Task.id))) == 1


def test_discard_and_shared_summary(app, note):
    ana, _, _ = _ana_pair()
    _, n = _run_analysis(app, note, ana.id)
    assert svc.shared_summary(n) == []
    n.shared_summary = True
    svc.review_item(db.session, n, ana, "summary", 0, "discard")
    db.session.commit()
    shared = svc.shared_summary(n)
    assert n.ai_result["summary"][0]["text"] not in shared
    assert len(shared) == len(n.ai_result["summary"]) - 1


class CrashingLLM:
    """Stands in for a model whose process died: every call is unavailable."""

    name = "crashing"
    n_ctx = 2048

    def __init__(self):
        self.seen_progress = []

    def count_tokens(self, text):
        return len(text.split())

    def generate(self, messages, **options):
        job = db.session.scalars(select(Job).order_by(Job.id.desc())).first()
        db.session.refresh(job)
        self.seen_progress.append((job.progress, bool(job.result and job.result["summary"])))
        raise LLMUnavailable("the model process crashed (SIGSEGV)")

    def stream(self, messages, **options):
        yield self.generate(messages, **options)


def test_model_crash_fails_job_but_keeps_extractive_result(app, note):
    ana, _, _ = _ana_pair()
    llm = CrashingLLM()
    app.config["LLM_ENABLED"] = True
    app.extensions["companion.llm"] = llm
    job, n = _run_analysis(app, note, ana.id)
    # The extractive parts were stored before the model was first asked.
    progress, had_summary = llm.seen_progress[0]
    assert progress >= 40 and had_summary
    assert job.status == "failed"
    assert "crashed (SIGSEGV)" in job.error and "extracted from your notes" in job.error
    assert n.ai_result["engine"]["llm_status"].startswith("unavailable")
    assert n.ai_result["action_items"] and n.ai_result["summary"]


def test_missing_model_file_still_returns_extractive_result(app, note, tmp_path):
    ana, _, _ = _ana_pair()
    app.config.update(LLM_ENABLED=True, LLM_MODEL=str(tmp_path / "missing.gguf"))
    job, n = _run_analysis(app, note, ana.id)
    assert job.status == "failed" and "model file not found" in job.error
    assert n.ai_result["engine"]["llm_status"].startswith("unavailable: model file not found")
    assert n.ai_result["action_items"]


def test_first_person_notes_belong_to_whoever_saved_them(app, note):
    ana, boris, _ = _ana_pair()
    text = "I'll send Boris the rehearsal recording by Friday. He'll book the room.\n"
    assert svc.save_notes(db.session, note, ana.id, text, note.revision).saved
    db.session.commit()
    _, n = _run_analysis(app, note, boris.id)
    owners = [(a["owner"], a["task"]) for a in n.ai_result["action_items"]]
    assert owners == [("Ana Petrova", "Send Boris the rehearsal recording"),
                      ("Boris Ivanov", "Book the room")]  # fmt: skip
