"""Demo step: three active pairs (Ana with Boris among them) with past sessions and notes."""

from datetime import UTC, date, datetime, timedelta

from flask import current_app
from sqlalchemy import select
from sqlalchemy.orm import Session

from companion.engines import get_embedder
from companion.services.accounts import find_user
from companion.services.matching import _store as store_suggestion
from companion.services.matching import preview
from companion.tables.matching import Match, MatchMember
from companion.tables.notes import NoteSession
from companion.tables.programmes import Programme

# (first email, second email, [(days ago, notes)]); notes are written in the pair's language.
PAIRS = [
    (
        "ana@example.com",
        "boris@example.com",
        [
            (
                35,
                """\
# First session

We agreed to meet every second Tuesday afternoon for an hour. Ana wants to present her
pipeline work to the leadership team without freezing up; Boris wants to stop waiting
ten minutes for his funnel queries.

Boris walked through the dashboard he showed the executives last quarter. The trick he
uses is one message per slide and the number in the title. Ana found that useful.

Ana looked at two of Boris's slow queries. Both scan the whole events table because
the date filter is applied after a join.

- Ana will rewrite the weekly funnel query with a window function by Friday.
- Boris will send Ana his slide template tomorrow.
""",
            ),
            (
                21,
                """\
# Second session

The rewritten funnel query now runs in 40 seconds instead of 9 minutes. Boris tried
the pattern on a second report on his own and it worked.

Ana drafted a five-slide story about the ingestion migration. Boris said the first
slide has three messages and the audience will not know which one matters. We decided
to lead with the cost saving and move the architecture diagram to the appendix.

Ana is nervous about questions she cannot answer. Boris suggested saying "I will come
back to you by Friday" and writing the question down.

TODO: Ana to rehearse the talk with Boris next Thursday.
TODO: Boris to read the Airflow intro chapter before the next session.
""",
            ),
            (
                7,
                """\
# Third session

Ana rehearsed the talk twice. The second run took 11 minutes, under the 15 minute
slot. Boris played a sceptical director and asked about the migration risk; Ana
answered calmly and admitted one number she had to check.

Boris has read the Airflow chapter and wants to automate his Monday data pull. We
decided he will start with a single DAG that exports the weekly active users table.

- Boris will build a first Airflow DAG for the Monday export by next Wednesday.
- Ana will ask her manager for a slot at the leadership review in March.
- Next session: review the DAG together and plan the Q&A part of the talk.
""",
            ),
        ],
    ),
    (
        "chloe@example.com",
        "farid@example.com",
        [
            (
                28,
                """\
Session notes

Chloe shared the design doc she wrote for the cluster upgrade and asked Farid where it
lost him. Farid said the summary was at the end, so he had to read four pages before
knowing the decision. Chloe will move the decision and the risks to the top of the
document.

Farid is giving his first internal tech talk on threat modelling in six weeks. He is
worried about the live demo failing. Chloe suggested recording a backup video of the
demo.

Farid will send Chloe an outline of the talk by Monday.
""",
            ),
            (
                12,
                """\
Session notes

Farid's outline has 22 slides for a 20 minute slot. We cut it to 12 by dropping the
history of STRIDE and keeping the worked example.

Chloe rewrote the upgrade doc with the decision first. Two reviewers approved it in a
day, compared with a week for her previous doc.

- Farid will record the backup demo video before the dry run.
- Chloe will run a dry run of Farid's talk with her team on the 3rd of next month.
""",
            ),
        ],
    ),
    (
        "dimitar@example.com",
        "elena@example.com",
        [
            (
                30,
                """\
# Първа среща

Договорихме се да се виждаме всяка втора сряда сутрин. Елена иска да измерва ефекта
от програмата за въвеждане на новите колеги с данни, а не само с анкети. Димитър иска
да дава по-полезни коментари в code review, без да звучи грубо.

Елена обясни модела „ситуация, поведение, ефект“ за обратна връзка. Димитър ще опита
модела в три code review до петък.

Димитър ще подготви примерен Python скрипт, който чете експорта от HR системата.
""",
            ),
            (
                9,
                """\
# Втора среща

Димитър показа три коментара от code review по модела. Колегите са отговорили на
всички за по-малко от ден. Елена каза, че последният коментар е най-ясен.

Скриптът на Димитър вече брои колко нови колеги са завършили въвеждането за 30 дни.
Решихме Елена да направи първото табло в BI инструмента по тези данни.

- Елена ще направи табло с три показателя до следващия вторник.
- Димитър ще добави проверка за липсващи дати в скрипта.
""",
            ),
        ],
    ),
]


def _programme(session: Session) -> Programme | None:
    return session.scalars(select(Programme).order_by(Programme.id)).first()


def _accepted_pair(session: Session, programme: Programme, a: int, b: int) -> Match:
    """The accepted match of exactly these two people, created if absent."""
    for match in session.scalars(
        select(Match).where(Match.programme_id == programme.id, Match.status == "accepted")
    ):
        if sorted(m.user_id for m in match.members) == sorted([a, b]):
            return match
    match = Match(
        programme_id=programme.id,
        round=1,
        status="accepted",
        accepted_at=datetime.now(UTC) - timedelta(days=40),
        members=[MatchMember(user_id=a), MatchMember(user_id=b)],
    )
    # Score and explain the demo pair with the real matching engine, as a coordinator would see.
    suggestion = preview(session, programme, [a, b], get_embedder(current_app))
    store_suggestion(match, suggestion)
    session.add(match)
    session.flush()
    return match


def seed_demo_pairs(session: Session) -> list[str]:
    """Create the demo pairs and their past sessions once; re-running adds nothing."""
    programme = _programme(session)
    if programme is None:
        return ["demo pairs skipped: no programme"]
    created = 0
    for first, second, sessions in PAIRS:
        a, b = find_user(session, first), find_user(session, second)
        if a is None or b is None:
            continue
        match = _accepted_pair(session, programme, a.id, b.id)
        if session.scalar(select(NoteSession.id).where(NoteSession.match_id == match.id)):
            continue
        for days_ago, notes in sessions:
            session.add(
                NoteSession(
                    match_id=match.id,
                    date=date.today() - timedelta(days=days_ago),
                    attendees=[a.id, b.id],
                    notes_md=notes,
                    revision=1,
                    updated_by=a.id,
                )
            )
            created += 1
        session.flush()
    return [f"{created} demo sessions with notes created" if created else "demo sessions present"]
