"""Demo data: a coordinator, about twenty participants and a running programme."""

from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import yaml
from sqlalchemy import select
from sqlalchemy.orm import Session

from companion.demo_notes import seed_demo_pairs
from companion.services.accounts import create_user, find_user
from companion.services.library import seed_library
from companion.tables.programmes import Programme, ProgrammeMember

DEMO_PASSWORD = "mentoring-demo"
COORDINATOR_EMAIL = "coordinator@example.com"
PROGRAMME_NAME = "Peer Learning Circle 2026"
PEOPLE_FILE = Path(__file__).parent / "demo_data" / "people.yaml"
GUIDELINES = """\
## How we work together

- **Meet every two weeks** for 45–60 minutes; agree a regular slot in your first session.
- **Confidential by default.** What you discuss stays between you unless you both agree to share it.
- **Both of you teach, both of you learn.** Each session, spend time on each person's goals.
- **Write short notes** after each session and agree who does what before the next one.
- **Stuck?** Tell your coordinator; changing partners is normal and nobody has to explain why.
"""


def demo_people() -> list[dict]:
    """The demo participants as plain dicts."""
    return yaml.safe_load(PEOPLE_FILE.read_text(encoding="utf-8"))


def _seed_people(session: Session) -> list[str]:
    created = 0
    if not find_user(session, COORDINATOR_EMAIL):
        create_user(
            session,
            email=COORDINATOR_EMAIL,
            name="Maria Koleva",
            password=DEMO_PASSWORD,
            role="coordinator",
            department="People & Culture",
            job_title="Learning Programme Coordinator",
            career_level="senior",
        )
    for person in demo_people():
        if find_user(session, person["email"]):
            continue
        user = create_user(
            session,
            email=person["email"],
            name=person["name"],
            password=DEMO_PASSWORD,
            department=person["department"],
            job_title=person["job_title"],
            career_level=person["career_level"],
        )
        pr = user.profile
        pr.skills = person["skills"]
        pr.goals = person["goals"]
        pr.interests = person.get("interests", [])
        pr.languages = person.get("languages", ["en"])
        pr.availability = person.get("availability", [])
        pr.format_pref = person.get("format_pref", "any")
        created += 1
    session.flush()
    return [f"{created} demo participants created" if created else "demo participants present"]


def _seed_programme(session: Session) -> list[str]:
    if session.scalar(select(Programme).where(Programme.name == PROGRAMME_NAME)):
        return ["demo programme present"]
    coordinator = find_user(session, COORDINATOR_EMAIL)
    start = date.today() - timedelta(days=42)
    programme = Programme(
        name=PROGRAMME_NAME,
        purpose="Colleagues at similar career stages pair up to teach each other one skill "
        "and learn another, across departments.",
        goals="Every participant makes visible progress on one goal they chose, and builds a "
        "relationship outside their own team.",
        format="peer",
        start_date=start,
        end_date=start + timedelta(days=180),
        cadence="biweekly",
        guidelines_md=GUIDELINES,
        settings={},
        created_by_id=coordinator.id,
    )
    for person in demo_people():
        user = find_user(session, person["email"])
        programme.members.append(ProgrammeMember(user_id=user.id, role="participant"))
    session.add(programme)
    session.flush()
    return [f"programme “{PROGRAMME_NAME}” created"]


# Later areas append their own steps (library corpus, demo pairs with session notes, ...).
DEMO_STEPS: list[Callable[[Session], list[str]]] = [
    _seed_people,
    _seed_programme,
    seed_library,
    seed_demo_pairs,
]


def seed_demo(session: Session) -> list[str]:
    """Run every demo step; safe to repeat. Returns what each step did."""
    lines: list[str] = []
    for step in DEMO_STEPS:
        lines.extend(step(session))
    return lines
