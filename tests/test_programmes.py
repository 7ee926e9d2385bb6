"""Coordinators create and edit programmes; guidelines Markdown is rendered safely."""

from sqlalchemy import select

from companion.db import db
from companion.tables.programmes import Programme

FORM = {
    "name": "Spring Peer Circle",
    "purpose": "Learn from each other",
    "goals": "One visible skill each",
    "format": "peer",
    "cadence": "biweekly",
    "start_date": "2026-03-01",
    "end_date": "2026-08-31",
    "guidelines_md": "## Rules\n\n- **Be kind**\n\n<script>alert(1)</script>",
}


def test_create_programme_with_members(client, coordinator, ana, boris, login):
    login(client, "coordinator@example.com")
    resp = client.post("/programmes/new", data={**FORM, "member_ids": [str(ana.id), str(boris.id)]})
    assert resp.status_code == 302
    page = client.get(resp.location).get_data(as_text=True)
    assert "Spring Peer Circle" in page
    assert "<strong>Be kind</strong>" in page
    assert "<script>alert(1)</script>" not in page
    programme = db.session.scalar(select(Programme))
    assert sorted(m.user_id for m in programme.members) == sorted([ana.id, boris.id])
    assert str(programme.start_date) == "2026-03-01"


def test_bad_programme_input_keeps_typing(client, coordinator, login):
    login(client, "coordinator@example.com")
    bad = {**FORM, "name": "", "end_date": "2026-01-01", "purpose": "Typed purpose"}
    resp = client.post("/programmes/new", data=bad)
    assert resp.status_code == 422
    page = resp.get_data(as_text=True)
    assert "Give the programme a name" in page
    assert "end date must be after" in page
    assert "Typed purpose" in page
    assert db.session.scalar(select(Programme)) is None


def test_edit_programme_changes_members(client, coordinator, ana, boris, login):
    login(client, "coordinator@example.com")
    client.post("/programmes/new", data={**FORM, "member_ids": [str(ana.id)]})
    programme = db.session.scalar(select(Programme))
    resp = client.post(
        f"/programmes/{programme.id}/edit",
        data={**FORM, "name": "Renamed", "member_ids": [str(boris.id)]},
    )
    assert resp.status_code == 302
    db.session.expire_all()
    programme = db.session.get(Programme, programme.id)
    assert programme.name == "Renamed"
    assert [m.user_id for m in programme.members] == [boris.id]


def test_participant_sees_only_own_programmes(client, coordinator, ana, boris, login):
    login(client, "coordinator@example.com")
    client.post("/programmes/new", data={**FORM, "member_ids": [str(boris.id)]})
    client.post("/logout")
    programme = db.session.scalar(select(Programme))
    login(client, "ana@example.com")
    assert "Spring Peer Circle" not in client.get("/programmes/").get_data(as_text=True)
    assert client.get(f"/programmes/{programme.id}").status_code == 404
    assert client.get(f"/programmes/{programme.id}/edit").status_code == 403
