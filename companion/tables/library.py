"""The resource library: resources, their passages (with cached embeddings), a change counter."""

from datetime import datetime

from sqlalchemy import JSON, ForeignKey, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from companion.db import Base
from companion.tables.accounts import User, utcnow

KINDS = ("guide", "checklist", "template", "article", "exercise", "video-link")
LEVELS = ("beginner", "intermediate", "advanced")
STATUSES = ("published", "suggested")


class Resource(Base):
    """One library item: Markdown body plus the metadata the filters use."""

    __tablename__ = "library_resources"

    id: Mapped[int] = mapped_column(primary_key=True)
    # Stable external id: the Markdown file stem or the id given in a .jsonl import.
    slug: Mapped[str] = mapped_column(String(200), unique=True)
    title: Mapped[str] = mapped_column(String(300))
    kind: Mapped[str] = mapped_column(String(40), default="guide")
    topics: Mapped[list] = mapped_column(JSON, default=list)
    level: Mapped[str] = mapped_column(String(20), default="")
    language: Mapped[str] = mapped_column(String(10), default="en")
    minutes: Mapped[int | None]
    url: Mapped[str] = mapped_column(String(500), default="")
    body_md: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(20), default="published")
    suggested_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)

    passages: Mapped[list["LibraryPassage"]] = relationship(
        back_populates="resource", cascade="all, delete-orphan", order_by="LibraryPassage.position"
    )
    suggested_by: Mapped[User | None] = relationship()


class LibraryPassage(Base):
    """A searchable passage of a resource and its embedding, keyed by content hash and model."""

    __tablename__ = "library_passages"

    id: Mapped[int] = mapped_column(primary_key=True)
    resource_id: Mapped[int] = mapped_column(
        ForeignKey("library_resources.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(default=0)
    text: Mapped[str] = mapped_column(Text)
    # sha256 of the embedded text (title + passage): unchanged text is never embedded again.
    text_hash: Mapped[str] = mapped_column(String(64))
    model: Mapped[str] = mapped_column(String(200), default="")
    vector: Mapped[bytes | None] = mapped_column(LargeBinary)

    resource: Mapped[Resource] = relationship(back_populates="passages")


class LibraryState(Base):
    """A single row whose version grows with every library change (lets processes resync)."""

    __tablename__ = "library_state"

    id: Mapped[int] = mapped_column(primary_key=True)
    version: Mapped[int] = mapped_column(default=0)
