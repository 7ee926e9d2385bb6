"""Accounts: creating people, signing in, passwords, CSV import of participants."""

import csv
import io
import re
from dataclasses import dataclass, field

from flask import current_app, has_app_context
from flask_babel import gettext as _
from sqlalchemy import func, select
from sqlalchemy.orm import Session
from werkzeug.security import check_password_hash, generate_password_hash

from companion.tables.accounts import CAREER_LEVELS, Profile, User

EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
MIN_PASSWORD = 8
CSV_COLUMNS = ("name", "email", "department", "job_title", "career_level")


class AccountError(ValueError):
    """A problem with account input that the user can fix."""


def normalise_email(email: str) -> str:
    """Trim and lowercase an e-mail address."""
    return (email or "").strip().lower()


def find_user(session: Session, email: str) -> User | None:
    """The user with this e-mail, if any."""
    return session.scalar(select(User).where(User.email == normalise_email(email)))


def hash_password(password: str) -> str:
    """Hash with the configured method (scrypt by default; tests use a cheaper one)."""
    method = "scrypt"
    if has_app_context():
        method = current_app.config.get("PASSWORD_HASH_METHOD", method)
    return generate_password_hash(password, method=method)


def validate_password(password: str) -> None:
    """Refuse passwords that are too short."""
    if len(password or "") < MIN_PASSWORD:
        raise AccountError(_("The password must have at least %(n)d characters.", n=MIN_PASSWORD))


def create_user(
    session: Session,
    *,
    email: str,
    name: str,
    password: str,
    role: str = "participant",
    department: str = "",
    job_title: str = "",
    career_level: str = "mid",
) -> User:
    """Add a user with an empty profile; raises AccountError on bad or duplicate input."""
    email = normalise_email(email)
    if not EMAIL_RE.match(email):
        raise AccountError(_("“%(email)s” is not a valid e-mail address.", email=email))
    if not (name or "").strip():
        raise AccountError(_("A name is required."))
    if career_level not in CAREER_LEVELS:
        raise AccountError(
            _("Career level must be one of: %(levels)s.", levels=", ".join(CAREER_LEVELS))
        )
    validate_password(password)
    if find_user(session, email):
        raise AccountError(_("Someone with the e-mail %(email)s already exists.", email=email))
    user = User(
        email=email,
        name=name.strip(),
        role=role,
        password_hash=hash_password(password),
    )
    user.profile = Profile(
        department=department.strip(), job_title=job_title.strip(), career_level=career_level
    )
    session.add(user)
    session.flush()
    return user


def authenticate(session: Session, email: str, password: str) -> User | None:
    """The active user with these credentials, or None."""
    user = find_user(session, email)
    if user and user.active and check_password_hash(user.password_hash, password or ""):
        return user
    return None


def change_password(user: User, current: str, new: str) -> None:
    """Set a new password after checking the current one."""
    if not check_password_hash(user.password_hash, current or ""):
        raise AccountError(_("The current password is not correct."))
    validate_password(new)
    user.password_hash = hash_password(new)


@dataclass
class ImportReport:
    """Outcome of a CSV import: created users, or the per-row errors that stopped it."""

    created: list[User] = field(default_factory=list)
    errors: list[tuple[int, str]] = field(default_factory=list)


def import_participants_csv(session: Session, data: str, default_password: str) -> ImportReport:
    """Create participants from CSV text; all rows or none (errors are reported per row)."""
    report = ImportReport()
    reader = csv.DictReader(io.StringIO(data.lstrip("\ufeff")))
    headers = [h.strip().lower() for h in (reader.fieldnames or [])]
    missing = [c for c in ("name", "email") if c not in headers]
    if missing:
        report.errors.append((1, _("Missing column(s): %(cols)s.", cols=", ".join(missing))))
        return report
    seen: set[str] = set()
    rows = []
    for lineno, raw in enumerate(reader, start=2):
        row = {(k or "").strip().lower(): (v or "").strip() for k, v in raw.items()}
        if not any(row.values()):
            continue
        problem = _row_problem(session, row, seen)
        if problem:
            report.errors.append((lineno, problem))
        else:
            seen.add(normalise_email(row["email"]))
            rows.append(row)
    if report.errors:
        return report
    if not rows:
        report.errors.append((1, _("The file has no participant rows.")))
        return report
    for row in rows:
        report.created.append(
            create_user(
                session,
                email=row["email"],
                name=row["name"],
                password=default_password,
                department=row.get("department", ""),
                job_title=row.get("job_title", ""),
                career_level=(row.get("career_level") or "mid").lower(),
            )
        )
    return report


def _row_problem(session: Session, row: dict, seen: set[str]) -> str | None:
    email = normalise_email(row.get("email", ""))
    if not row.get("name"):
        return _("the name is empty")
    if not EMAIL_RE.match(email):
        return _("“%(email)s” is not a valid e-mail address", email=row.get("email", ""))
    if email in seen:
        return _("%(email)s appears twice in the file", email=email)
    if session.scalar(select(func.count()).select_from(User).where(User.email == email)):
        return _("%(email)s already has an account", email=email)
    level = (row.get("career_level") or "mid").lower()
    if level not in CAREER_LEVELS:
        return _(
            "career level “%(level)s” is not one of %(levels)s",
            level=row.get("career_level"),
            levels=", ".join(CAREER_LEVELS),
        )
    return None
