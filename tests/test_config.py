"""Configuration: data dir, secret key, and the README documents every variable."""

import re
from pathlib import Path

from companion import create_app
from companion.config import DEFAULTS

ROOT = Path(__file__).parent.parent


def test_secret_key_is_generated_once_into_data_dir(tmp_path, monkeypatch):
    monkeypatch.delenv("COMPANION_SECRET_KEY", raising=False)
    app = create_app({"DATA_DIR": str(tmp_path), "JOB_WORKER": False})
    key_file = tmp_path / "secret_key"
    assert key_file.exists() and oct(key_file.stat().st_mode)[-3:] == "600"
    again = create_app({"DATA_DIR": str(tmp_path), "JOB_WORKER": False})
    assert app.config["SECRET_KEY"] == again.config["SECRET_KEY"] == key_file.read_text()


def test_sqlite_lives_in_data_dir_and_env_overrides(tmp_path, monkeypatch):
    (tmp_path / "config.py").write_text("LLM_CTX = 2048\n")
    monkeypatch.setenv("COMPANION_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("COMPANION_JOB_WORKER", "false")
    app = create_app()
    assert app.config["SQLALCHEMY_DATABASE_URI"] == f"sqlite:///{tmp_path / 'companion.db'}"
    assert app.config["LLM_CTX"] == 2048
    monkeypatch.setenv("COMPANION_LLM_CTX", "1024")
    monkeypatch.setenv("DATABASE_URL", "postgresql://u@db.internal/prod")
    app = create_app()
    assert app.config["LLM_CTX"] == 1024
    assert app.config["SQLALCHEMY_DATABASE_URI"] == "postgresql+psycopg://u@db.internal/prod"


def test_readme_documents_every_setting():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    names = [
        f"COMPANION_{k}"
        for k in DEFAULTS
        if k not in ("LANGUAGES", "BABEL_DEFAULT_LOCALE", "MAX_CONTENT_LENGTH")
    ]
    names.append("DATABASE_URL")
    missing = [n for n in names if not re.search(rf"`{n}`", readme)]
    assert not missing, f"README does not document: {missing}"
