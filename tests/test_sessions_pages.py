"""Session pages: workspace, editor autosave and conflicts, summarise + review, privacy."""

import re

import pytest
from sqlalchemy import select

from companion import jobs
from companion.db import db
from companion.services.accounts import find_user
from companion.tables.matching import Match
from companion.tables.notes import NoteSession, Task


def _ana_match():
    ana = find_user(db.session, "ana@example.com")
    for m in db.session.scalars(select(Match).where(Match.status == "accepted")):
        if ana.id in [x.user_id for x in m.members]:
            return m
    raise AssertionError("demo pair missing")


@pytest.fixture
def first_note(demo):
    match = _ana_match()
    return db.session.scalars(
        select(NoteSession).where(NoteSession.match_id == match.id).order_by(NoteSession.date)
    ).first()


def test_workspace_lists_pair_and_sessions(client, hx, login, first_note):
    login(client, "ana@example.com")
    page = client.get("/pairs/").get_data(as_text=True)
    assert "<html" in page and "Ana Petrova &amp; Boris Ivanov" in page
    assert first_note.date.isoformat() in page
    login(hx, "ana@example.com")
    fragment = hx.get("/pairs/")
    assert "HX-Request" in fragment.headers["Vary"]
    assert "<html" not in fragment.get_data(as_text=True)
    assert 'id="pairs"' in fragment.get_data(as_text=True)
    pair = client.get(f"/pairs/{first_note.match_id}").get_data(as_text=True)
    assert "New session" in pair and first_note.date.isoformat() in pair


def test_creating_a_session_opens_its_editor(client, login, demo):
    login(client, "ana@example.com")
    match = _ana_match()
    boris = find_user(db.session, "boris@example.com")
    resp = client.post(
        f"/pairs/{match.id}/sessions", data={"date": "2026-03-10", "attendees": [str(boris.id)]}
    )
    assert resp.status_code == 302
    page = client.get(resp.headers["Location"]).get_data(as_text=True)
    assert "Session of 2026-03-10" in page and 'data-testid="notes-editor"' in page
    note = db.session.scalars(select(NoteSession).order_by(NoteSession.id.desc())).first()
    assert note.attendees == [boris.id]


def test_bad_date_keeps_user_on_the_pair_page(client, login, demo):
    login(client, "ana@example.com")
    match = _ana_match()
    resp = client.post(f"/pairs/{match.id}/sessions", data={"date": "10/03"}, follow_redirects=True)
    assert "YYYY-MM-DD" in resp.get_data(as_text=True)


def test_autosave_and_conflict_over_htmx(app, hx, login, first_note):
    boris_client = app.test_client()
    boris_client.environ_base["HTTP_HX_REQUEST"] = "true"
    login(hx, "ana@example.com")
    login(boris_client, "boris@example.com")
    url = f"/sessions/{first_note.id}/notes"
    saved = hx.post(url, data={"notes_md": "Ana's text", "base_revision": "1"})
    body = saved.get_data(as_text=True)
    assert "Saved (version 2)" in body and 'value="2"' in body and "hx-swap-oob" in body
    clash = boris_client.post(url, data={"notes_md": "Boris's text", "base_revision": "1"})
    body = clash.get_data(as_text=True)
    assert "Both texts are kept" in body and 'data-testid="conflict"' in body
    assert "Ana&#39;s text" in body and "Boris&#39;s text" in body
    # Boris reloads the page: his text is still in the editor, the conflict still shown.
    boris_client.environ_base.pop("HTTP_HX_REQUEST")
    page = boris_client.get(f"/sessions/{first_note.id}").get_data(as_text=True)
    assert "Boris&#39;s text</textarea>" in page and "Keep both" in page
    boris_client.post(f"/sessions/{first_note.id}/conflict", data={"choice": "both"})
    db.session.expire_all()
    note = db.session.get(NoteSession, first_note.id)
    assert note.notes_md.startswith("Ana's text") and "Boris's text" in note.notes_md


