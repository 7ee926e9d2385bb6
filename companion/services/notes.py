"""Session notes of active pairs: access, autosave with conflict detection, and AI analysis."""

from __future__ import annotations

import copy
import logging
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from companion import jobs
from companion.services import goals as goal_service
from companion.tables.accounts import User
from companion.tables.matching import Match
from companion.tables.notes import NoteDraft, NoteSession

log = logging.getLogger(__name__)

SECTIONS = ("summary", "decisions", "action_items", "goals", "prompts", "agenda")
ITEM_STATES = ("pending", "accepted", "discarded")
# Progress after each stage: the extractive stages come first and fast, then the LLM ones.
EXTRACTIVE_PROGRESS = {"sentences": 10, "summary": 20, "action_items": 30, "goals": 35}
# The LLM stages in the order models/refine.py runs them.
LLM_PROGRESS = {"prompts": 50, "agenda": 60, "goals": 70, "summary": 80, "decisions": 90,
                "done": 100}  # fmt: skip


def members(match: Match) -> list[User]:
    """The people in a pair (or group)."""
    return [m.user for m in match.members]


def is_member(match: Match, user_id: int) -> bool:
    """True when `user_id` belongs to the pair."""
    return any(m.user_id == user_id for m in match.members)


def sessions_of(session: Session, match_id: int) -> list[NoteSession]:
    """A pair's sessions, newest first."""
    stmt = (
        select(NoteSession)
        .where(NoteSession.match_id == match_id)
        .order_by(NoteSession.date.desc(), NoteSession.id.desc())
    )
    return list(session.scalars(stmt))


def create_note_session(
    session: Session,
    match: Match,
    when: date,
    *,
    attendees: list[int] | None = None,
    notes_md: str = "",
    user_id: int | None = None,
) -> NoteSession:
    """Add a session to an active pair (attendees default to the whole pair)."""
    if match.status != "accepted":
        raise ValueError("sessions belong to active (accepted) pairs only")
    pair_ids = [m.user_id for m in match.members]
    chosen = [i for i in (attendees or pair_ids) if i in pair_ids]
    note = NoteSession(
        match=match,
        date=when,
        attendees=chosen,
        notes_md=notes_md,
        revision=1 if notes_md else 0,
        updated_by=user_id,
    )
    session.add(note)
    session.flush()
    return note


@dataclass
class SaveOutcome:
    """What happened to an autosave: saved at `revision`, or a conflict kept as a draft."""

    saved: bool
    revision: int
    draft: NoteDraft | None = None


def draft_of(note: NoteSession, user_id: int) -> NoteDraft | None:
    """The user's unresolved conflicting text for this session, if any."""
    return next((d for d in note.drafts if d.user_id == user_id), None)


def save_notes(
    session: Session, note: NoteSession, user_id: int, text: str, base_revision: int
) -> SaveOutcome:
    """Save the notes if nobody else saved since `base_revision`; else keep the text as the
    user's draft so both versions survive."""
    text = text.replace("\r\n", "\n")
    # A keyup save and a blur save can race; the second one then sees the first one's
    # revision, which is the user's own and not a conflict.
    own_race = note.updated_by == user_id and note.revision == base_revision + 1
    if text == note.notes_md or base_revision == note.revision or own_race:
        if text != note.notes_md:
            note.notes_md = text
            note.revision += 1
            note.updated_by = user_id
            note.updated_at = jobs.now()
        stale = draft_of(note, user_id)
        if stale is not None and base_revision >= stale.base_revision and not own_race:
            session.delete(stale)
        return SaveOutcome(True, note.revision)
    draft = draft_of(note, user_id)
    if draft is None:
        draft = NoteDraft(note_session=note, user_id=user_id)
        session.add(draft)
    draft.text, draft.base_revision, draft.updated_at = text, base_revision, jobs.now()
    session.flush()
    return SaveOutcome(False, note.revision, draft)


