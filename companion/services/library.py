"""Library: saving and importing resources, keeping the search engine in step with the database."""

from __future__ import annotations

import json
import logging
import threading
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import numpy as np
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from companion.tables.library import KINDS, LEVELS, LibraryPassage, LibraryState, Resource
from retrieval.embedder import content_hash
from retrieval.eval_sets import read_markdown_resource
from retrieval.passages import split_passages
from retrieval.search import Hit, Passage, ResourceDoc, SearchEngine, embed_text

log = logging.getLogger(__name__)
_lock = threading.Lock()

# Reading-time buckets for the "length" filter, in minutes.
LENGTHS = {"short": (0, 5), "medium": (6, 15), "long": (16, 10_000)}
FIELDS = ("title", "kind", "topics", "level", "language", "minutes", "url", "body_md")


class LibraryError(ValueError):
    """A resource that cannot be saved, with a message a person can act on."""


# -- the engine ------------------------------------------------------------------------
def engine_for(app, embedder) -> SearchEngine:
    """Return this process's search engine (created once; filled lazily by ensure_fresh)."""
    with _lock:
        engine = app.extensions.get("companion.library")
        if engine is None:
            path = Path(app.config["DATA_DIR"]) / "library" / "passages.faiss"
            engine = SearchEngine(embedder, index_path=path)
            engine.version = None
            app.extensions["companion.library"] = engine
        return engine


def library_version(session: Session) -> int:
    """Return the library's change counter (0 before the first change)."""
    return session.scalar(select(LibraryState.version).where(LibraryState.id == 1)) or 0


def _bump(session: Session) -> int:
    state = session.get(LibraryState, 1)
    if state is None:
        state = LibraryState(id=1, version=0)
        session.add(state)
    state.version += 1
    session.flush()
    return state.version


def _docs(session: Session, with_vectors: bool = False) -> list[ResourceDoc]:
    docs: dict[int, ResourceDoc] = {}
    for rid, title in session.execute(select(Resource.id, Resource.title)):
        docs[rid] = ResourceDoc(rid, title, [])
    cols = [LibraryPassage.id, LibraryPassage.resource_id, LibraryPassage.text]
    for pid, rid, text in session.execute(select(*cols).order_by(LibraryPassage.position)):
        docs[rid].passages.append(Passage(pid, text))
    return list(docs.values())


def _cached_vectors(session: Session, model: str) -> dict[int, np.ndarray]:
    rows = session.execute(
        select(LibraryPassage.id, LibraryPassage.vector).where(LibraryPassage.model == model)
    )
    return {pid: np.frombuffer(vec, dtype=np.float32) for pid, vec in rows if vec}


def ensure_fresh(session: Session, engine: SearchEngine, progress=None) -> str:
    """Bring the engine in step with the database; return "fresh", "loaded" or "rebuilt"."""
    version = library_version(session)
    if engine.version == version:
        return "fresh"
    with _lock:
        if engine.version == version:
            return "fresh"
        how = engine.restore(
            _docs(session), lambda: _cached_vectors(session, engine.embedder.name), progress
        )
        engine.version = version
        return how


def reindex(session: Session, engine: SearchEngine, progress=None) -> dict:
    """Rebuild the index from the database, embedding only passages lacking a current vector."""
    docs = _docs(session)
    cached = _cached_vectors(session, engine.embedder.name)
    missing = 0
    for doc in docs:
        for p in doc.passages:
            p.vector = cached.get(p.id)
            missing += p.vector is None
    engine.build(docs, progress)
    if missing:
        # Keep the fresh vectors so the next restart need not embed them again.
        for doc in docs:
            for p in doc.passages:
                if p.id not in cached:
                    row = session.get(LibraryPassage, p.id)
                    row.vector = p.vector.astype(np.float32).tobytes()
                    row.model = engine.embedder.name
    engine.save()
    engine.version = library_version(session)
    return {"resources": len(docs), "passages": engine.passage_count, "embedded": missing}


def sync_after_commit(session: Session, engine: SearchEngine, resource_id: int) -> None:
    """Apply one committed change to the engine without a rebuild (or resync if behind)."""
    version = library_version(session)
    with _lock:
        if engine.version is not None and engine.version == version - 1:
            resource = session.get(Resource, resource_id)
            if resource is None:
                engine.remove(resource_id)
            else:
                engine.upsert(_doc_with_vectors(resource))
            engine.save()
            engine.version = version
            return
    ensure_fresh(session, engine)


def _doc_with_vectors(resource: Resource) -> ResourceDoc:
    passages = [
        Passage(p.id, p.text, np.frombuffer(p.vector, dtype=np.float32) if p.vector else None)
        for p in resource.passages
    ]
    return ResourceDoc(resource.id, resource.title, passages)


