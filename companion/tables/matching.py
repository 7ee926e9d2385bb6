"""Suggested and accepted matches (pairs or small groups) within a programme."""

from datetime import datetime

from sqlalchemy import JSON, ForeignKey, LargeBinary, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from companion.db import Base
from companion.tables.accounts import User, utcnow

MATCH_STATUSES = ("suggested", "accepted", "rejected")


class Match(Base):
    """A suggested or accepted pairing; an accepted one is an active pair (or group)."""

    __tablename__ = "matches"

    id: Mapped[int] = mapped_column(primary_key=True)
    programme_id: Mapped[int] = mapped_column(
        ForeignKey("programmes.id", ondelete="CASCADE"), index=True
    )
    round: Mapped[int] = mapped_column(default=1)
    status: Mapped[str] = mapped_column(String(20), default="suggested", index=True)
    locked: Mapped[bool] = mapped_column(default=False)
    score: Mapped[float] = mapped_column(default=0.0)
    breakdown: Mapped[dict] = mapped_column(JSON, default=dict)
    reasons: Mapped[list] = mapped_column(JSON, default=list)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    accepted_at: Mapped[datetime | None]

    members: Mapped[list["MatchMember"]] = relationship(
        back_populates="match", cascade="all, delete-orphan", order_by="MatchMember.id"
    )

    @property
    def users(self) -> list[User]:
        """The matched people, in a stable order."""
        return [m.user for m in self.members]


class MatchMember(Base):
    """One person in a match."""

    __tablename__ = "match_members"
    __table_args__ = (UniqueConstraint("match_id", "user_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    match_id: Mapped[int] = mapped_column(ForeignKey("matches.id", ondelete="CASCADE"))
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)

    match: Mapped[Match] = relationship(back_populates="members")
    user: Mapped[User] = relationship()


class PhraseVector(Base):
    """A skill, goal or interest phrase embedded once, keyed by model and text hash.

    Matching a cohort looks its phrases up here and embeds only the new ones, so re-running
    after an accept, a swap or a profile change costs milliseconds, not a pass of the model.
    """

    __tablename__ = "phrase_vectors"
    __table_args__ = (UniqueConstraint("model", "text_hash"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    model: Mapped[str] = mapped_column(String(200))
    text_hash: Mapped[str] = mapped_column(String(64))
    vector: Mapped[bytes] = mapped_column(LargeBinary)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