def resolve_conflict(session: Session, note: NoteSession, user_id: int, choice: str) -> None:
    """Settle a conflict: keep "mine", keep "theirs", or keep "both" texts one after another."""
    draft = draft_of(note, user_id)
    if draft is None:
        return
    if choice == "mine":
        new_text = draft.text
    elif choice == "both":
        new_text = note.notes_md.rstrip() + "\n\n" + draft.text.strip() + "\n"
    elif choice == "theirs":
        new_text = note.notes_md
    else:
        raise ValueError(f"unknown choice {choice!r}")
    if new_text != note.notes_md:
        note.notes_md, note.updated_by, note.updated_at = new_text, user_id, jobs.now()
        note.revision += 1
    note.drafts.remove(draft)
    session.flush()


def job_subject(note: NoteSession) -> str:
    """The subject string tying analysis jobs to a session."""
    return f"note_session:{note.id}"


def start_analysis(session: Session, note: NoteSession, user_id: int) -> jobs.Job:
    """Queue the AI analysis of the session's current notes."""
    return jobs.enqueue(
        session,
        "summarise_session",
        {"session_id": note.id, "revision": note.revision},
        subject=job_subject(note),
        user_id=user_id,
    )


def with_review_state(result: dict) -> dict:
    """A copy of a pipeline result where every item starts as "pending" review."""
    result = copy.deepcopy(result)
    for section in SECTIONS:
        for item in result.get(section) or []:
            item.setdefault("state", "pending")
    return result


def _analyse(
    note: NoteSession, session: Session, llm, embedder, on_progress=None, budget_s=None
) -> dict:
    from models.pipeline import analyse_note

    people = members(note.match)
    # Whoever saved the notes last wrote them as "I": "I'll send the deck" is theirs.
    writer = next((u.name for u in people if u.id == note.updated_by), None)
    return analyse_note(
        note.notes_md,
        session_date=note.date,
        participants=[u.name for u in people],
        author=writer,
        profile_goals={u.name: list(u.profile.goals if u.profile else []) for u in people},
        llm=llm,
        embedder=embedder,
        on_progress=on_progress,
        llm_budget_s=budget_s,
    )


def run_summary_job(ctx) -> dict:
    """Job handler: analyse a session's notes, reporting each stage as partial output."""
    from models.llm import LLMError

    note = ctx.session.get(NoteSession, ctx.payload["session_id"])
    if note is None:
        raise LookupError("The session no longer exists.")
    llm, llm_problem = None, None
    try:
        llm = ctx.llm()
    except LLMError as exc:
        llm_problem = str(exc)
    embedder = ctx.embedder()

    refining = [False]

    def on_progress(stage: str, partial: dict) -> None:
        # The pipeline reports "prompts" once extractively, then the LLM stages by name.
        if refining[0] or stage == "done":
            percent, label = LLM_PROGRESS.get(stage, 95), f"llm:{stage}"
        else:
            percent, label = EXTRACTIVE_PROGRESS.get(stage, 40), f"extractive:{stage}"
            refining[0] = stage == "prompts"
        ctx.progress(percent, label, with_review_state(partial))

    try:
        budget = ctx.app.config.get("LLM_BUDGET_S") or None
        result = _analyse(note, ctx.session, llm, embedder, on_progress, budget)
    except LLMError as exc:
        result = _analyse(note, ctx.session, None, embedder)
        result["engine"]["llm_status"] = f"unavailable: {exc}"
    status = result.get("engine", {}).get("llm_status", "")
    if llm_problem and status == "disabled":
        status = result["engine"]["llm_status"] = f"unavailable: {llm_problem}"
    final = _store(ctx, note, result)
    if status.startswith("unavailable"):
        # The extractive result is saved and shown; the job still fails so that people see
        # why and can retry.
        reason = status.removeprefix("unavailable:").strip()
        raise LLMError(
            f"the language model failed ({reason}); the suggestions shown were extracted "
            "from your notes without it"
        )
    return final


def _item_key(entry: dict) -> str:
    return (entry.get("task") or entry.get("statement") or entry.get("text") or "").casefold()


def carry_over_reviews(old: dict | None, new: dict) -> None:
    """Keep what people already accepted or discarded when the same item comes back in a
    new analysis, so re-summarising never invites a duplicate task or goal."""
    for section in SECTIONS:
        reviewed = {
            _item_key(e): e
            for e in (old or {}).get(section) or []
            if e.get("state", "pending") != "pending"
        }
        for entry in new.get(section) or []:
            previous = reviewed.get(_item_key(entry))
            if previous is not None:
                for key in ("state", "task_id", "goal_id", "owner_id"):
                    if key in previous:
                        entry[key] = previous[key]


