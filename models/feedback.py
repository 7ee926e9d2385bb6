"""Feedback prompts (celebrate progress, one area to improve) and the next-session agenda."""

from __future__ import annotations

import re

from models.lexical import language
from models.names import NameIndex
from models.sentences import Sentence

PROGRESS_RE = re.compile(
    r"\b(finished|completed|done|managed to|improved|shipped|delivered|presented|passed|"
    r"went well|proud|succeeded|got (?:the|a|her|his)|launched|solved|closed|achieved|"
    r"promoted|praised|positive feedback)\b|(?<![\wА-Яа-я])(успя|успяхме|завърши|завършихме|"
    r"приключи|подобри|справи|представи|получи|похвал|горд|мина добре|върви добре)",
    re.I,
)
CHALLENGE_RE = re.compile(
    r"\b(struggl\w*|difficult|hard(?:er)? to|stuck|worried|nervous|anxious|blocked|challenge\w*|"
    r"problem\w*|concern\w*|overwhelm\w*|frustrat\w*|not sure|unclear|behind|slipp\w*|"
    r"too much|no time|conflict\w*|pushback|tired|disappoint\w*|exhaust\w*|stress\w*)\b|"
    r"(?<![\wА-Яа-я])(трудно|трудност\w*|притесн\w*|"
    r"проблем\w*|затрудн\w*|не успя|блокира\w*|несигурн\w*|изоставa\w*|конфликт\w*|"
    r"претоварен\w*|не е ясно|изморен\w*|изтощен\w*|разочарован\w*)",
    re.I,
)
OPEN_RE = re.compile(
    r"\b(open question|not sure|unclear|to be decided|tbd|revisit|next time|next session|"
    r"come back to|follow up on|park(?:ed)?)\b|(?<![\wА-Яа-я])(следващия път|следващата среща|"
    r"отворен въпрос|не е ясно|ще се върнем|да помислим)",
    re.I,
)
TEMPLATES = {
    "en": {
        "celebrate": "Celebrate progress: {s} What made it work, and how can it be repeated?",
        "improve": "One area to improve: {s} What is one small step to try before next time?",
        "follow": "How did this go: {t}?",
        "reflect": "What was the most useful part of this session, and what should change "
        "next time?",
        "celebrate_any": "What went well since the last session that is worth celebrating?",
        "improve_any": "What is one area to improve before the next session?",
        "review": "Review: {t}",
        "open": "Follow up: {s}",
        "goal": "Check progress on the goal: {g}",
        "next": "Agree on the next steps and the date of the next session",
    },
    "bg": {
        "celebrate": "Отбележете напредъка: {s} Какво помогна и как да се повтори?",
        "improve": "Една област за подобрение: {s} Каква малка стъпка да опитате до следващия път?",
        "follow": "Как мина това: {t}?",
        "reflect": "Кое беше най-полезно в тази среща и какво да промените следващия път?",
        "celebrate_any": "Какво мина добре от последната среща и заслужава да се отбележи?",
        "improve_any": "Коя е една област за подобрение до следващата среща?",
        "review": "Преглед: {t}",
        "open": "Да се проследи: {s}",
        "goal": "Проверка на напредъка по целта: {g}",
        "next": "Договорете следващите стъпки и датата на следващата среща",
    },
}


def _subject_owner(text: str, index: NameIndex) -> str:
    """ "both", or the participant the sentence starts with."""
    first = re.match(r"\s*(\[PERSON\d+\]|[A-ZА-Я][\wА-Яа-я'’-]+)", text)
    who = index.resolve(first.group(1)) if first and index else None
    return who or "both"


