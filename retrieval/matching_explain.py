"""Reasons for a match: which skill meets which goal, and the softer things people share.

Reasons are built as small dicts (`kind` plus values) so that the web layer can render them
in the reader's language; `format_reason` renders one with any gettext-like functions.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from retrieval.matching_scoring import Cohort

TEMPLATES = {
    "helps": "{giver} can help with: {skill} → {receiver}'s goal: {goal} ({sim})",
    "shared_goal": "both want to: {goal} ({sim})",
    "shared_goal_pair": "similar goals: {goal_a} / {goal_b} ({sim})",
    "shared_interest": "shared interest: {interest}",
    "group_goal": "shared goal in the group: {goal} ({sim})",
    "language_all": "everyone speaks {languages}",
    "level_same": "both {level}",
    "level_pair": "{a} is {level_a}, {b} is {level_b}",
    "language": "both speak {languages}",
    "prefer": "{a} asked to be matched with {b}",
    "no_slot": "no shared free slot yet: agree a time together",
    "weak_link": "no clear skill-to-goal link: matched on the other signals",
    "fallback": "best available partner (score {score})",
    "avoid": "cannot be matched: {a} asked not to be matched with {b}",
    "earlier": "cannot be matched: {a} and {b} were partners before",
    "reports_to": "cannot be matched: {a} reports to {b}",
    "same_department": "cannot be matched: both in {department}",
    "no_language": "cannot be matched: no common language",
}
UNMATCHED = {
    "no_partner": "no partner without a conflict (avoid list, language or reporting line)",
    "no_mentor": "there are no mentors in this round",
    "no_mentor_capacity": "every mentor is at capacity",
    "no_suitable_mentor": "no mentor without a conflict",
    "no_mentee": "no mentee was assigned to this mentor",
    "too_few_for_group": "too few people to form a group",
    "conflict": "no group without a conflict (avoid list, language or reporting line)",
}
SLOT_TEMPLATES = ("{n} shared free slot", "{n} shared free slots")
LEVEL_NAMES = {"junior": "junior", "mid": "mid-level", "senior": "senior", "lead": "lead"}
LANGUAGE_NAMES = {
    "en": "English",
    "bg": "Bulgarian",
    "de": "German",
    "fr": "French",
    "es": "Spanish",
    "it": "Italian",
    "ru": "Russian",
    "tr": "Turkish",
    "el": "Greek",
    "ro": "Romanian",
}
_MAX_LINKS = 2


def _links(cohort: Cohort, a: int, b: int, a_side: str, b_side: str):
    """Best phrase of a for each phrase of b, strongest first, above the reason threshold.

    The similarity is the one the score used (hubness-corrected where the score corrects it),
    capped at 1 because the lexical bonus can lift identical phrases above it.
    """
    a_rows, b_rows = getattr(cohort, a_side), getattr(cohort, b_side)
    a_off, b_off = cohort.offsets(a_side, b_side)
    sims = cohort.sims(a_rows[a][None], b_rows[b][None], a_off, b_off, (a_side, b_side))[0]
    out = []
    for q, bq in enumerate(b_rows[b]):
        if bq == cohort.pad:
            continue
        p = int(np.argmax(sims[:, q]))
        s = min(float(sims[p, q]), 1.0)
        if s >= cohort.config.reason_min_sim:
            out.append((s, cohort.phrases[a_rows[a][p]], cohort.phrases[bq]))
    return sorted(out, reverse=True)


def _help_links(cohort: Cohort, i: int, j: int) -> list[dict]:
    people = cohort.people
    out = []
    for giver, receiver in ((i, j), (j, i)):
        if cohort.config.mode == "mentor" and giver != i:
            continue
        for s, skill, goal in _links(cohort, giver, receiver, "skills", "goals")[:_MAX_LINKS]:
            out.append(
                {
                    "kind": "helps",
                    "giver": people[giver].name,
                    "skill": skill,
                    "receiver": people[receiver].name,
                    "goal": goal,
                    "sim": round(s, 2),
                }
            )
    return sorted(out, key=lambda r: -r["sim"])


def _shared(cohort: Cohort, i: int, j: int) -> list[dict]:
    out = []
    goals = _links(cohort, i, j, "goals", "goals")
    if goals:
        s, ga, gb = goals[0]
        if ga.casefold() == gb.casefold():
            out.append({"kind": "shared_goal", "goal": ga, "sim": round(s, 2)})
        else:
            out.append({"kind": "shared_goal_pair", "goal_a": ga, "goal_b": gb, "sim": round(s, 2)})
    interests = _links(cohort, i, j, "interests", "interests")
    if interests and interests[0][0] >= max(cohort.config.reason_min_sim, 0.5):
        out.append({"kind": "shared_interest", "interest": interests[0][2]})
    return out


def _level(cohort: Cohort, i: int, j: int) -> list[dict]:
    a, b = cohort.people[i], cohort.people[j]
    if a.level is None or b.level is None or cohort.config.level_mode == "any":
        return []
    if a.level == b.level:
        return [{"kind": "level_same", "level": a.career_level}]
    if cohort.config.level_mode == "mentor_senior" or abs(a.level - b.level) == 1:
        return [
            {
                "kind": "level_pair",
                "a": a.name,
                "level_a": a.career_level,
                "b": b.name,
                "level_b": b.career_level,
            }
        ]
    return []


def explain_pair(cohort: Cohort, i: int, j: int, score: float | None = None) -> list[dict]:
    """Structured reasons for pairing rows i and j (never empty)."""
    a, b = cohort.people[i], cohort.people[j]
    reasons = _help_links(cohort, i, j)
    positive = bool(reasons)
    if not reasons and cohort.config.weights.get("complementarity", 0) > 0:
        reasons.append({"kind": "weak_link"})
    reasons += _shared(cohort, i, j)
    reasons += _level(cohort, i, j)
    if cohort.has_slots[i] and cohort.has_slots[j]:
        n = int((cohort.slots[i] & cohort.slots[j]).sum())
        reasons.append({"kind": "slots", "n": n} if n else {"kind": "no_slot"})
    common = [x for x in a.languages if x in b.languages]
    if common and cohort.has_langs[i] and cohort.has_langs[j]:
        reasons.append({"kind": "language", "languages": common})
    for x, y in ((a, b), (b, a)):
        if y.id in x.prefer:
            reasons.append({"kind": "prefer", "a": x.name, "b": y.name})
    positive = positive or any(r["kind"] not in ("weak_link", "no_slot") for r in reasons)
    if not positive:
        if score is None:
            score = float(cohort.score([i], [j])[0][0])
        reasons.append({"kind": "fallback", "score": round(score, 2)})
    return reasons


def explain_group(cohort: Cohort, rows: list[int], score: float | None = None) -> list[dict]:
    """Reasons for a group: its strongest pair links, then what every member shares."""
    if len(rows) == 2:
        return explain_pair(cohort, rows[0], rows[1], score)
    links: list[dict] = []
    seen = set()
    for x, i in enumerate(rows):
        for j in rows[x + 1 :]:
            for r in _help_links(cohort, i, j) + _shared(cohort, i, j):
                if r["kind"] in ("shared_goal", "shared_goal_pair"):
                    r = {
                        "kind": "group_goal",
                        "goal": r.get("goal") or r["goal_a"],
                        "sim": r["sim"],
                    }
                key = (r["kind"], r.get("skill"), r.get("goal"), r.get("interest"))
                if key not in seen:
                    seen.add(key)
                    links.append(r)
    links.sort(key=lambda r: -r.get("sim", 0.0))
    reasons = links[:4]
    slots = np.logical_and.reduce(cohort.slots[rows], axis=0)
    if all(cohort.has_slots[r] for r in rows):
        n = int(slots.sum())
        reasons.append({"kind": "slots", "n": n} if n else {"kind": "no_slot"})
    langs = set(cohort.people[rows[0]].languages)
    for r in rows[1:]:
        langs &= set(cohort.people[r].languages)
    if langs:
        order = [x for x in cohort.people[rows[0]].languages if x in langs]
        reasons.append({"kind": "language_all", "languages": order})
    if not any(r["kind"] not in ("no_slot",) for r in reasons):
        reasons.append({"kind": "fallback", "score": round(score or 0.0, 2)})
    return reasons


def _identity(text: str) -> str:
    return text


def _plural(singular: str, plural: str, n: int) -> str:
    return singular if n == 1 else plural


def format_reason(
    reason: dict,
    gettext: Callable[[str], str] = _identity,
    ngettext: Callable[[str, str, int], str] = _plural,
) -> str:
    """Render one structured reason as a sentence, translated by the functions given."""
    kind = reason["kind"]
    values = {k: v for k, v in reason.items() if k != "kind"}
    if "sim" in values:
        values["sim"] = f"{float(values['sim']):.2f}"
    if "score" in values:
        values["score"] = f"{float(values['score']):.2f}"
    for key in ("level", "level_a", "level_b"):
        if key in values:
            values[key] = gettext(LEVEL_NAMES.get(values[key], values[key]))
    if "languages" in values:
        names = [
            gettext(LANGUAGE_NAMES[x]) if x in LANGUAGE_NAMES else x for x in values["languages"]
        ]
        values["languages"] = ", ".join(names)
    if kind == "slots":
        n = int(values["n"])
        return ngettext(*SLOT_TEMPLATES, n).format(n=n)
    return gettext(TEMPLATES[kind]).format(**values)


def format_reasons(reasons: list[dict], **translate) -> list[str]:
    """Render a list of structured reasons (see format_reason)."""
    return [format_reason(r, **translate) for r in reasons]
