"""Matching as the rest of the app sees it: runs, suggestions, review actions, active pairs.

Plain functions over a Session; they never commit. The maths lives in `retrieval.matching`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime

from flask_babel import gettext, lazy_pgettext, ngettext, pgettext
from flask_babel import lazy_gettext as _l
from sqlalchemy import delete, select
from sqlalchemy.orm import Session, selectinload

from companion.services.phrase_vectors import StoredEmbedder
from companion.tables.accounts import User
from companion.tables.matching import Match, MatchMember
from companion.tables.programmes import Programme, ProgrammeMember
from retrieval.matching import Suggestion, describe, suggest
from retrieval.matching_config import DEFAULT_WEIGHTS, MatchConfig
from retrieval.matching_explain import LANGUAGE_NAMES, format_reasons
from retrieval.matching_people import Person


def active_pairs_for(session: Session, user_id: int) -> list[Match]:
    """Accepted matches the user belongs to, newest first."""
    stmt = (
        select(Match)
        .join(MatchMember)
        .where(MatchMember.user_id == user_id, Match.status == "accepted")
        .order_by(Match.accepted_at.desc().nulls_last(), Match.id.desc())
    )
    return list(session.scalars(stmt))


# -- people and settings ---------------------------------------------------------------------
def person_for(user: User, role: str = "participant", capacity: int = 1) -> Person:
    """The matcher's view of a user and their profile."""
    pr = user.profile
    return Person(
        id=user.id,
        name=user.name,
        skills=list(pr.skills or []),
        goals=list(pr.goals or []),
        interests=list(pr.interests or []),
        languages=[x.lower() for x in pr.languages or []],
        availability=[x.lower() for x in pr.availability or []],
        career_level=pr.career_level or None,
        role=role,
        capacity=capacity,
        department=pr.department or None,
        email=user.email.lower(),
        manager_email=(pr.manager_email or "").lower() or None,
        avoid=set(pr.avoid_ids or []),
    )


def config_for(programme: Programme) -> MatchConfig:
    """The programme's match settings (its format decides the mode)."""
    return MatchConfig.from_settings(programme.settings or {}, mode=programme.format)


def current_round(session: Session, programme: Programme) -> int:
    """The round being worked on: the highest round opened or holding matches, else 1."""
    rounds = session.scalars(select(Match.round).where(Match.programme_id == programme.id))
    return max([*rounds, int((programme.settings or {}).get("round", 1))])


def round_matches(session: Session, programme: Programme, rnd: int | None = None) -> list[Match]:
    """Matches of one round (the current one by default), best first."""
    rnd = rnd or current_round(session, programme)
    stmt = (
        select(Match)
        .where(Match.programme_id == programme.id, Match.round == rnd)
        .options(selectinload(Match.members).selectinload(MatchMember.user))
    )
    return sorted(session.scalars(stmt), key=lambda m: (m.status == "rejected", -m.score))


def _pairs_of(matches) -> list[tuple[int, int]]:
    out = []
    for m in matches:
        ids = [x.user_id for x in m.members]
        out += [(a, b) for k, a in enumerate(ids) for b in ids[k + 1 :]]
    return out


def _excluded(session: Session, programme: Programme, rnd: int) -> list[tuple[int, int]]:
    """Pairs not to suggest: rejected in this round, partners in earlier rounds."""
    stmt = (
        select(Match).where(Match.programme_id == programme.id).options(selectinload(Match.members))
    )
    old = [
        m
        for m in session.scalars(stmt)
        if (m.round == rnd and m.status == "rejected") or (m.round < rnd and m.status == "accepted")
    ]
    return _pairs_of(old)


def _members(session: Session, programme: Programme) -> tuple[list[Person], dict[int, str]]:
    # One query for members, users and profiles (not three per person).
    stmt = (
        select(ProgrammeMember)
        .where(ProgrammeMember.programme_id == programme.id)
        .options(selectinload(ProgrammeMember.user).selectinload(User.profile))
        .order_by(ProgrammeMember.id)
    )
    people, out = [], {}
    for m in session.scalars(stmt):
        if m.user.profile is None:
            continue
        if not m.user.profile.opt_in:
            out[m.user_id] = "opted_out"
            continue
        people.append(person_for(m.user, m.role, m.capacity))
    return people, out


