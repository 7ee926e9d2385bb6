"""The companion CLI: demo data, first coordinator, database setup."""

from sqlalchemy import func, select

from companion.db import db
from companion.services.accounts import authenticate
from companion.tables.accounts import User
from companion.tables.programmes import Programme


def _count(table) -> int:
    return db.session.scalar(select(func.count()).select_from(table))


def test_seed_demo_is_idempotent_and_prints_logins(runner):
    first = runner.invoke(args=["seed-demo"])
    assert first.exit_code == 0, first.output
    assert "coordinator@example.com" in first.output and "ana@example.com" in first.output
    assert "mentoring-demo" in first.output
    users, programmes = _count(User), _count(Programme)
    assert users >= 21 and programmes == 1
    second = runner.invoke(args=["seed-demo"])
    assert second.exit_code == 0
    assert (_count(User), _count(Programme)) == (users, programmes)
    ana = authenticate(db.session, "ana@example.com", "mentoring-demo")
    assert ana.profile.skills and ana.profile.goals and "bg" in ana.profile.languages
    coordinator = authenticate(db.session, "coordinator@example.com", "mentoring-demo")
    assert coordinator.is_coordinator


def test_demo_profiles_are_varied(demo):
    people = list(db.session.scalars(select(User).where(User.role == "participant")))
    assert len({p.profile.department for p in people}) >= 8
    assert {p.profile.career_level for p in people} >= {"junior", "mid", "senior"}


def test_create_coordinator(runner):
    result = runner.invoke(
        args=["create-coordinator", "--email", "boss@example.com", "--name", "Boss One",
              "--password", "long-enough-1"],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert authenticate(db.session, "boss@example.com", "long-enough-1").is_coordinator
    again = runner.invoke(
        args=["create-coordinator", "--email", "boss@example.com", "--name", "B",
              "--password", "long-enough-1"],
    )  # fmt: skip
    assert again.exit_code != 0 and "already exists" in again.output
