"""Mentoring programmes and who takes part in them."""

from datetime import date, datetime

from sqlalchemy import JSON, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from companion.db import Base
from companion.tables.accounts import User, utcnow

FORMATS = ("peer", "mentor", "group")
MEMBER_ROLES = ("participant", "mentor", "mentee")


class Programme(Base):
    """A programme run by a coordinator: purpose, format, dates, cadence, guidelines."""

    __tablename__ = "programmes"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    purpose: Mapped[str] = mapped_column(Text, default="")
    goals: Mapped[str] = mapped_column(Text, default="")
    format: Mapped[str] = mapped_column(String(20), default="peer")
    start_date: Mapped[date | None]
    end_date: Mapped[date | None]
    cadence: Mapped[str] = mapped_column(String(40), default="biweekly")
    guidelines_md: Mapped[str] = mapped_column(Text, default="")
    # Matching weights and constraints, edited by the coordinator.
    settings: Mapped[dict] = mapped_column(JSON, default=dict)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    members: Mapped[list["ProgrammeMember"]] = relationship(
        back_populates="programme", cascade="all, delete-orphan"
    )


class ProgrammeMember(Base):
    """A participant's place in a programme (and, in mentor mode, their side and capacity)."""

    __tablename__ = "programme_members"
    __table_args__ = (UniqueConstraint("programme_id", "user_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    programme_id: Mapped[int] = mapped_column(ForeignKey("programmes.id", ondelete="CASCADE"))
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    role: Mapped[str] = mapped_column(String(20), default="participant")
    capacity: Mapped[int] = mapped_column(default=1)

    programme: Mapped[Programme] = relationship(back_populates="members")
    user: Mapped[User] = relationship()
