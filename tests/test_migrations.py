"""The migrations build the same schema as the ORM tables declare."""

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from flask_migrate import upgrade
from sqlalchemy import create_engine, text

from companion import create_app
from companion.db import db
from tests.conftest import PG_URL, _config


def test_migrations_match_tables(tmp_path):
    cfg = _config(tmp_path)
    if PG_URL:
        # A separate schema so the shared test schema is left alone.
        url = PG_URL.replace("postgresql://", "postgresql+psycopg://", 1)
        with create_engine(url).begin() as conn:
            conn.execute(text("DROP SCHEMA IF EXISTS migcheck CASCADE"))
            conn.execute(text("CREATE SCHEMA migcheck"))
        cfg["SQLALCHEMY_ENGINE_OPTIONS"] = {"connect_args": {"options": "-csearch_path=migcheck"}}
    app = create_app(cfg)
    with app.app_context():
        upgrade()
        with db.engine.connect() as conn:
            diff = compare_metadata(MigrationContext.configure(conn), db.metadata)
        db.engine.dispose()
    assert diff == []
