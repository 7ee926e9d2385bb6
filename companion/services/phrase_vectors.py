"""Stored phrase embeddings: each skill, goal or interest phrase goes through the model once.

`StoredEmbedder` wraps the app's embedder for matching: it reads the vectors it already has
from `phrase_vectors` (keyed by model name and a hash of the text), embeds only the rest and
stores them. Re-running matching, swapping partners or previewing a hand-made pair then costs
a lookup, not a model pass; a saved profile warms the store for its new phrases.
"""

from __future__ import annotations

import logging

import numpy as np
from sqlalchemy import select
from sqlalchemy.orm import Session

from companion.tables.matching import PhraseVector
from retrieval.embedder import content_hash

log = logging.getLogger(__name__)

# Hashes per SELECT ... IN (...): well under SQLite's and PostgreSQL's parameter limits.
LOOKUP_CHUNK = 500


class StoredEmbedder:
    """An embedder that remembers every phrase it embeds in the database."""

    def __init__(self, inner, session: Session):
        self.inner = inner
        self.session = session
        self.name = getattr(inner, "name", type(inner).__name__)
        # Figures of the last call, for run statistics and tests.
        self.last_hits = 0
        self.last_embedded = 0

    def _lookup(self, keys: list[str]) -> dict[str, np.ndarray]:
        found: dict[str, np.ndarray] = {}
        for start in range(0, len(keys), LOOKUP_CHUNK):
            chunk = keys[start : start + LOOKUP_CHUNK]
            rows = self.session.execute(
                select(PhraseVector.text_hash, PhraseVector.vector).where(
                    PhraseVector.model == self.name, PhraseVector.text_hash.in_(chunk)
                )
            )
            for key, blob in rows:
                found[key] = np.frombuffer(blob, dtype=np.float32)
        return found

    def _store(self, new: dict[str, np.ndarray]) -> None:
        rows = [
            {"model": self.name, "text_hash": k, "vector": v.astype(np.float32).tobytes()}
            for k, v in new.items()
        ]
        if self.session.get_bind().dialect.name == "postgresql":
            from sqlalchemy.dialects.postgresql import insert
        else:  # SQLite, the only other database the app runs on
            from sqlalchemy.dialects.sqlite import insert
        # A run at the same time may store the same phrase first: keep that copy.
        stmt = insert(PhraseVector).on_conflict_do_nothing(index_elements=["model", "text_hash"])
        for start in range(0, len(rows), LOOKUP_CHUNK):
            self.session.execute(stmt, rows[start : start + LOOKUP_CHUNK])

    def embed(self, texts: list[str]) -> np.ndarray:
        """Vectors for texts, in order; only phrases never seen with this model are embedded."""
        texts = list(texts)
        if not texts:
            return self.inner.embed(texts)
        keys = [content_hash(t) for t in texts]
        distinct = list(dict.fromkeys(keys))
        found = self._lookup(distinct)
        missing = {k: t for k, t in zip(keys, texts, strict=True) if k not in found}
        self.last_hits = len(found)
        self.last_embedded = len(missing)
        if missing:
            vectors = np.asarray(self.inner.embed(list(missing.values())), dtype=np.float32)
            new = dict(zip(missing, vectors, strict=True))
            self._store(new)
            found.update(new)
        return np.stack([found[k] for k in keys])


def profile_phrases(profile) -> list[str]:
    """The phrases of a profile that matching embeds: skills, goals and interests."""
    return [*(profile.skills or []), *(profile.goals or []), *(profile.interests or [])]


def run_store_job(ctx) -> dict:
    """Job handler: store the vectors of one profile's phrases (queued when it is saved)."""
    from companion.tables.accounts import Profile

    profile = ctx.session.scalar(select(Profile).where(Profile.user_id == ctx.payload["user_id"]))
    embedder = ctx.embedder()
    if profile is None or embedder is None:
        return {"embedded": 0}
    embedded = warm(ctx.session, embedder, profile_phrases(profile))
    ctx.session.commit()
    return {"embedded": embedded}


def warm(session: Session, embedder, phrases: list[str]) -> int:
    """Embed and store the phrases not stored yet (e.g. after a profile is saved)."""
    phrases = [p for p in phrases if p]
    if not phrases:
        return 0
    stored = StoredEmbedder(embedder, session)
    stored.embed(phrases)
    return stored.last_embedded