def _store(match: Match, s: Suggestion) -> None:
    match.score = round(float(s.score), 4)
    match.breakdown = {**s.breakdown, "explain": s.reasons, "blocked": s.blocked}
    match.reasons = format_reasons(s.reasons + s.blocked)


# -- running --------------------------------------------------------------------------------
def run_matching(session: Session, programme: Programme, embedder) -> dict:
    """Suggest matches for everyone not yet in an accepted or locked match; return run figures.

    Unlocked suggestions of the round are replaced; rejected pairs and earlier partners are
    not suggested again. Who is left out, and why, is stored with the programme.
    """
    rnd = current_round(session, programme)
    matches = round_matches(session, programme, rnd)
    kept = [m for m in matches if m.status == "accepted" or (m.locked and m.status != "rejected")]
    stale = [m.id for m in matches if m.status == "suggested" and not m.locked]
    # Two statements rather than one ORM delete (and member load) per suggestion.
    session.execute(delete(MatchMember).where(MatchMember.match_id.in_(stale)))
    session.execute(delete(Match).where(Match.id.in_(stale)))
    session.expire_all()
    people, left = _members(session, programme)
    stored = StoredEmbedder(embedder, session)
    result = suggest(
        people,
        stored,
        config_for(programme),
        keep=[[x.user_id for x in m.members] for m in kept],
        exclude=_excluded(session, programme, rnd),
    )
    for s in result.suggestions:
        if s.kept:
            continue
        match = Match(programme_id=programme.id, round=rnd, status="suggested")
        match.members = [MatchMember(user_id=uid) for uid in s.members]
        _store(match, s)
        session.add(match)
    left.update(result.unmatched)
    stats = {k: v for k, v in result.stats.items() if isinstance(v, int | float | str)}
    stats.update(phrases_stored=stored.last_hits, phrases_embedded=stored.last_embedded)
    programme.settings = {
        **(programme.settings or {}),
        "last_run": {"round": rnd, "unmatched": {str(k): v for k, v in left.items()}, **stats},
    }
    session.flush()
    return {"suggested": sum(not s.kept for s in result.suggestions), "unmatched": len(left)}


def start_new_round(session: Session, programme: Programme) -> int:
    """Open the next round: earlier partners will not be paired again. Returns its number."""
    rnd = current_round(session, programme) + 1
    for m in round_matches(session, programme, rnd - 1):
        if m.status == "suggested":
            session.delete(m)
    settings = dict(programme.settings or {})
    settings.pop("last_run", None)
    settings["round"] = rnd
    programme.settings = settings
    session.flush()
    return rnd


# -- review actions -------------------------------------------------------------------------
def accept(match: Match) -> None:
    """Make a suggestion an active pair (both members see it on their home page)."""
    if match.status != "accepted":
        match.status = "accepted"
        match.accepted_at = datetime.now(UTC)


def reject(match: Match) -> None:
    """Reject a suggestion: its members go back to the pool for the next run."""
    match.status = "rejected"
    match.locked = False


def toggle_lock(match: Match) -> None:
    """Lock a suggestion so that re-running keeps it, or unlock it."""
    match.locked = not match.locked


def accept_all(session: Session, programme: Programme) -> int:
    """Accept every suggestion of the current round; returns how many."""
    todo = [m for m in round_matches(session, programme) if m.status == "suggested"]
    for m in todo:
        accept(m)
    return len(todo)


def _rescore(session: Session, programme: Programme, match: Match, embedder) -> None:
    users = [x.user for x in match.members]
    roles = {m.user_id: (m.role, m.capacity) for m in programme.members}
    people = [person_for(u, *roles.get(u.id, ("participant", 1))) for u in users]
    rnd = match.round
    _store(
        match,
        describe(
            people,
            StoredEmbedder(embedder, session),
            config_for(programme),
            _excluded(session, programme, rnd),
        ),
    )


