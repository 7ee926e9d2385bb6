"""Sign-in, sign-out, password change, access rules and CSRF."""

from companion.db import db
from companion.services.accounts import authenticate
from tests.conftest import PASSWORD


def test_pages_need_login_but_health_does_not(client, app):
    resp = client.get("/")
    assert resp.status_code == 302 and "/login" in resp.location
    health = client.get("/health")
    assert health.status_code == 200 and health.get_json() == {"status": "ok"}


def test_login_with_good_and_bad_password(client, ana, login):
    bad = login(client, "ana@example.com", "wrong-password")
    assert bad.status_code == 401
    page = bad.get_data(as_text=True)
    assert "do not match an account" in page
    assert 'value="ana@example.com"' in page  # what was typed is kept
    good = login(client, "ANA@example.com ")
    assert good.status_code == 302
    assert "Hello, Ana" in client.get("/").get_data(as_text=True)


def test_logout_ends_session(client, ana, login):
    login(client, "ana@example.com")
    client.post("/logout")
    assert client.get("/").status_code == 302


def test_next_parameter_is_followed_only_inside_the_site(client, ana):
    resp = client.post(
        "/login?next=/programmes/", data={"email": "ana@example.com", "password": PASSWORD}
    )
    assert resp.location.endswith("/programmes/")
    client.post("/logout")
    resp = client.post(
        "/login?next=https://evil.example/x",
        data={"email": "ana@example.com", "password": PASSWORD},
    )
    assert "evil" not in resp.location


def test_password_change(client, ana, login):
    login(client, "ana@example.com")
    mismatch = client.post(
        "/account/password",
        data={"current_password": PASSWORD, "new_password": "newpass123", "confirm_password": "x"},
    )
    assert "differ" in mismatch.get_data(as_text=True)
    wrong = client.post(
        "/account/password",
        data={
            "current_password": "nope",
            "new_password": "newpass123",
            "confirm_password": "newpass123",
        },
    )
    assert "not correct" in wrong.get_data(as_text=True)
    ok = client.post(
        "/account/password",
        data={
            "current_password": PASSWORD,
            "new_password": "newpass123",
            "confirm_password": "newpass123",
        },
    )
    assert ok.status_code == 302
    assert authenticate(db.session, "ana@example.com", "newpass123") is not None
    assert authenticate(db.session, "ana@example.com", PASSWORD) is None


def test_participant_cannot_reach_coordinator_pages(client, ana, boris, login):
    login(client, "ana@example.com")
    for url in (
        "/profile/all",
        f"/profile/{boris.id}",
        "/programmes/new",
        "/people/new",
        "/people/import",
    ):
        resp = client.get(url)
        assert resp.status_code == 403, url
        assert "do not have access" in resp.get_data(as_text=True)
    other = client.get(f"/profile/{boris.id}/edit")
    assert other.status_code == 403


def test_coordinator_sees_participants_and_coordinator_nav(client, coordinator, ana, login):
    login(client, "coordinator@example.com")
    home = client.get("/").get_data(as_text=True)
    assert "Participants" in home and "My profile" not in home
    listing = client.get("/profile/all").get_data(as_text=True)
    assert "Ana Petrova" in listing


def test_participant_nav_has_no_coordinator_links(client, ana, login):
    login(client, "ana@example.com")
    home = client.get("/").get_data(as_text=True)
    assert "My profile" in home and "/profile/all" not in home


def test_post_without_csrf_token_is_refused(tmp_path, _schema):
    import shutil

    from companion import create_app

    shutil.copy(_schema, tmp_path / "companion.db") if _schema.exists() else None
    from tests.conftest import _config

    cfg = _config(tmp_path)
    cfg["WTF_CSRF_ENABLED"] = True
    app = create_app(cfg)
    client = app.test_client()
    resp = client.post("/login", data={"email": "a@example.com", "password": "x"})
    assert resp.status_code == 400
    assert "security token" in resp.get_data(as_text=True)


def test_session_cookie_is_http_only(client, ana, login):
    resp = login(client, "ana@example.com")
    cookie = resp.headers.get("Set-Cookie", "")
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie


def test_unknown_page_is_friendly_404(client, ana, login):
    login(client, "ana@example.com")
    resp = client.get("/no/such/page")
    assert resp.status_code == 404
    assert "could not find" in resp.get_data(as_text=True)
    assert "Traceback" not in resp.get_data(as_text=True)
