"""A participant edits their own profile; errors keep what was typed."""

from companion.db import db
from companion.tables.accounts import User

GOOD = {
    "department": "Data Platform",
    "job_title": "Data Engineer",
    "career_level": "senior",
    "skills": "SQL window functions\nAirflow pipelines\n\nSQL window functions",
    "goals": "Present to leadership",
    "interests": "hiking",
    "languages": ["bg", "en"],
    "availability": ["mon-am", "thu-pm"],
    "format_pref": "one_to_one",
    "opt_in": "on",
}


def test_profile_edit_saves_lists(client, ana, boris, login):
    login(client, "ana@example.com")
    resp = client.post("/profile/", data={**GOOD, "avoid_ids": [str(boris.id)]})
    assert resp.status_code == 302
    page = client.get(resp.location).get_data(as_text=True)
    assert "Your profile is saved" in page
    profile = db.session.get(User, ana.id).profile
    assert profile.skills == ["SQL window functions", "Airflow pipelines"]
    assert profile.career_level == "senior"
    assert profile.availability == ["mon-am", "thu-pm"]
    assert profile.avoid_ids == [boris.id]
    assert profile.opt_in is True


def test_profile_errors_keep_input_and_save_nothing(client, ana, login):
    login(client, "ana@example.com")
    bad = {**GOOD, "skills": "", "career_level": "wizard", "job_title": "Typed title"}
    resp = client.post("/profile/", data=bad)
    assert resp.status_code == 422
    page = resp.get_data(as_text=True)
    assert "Add at least one skill" in page
    assert "Choose your career level" in page
    assert 'value="Typed title"' in page
    assert "Present to leadership" in page
    profile = db.session.get(User, ana.id).profile
    assert profile.job_title == "" and profile.skills == ["SQL window functions"]


def test_inline_validation_fragment(hx, ana, login):
    login(hx, "ana@example.com")
    resp = hx.post("/profile/validate", data={**GOOD, "languages": []})
    page = resp.get_data(as_text=True)
    assert page.lstrip().startswith('<form id="profile-form"')
    assert "<html" not in page
    assert "Pick at least one language" in page


def test_full_page_and_fragment_on_error(client, hx, ana, login):
    login(client, "ana@example.com")
    full = client.post("/profile/", data={**GOOD, "goals": ""}).get_data(as_text=True)
    assert "<html" in full
    login(hx, "ana@example.com")
    frag = hx.post("/profile/", data={**GOOD, "goals": ""})
    assert "<html" not in frag.get_data(as_text=True)
    assert "HX-Request" in frag.headers["Vary"]


def test_opting_out_needs_no_skills(client, ana, login):
    login(client, "ana@example.com")
    data = {k: v for k, v in GOOD.items() if k != "opt_in"}
    data.update(skills="", goals="")
    assert client.post("/profile/", data=data).status_code == 302
    assert db.session.get(User, ana.id).profile.opt_in is False


def test_coordinator_views_a_profile(client, coordinator, ana, login):
    login(client, "coordinator@example.com")
    page = client.get(f"/profile/{ana.id}").get_data(as_text=True)
    assert "SQL window functions" in page and "present to senior leadership" in page


def test_coordinator_filters_participants_with_htmx(hx, coordinator, ana, boris, login):
    login(hx, "coordinator@example.com")
    frag = hx.get("/profile/all?q=boris").get_data(as_text=True)
    assert frag.lstrip().startswith('<div id="people-list">')
    assert "Boris Ivanov" in frag and "Ana Petrova" not in frag
