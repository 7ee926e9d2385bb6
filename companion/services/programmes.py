"""Programmes: validating and saving what a coordinator sets up, and membership."""

from datetime import date

from flask_babel import gettext as _
from sqlalchemy import select
from sqlalchemy.orm import Session

from companion.tables.accounts import User
from companion.tables.programmes import FORMATS, Programme, ProgrammeMember

CADENCES = ("weekly", "biweekly", "monthly")


def programme_form_values(p: Programme | None) -> dict:
    """The programme as the form shows it."""
    if p is None:
        return {
            "name": "", "purpose": "", "goals": "", "format": "peer", "start_date": "",
            "end_date": "", "cadence": "biweekly", "guidelines_md": "", "member_ids": [],
        }  # fmt: skip
    return {
        "name": p.name,
        "purpose": p.purpose,
        "goals": p.goals,
        "format": p.format,
        "start_date": p.start_date.isoformat() if p.start_date else "",
        "end_date": p.end_date.isoformat() if p.end_date else "",
        "cadence": p.cadence,
        "guidelines_md": p.guidelines_md,
        "member_ids": [m.user_id for m in p.members],
    }


def _parse_date(text: str) -> date | None:
    return date.fromisoformat(text) if text else None


def parse_programme_form(form) -> tuple[dict, dict]:
    """Turn submitted form data into (values, errors), keeping what was typed."""
    values = {
        "name": form.get("name", "").strip(),
        "purpose": form.get("purpose", ""),
        "goals": form.get("goals", ""),
        "format": form.get("format", ""),
        "start_date": form.get("start_date", "").strip(),
        "end_date": form.get("end_date", "").strip(),
        "cadence": form.get("cadence", ""),
        "guidelines_md": form.get("guidelines_md", ""),
        "member_ids": [int(v) for v in form.getlist("member_ids") if v.isdigit()],
    }
    errors: dict[str, str] = {}
    if not values["name"]:
        errors["name"] = _("Give the programme a name.")
    elif len(values["name"]) > 200:
        errors["name"] = _("Keep the name under 200 characters.")
    if values["format"] not in FORMATS:
        errors["format"] = _("Choose a format.")
    if values["cadence"] not in CADENCES:
        errors["cadence"] = _("Choose how often pairs meet.")
    dates = {}
    for key in ("start_date", "end_date"):
        try:
            dates[key] = _parse_date(values[key])
        except ValueError:
            errors[key] = _("Use a date like 2026-01-31.")
    if (
        dates.get("start_date")
        and dates.get("end_date")
        and dates["end_date"] < dates["start_date"]
    ):
        errors["end_date"] = _("The end date must be after the start date.")
    return values, errors


def save_programme(session: Session, p: Programme | None, values: dict, by: User) -> Programme:
    """Create or update a programme from validated values, syncing its members."""
    if p is None:
        p = Programme(created_by_id=by.id, settings={})
        session.add(p)
    p.name = values["name"]
    p.purpose = values["purpose"]
    p.goals = values["goals"]
    p.format = values["format"]
    p.start_date = _parse_date(values["start_date"])
    p.end_date = _parse_date(values["end_date"])
    p.cadence = values["cadence"]
    p.guidelines_md = values["guidelines_md"]
    wanted = set(values["member_ids"])
    valid = set(session.scalars(select(User.id).where(User.id.in_(wanted)))) if wanted else set()
    current = {m.user_id: m for m in p.members}
    for uid, member in current.items():
        if uid not in valid:
            p.members.remove(member)
    for uid in sorted(valid - current.keys()):
        p.members.append(ProgrammeMember(user_id=uid, role="participant"))
    session.flush()
    return p


def list_programmes(session: Session, user: User) -> list[Programme]:
    """Programmes a user may see: all for coordinators, their own for participants."""
    stmt = select(Programme).order_by(Programme.start_date.desc().nulls_last(), Programme.name)
    if not user.is_coordinator:
        stmt = stmt.join(ProgrammeMember).where(ProgrammeMember.user_id == user.id)
    return list(session.scalars(stmt))


def is_member(p: Programme, user: User) -> bool:
    """True if the user takes part in the programme."""
    return any(m.user_id == user.id for m in p.members)