def _store(ctx, note: NoteSession, result: dict) -> dict:
    final = with_review_state(result)
    final["revision"] = note.revision
    note = ctx.session.get(NoteSession, note.id)
    carry_over_reviews(note.ai_result, final)
    note.ai_result = final
    ctx.session.commit()
    return final


def item(note: NoteSession, section: str, index: int) -> dict:
    """One AI item of the session's analysis (KeyError/IndexError when absent)."""
    if section not in SECTIONS or not note.ai_result:
        raise KeyError(section)
    return note.ai_result[section][index]


# Bulgarian's official (2009) romanisation, so "Димитър" in a note finds "Dimitar" the user.
_BG_LATIN = dict(
    zip(
        "абвгдежзийклмнопрстуфхцчшщъьюя",
        "a b v g d e zh z i y k l m n o p r s t u f h ts ch sh sht a y yu ya".split(),
        strict=True,
    )
)


def _latin(name: str) -> str:
    return "".join(_BG_LATIN.get(ch, ch) for ch in name.casefold())


def resolve_owner(people: list[User], name: str | None, fallback: User) -> User:
    """The pair member an AI item's owner name refers to (full or first name, in Latin or
    Cyrillic letters), else fallback."""
    wanted = _latin((name or "").strip())
    if wanted:
        for person in people:
            full = _latin(person.name)
            if wanted == full or wanted == full.split()[0] or full.startswith(wanted + " "):
                return person
    return fallback


def review_item(
    session: Session,
    note: NoteSession,
    user: User,
    section: str,
    index: int,
    action: str,
    edits: dict | None = None,
) -> dict:
    """Accept, edit or discard one AI item; accepting an action item makes a Task for its
    owner and accepting a goal draft makes a Goal."""
    result = copy.deepcopy(note.ai_result)
    entry = result[section][index]
    for key, value in (edits or {}).items():
        if value is not None:
            entry[key] = value.strip() if isinstance(value, str) else value
    if edits:
        entry["edited"] = True
    if action == "discard":
        entry["state"] = "discarded"
    elif action == "accept" and entry.get("state") != "accepted":
        entry["state"] = "accepted"
        _materialise(session, note, user, section, entry)
    elif action == "reopen" and entry.get("state") == "discarded":
        entry["state"] = "pending"
    # Reassigning the whole JSON value is what marks the column as changed.
    note.ai_result = result
    session.flush()
    return entry


def _materialise(session: Session, note: NoteSession, user: User, section: str, entry: dict):
    people = members(note.match)
    if section == "action_items":
        owner = resolve_owner(people, entry.get("owner"), user)
        task = goal_service.create_task(
            session,
            owner.id,
            entry.get("task") or entry.get("text") or "",
            goal_service.parse_due(entry.get("due")),
            session_id=note.id,
            created_by=user.id,
        )
        entry["task_id"], entry["owner_id"] = task.id, owner.id
    elif section == "goals":
        owner = resolve_owner(people, entry.get("owner"), user)
        goal = goal_service.create_goal(
            session,
            owner.id,
            entry.get("statement") or entry.get("specific") or "",
            specific=entry.get("specific", ""),
            measurable=entry.get("measurable", ""),
            achievable=entry.get("achievable", ""),
            relevant=entry.get("relevant", ""),
            time_bound=entry.get("time_bound", ""),
            due=goal_service.parse_due(entry.get("due") or entry.get("time_bound")),
            session_id=note.id,
        )
        entry["goal_id"], entry["owner_id"] = goal.id, owner.id


def shared_summary(note: NoteSession) -> list[str]:
    """Summary bullets a coordinator may read: only when shared, and never discarded ones."""
    if not note.shared_summary or not note.ai_result:
        return []
    return [s["text"] for s in note.ai_result.get("summary", []) if s.get("state") != "discarded"]


def coordinator_overview(session: Session) -> list[NoteSession]:
    """Every session of every pair, newest first (what coordinators may know: that it took
    place)."""
    stmt = select(NoteSession).order_by(NoteSession.date.desc(), NoteSession.id.desc())
    return list(session.scalars(stmt))