def feedback_prompts(
    sentences: list[Sentence],
    actions: list[dict],
    participants: list[str] | None = None,
    limit: int = 5,
) -> list[dict]:
    """3-5 prompts `{"for","text","topic","kind","sources","engine"}`; at least one celebrates
    progress and one names an area to improve."""
    texts = [s.text for s in sentences]
    t = TEMPLATES[language(" ".join(texts))]
    index = NameIndex(participants)
    out: list[dict] = []
    progress = [i for i, s in enumerate(texts) if PROGRESS_RE.search(s) and not s.endswith("?")]
    challenge = [i for i, s in enumerate(texts) if CHALLENGE_RE.search(s)]
    if progress:
        i = progress[0]
        out.append(_prompt(t["celebrate"].format(s=texts[i]), texts[i], "celebrate", [i],
                           _subject_owner(texts[i], index)))  # fmt: skip
    else:
        out.append(_prompt(t["celebrate_any"], "", "celebrate", [], "both"))
    improve = [i for i in challenge if not progress or i != progress[0]]
    if improve:
        i = improve[0]
        out.append(_prompt(t["improve"].format(s=texts[i]), texts[i], "improve", [i],
                           _subject_owner(texts[i], index)))  # fmt: skip
    else:
        out.append(_prompt(t["improve_any"], "", "improve", [], "both"))
    for a in actions:
        if len(out) >= limit - 1:
            break
        topic = a["task"] + (f" ({a['owner']})" if a["owner"] else "")
        out.append(_prompt(t["follow"].format(t=topic), topic, "follow_up", a["sources"],
                           a["owner"] or "both"))  # fmt: skip
    if len(out) < limit:
        out.append(_prompt(t["reflect"], "", "reflect", [], "both"))
    while len(out) < 3 and len(progress) + len(challenge) > len(out):
        pool = [i for i in progress[1:] + challenge[1:] if all([i] != p["sources"] for p in out)]
        if not pool:
            break
        i = pool[0]
        kind = "celebrate" if i in progress else "improve"
        out.insert(-1, _prompt(t[kind].format(s=texts[i]), texts[i], kind, [i],
                               _subject_owner(texts[i], index)))  # fmt: skip
    return out[:limit]


def _prompt(text: str, topic: str, kind: str, sources: list[int], who: str) -> dict:
    return {"for": who, "text": text, "topic": topic, "kind": kind, "sources": sources,
            "engine": "extractive"}  # fmt: skip


def agenda(
    sentences: list[Sentence],
    actions: list[dict],
    goals: list[dict],
    limit: int = 6,
) -> list[dict]:
    """Next-session agenda `{"text","sources","engine","kind","topic"}`: review the tasks, the
    open points, the goals, then agree next steps. `kind` and `topic` (plus `owner`, `due` for
    a task) say what an item is about, so that an LLM can word it from the same facts."""
    texts = [s.text for s in sentences]
    t = TEMPLATES[language(" ".join(texts))]
    items = []
    for a in actions[:3]:
        who = f" ({a['owner']}" + (f", {a['due']})" if a["due"] else ")") if a["owner"] else ""
        items.append({"text": t["review"].format(t=a["task"] + who), "sources": a["sources"],
                      "kind": "task", "topic": a["task"], "owner": a["owner"],
                      "due": a["due"]})  # fmt: skip
    used = {i for a in actions for i in a["sources"]}
    for i, s in enumerate(texts):
        if len(items) >= limit - 2:
            break
        if i not in used and (OPEN_RE.search(s) or s.rstrip().endswith("?")):
            items.append({"text": t["open"].format(s=s), "sources": [i], "kind": "open",
                          "topic": s})  # fmt: skip
    reviewed = {i for it in items if it["kind"] == "task" for i in it["sources"]}
    for g in goals[:1]:
        if g["sources"] and set(g["sources"]) <= reviewed:
            continue  # a goal drafted from the tasks above: reviewing them covers it
        items.append({"text": t["goal"].format(g=g["specific"]), "sources": g["sources"],
                      "kind": "goal", "topic": g["specific"], "owner": g["owner"]})  # fmt: skip
    items.append({"text": t["next"], "sources": [], "kind": "next", "topic": ""})
    return [{**it, "engine": "extractive"} for it in items[:limit]]
