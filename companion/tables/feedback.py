"""Feedback surveys: short pulse responses participants give about their pairing."""

from datetime import datetime
from typing import Optional

from sqlalchemy import ForeignKey, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from companion.db import Base
from companion.tables.accounts import User, utcnow


class FeedbackResponse(Base):
    """One participant's pulse survey about one active pair, at one moment."""

    __tablename__ = "feedback_responses"

    id: Mapped[int] = mapped_column(primary_key=True)
    programme_id: Mapped[int] = mapped_column(
        ForeignKey("programmes.id", ondelete="CASCADE"), index=True
    )
    match_id: Mapped[Optional[int]] = mapped_column(ForeignKey("matches.id", ondelete="SET NULL"))
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    # 1 (not at all) .. 5 (very): how useful the sessions are, how much progress on one's goals.
    usefulness: Mapped[int]
    progress: Mapped[int]
    meeting_regularly: Mapped[bool]
    comment: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    user: Mapped[User] = relationship()
