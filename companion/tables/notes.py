"""Session notes of an active pair, and what comes out of them: tasks and goals."""

from datetime import date, datetime
from typing import Optional

from sqlalchemy import JSON, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from companion.db import Base
from companion.tables.accounts import User, utcnow
from companion.tables.matching import Match

GOAL_STATUSES = ("not_started", "on_track", "off_track", "completed")


class NoteSession(Base):
    """One mentoring session of a pair: when, who came, and the notes they wrote."""

    __tablename__ = "note_sessions"

    id: Mapped[int] = mapped_column(primary_key=True)
    match_id: Mapped[int] = mapped_column(ForeignKey("matches.id", ondelete="CASCADE"), index=True)
    date: Mapped[date]
    # User ids of the pair members who attended.
    attendees: Mapped[list] = mapped_column(JSON, default=list)
    notes_md: Mapped[str] = mapped_column(Text, default="")
    # Bumped by every save; an editor sends the revision it started from to detect conflicts.
    revision: Mapped[int] = mapped_column(default=0)
    updated_by: Mapped[Optional[int]] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)
    # The pair chose to show the summary to coordinators.
    shared_summary: Mapped[bool] = mapped_column(default=False)
    # Latest analysis (pipeline result, each item with its review state).
    ai_result: Mapped[Optional[dict]] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    match: Mapped[Match] = relationship()
    drafts: Mapped[list["NoteDraft"]] = relationship(
        back_populates="note_session", cascade="all, delete-orphan"
    )


class NoteDraft(Base):
    """A person's text that could not be saved over a newer version: kept until resolved."""

    __tablename__ = "note_drafts"
    __table_args__ = (UniqueConstraint("session_id", "user_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("note_sessions.id", ondelete="CASCADE"))
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    text: Mapped[str] = mapped_column(Text, default="")
    base_revision: Mapped[int] = mapped_column(default=0)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)

    note_session: Mapped[NoteSession] = relationship(back_populates="drafts")


class Task(Base):
    """An action item someone owns: checkable, with an optional due date."""

    __tablename__ = "tasks"

    id: Mapped[int] = mapped_column(primary_key=True)
    owner_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    session_id: Mapped[Optional[int]] = mapped_column(
        ForeignKey("note_sessions.id", ondelete="SET NULL")
    )
    text: Mapped[str] = mapped_column(Text)
    due: Mapped[Optional[date]]
    done: Mapped[bool] = mapped_column(default=False)
    done_at: Mapped[Optional[datetime]]
    created_by: Mapped[Optional[int]] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    owner: Mapped[User] = relationship(foreign_keys=[owner_id])

    def is_overdue(self, today: date) -> bool:
        """Open and past its due date."""
        return not self.done and self.due is not None and self.due < today


class Goal(Base):
    """A participant's SMART goal with a status and a trail of progress notes."""

    __tablename__ = "goals"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    session_id: Mapped[Optional[int]] = mapped_column(
        ForeignKey("note_sessions.id", ondelete="SET NULL")
    )
    statement: Mapped[str] = mapped_column(Text)
    specific: Mapped[str] = mapped_column(Text, default="")
    measurable: Mapped[str] = mapped_column(Text, default="")
    achievable: Mapped[str] = mapped_column(Text, default="")
    relevant: Mapped[str] = mapped_column(Text, default="")
    time_bound: Mapped[str] = mapped_column(Text, default="")
    due: Mapped[Optional[date]]
    status: Mapped[str] = mapped_column(String(20), default="not_started")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)

    user: Mapped[User] = relationship()
    notes: Mapped[list["GoalNote"]] = relationship(
        back_populates="goal", cascade="all, delete-orphan", order_by="GoalNote.id.desc()"
    )


class GoalNote(Base):
    """A dated progress note on a goal, with the status it was given then."""

    __tablename__ = "goal_notes"

    id: Mapped[int] = mapped_column(primary_key=True)
    goal_id: Mapped[int] = mapped_column(ForeignKey("goals.id", ondelete="CASCADE"), index=True)
    author_id: Mapped[Optional[int]] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    status: Mapped[str] = mapped_column(String(20))
    text: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    goal: Mapped[Goal] = relationship(back_populates="notes")
