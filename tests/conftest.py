"""Fixtures: an app per test on a fresh database (SQLite, or PostgreSQL when asked)."""

import os
import shutil

import pytest
from flask import g
from sqlalchemy import create_engine, text

from companion import create_app
from companion.db import db
from tests.fakes import HashEmbedder

PG_URL = os.environ.get("COMPANION_TEST_DATABASE_URL", "")
PASSWORD = "mentoring-demo"
_pg_problem: str | None = None


def _normalise(url: str) -> str:
    return url.replace("postgresql://", "postgresql+psycopg://", 1)


def pytest_configure(config):
    global _pg_problem
    if not PG_URL:
        return
    try:
        with create_engine(_normalise(PG_URL)).connect() as conn:
            conn.execute(text("SELECT 1"))
    except Exception as exc:  # any connection failure means: skip loudly
        _pg_problem = f"PostgreSQL at {PG_URL} is not reachable ({type(exc).__name__}); skipped"


def pytest_collection_modifyitems(config, items):
    if _pg_problem:
        for item in items:
            item.add_marker(pytest.mark.skip(reason=_pg_problem))


def pytest_report_header(config):
    if PG_URL:
        return f"database: PostgreSQL {PG_URL}" + (f" -- {_pg_problem}" if _pg_problem else "")
    return "database: SQLite (set COMPANION_TEST_DATABASE_URL for PostgreSQL)"


def pytest_terminal_summary(terminalreporter):
    if _pg_problem:
        terminalreporter.write_line(f"WARNING: {_pg_problem}", red=True, bold=True)


def _config(data_dir) -> dict:
    cfg = {
        "TESTING": True,
        "DATA_DIR": str(data_dir),
        "SECRET_KEY": "test-secret",
        "WTF_CSRF_ENABLED": False,
        "JOB_WORKER": False,
        "LLM_ENABLED": False,
        "PASSWORD_HASH_METHOD": "pbkdf2:sha256:1000",
    }
    if PG_URL:
        cfg["DATABASE_URL"] = PG_URL
    return cfg


@pytest.fixture(scope="session")
def _schema(tmp_path_factory):
    """Create the schema once: a template SQLite file, or a fresh PostgreSQL schema."""
    template = tmp_path_factory.mktemp("template")
    app = create_app(_config(template))
    with app.app_context():
        if PG_URL:
            with db.engine.begin() as conn:
                conn.execute(text("DROP SCHEMA public CASCADE"))
                conn.execute(text("CREATE SCHEMA public"))
        db.create_all()
        db.session.remove()
        db.engine.dispose()
    return template / "companion.db"


def _empty_tables() -> None:
    names = ", ".join(f'"{t.name}"' for t in db.metadata.sorted_tables)
    with db.engine.begin() as conn:
        conn.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))


@pytest.fixture
def app(tmp_path, _schema):
    """A fresh app and database for one test; the embedder is a deterministic fake."""
    if not PG_URL:
        shutil.copy(_schema, tmp_path / "companion.db")
    application = create_app(_config(tmp_path))
    application.extensions["companion.embedder"] = HashEmbedder()

    # One app context spans the test (so tests can use db.session), and Flask reuses it for the
    # test client's requests: start each request fresh, as in production, so the signed-in
    # user in `g` and rows cached in the session never leak between clients and requests.
    def _fresh_request_state() -> None:
        g.pop("_login_user", None)
        db.session.expire_all()

    application.before_request_funcs.setdefault(None, []).insert(0, _fresh_request_state)
    with application.app_context():
        yield application
        db.session.remove()
        if PG_URL:
            _empty_tables()
        db.engine.dispose()


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def hx(app):
    """A client whose requests come from htmx."""
    c = app.test_client()
    c.environ_base["HTTP_HX_REQUEST"] = "true"
    return c


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


def _make_user(email, name, role="participant", **profile):
    from companion.services.accounts import create_user

    user = create_user(db.session, email=email, name=name, password=PASSWORD, role=role)
    for key, value in profile.items():
        setattr(user.profile, key, value)
    db.session.commit()
    return user


@pytest.fixture
def coordinator(app):
    return _make_user("coordinator@example.com", "Maria Koleva", role="coordinator")


@pytest.fixture
def ana(app):
    return _make_user(
        "ana@example.com",
        "Ana Petrova",
        skills=["SQL window functions"],
        goals=["present to senior leadership"],
        languages=["bg", "en"],
    )


@pytest.fixture
def boris(app):
    return _make_user(
        "boris@example.com",
        "Boris Ivanov",
        skills=["presenting insights to executives"],
        goals=["write faster analytical queries"],
        languages=["bg", "en"],
    )


@pytest.fixture
def login():
    """Sign a client in; returns the response of the login POST."""

    def _login(client, email, password=PASSWORD):
        return client.post("/login", data={"email": email, "password": password})

    return _login


@pytest.fixture
def demo(app):
    """The full demo data set (coordinator, ~20 participants, programme, area extras)."""
    from companion.demo import seed_demo

    seed_demo(db.session)
    db.session.commit()
