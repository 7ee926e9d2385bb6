"""Programme health for coordinators: participation, matching, meetings, goals, feedback."""

from dataclasses import dataclass, field
from datetime import date, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from companion.tables.accounts import User
from companion.tables.feedback import FeedbackResponse
from companion.tables.matching import Match, MatchMember
from companion.tables.notes import Goal, NoteSession, Task
from companion.tables.programmes import Programme

CADENCE_DAYS = {"weekly": 7, "biweekly": 14, "monthly": 30}
GOAL_STATUSES = ("not_started", "on_track", "off_track", "completed")


@dataclass
class Health:
    """Everything the dashboard shows for one programme."""

    members: int = 0
    ready: int = 0
    opted_out: list[User] = field(default_factory=list)
    incomplete: list[User] = field(default_factory=list)
    unmatched: list[User] = field(default_factory=list)
    pairs: int = 0
    matched_people: int = 0
    sessions_30d: int = 0
    quiet_pairs: list[tuple[Match, date | None]] = field(default_factory=list)
    goals: dict[str, int] = field(default_factory=dict)
    tasks_open: int = 0
    tasks_overdue: int = 0
    tasks_done: int = 0
    responses: int = 0
    avg_usefulness: float | None = None
    avg_progress: float | None = None
    meeting_share: float | None = None
    comments: list[FeedbackResponse] = field(default_factory=list)


def programme_health(session: Session, programme: Programme, today: date | None = None) -> Health:
    """Compute the programme's health figures as of `today`."""
    today = today or date.today()
    h = Health(members=len(programme.members))
    members = [m.user for m in programme.members]
    member_ids = [u.id for u in members]
    pairs = list(
        session.scalars(
            select(Match).where(Match.programme_id == programme.id, Match.status == "accepted")
        )
    )
    h.pairs = len(pairs)
    matched = {mm.user_id for p in pairs for mm in p.members}
    h.matched_people = len(matched & set(member_ids))
    for user in members:
        pr = user.profile
        if not pr.opt_in:
            h.opted_out.append(user)
        elif not (pr.skills and pr.goals):
            h.incomplete.append(user)
        else:
            h.ready += 1
            if user.id not in matched:
                h.unmatched.append(user)
    _meetings(session, h, pairs, programme, today)
    _goals_and_tasks(session, h, member_ids, today)
    _feedback(session, h, programme)
    return h


def _meetings(session, h: Health, pairs, programme, today) -> None:
    if not pairs:
        return
    pair_ids = [p.id for p in pairs]
    h.sessions_30d = session.scalar(
        select(func.count())
        .select_from(NoteSession)
        .where(NoteSession.match_id.in_(pair_ids), NoteSession.date >= today - timedelta(days=30))
    )
    last = dict(
        session.execute(
            select(NoteSession.match_id, func.max(NoteSession.date))
            .where(NoteSession.match_id.in_(pair_ids), NoteSession.date <= today)
            .group_by(NoteSession.match_id)
        ).all()
    )
    # A pair is quiet when it has missed about two meetings at the programme's cadence.
    limit = timedelta(days=2 * CADENCE_DAYS.get(programme.cadence, 14))
    for pair in pairs:
        seen = last.get(pair.id)
        since = seen or (pair.accepted_at.date() if pair.accepted_at else today)
        if today - since > limit:
            h.quiet_pairs.append((pair, seen))


def _goals_and_tasks(session, h: Health, member_ids, today) -> None:
    if not member_ids:
        return
    counts = dict(
        session.execute(
            select(Goal.status, func.count())
            .where(Goal.user_id.in_(member_ids))
            .group_by(Goal.status)
        ).all()
    )
    h.goals = {status: counts.get(status, 0) for status in GOAL_STATUSES}
    tasks = session.execute(select(Task.done, Task.due).where(Task.owner_id.in_(member_ids))).all()
    h.tasks_done = sum(1 for done, _ in tasks if done)
    h.tasks_open = sum(1 for done, _ in tasks if not done)
    h.tasks_overdue = sum(1 for done, due in tasks if not done and due and due < today)


def _feedback(session, h: Health, programme) -> None:
    rows = list(
        session.scalars(
            select(FeedbackResponse)
            .where(FeedbackResponse.programme_id == programme.id)
            .order_by(FeedbackResponse.created_at.desc())
        )
    )
    h.responses = len(rows)
    if rows:
        h.avg_usefulness = sum(r.usefulness for r in rows) / len(rows)
        h.avg_progress = sum(r.progress for r in rows) / len(rows)
        h.meeting_share = sum(r.meeting_regularly for r in rows) / len(rows)
        h.comments = [r for r in rows if r.comment][:8]


def programmes_for_dashboard(session: Session) -> list[Programme]:
    """All programmes, newest first."""
    return list(session.scalars(select(Programme).order_by(Programme.id.desc())))


def pair_label(match: Match) -> str:
    """Names of a pair's members, for lists."""
    return " & ".join(u.name for u in match.users)


def members_of(session: Session, match_id: int) -> set[int]:
    """User ids in a match."""
    return set(session.scalars(select(MatchMember.user_id).where(MatchMember.match_id == match_id)))
