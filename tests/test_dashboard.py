"""Coordinator dashboard and participants' pulse feedback."""

from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import select

from companion.db import db
from companion.tables.feedback import FeedbackResponse
from companion.tables.matching import Match, MatchMember
from companion.tables.notes import Goal, NoteSession, Task
from companion.tables.programmes import Programme, ProgrammeMember


@pytest.fixture
def programme(app, coordinator, ana, boris):
    from tests.conftest import _make_user

    carl = _make_user("carl@example.com", "Carl Weber", skills=["Go"], goals=["Rust"])
    dora = _make_user("dora@example.com", "Dora Ilieva", opt_in=False)
    prog = Programme(name="Circle", format="peer", cadence="biweekly", settings={})
    for user in (ana, boris, carl, dora):
        prog.members.append(ProgrammeMember(user_id=user.id))
    db.session.add(prog)
    db.session.flush()
    pair = Match(
        programme_id=prog.id,
        status="accepted",
        score=0.8,
        reasons=["x"],
        accepted_at=datetime.now(UTC) - timedelta(days=60),
    )
    pair.members = [MatchMember(user_id=ana.id), MatchMember(user_id=boris.id)]
    db.session.add(pair)
    db.session.commit()
    return prog, pair


def test_dashboard_shows_programme_health(client, coordinator, programme, ana, login):
    prog, pair = programme
    today = date.today()
    db.session.add(NoteSession(match_id=pair.id, date=today - timedelta(days=40), notes_md="x"))
    db.session.add(Task(owner_id=ana.id, text="Send the deck", due=today - timedelta(days=2)))
    db.session.add(Goal(user_id=ana.id, statement="Present by June", status="on_track"))
    db.session.commit()
    login(client, "coordinator@example.com")
    page = client.get(f"/dashboard/{prog.id}").get_data(as_text=True)
    assert "Programme health: Circle" in page
    assert "Ready but not matched:</strong> Carl Weber" in page
    assert "Opted out of matching:</strong> Dora Ilieva" in page
    # Last met 40 days ago on a two-week cadence: flagged as quiet.
    assert "Ana Petrova &amp; Boris Ivanov" in page and "last session" in page
    assert '<span class="num">1</span><span class="label">overdue tasks' in page


def test_dashboard_is_for_coordinators_only(client, programme, login):
    login(client, "ana@example.com")
    assert client.get("/dashboard/").status_code == 403


def test_participant_is_asked_for_feedback_and_answers(client, programme, ana, login):
    prog, pair = programme
    login(client, "ana@example.com")
    home = client.get("/").get_data(as_text=True)
    assert "Give feedback about Boris Ivanov" in home
    bad = client.post(f"/feedback/{pair.id}", data={"usefulness": "4", "comment": "Kept text"})
    assert bad.status_code == 422
    page = bad.get_data(as_text=True)
    assert "Tell us whether you meet regularly" in page and "Kept text" in page
    assert db.session.scalar(select(FeedbackResponse)) is None
    ok = client.post(
        f"/feedback/{pair.id}",
        data={"usefulness": "4", "progress": "3", "meeting_regularly": "yes", "comment": "Great"},
    )
    assert ok.status_code == 302
    saved = db.session.scalar(select(FeedbackResponse))
    assert (saved.usefulness, saved.progress, saved.meeting_regularly) == (4, 3, True)
    assert "Give feedback" not in client.get("/").get_data(as_text=True)


def test_feedback_reaches_the_dashboard(client, programme, ana, login):
    prog, pair = programme
    db.session.add(
        FeedbackResponse(programme_id=prog.id, match_id=pair.id, user_id=ana.id, usefulness=5,
                         progress=4, meeting_regularly=True, comment="Very helpful pairing")
    )  # fmt: skip
    db.session.commit()
    login(client, "coordinator@example.com")
    page = client.get(f"/dashboard/{prog.id}").get_data(as_text=True)
    assert "5.0 / 5" in page and "Very helpful pairing" in page


def test_only_pair_members_can_give_feedback(client, programme, login):
    from tests.conftest import _make_user

    _make_user("eve@example.com", "Eve Stone")
    prog, pair = programme
    login(client, "eve@example.com")
    assert client.get(f"/feedback/{pair.id}").status_code == 404