# -- saving ----------------------------------------------------------------------------
def clean_values(values: dict) -> dict:
    """Normalise resource fields (from a form, front matter or JSON); raise LibraryError."""
    title = str(values.get("title") or "").strip()
    body = str(values.get("body_md") or values.get("text") or "").strip()
    if not title:
        raise LibraryError("a title is required")
    if not body:
        raise LibraryError("the resource has no text")
    topics = values.get("topics") or []
    if isinstance(topics, str):
        topics = [t.strip() for t in topics.split(",")]
    kind = str(values.get("kind") or "guide").strip()
    if kind not in KINDS:
        raise LibraryError(f"unknown kind {kind!r} (one of: {', '.join(KINDS)})")
    level = str(values.get("level") or "").strip()
    if level and level not in LEVELS:
        raise LibraryError(f"unknown level {level!r} (one of: {', '.join(LEVELS)})")
    minutes = values.get("minutes")
    try:
        minutes = int(minutes) if minutes not in (None, "") else None
    except (TypeError, ValueError) as exc:
        raise LibraryError("minutes must be a whole number") from exc
    return {
        "title": title[:300],
        "kind": kind,
        "topics": [str(t).strip() for t in topics if str(t).strip()],
        "level": level,
        "language": str(values.get("language") or "en").strip().lower()[:10],
        "minutes": minutes if minutes is not None else max(1, round(len(body.split()) / 200)),
        "url": str(values.get("url") or "").strip()[:500],
        "body_md": body,
    }


def save_resource(
    session: Session, embedder, slug: str, values: dict, status: str = "published", by=None
) -> tuple[Resource, str]:
    """Create or update a resource by slug; return (resource, "created"|"updated"|"unchanged")."""
    values = clean_values(values)
    resource = session.scalar(select(Resource).where(Resource.slug == slug))
    if resource is not None and all(getattr(resource, f) == values[f] for f in FIELDS):
        if resource.status == status or status == "suggested":
            return resource, "unchanged"
    how = "updated" if resource is not None else "created"
    if resource is None:
        resource = Resource(slug=slug, suggested_by_id=by.id if by else None)
        session.add(resource)
    for field, value in values.items():
        setattr(resource, field, value)
    resource.status = status
    resource.updated_at = datetime.now(UTC)
    _set_passages(resource, embedder)
    session.flush()
    _bump(session)
    return resource, how


def _set_passages(resource: Resource, embedder) -> None:
    """Split the body into passages, reusing rows (and vectors) whose embedded text is unchanged."""
    old = {(p.text_hash, p.model): p for p in resource.passages}
    keep, todo = [], []
    for pos, text in enumerate(split_passages(resource.body_md) or [resource.body_md]):
        digest = content_hash(embed_text(resource.title, text))
        row = old.pop((digest, embedder.name), None)
        if row is None or row.vector is None:
            row = LibraryPassage(text=text, text_hash=digest, model=embedder.name)
            todo.append(row)
        row.position = pos
        keep.append(row)
    if todo:
        vecs = embedder.embed([embed_text(resource.title, r.text) for r in todo])
        for row, vec in zip(todo, vecs, strict=True):
            row.vector = np.asarray(vec, dtype=np.float32).tobytes()
    resource.passages = keep


def delete_resource(session: Session, resource: Resource) -> None:
    """Delete a resource and its passages."""
    session.delete(resource)
    session.flush()
    _bump(session)


def publish(session: Session, resource: Resource) -> None:
    """Accept a suggested resource into the library."""
    resource.status = "published"
    session.flush()
    _bump(session)


def unique_slug(session: Session, title: str) -> str:
    """Return a new slug made from a title."""
    from retrieval.text import WORD_RE

    base = "-".join(WORD_RE.findall(title.lower()))[:60] or "resource"
    slug, n = base, 1
    while session.scalar(select(func.count()).where(Resource.slug == slug)):
        n += 1
        slug = f"{base}-{n}"
    return slug


# -- import ----------------------------------------------------------------------------
@dataclass
class ImportReport:
    """What an import did, file by file."""

    created: int = 0
    updated: int = 0
    unchanged: int = 0
    errors: list[dict] = None

    def as_dict(self) -> dict:
        """Return the report as JSON-ready data."""
        return {
            "created": self.created,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "errors": self.errors or [],
        }


def import_items(path: Path) -> list[tuple[str, str, dict | Exception]]:
    """Read (source, slug, values or error) from a folder of .md/.txt files or a .jsonl file."""
    items: list[tuple[str, str, dict | Exception]] = []
    if path.is_dir():
        for file in sorted(path.iterdir()):
            if file.suffix.lower() not in (".md", ".txt") or file.stem.upper() == "README":
                continue
            try:
                meta, body = read_markdown_resource(file)
                items.append((file.name, file.stem, {**meta, "body_md": body}))
            except (OSError, UnicodeDecodeError, ValueError) as exc:
                items.append((file.name, file.stem, exc))
        return items
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
                if not isinstance(row, dict) or not str(row.get("id") or "").strip():
                    raise ValueError('each line needs an "id"')
                items.append((f"{path.name}:{n}", str(row["id"]).strip(), row))
            except ValueError as exc:
                items.append((f"{path.name}:{n}", "", exc))
    return items


