"""Peer Mentoring Companion: the Flask application factory."""

import logging
import os
import secrets
from pathlib import Path

from flask import Flask

from companion.config import DEFAULTS

ROOT = Path(__file__).resolve().parent.parent
log = logging.getLogger(__name__)


def create_app(config: dict | None = None) -> Flask:
    """Build the app: defaults, then DATA_DIR/config.py, then COMPANION_* env, then `config`."""
    app = Flask(
        __name__,
        template_folder=str(ROOT / "templates"),
        static_folder=str(ROOT / "static"),
    )
    app.config.from_mapping(DEFAULTS)
    data_dir = Path(
        (config or {}).get("DATA_DIR") or os.environ.get("COMPANION_DATA_DIR") or "instance"
    ).resolve()
    app.config.from_pyfile(str(data_dir / "config.py"), silent=True)
    app.config.from_prefixed_env("COMPANION")
    if os.environ.get("DATABASE_URL"):
        app.config["DATABASE_URL"] = os.environ["DATABASE_URL"]
    if config:
        app.config.update(config)
    app.config["DATA_DIR"] = str(data_dir)
    data_dir.mkdir(parents=True, exist_ok=True)
    _finish_config(app, data_dir)

    from companion import engines, i18n, web
    from companion.blueprints import register_blueprints
    from companion.commands import register_all
    from companion.db import db

    db.init_app(app)
    _init_migrations(app)
    web.init_app(app)
    i18n.init_app(app)
    register_blueprints(app)
    engines.init_app(app)
    register_all(app.cli)
    _start_worker(app)
    return app


def _finish_config(app: Flask, data_dir: Path) -> None:
    """Derive settings that depend on others: database URL, secret key, cookies."""
    url = app.config.get("DATABASE_URL") or f"sqlite:///{data_dir / 'companion.db'}"
    if url.startswith("postgres://"):
        url = "postgresql+psycopg://" + url[len("postgres://") :]
    elif url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url[len("postgresql://") :]
    app.config["SQLALCHEMY_DATABASE_URI"] = url
    app.config.setdefault("SQLALCHEMY_ENGINE_OPTIONS", {"pool_pre_ping": True})
    if not app.config.get("SECRET_KEY"):
        app.config["SECRET_KEY"] = _stored_secret(data_dir)
    secure = bool(app.config.get("SECURE_COOKIES"))
    app.config.update(
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Lax",
        SESSION_COOKIE_SECURE=secure,
        REMEMBER_COOKIE_HTTPONLY=True,
        REMEMBER_COOKIE_SAMESITE="Lax",
        REMEMBER_COOKIE_SECURE=secure,
    )


def _stored_secret(data_dir: Path) -> str:
    """Read the secret key from the data dir, creating it (mode 600) on first run."""
    path = data_dir / "secret_key"
    if path.exists():
        return path.read_text().strip()
    key = secrets.token_hex(32)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w") as fh:
        fh.write(key)
    log.info("generated a new secret key in %s", path)
    return key


def _init_migrations(app: Flask) -> None:
    from flask_migrate import Migrate

    from companion.db import db

    Migrate(app, db, directory=str(Path(__file__).parent / "migrations"), render_as_batch=True)


def _start_worker(app: Flask) -> None:
    """Start the in-process job worker with the first request, so CLI commands never start it."""
    if not app.config.get("JOB_WORKER"):
        return
    from companion import jobs

    @app.before_request
    def _ensure_worker() -> None:
        jobs.start_worker(app)
