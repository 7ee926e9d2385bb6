"""Decisions ("we decided", "agreed to wait", a "Decisions" section), and the report-style
lines ("Map: done", "We'll meet on Friday") that are neither tasks nor plans."""

from __future__ import annotations

import re

from models.sentences import Sentence

DECISION_SECTION_RE = re.compile(r"decision|decided|agreed|agreement|решени|договорен", re.I)
DECISION_RE = re.compile(
    r"\b(decided|decide|agreed|decision|chose|chosen|settled on|opted for|concluded|going with|"
    r"will go with|signed off)\b|(?<![\wА-Яа-я])(решихме|решено|решение|решиха|реши|"
    r"договорихме|договорено|съгласихме|избрахме|уговорихме|разбрахме се)(?![\wА-Яа-я])",
    re.I,
)
STRONG_DECISION_RE = re.compile(r"\b(decided|decision)\b|решихме|решено|решение", re.I)
STATUS_RE = re.compile(
    r"\b(done|completed|finished|held|still|already)\b|(?<![\wА-Яа-я])(готово|завърш\w*|"
    r"приключ\w*|вече)(?![\wА-Яа-я])",
    re.I,
)
MEETING_RE = re.compile(
    r"\b(we(?:'ll| will| are going to)|let's)\s+(meet|reconvene|catch up|talk again)|"
    r"ще се (видим|срещнем|чуем)",
    re.I,
)


def is_meeting_or_decision(text: str) -> bool:
    """ "We'll meet on Friday", "Decided to wait"; "to decide"/"да реши" is still a task."""
    decided = [m for m in DECISION_RE.finditer(text)
               if not re.search(r"(?:\bto|(?<![\wА-Яа-я])да)\s+$", text[: m.start()])]  # fmt: skip
    return bool(MEETING_RE.search(text) or decided)


def is_status(text: str) -> bool:
    """A bullet that reports instead of asking ("Map: done", "Kickoff held on 24 Feb")."""
    return bool(STATUS_RE.search(text))


def extract_decisions(sentences: list[Sentence], actions: list[dict]) -> list[dict]:
    """Decisions `{"text","sources"}`: decision verbs, "we will meet", a "Decisions" section."""
    owned = {i for a in actions if a["owner"] for i in a["sources"]}
    out = []
    for i, s in enumerate(sentences):
        text = s.text
        if text.rstrip().endswith("?"):
            continue
        hit = bool(DECISION_RE.search(text)) or bool(DECISION_SECTION_RE.search(s.section))
        meet = MEETING_RE.search(text)
        # "Ana agreed to volunteer" is her task; "we decided" is a decision either way.
        if (hit or meet) and (i not in owned or STRONG_DECISION_RE.search(text)):
            out.append({"text": text, "sources": [i]})
    return out