def swap(session: Session, programme: Programme, first: Match, second: Match, embedder) -> None:
    """Exchange the second members of two suggestions: (a, b), (c, d) -> (a, d), (c, b)."""
    if first.id == second.id or "accepted" in (first.status, second.status):
        raise ValueError(_l("Only two different, not yet accepted suggestions can swap partners."))
    b, d = first.members[-1], second.members[-1]
    b_id, d_id = b.user_id, d.user_id
    first.members.remove(b)
    second.members.remove(d)
    session.flush()
    first.members.append(MatchMember(user_id=d_id))
    second.members.append(MatchMember(user_id=b_id))
    for m in (first, second):
        m.status, m.locked = "suggested", True
        session.flush()
        session.refresh(m)
        _rescore(session, programme, m, embedder)


def preview(session: Session, programme: Programme, user_ids: list[int], embedder) -> Suggestion:
    """Score and reasons of a pair or group a coordinator is putting together by hand."""
    roles = {m.user_id: (m.role, m.capacity) for m in programme.members}
    users = [session.get(User, uid) for uid in user_ids]
    people = [person_for(u, *roles.get(u.id, ("participant", 1))) for u in users if u]
    rnd = current_round(session, programme)
    stored = StoredEmbedder(embedder, session)
    return describe(people, stored, config_for(programme), _excluded(session, programme, rnd))


def pair_by_hand(session: Session, programme: Programme, user_ids: list[int], embedder) -> Match:
    """Pair people by hand (locked); they leave any other open suggestion of the round."""
    member_ids = {m.user_id for m in programme.members}
    if len(set(user_ids)) < 2 or not set(user_ids) <= member_ids:
        raise ValueError(_l("Choose two different members of this programme."))
    for m in round_matches(session, programme):
        ids = {x.user_id for x in m.members}
        if m.status == "accepted" and ids & set(user_ids):
            raise ValueError(_l("One of them already has an accepted partner."))
        if m.status == "suggested" and ids & set(user_ids):
            session.delete(m)
    session.flush()
    s = preview(session, programme, user_ids, embedder)
    match = Match(
        programme_id=programme.id,
        round=current_round(session, programme),
        status="suggested",
        locked=True,
    )
    match.members = [MatchMember(user_id=uid) for uid in dict.fromkeys(user_ids)]
    _store(match, s)
    session.add(match)
    session.flush()
    return match


# Every sentence retrieval.matching_explain can produce, marked here so that extraction
# finds it; at render time gettext looks the same English text up in the catalogue.
_MESSAGES = [
    _l("{giver} can help with: {skill} → {receiver}'s goal: {goal} ({sim})"),
    _l("both want to: {goal} ({sim})"),
    _l("similar goals: {goal_a} / {goal_b} ({sim})"),
    _l("shared interest: {interest}"),
    _l("shared goal in the group: {goal} ({sim})"),
    _l("everyone speaks {languages}"),
    _l("both {level}"),
    _l("{a} is {level_a}, {b} is {level_b}"),
    _l("both speak {languages}"),
    _l("{a} asked to be matched with {b}"),
    _l("no shared free slot yet: agree a time together"),
    _l("no clear skill-to-goal link: matched on the other signals"),
    _l("best available partner (score {score})"),
    _l("cannot be matched: {a} asked not to be matched with {b}"),
    _l("cannot be matched: {a} and {b} were partners before"),
    _l("cannot be matched: {a} reports to {b}"),
    _l("cannot be matched: both in {department}"),
    _l("cannot be matched: no common language"),
    _l("junior"),
    _l("mid-level"),
    _l("senior"),
    _l("lead"),
    lazy_pgettext("language name inside a sentence", "English"),
    lazy_pgettext("language name inside a sentence", "Bulgarian"),
    lazy_pgettext("language name inside a sentence", "German"),
    lazy_pgettext("language name inside a sentence", "French"),
    lazy_pgettext("language name inside a sentence", "Spanish"),
    lazy_pgettext("language name inside a sentence", "Italian"),
    lazy_pgettext("language name inside a sentence", "Russian"),
    lazy_pgettext("language name inside a sentence", "Turkish"),
    lazy_pgettext("language name inside a sentence", "Greek"),
    lazy_pgettext("language name inside a sentence", "Romanian"),
]


