"""Profiles: parsing and validating what a participant types, and saving it."""

import re

from flask_babel import gettext as _
from sqlalchemy import select
from sqlalchemy.orm import Session

from companion.tables.accounts import (
    CAREER_LEVELS,
    FORMAT_PREFS,
    LANGUAGES,
    SLOTS,
    Profile,
    User,
)

MAX_ENTRIES = 12
MAX_ENTRY_LEN = 200
LIST_FIELDS = ("skills", "goals", "interests")


def split_entries(text: str) -> list[str]:
    """One entry per line (or separated by ';'), trimmed, empty and duplicate lines dropped."""
    out: list[str] = []
    for part in re.split(r"[\n;]+", text or ""):
        item = part.strip(" \t\r-•*")
        if item and item.lower() not in (o.lower() for o in out):
            out.append(item)
    return out


def profile_form_values(profile: Profile) -> dict:
    """The profile as the form shows it (lists joined one per line)."""
    return {
        "department": profile.department,
        "job_title": profile.job_title,
        "career_level": profile.career_level,
        "manager_email": profile.manager_email or "",
        "skills": "\n".join(profile.skills or []),
        "goals": "\n".join(profile.goals or []),
        "interests": "\n".join(profile.interests or []),
        "languages": list(profile.languages or []),
        "availability": list(profile.availability or []),
        "format_pref": profile.format_pref,
        "avoid_ids": [int(i) for i in profile.avoid_ids or []],
        "opt_in": profile.opt_in,
        "bio": profile.bio,
    }


def parse_profile_form(form, user_ids: set[int]) -> tuple[dict, dict]:
    """Turn submitted form data into (values, errors); values keep exactly what was typed."""
    values = {
        "department": form.get("department", "").strip(),
        "job_title": form.get("job_title", "").strip(),
        "career_level": form.get("career_level", ""),
        "manager_email": form.get("manager_email", "").strip(),
        "skills": form.get("skills", ""),
        "goals": form.get("goals", ""),
        "interests": form.get("interests", ""),
        "languages": form.getlist("languages"),
        "availability": form.getlist("availability"),
        "format_pref": form.get("format_pref", "any"),
        "avoid_ids": [int(v) for v in form.getlist("avoid_ids") if v.isdigit()],
        "opt_in": form.get("opt_in") in ("on", "1", "true", "y"),
        "bio": form.get("bio", ""),
    }
    return values, validate_profile(values, user_ids)


def validate_profile(values: dict, user_ids: set[int]) -> dict:
    """Field → message for every problem in the values."""
    errors: dict[str, str] = {}
    if values["career_level"] not in CAREER_LEVELS:
        errors["career_level"] = _("Choose your career level.")
    if values["format_pref"] not in FORMAT_PREFS:
        errors["format_pref"] = _("Choose how you prefer to meet.")
    if len(values["department"]) > 120:
        errors["department"] = _("Keep the department under 120 characters.")
    if len(values["job_title"]) > 120:
        errors["job_title"] = _("Keep the job title under 120 characters.")
    if values["manager_email"] and "@" not in values["manager_email"]:
        errors["manager_email"] = _("Enter your manager's e-mail address, or leave it empty.")
    for name in LIST_FIELDS:
        entries = split_entries(values[name])
        if len(entries) > MAX_ENTRIES:
            errors[name] = _("Please list at most %(n)d entries.", n=MAX_ENTRIES)
        elif any(len(e) > MAX_ENTRY_LEN for e in entries):
            errors[name] = _("Each entry must be shorter than %(n)d characters.", n=MAX_ENTRY_LEN)
    if values["opt_in"] and not split_entries(values["skills"]):
        errors["skills"] = _("Add at least one skill you can offer, so we can match you.")
    if values["opt_in"] and not split_entries(values["goals"]):
        errors["goals"] = _("Add at least one goal you want to work on, so we can match you.")
    if any(code not in LANGUAGES for code in values["languages"]):
        errors["languages"] = _("Pick languages from the list.")
    if not values["languages"]:
        errors["languages"] = _("Pick at least one language you can meet in.")
    if any(slot not in SLOTS for slot in values["availability"]):
        errors["availability"] = _("Pick time slots from the grid.")
    if any(i not in user_ids for i in values["avoid_ids"]):
        errors["avoid_ids"] = _("Pick people from the list.")
    return errors


def save_profile(profile: Profile, values: dict) -> None:
    """Store validated values on the profile."""
    profile.department = values["department"]
    profile.job_title = values["job_title"]
    profile.career_level = values["career_level"]
    profile.manager_email = values["manager_email"] or None
    for name in LIST_FIELDS:
        setattr(profile, name, split_entries(values[name]))
    profile.languages = list(values["languages"])
    profile.availability = [s for s in SLOTS if s in values["availability"]]
    profile.format_pref = values["format_pref"]
    profile.avoid_ids = [i for i in values["avoid_ids"] if i != profile.user_id]
    profile.opt_in = values["opt_in"]
    profile.bio = values["bio"].strip()


def other_participants(session: Session, user_id: int) -> list[User]:
    """Everyone a participant could list as someone to avoid."""
    return list(
        session.scalars(
            select(User)
            .where(User.role == "participant", User.id != user_id, User.active.is_(True))
            .order_by(User.name)
        )
    )


def list_profiles(session: Session, query: str = "") -> list[User]:
    """Participants with their profiles, optionally filtered by name, department or title."""
    stmt = select(User).join(Profile).where(User.role == "participant").order_by(User.name)
    if query:
        like = f"%{query.strip()}%"
        stmt = stmt.where(
            User.name.ilike(like) | Profile.department.ilike(like) | Profile.job_title.ilike(like)
        )
    return list(session.scalars(stmt))
