"""People: sign-in accounts and their mentoring profiles."""

from datetime import UTC, datetime

from flask_login import UserMixin
from sqlalchemy import JSON, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from companion.db import Base

ROLES = ("participant", "coordinator")
CAREER_LEVELS = ("junior", "mid", "senior", "lead")
FORMAT_PREFS = ("one_to_one", "group", "any")
DAYS = ("mon", "tue", "wed", "thu", "fri")
PARTS = ("am", "pm")
SLOTS = tuple(f"{d}-{p}" for d in DAYS for p in PARTS)
LANGUAGES = ("en", "bg", "de", "fr", "es", "ru", "tr", "ro")


def utcnow() -> datetime:
    """Timezone-aware now, for column defaults."""
    return datetime.now(UTC)


class User(UserMixin, Base):
    """A person who can sign in: a participant or a coordinator."""

    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(255), unique=True, index=True)
    name: Mapped[str] = mapped_column(String(200))
    password_hash: Mapped[str] = mapped_column(String(255))
    role: Mapped[str] = mapped_column(String(20), default="participant")
    locale: Mapped[str | None] = mapped_column(String(8))
    active: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    profile: Mapped["Profile"] = relationship(
        back_populates="user", uselist=False, cascade="all, delete-orphan"
    )

    @property
    def is_coordinator(self) -> bool:
        """True for programme coordinators."""
        return self.role == "coordinator"

    @property
    def is_active(self) -> bool:  # Flask-Login reads this
        return self.active

    @property
    def first_name(self) -> str:
        """The first word of the name, for friendly greetings."""
        return self.name.split()[0] if self.name else self.email

    def __repr__(self) -> str:
        return f"<User {self.email} {self.role}>"


class Profile(Base):
    """What a participant offers, wants and prefers; the input to matching."""

    __tablename__ = "profiles"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), unique=True)
    department: Mapped[str] = mapped_column(String(120), default="")
    job_title: Mapped[str] = mapped_column(String(120), default="")
    career_level: Mapped[str] = mapped_column(String(20), default="mid")
    manager_email: Mapped[str | None] = mapped_column(String(255))
    skills: Mapped[list] = mapped_column(JSON, default=list)
    goals: Mapped[list] = mapped_column(JSON, default=list)
    interests: Mapped[list] = mapped_column(JSON, default=list)
    languages: Mapped[list] = mapped_column(JSON, default=list)
    availability: Mapped[list] = mapped_column(JSON, default=list)
    format_pref: Mapped[str] = mapped_column(String(20), default="any")
    avoid_ids: Mapped[list] = mapped_column(JSON, default=list)
    opt_in: Mapped[bool] = mapped_column(default=True)
    bio: Mapped[str] = mapped_column(Text, default="")
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    user: Mapped[User] = relationship(back_populates="profile")
