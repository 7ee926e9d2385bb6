"""Tasks and goals: home panels, ticking tasks, overdue marks, goal status with notes."""

from datetime import date, timedelta

import pytest

from companion.db import db
from companion.services import goals as svc
from companion.tables.notes import Goal, Task


@pytest.fixture
def items(ana):
    late = svc.create_task(db.session, ana.id, "Send the slide deck", date.today() - timedelta(1))
    soon = svc.create_task(db.session, ana.id, "Book the room", date.today() + timedelta(3))
    goal = svc.create_goal(
        db.session, ana.id, "Present the migration story to leadership",
        measurable="one 15-minute talk", time_bound="2026-04-30", due=date(2026, 4, 30),
    )  # fmt: skip
    db.session.commit()
    return late.id, soon.id, goal.id


def test_home_shows_tasks_with_due_dates_overdue_and_goals(client, login, items):
    login(client, "ana@example.com")
    home = client.get("/").get_data(as_text=True)
    assert "Send the slide deck" in home and "Book the room" in home
    assert home.count(">overdue<") == 1
    assert "Present the migration story to leadership" in home and "Not started" in home


def test_ticking_a_task_over_htmx_and_form(client, hx, login, items):
    late, soon, _ = items
    login(hx, "ana@example.com")
    row = hx.post(f"/tasks/{late}/done", data={"done": "1"}).get_data(as_text=True)
    assert f'id="task-{late}"' in row and "<s>Send the slide deck</s>" in row
    assert "overdue" not in row  # done tasks are never overdue
    assert db.session.get(Task, late).done
    login(client, "ana@example.com")
    resp = client.post(f"/tasks/{soon}/done", data={"done": "1", "next": "https://evil.example"})
    assert resp.headers["Location"].endswith("/goals/")
    assert db.session.get(Task, soon).done


def test_goal_status_change_records_a_progress_note(client, hx, login, items):
    *_, goal_id = items
    login(client, "ana@example.com")
    page = client.get(f"/goals/{goal_id}").get_data(as_text=True)
    assert "<html" in page and "one 15-minute talk" in page and "No progress notes yet" in page
    login(hx, "ana@example.com")
    fragment = hx.post(
        f"/goals/{goal_id}/status", data={"status": "on_track", "note": "First draft done"}
    ).get_data(as_text=True)
    assert "<html" not in fragment and 'id="goal"' in fragment
    assert "On track" in fragment and "First draft done" in fragment
    goal = db.session.get(Goal, goal_id)
    assert goal.status == "on_track" and goal.notes[0].text == "First draft done"
    assert hx.post(f"/goals/{goal_id}/status", data={"status": "nonsense"}).status_code == 400


def test_goals_index_full_and_fragment(client, hx, login, items):
    login(client, "ana@example.com")
    assert "Tasks and goals" in client.get("/goals/").get_data(as_text=True)
    login(hx, "ana@example.com")
    fragment = hx.get("/goals/").get_data(as_text=True)
    assert 'id="lists"' in fragment and "<html" not in fragment


def test_other_peoples_tasks_and_goals_are_hidden(client, login, items, boris):
    late, _, goal_id = items
    login(client, "boris@example.com")
    assert client.get(f"/goals/{goal_id}").status_code == 404
    assert client.post(f"/tasks/{late}/done", data={"done": "1"}).status_code == 404
    assert not db.session.get(Task, late).done
