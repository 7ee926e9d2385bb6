"""People as the matcher sees them: parsed phrases, levels, slots and constraints."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

LEVELS = {"junior": 0, "mid": 1, "senior": 2, "lead": 3}
ROLES = {"participant", "mentor", "mentee"}

_SPLIT = re.compile(r"[;,\n]+")


def split_phrases(value: Any) -> list[str]:
    """Turn a string ("a; b, c" or lines) or a list into clean, de-duplicated phrases."""
    if value is None:
        return []
    if isinstance(value, str):
        parts = _SPLIT.split(value)
    elif isinstance(value, list | tuple):
        parts = []
        for item in value:
            if not isinstance(item, str):
                raise ValueError(f"expected text, got {type(item).__name__}")
            parts.append(item)
    else:
        raise ValueError(f"expected text or a list of text, got {type(value).__name__}")
    seen: set[str] = set()
    phrases = []
    for part in parts:
        phrase = " ".join(part.split())
        key = phrase.casefold()
        if phrase and key not in seen:
            seen.add(key)
            phrases.append(phrase)
    return phrases


@dataclass
class Person:
    """One participant with everything the score and the constraints read."""

    id: Any
    name: str
    skills: list[str] = field(default_factory=list)
    goals: list[str] = field(default_factory=list)
    interests: list[str] = field(default_factory=list)
    languages: list[str] = field(default_factory=list)
    availability: list[str] = field(default_factory=list)
    career_level: str | None = None
    role: str = "participant"
    capacity: int = 1
    department: str | None = None
    email: str | None = None
    manager_email: str | None = None
    avoid: set = field(default_factory=set)
    prefer: set = field(default_factory=set)

    @property
    def level(self) -> int | None:
        """Career level as a number (junior 0 .. lead 3), None when unknown."""
        return LEVELS.get((self.career_level or "").lower())


def _id_list(value: Any, name: str) -> set:
    if value is None:
        return set()
    if not isinstance(value, list | tuple | set):
        raise ValueError(f'"{name}" must be a list of ids')
    for item in value:
        if not isinstance(item, str | int) or isinstance(item, bool):
            raise ValueError(f'"{name}" must hold ids (text or whole numbers)')
    return set(value)


def _opt_text(data: dict, key: str) -> str | None:
    value = data.get(key)
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise ValueError(f'"{key}" must be text')
    return value.strip() or None


def person_from_dict(data: Any) -> Person:
    """Validate one JSON profile and build a Person; raises ValueError naming the field."""
    if not isinstance(data, dict):
        raise ValueError("a profile must be a JSON object")
    pid = data.get("id")
    if pid is None or isinstance(pid, bool) or not isinstance(pid, str | int):
        raise ValueError('"id" is required (text or a whole number)')
    for key in ("skills", "goals"):
        if key not in data:
            raise ValueError(f'"{key}" is required')
    level = _opt_text(data, "career_level")
    if level is not None and level.lower() not in LEVELS:
        raise ValueError(f'"career_level" must be one of {", ".join(LEVELS)}')
    role = _opt_text(data, "role") or "participant"
    if role not in ROLES:
        raise ValueError('"role" must be mentor, mentee or participant')
    capacity = data.get("capacity", 1)
    if isinstance(capacity, bool) or not isinstance(capacity, int) or capacity < 0:
        raise ValueError('"capacity" must be a whole number >= 0')
    try:
        fields = {k: split_phrases(data.get(k)) for k in ("skills", "goals", "interests")}
        languages = [x.lower() for x in split_phrases(data.get("languages"))]
        slots = [x.lower() for x in split_phrases(data.get("availability"))]
    except ValueError as exc:
        raise ValueError(f"bad list: {exc}") from None
    name = data.get("name", pid)
    return Person(
        id=pid,
        name=str(name) if name not in (None, "") else str(pid),
        languages=languages,
        availability=slots,
        career_level=level.lower() if level else None,
        role=role,
        capacity=capacity,
        department=_opt_text(data, "department"),
        email=(_opt_text(data, "email") or "").lower() or None,
        manager_email=(_opt_text(data, "manager_email") or "").lower() or None,
        avoid=_id_list(data.get("avoid"), "avoid"),
        prefer=_id_list(data.get("prefer"), "prefer"),
        **fields,
    )