def import_path(session: Session, embedder, path: Path, progress=None) -> ImportReport:
    """Import resources idempotently by id; bad items are reported and skipped."""
    report = ImportReport(errors=[])
    for source, slug, item in import_items(path):
        if isinstance(item, Exception):
            report.errors.append({"file": source, "error": str(item)})
        else:
            try:
                with session.begin_nested():
                    _, how = save_resource(session, embedder, slug, item)
                setattr(report, how, getattr(report, how) + 1)
            except LibraryError as exc:
                report.errors.append({"file": source, "error": str(exc)})
        if progress:
            progress(1)
    return report


# -- searching -------------------------------------------------------------------------
def filter_ids(session: Session, filters: dict) -> set[int] | None:
    """Return the published resource ids that pass the filters (None: no filter at all)."""
    stmt = select(Resource.id, Resource.topics, Resource.minutes).where(
        Resource.status == "published"
    )
    for field in ("kind", "level", "language"):
        if filters.get(field):
            stmt = stmt.where(getattr(Resource, field) == filters[field])
    topic, length = filters.get("topic"), LENGTHS.get(filters.get("length") or "")
    ids = set()
    for rid, topics, minutes in session.execute(stmt):
        if topic and topic not in (topics or []):
            continue
        if length and not (length[0] <= (minutes or 0) <= length[1]):
            continue
        ids.add(rid)
    return ids


def search(
    session: Session, engine: SearchEngine, query: str, filters: dict | None = None, k: int = 10
) -> list[tuple[Resource, Hit]]:
    """Search published resources; return (resource, hit) pairs, best first."""
    ensure_fresh(session, engine)
    hits = engine.search(query, k=k, allowed=filter_ids(session, filters or {}))
    return _with_resources(session, hits)


def _with_resources(session: Session, hits: list[Hit]) -> list[tuple[Resource, Hit]]:
    if not hits:
        return []
    rows = session.scalars(select(Resource).where(Resource.id.in_([h.resource_id for h in hits])))
    by_id = {r.id: r for r in rows}
    return [(by_id[h.resource_id], h) for h in hits if h.resource_id in by_id]


def related(session: Session, engine: SearchEngine, resource: Resource, k: int = 4):
    """Return (resource, hit) pairs of published resources close to this one."""
    ensure_fresh(session, engine)
    allowed = filter_ids(session, {})
    hits = [h for h in engine.related(resource.id, k=k * 3) if h.resource_id in allowed]
    return _with_resources(session, hits[:k])


def recommend(session: Session, engine: SearchEngine, text: str, k: int = 3):
    """Return published resources for a free text (a person's goals, a session's notes)."""
    if not text.strip():
        return []
    return search(session, engine, text[:2000], {}, k)


def facets(session: Session) -> dict[str, list[str]]:
    """Return the values each filter can take in the published library."""
    rows = session.execute(
        select(Resource.kind, Resource.level, Resource.language, Resource.topics).where(
            Resource.status == "published"
        )
    ).all()
    return {
        "kind": sorted({r[0] for r in rows if r[0]}),
        "level": [lv for lv in LEVELS if lv in {r[1] for r in rows}],
        "language": sorted({r[2] for r in rows if r[2]}),
        "topic": sorted({t for r in rows for t in (r[3] or [])}),
        "length": list(LENGTHS),
    }


def latest_notes_for(session: Session, user_id: int) -> str:
    """Return the notes of the user's most recent mentoring session ("" if none)."""
    from companion.services.matching import active_pairs_for
    from companion.tables.notes import NoteSession

    match_ids = [m.id for m in active_pairs_for(session, user_id)]
    if not match_ids:
        return ""
    stmt = (
        select(NoteSession.notes_md)
        .where(NoteSession.match_id.in_(match_ids))
        .order_by(NoteSession.date.desc(), NoteSession.id.desc())
        .limit(1)
    )
    return session.scalar(stmt) or ""


def recommendations_for(session: Session, engine: SearchEngine, user, k: int = 3):
    """Return [(label, [(resource, hit)])] for a participant: their goals, their last session."""
    from flask_babel import gettext as _

    out = []
    profile = getattr(user, "profile", None)
    goals = "; ".join(profile.goals or []) if profile else ""
    picks = recommend(session, engine, goals, k)
    if picks:
        out.append((_("For your goals"), picks))
    notes = latest_notes_for(session, user.id)
    seen = {r.id for r, _h in picks}
    picks = [
        (r, h) for r, h in recommend(session, engine, notes, k + len(seen)) if r.id not in seen
    ]
    if picks:
        out.append((_("For your latest session"), picks[:k]))
    return out


def seed_library(session: Session) -> list[str]:
    """Demo step: import the seed corpus (idempotent: unchanged files are skipped)."""
    from flask import current_app

    from companion import ROOT
    from companion.engines import get_embedder

    report = import_path(session, get_embedder(current_app), ROOT / "corpus")
    line = (
        f"library: {report.created} resources added, {report.updated} updated, "
        f"{report.unchanged} unchanged"
    )
    return [line] + [f"library error: {e['file']}: {e['error']}" for e in report.errors]