def _ngettext(singular: str, plural: str, n: int) -> str:
    if singular == "{n} shared free slot":
        return ngettext("{n} shared free slot", "{n} shared free slots", n)
    return singular if n == 1 else plural


_IN_SENTENCE = set(LANGUAGE_NAMES.values())


def _reason_gettext(text: str) -> str:
    # Language names sit inside a sentence here ("both speak Bulgarian"), where some languages
    # (Bulgarian among them) write them in lower case; the profile form's labels stay capitalised.
    if text in _IN_SENTENCE:
        return pgettext("language name inside a sentence", text)
    return gettext(text)


def render_reasons(items: list[dict]) -> list[str]:
    """Structured reasons as sentences in the reader's language."""
    return format_reasons(items, gettext=_reason_gettext, ngettext=_ngettext)


def match_reasons(match: Match) -> list[str]:
    """A match's reasons in the reader's language (stored English text for older rows)."""
    breakdown = match.breakdown or {}
    if "explain" not in breakdown:
        return [str(r) for r in match.reasons or []]
    return render_reasons(
        list(breakdown.get("explain") or []) + list(breakdown.get("blocked") or [])
    )


# -- what people see ------------------------------------------------------------------------
@dataclass
class Unmatched:
    """A member without a partner this round, and why."""

    user: User
    reason: str
    details: list[str] = field(default_factory=list)


UNMATCHED_TEXT = {
    "opted_out": _l("opted out of matching"),
    "not_run": _l("not matched yet: run matching"),
    "no_partner": _l("no partner without a conflict (avoid list, language or reporting line)"),
    "no_mentor": _l("there are no mentors in this round"),
    "no_mentor_capacity": _l("every mentor is at capacity"),
    "no_suitable_mentor": _l("no mentor without a conflict"),
    "no_mentee": _l("no mentee was assigned to this mentor"),
    "too_few_for_group": _l("too few people to form a group"),
    "conflict": _l("no group without a conflict (avoid list, language or reporting line)"),
    "rejected": _l("their suggestion was rejected: run matching again"),
}


def unmatched(session: Session, programme: Programme) -> list[Unmatched]:
    """Members of the programme in no open or accepted match of the current round, with why."""
    busy = {
        x.user_id
        for m in round_matches(session, programme)
        if m.status != "rejected"
        for x in m.members
    }
    last = (programme.settings or {}).get("last_run") or {}
    why = last.get("unmatched", {})
    out = []
    for m in sorted(programme.members, key=lambda m: m.user.name):
        if m.user_id in busy:
            continue
        if m.user.profile is not None and not m.user.profile.opt_in:
            code = "opted_out"
        else:
            code = why.get(str(m.user_id)) or ("rejected" if last else "not_run")
        out.append(Unmatched(m.user, code))
    return out


# -- settings -------------------------------------------------------------------------------
WEIGHT_LABELS = {
    "complementarity": _l("Skills meet goals (both ways)"),
    "shared_goals": _l("Shared goals"),
    "interests": _l("Shared interests"),
    "level": _l("Career level"),
    "availability": _l("Shared free time slots"),
    "language": _l("Common language"),
}
RULE_LABELS = {
    "separate_departments": _l("Not in the same department"),
    "separate_reporting_lines": _l("Not in the same reporting line"),
    "require_common_language": _l("Must share a language"),
}


def parse_settings(form) -> tuple[dict, dict]:
    """Read the weights-and-rules form; returns (settings, errors by field)."""
    weights, errors = {}, {}
    for key in DEFAULT_WEIGHTS:
        raw = (form.get(f"w_{key}") or "").strip().replace(",", ".")
        try:
            value = float(raw)
        except ValueError:
            errors[key] = _l("Enter a number from 0 to 1.")
            continue
        if not 0 <= value <= 1:
            errors[key] = _l("Enter a number from 0 to 1.")
        weights[key] = value
    if not errors and sum(weights.values()) <= 0:
        errors["complementarity"] = _l("At least one weight must be above zero.")
    settings = {"weights": weights, **{k: bool(form.get(k)) for k in RULE_LABELS}}
    return settings, errors


def save_settings(programme: Programme, settings: dict) -> None:
    """Store validated weights and rules on the programme."""
    programme.settings = {**(programme.settings or {}), **settings}
