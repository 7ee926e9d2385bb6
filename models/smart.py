"""SMART goal drafts from goal statements and agreed actions, linked to profile goals."""

from __future__ import annotations

import re
from datetime import date, timedelta

from models.actions import NOT_NAMES, pronoun_owner
from models.dates import due_date
from models.grounding import support
from models.lexical import content_words, language, stem
from models.names import NameIndex
from models.sentences import Sentence

GOAL_RE = re.compile(
    r"(?P<subj>\[PERSON\d+\]|[A-ZА-Я][a-zа-я'’-]+|I|[Ss]he|[Hh]e|[Ww]e)?\s*"
    r"(?:'d like to|(?:really |also )?(?:wants?|would like|hopes?|aims?|plans?|wishes|intends) to|"
    r"(?:is|am) aiming to|goal is to|aim is to|objective is to|"
    r"иска да|би искал(?:а)? да|би желал(?:а)? да|желае да|се стреми да|цели да|"
    r"целта (?:ѝ|й|му|ми|ни)? ?е да|мечтае да|планира да)\s+(?P<what>[^.;!?]+)",
)
GOAL_SECTION_RE = re.compile(r"goal|objective|цел", re.I)
HORIZON_DAYS = 42  # a goal with no date in the note gets a proposed six-week horizon


def _owner(subj: str | None, index: NameIndex, author: str | None) -> str | None:
    if not subj:
        return None
    low = subj.lower()
    if low == "i":
        return author
    if low in ("she", "he"):
        return pronoun_owner(low, [], index)
    if low == "we" or low in NOT_NAMES:
        return None
    return index.resolve(subj) or (subj if not index else None)


def _profile_link(what: str, owner: str | None, profile_goals: dict[str, list[str]]):
    """The profile goal (owner's first) that shares most words with the draft."""
    own = {stem(w) for w in content_words(what)}
    best, best_score, best_owner = None, 0.0, None
    for person, goals in profile_goals.items():
        for g in goals:
            theirs = {stem(w) for w in content_words(g)}
            if not theirs:
                continue
            score = len(own & theirs) / len(theirs) + (0.05 if person == owner else 0)
            if score > best_score:
                best, best_score, best_owner = g, score, person
    return (best, best_owner) if best_score >= 0.2 else (None, None)


def _candidates(sentences: list[Sentence], index: NameIndex, author: str | None):
    """(sentence index, owner, what) for every stated goal in the note."""
    for i, s in enumerate(sentences):
        m = GOAL_RE.search(s.text)
        if m and len(m.group("what").split()) >= 2:
            yield i, _owner(m.group("subj"), index, author), m.group("what").strip(" ,")
        elif GOAL_SECTION_RE.search(s.section) and s.bullet and len(s.text.split()) >= 3:
            yield i, None, s.text.rstrip(".")


def _statement(lang: str, owner: str | None, what: str, measure: str, when: str | None) -> str:
    who = owner or ("двамата" if lang == "bg" else "we")
    if lang == "bg":
        head = f"До {when} {who}" if when else who[:1].upper() + who[1:]
        return f"{head} ще {what}, измерено чрез: {measure}."
    head = f"By {when}, {who}" if when else who[:1].upper() + who[1:]
    return f"{head} will {what}, measured by: {measure}."


def draft_goals(
    sentences: list[Sentence],
    actions: list[dict],
    *,
    participants: list[str] | None = None,
    profile_goals: dict[str, list[str]] | None = None,
    session_date: date | None = None,
    author: str | None = None,
    limit: int = 3,
) -> list[dict]:
    """SMART drafts `{"owner","specific","measurable","achievable","relevant","time_bound",
    "statement","sources","engine"}`: every field is taken from the note or the profile."""
    index = NameIndex(participants)
    texts = [s.text for s in sentences]
    lang = language(" ".join(texts))
    profile_goals = profile_goals or {}
    goals: list[dict] = []
    seen: list[str] = []
    for i, owner, what in _candidates(sentences, index, author):
        if any(support(what, [s]) > 0.7 for s in seen):
            continue
        seen.append(what)
        goals.append(_build(i, owner, what, texts, actions, profile_goals, session_date, lang))
        if len(goals) >= limit:
            break
    if not goals:
        # No stated goal: the agreed actions of each owner make one.
        for owner in dict.fromkeys(a["owner"] for a in actions if a["owner"]):
            first = next(a for a in actions if a["owner"] == owner)
            i = first["sources"][0]
            goals.append(
                _build(
                    i,
                    owner,
                    first["task"][:1].lower() + first["task"][1:],
                    texts,
                    actions,
                    profile_goals,
                    session_date,
                    lang,
                )  # fmt: skip
            )
            if len(goals) >= limit:
                break
    return goals


def _build(i, owner, what, texts, actions, profile_goals, ref, lang) -> dict:
    """One SMART draft from a goal sentence and the actions that serve it."""
    related = [
        a
        for a in actions
        if (a["owner"] == owner or owner is None)
        and (support(a["task"], [what, texts[i]]) >= 0.2 or a["sources"] == [i])
    ]
    linked, linked_owner = _profile_link(what, owner, profile_goals)
    owner = owner or linked_owner
    if owner:
        # A goal found its owner through the profile: the other person's tasks do not measure it
        # ("Add Boris to the invite" is Ana's task, even though it names Boris).
        related = [a for a in related if a["owner"] in (owner, None)]
    sources = sorted({i, *(j for a in related for j in a["sources"])})
    dates = [a["due"] for a in related if a["due"]]
    stated, _ = due_date(texts[i], ref)
    if stated:
        when, basis = stated.isoformat(), "note"
    elif dates:
        when, basis = max(dates), "note"
    elif ref:
        when, basis = (ref + timedelta(days=HORIZON_DAYS)).isoformat(), "proposed"
    else:
        when, basis = None, "proposed"
    numbers = re.findall(r"[^.;]*\d[^.;]*", texts[i])
    if related:
        measure = "; ".join(a["task"] for a in related[:3])
    elif numbers:
        measure = numbers[0].strip()
    else:
        measure = ("договорено на следващата среща" if lang == "bg"
                   else "a check-in at the next session")  # fmt: skip
    if lang == "bg":
        achievable = (f"{len(related)} договорени стъпки" if related
                      else "Малка първа стъпка, договорена в сесията")  # fmt: skip
        relevant = f"Цел от профила: {linked}" if linked else f"От бележките: {texts[i]}"
    else:
        achievable = (f"{len(related)} agreed step(s) already planned" if related
                      else "A small first step agreed in the session")  # fmt: skip
        relevant = f"Profile goal: {linked}" if linked else f"From the notes: {texts[i]}"
    return {
        "owner": owner,
        "specific": what[:1].upper() + what[1:],
        "measurable": measure,
        "achievable": achievable,
        "relevant": relevant,
        "time_bound": when,
        "time_bound_basis": basis,
        "statement": _statement(lang, owner, what, measure, when),
        "sources": sources,
        "profile_goal": linked,
        "engine": "extractive",
    }
