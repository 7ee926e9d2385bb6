"""Coordinators add participants one by one or from CSV; bad rows import nothing."""

import io

from sqlalchemy import func, select

from companion.db import db
from companion.services.accounts import authenticate
from companion.tables.accounts import User


def _users() -> int:
    return db.session.scalar(select(func.count()).select_from(User))


def _upload(client, text, password="welcome-2026"):
    return client.post(
        "/people/import",
        data={"file": (io.BytesIO(text.encode()), "people.csv"), "password": password},
        content_type="multipart/form-data",
    )


def test_add_one_participant(client, coordinator, login):
    login(client, "coordinator@example.com")
    resp = client.post(
        "/people/new",
        data={"name": "Vera Ilieva", "email": "vera@example.com", "department": "QA",
              "job_title": "Tester", "career_level": "junior", "password": "first-pass-1"},
    )  # fmt: skip
    assert resp.status_code == 302
    assert authenticate(db.session, "vera@example.com", "first-pass-1").profile.department == "QA"


def test_add_participant_duplicate_email_keeps_input(client, coordinator, ana, login):
    login(client, "coordinator@example.com")
    resp = client.post(
        "/people/new",
        data={"name": "Another Ana", "email": "ana@example.com", "career_level": "mid",
              "password": "first-pass-1"},
    )  # fmt: skip
    assert resp.status_code == 422
    page = resp.get_data(as_text=True)
    assert "already exists" in page and 'value="Another Ana"' in page


def test_csv_import_all_rows(client, coordinator, login):
    login(client, "coordinator@example.com")
    before = _users()
    csv_text = (
        "name,email,department,job_title,career_level\n"
        "Vera Ilieva,vera@example.com,QA,Tester,junior\n"
        "Stefan Kirov,stefan@example.com,Backend,Engineer,senior\n"
    )
    resp = _upload(client, csv_text)
    assert resp.status_code == 302
    assert _users() == before + 2
    assert (
        authenticate(db.session, "stefan@example.com", "welcome-2026").profile.career_level
        == "senior"
    )


def test_csv_bad_rows_are_reported_and_nothing_is_imported(client, coordinator, ana, login):
    login(client, "coordinator@example.com")
    before = _users()
    csv_text = (
        "name,email,department,job_title,career_level\n"
        "Vera Ilieva,vera@example.com,QA,Tester,junior\n"
        "No Email,not-an-email,QA,Tester,junior\n"
        "Ana Again,ana@example.com,QA,Tester,mid\n"
        "Wrong Level,wl@example.com,QA,Tester,guru\n"
    )
    resp = _upload(client, csv_text)
    assert resp.status_code == 422
    page = resp.get_data(as_text=True)
    assert "Nothing was imported" in page
    assert "Row 3:" in page and "not-an-email" in page
    assert "Row 4:" in page and "already has an account" in page
    assert "Row 5:" in page and "guru" in page
    assert 'value="welcome-2026"' in page
    assert _users() == before


def test_csv_missing_columns_and_short_password(client, coordinator, login):
    login(client, "coordinator@example.com")
    page = _upload(client, "fullname,mail\nx,y\n").get_data(as_text=True)
    assert "Missing column(s): name, email" in page
    page = _upload(client, "name,email\nVera,vera@example.com\n", password="short").get_data(
        as_text=True
    )
    assert "at least 8 characters" in page
    assert _users() == 1
