"""Tasks (accepted action items) and SMART goals of a participant."""

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from companion.jobs import now
from companion.tables.notes import GOAL_STATUSES, Goal, GoalNote, Task


def parse_due(value: str | None) -> date | None:
    """An ISO date from a form or an AI item, or None when empty or malformed."""
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


def create_task(
    session: Session,
    owner_id: int,
    text: str,
    due: date | None = None,
    *,
    session_id: int | None = None,
    created_by: int | None = None,
) -> Task:
    """Add an open task for `owner_id`."""
    task = Task(
        owner_id=owner_id, text=text.strip(), due=due, session_id=session_id, created_by=created_by
    )
    session.add(task)
    session.flush()
    return task


def set_task_done(task: Task, done: bool) -> None:
    """Tick or untick a task."""
    task.done = done
    task.done_at = now() if done else None


def tasks_for(session: Session, user_id: int, *, include_done: bool = True) -> list[Task]:
    """A person's tasks: open ones first, by due date (undated last), then done ones."""
    stmt = select(Task).where(Task.owner_id == user_id)
    if not include_done:
        stmt = stmt.where(Task.done.is_(False))
    tasks = list(session.scalars(stmt))
    return sorted(tasks, key=lambda t: (t.done, t.due is None, t.due or date.max, t.id))


def create_goal(
    session: Session,
    user_id: int,
    statement: str,
    *,
    specific: str = "",
    measurable: str = "",
    achievable: str = "",
    relevant: str = "",
    time_bound: str = "",
    due: date | None = None,
    session_id: int | None = None,
) -> Goal:
    """Add a goal (status Not started) for `user_id`."""
    goal = Goal(
        user_id=user_id,
        statement=statement.strip(),
        specific=specific,
        measurable=measurable,
        achievable=achievable,
        relevant=relevant,
        time_bound=time_bound,
        due=due,
        session_id=session_id,
    )
    session.add(goal)
    session.flush()
    return goal


def update_goal(
    session: Session, goal: Goal, status: str, note: str = "", *, author_id: int | None = None
) -> GoalNote:
    """Set a goal's status and record a progress note with it."""
    if status not in GOAL_STATUSES:
        raise ValueError(f"unknown goal status {status!r}")
    goal.status = status
    goal.updated_at = now()
    entry = GoalNote(goal=goal, author_id=author_id, status=status, text=note.strip())
    session.add(entry)
    session.flush()
    return entry


def goals_for(session: Session, user_id: int) -> list[Goal]:
    """A person's goals: unfinished ones first, by due date."""
    goals = list(session.scalars(select(Goal).where(Goal.user_id == user_id)))
    return sorted(
        goals, key=lambda g: (g.status == "completed", g.due is None, g.due or date.max, g.id)
    )