def test_summarise_polls_then_shows_items_with_sources(app, client, hx, login, first_note):
    login(hx, "ana@example.com")
    panel = hx.post(f"/sessions/{first_note.id}/summarise").get_data(as_text=True)
    assert 'hx-trigger="every 500ms"' in panel and "Waiting for the assistant" in panel
    assert jobs.run_pending_jobs(app) == 1
    done = hx.get(f"/sessions/{first_note.id}/ai").get_data(as_text=True)
    assert "every 500ms" not in done
    assert 'data-idx="0"' in done and "Action items" in done
    cited = re.findall(
        r'id="ai-item-(?:summary|action_items)-\d+"[^>]*data-sources="([\d,]*)"', done
    )
    assert cited and all(cited)
    assert "from your notes" in done  # engine badge
    assert "rewrite the weekly funnel query" in done.lower()
    login(client, "ana@example.com")
    full = client.get(f"/sessions/{first_note.id}").get_data(as_text=True)
    assert "<html" in full and "js/notes.js" in full and 'id="ai-panel"' in full


def test_accepting_an_action_item_puts_a_task_on_home(app, client, hx, login, first_note):
    login(hx, "ana@example.com")
    hx.post(f"/sessions/{first_note.id}/summarise")
    jobs.run_pending_jobs(app)
    db.session.expire_all()
    actions = db.session.get(NoteSession, first_note.id).ai_result["action_items"]
    idx = next(i for i, a in enumerate(actions) if a["owner"] == "Ana Petrova")
    item = hx.post(
        f"/sessions/{first_note.id}/items/action_items/{idx}", data={"action": "accept"}
    ).get_data(as_text=True)
    assert "accepted" in item and f'id="ai-item-action_items-{idx}"' in item
    task = db.session.scalars(select(Task)).one()
    login(client, "ana@example.com")
    home = client.get("/").get_data(as_text=True)
    assert "My tasks" in home and task.text in home
    assert f"due {task.due.isoformat()}" in home


def test_editing_an_item_before_accepting(app, hx, login, first_note):
    login(hx, "ana@example.com")
    hx.post(f"/sessions/{first_note.id}/summarise")
    jobs.run_pending_jobs(app)
    url = f"/sessions/{first_note.id}/items/action_items/0"
    form = hx.get(url + "?edit=1").get_data(as_text=True)
    assert 'name="task"' in form and 'type="date"' in form
    hx.post(url, data={"action": "accept", "task": "Edited task", "due": "2026-05-01",
                       "owner": "Boris Ivanov"})  # fmt: skip
    task = db.session.scalars(select(Task)).one()
    assert task.text == "Edited task" and task.due.isoformat() == "2026-05-01"
    assert task.owner_id == find_user(db.session, "boris@example.com").id


def test_notes_are_private_to_the_pair(client, login, first_note):
    login(client, "chloe@example.com")
    assert client.get(f"/sessions/{first_note.id}").status_code == 404
    assert (
        client.post(f"/sessions/{first_note.id}/notes", data={"notes_md": "x"}).status_code == 404
    )
    login(client, "coordinator@example.com")
    assert client.get(f"/sessions/{first_note.id}").status_code == 404


def test_coordinator_sees_dates_and_only_shared_summaries(app, client, hx, login, first_note):
    login(hx, "ana@example.com")
    hx.post(f"/sessions/{first_note.id}/summarise")
    jobs.run_pending_jobs(app)
    login(client, "coordinator@example.com")
    page = client.get("/sessions/overview").get_data(as_text=True)
    assert first_note.date.isoformat() in page and "not shared" in page
    assert "window function" not in page  # a phrase from Ana's private notes
    shared = hx.post(f"/sessions/{first_note.id}/share", data={"shared": "1"})
    assert "shared with coordinators" in shared.get_data(as_text=True)
    page = client.get("/sessions/overview").get_data(as_text=True)
    db.session.expire_all()
    first_bullet = db.session.get(NoteSession, first_note.id).ai_result["summary"][0]["text"]
    assert first_bullet.replace("'", "&#39;") in page
    participant = app.test_client()
    login(participant, "ana@example.com")
    assert participant.get("/sessions/overview").status_code == 403
