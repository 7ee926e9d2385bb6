"""Grounding checks for generated text: cited sources, no new facts, no repetition or copying."""

from __future__ import annotations

import re
from datetime import date

from models.dates import find_dates
from models.lexical import STOPWORDS, content_words, stem, words

NUMBER_RE = re.compile(r"(?<![\wА-Яа-я])\d+(?:[.,]\d+)?")
CAPITALISED_RE = re.compile(r"\[PERSON\d+\]|(?<![\wА-Яа-я])[A-ZА-Я][\wА-Яа-я'’-]*")
# Words a generated item may start with although the note never uses them: instructions and
# question words, never names.
GENERIC = {
    "draft", "review", "practise", "practice", "prepare", "share", "discuss", "agree", "plan",
    "set", "ask", "book", "read", "write", "update", "reflect", "follow", "check", "identify",
    "complete", "finish", "send", "talk", "celebrate", "improve", "improvement", "progress",
    "what", "how", "which", "why", "when", "where", "who", "look", "name", "describe",
    "continue", "next", "smart", "goal", "by", "during", "after", "before", "try", "focus",
    "revisit", "decide", "confirm", "agenda", "summary", "note", "notes", "one", "two", "three",
    "какво", "как", "кое", "кога", "защо", "кой", "коя", "кои", "подготви", "прегледай",
    "обсъдете", "обсъди", "сподели", "прочети", "напиши", "довърши", "продължи", "цел",
    "напредък", "следващата", "следващия", "среща", "проследете", "отбележете", "потвърдете",
}  # fmt: skip


# "Lucas will review ...": a name that opens a sentence and acts in it.
ACTOR_RE = re.compile(
    r"^\W*(?P<name>[A-ZА-Я][\wА-Яа-я'’-]+)\s+(?:will|would|is|are|has|have|had|was|were|can|"
    r"should|must|to|said|says|agreed|agrees|promised|offered|wants|needs|ще|е|са|има|каза|обеща|"
    r"трябва|[a-z]{3,}(?:s|ed)|[а-я]{3,}(?:а|я|и|е))(?![\wА-Яа-я])"
)
# The words before a name that make it an object, not the one who acts ("goes to Lucas",
# "in touch with Chloe", "за Иван").
OBJECT_LEAD = {
    "to", "with", "for", "from", "by", "at", "on", "about", "of", "into", "onto", "than",
    "към", "с", "със", "за", "на", "от", "при", "до",
}  # fmt: skip


def acts_elsewhere(text: str, sources: list[str]) -> str | None:
    """The name that acts in `text` but in its sources only ever has something done to it or
    for it ("Lucas will review the summary" from "... before it goes to Lucas"), else None."""
    m = ACTOR_RE.match(text)
    if not m:
        return None
    name = m.group("name")
    key = stem(re.sub(r"['’]s$", "", name.lower()))
    seen = []
    for source in sources:
        toks = words(source)
        for i, w in enumerate(toks):
            if stem(w) == key:
                seen.append(i > 0 and toks[i - 1] in OBJECT_LEAD)
    return name if seen and all(seen) else None


def _stems(text: str) -> set[str]:
    return {stem(w) for w in content_words(text)}


def support(text: str, sources: list[str]) -> float:
    """Share of the item's content words that occur (stemmed) in its sources."""
    own = [stem(w) for w in content_words(text)]
    if not own:
        return 0.0
    pool = set().union(*(_stems(s) for s in sources)) if sources else set()
    return sum(w in pool for w in own) / len(own)


def align_sources(text: str, sentences: list[str], limit: int = 3) -> list[int]:
    """The note sentences an item most likely came from, by stemmed word overlap."""
    own = _stems(text)
    if not own:
        return []
    scored = []
    for i, s in enumerate(sentences):
        overlap = len(own & _stems(s))
        if overlap:
            scored.append((overlap / len(own), -i, i))
    scored.sort(reverse=True)
    best = scored[0][0] if scored else 0
    # Keep sentences that explain a good share of the item, strongest first.
    return sorted(i for share, _, i in scored[:limit] if share >= max(0.2, best * 0.5))


def _resolved_dates(texts: list[str], ref: date | None) -> set[date]:
    return {d.value for t in texts for d in find_dates(t, ref) if d.value}


def _without_dates(text: str, ref: date | None) -> str:
    for d in sorted(find_dates(text, ref), key=lambda d: -d.start):
        text = text[: d.start] + " " + text[d.end :]
    return text


def repeats_itself(text: str) -> bool:
    """Degenerate output: a repeated trigram or too few distinct words."""
    toks = words(text)
    grams = [tuple(toks[i : i + 3]) for i in range(len(toks) - 2)]
    if len(grams) != len(set(grams)):
        return True
    return len(toks) >= 8 and len(set(toks)) / len(toks) < 0.6


def check_item(
    text: str,
    sources: list[str],
    *,
    note: str = "",
    ref: date | None = None,
    allowed: list[str] | None = None,
    min_words: int = 3,
    max_words: int = 40,
    min_support: float = 0.5,
) -> list[str]:
    """Problems that make a generated item unfit to show (empty list: grounded)."""
    problems = []
    toks = words(text)
    if not sources:
        problems.append("no sources")
    if not (min_words <= len(toks) <= max_words):
        problems.append(f"length {len(toks)} words")
    if repeats_itself(text):
        problems.append("repeats itself")
    evidence = [*sources, *(allowed or [])]
    evidence_text = " ".join(evidence).lower()
    known_dates = _resolved_dates(evidence, ref)
    for d in find_dates(text, ref):
        if d.value and d.value not in known_dates and d.text.lower() not in evidence_text:
            problems.append(f"date not in sources: {d.text}")
    plain = _without_dates(text, ref)
    numbers = set(NUMBER_RE.findall(" ".join(evidence)))
    for n in NUMBER_RE.findall(plain):
        if n not in numbers:
            problems.append(f"number not in sources: {n}")
    evidence_stems = {stem(w) for w in words(evidence_text)}
    for m in CAPITALISED_RE.finditer(plain):
        word = m.group(0)
        low = word.lower()
        if low in STOPWORDS or low in GENERIC:
            continue
        if low.startswith("[person"):
            if low not in evidence_text:
                problems.append(f"name not in sources: {word}")
            continue
        # "Ana's" names Ana: the possessive ending is not part of the name.
        if stem(re.sub(r"['’]s$", "", low)) not in evidence_stems:
            problems.append(f"name not in sources: {word}")
    actor = acts_elsewhere(plain, sources)
    if actor:
        problems.append(f"{actor} does something the sources do not say")
    if sources and support(text, sources) < min_support:
        problems.append("not supported by its sources")
    if note and len(toks) > 25:
        note_toks = words(note)
        if len(toks) > 0.6 * len(note_toks):
            problems.append("copies the note")
    return problems


def near_duplicate(a: str, b: str, threshold: float = 0.8) -> bool:
    """Two items saying the same thing (Jaccard over stemmed content words)."""
    sa, sb = _stems(a), _stems(b)
    if not sa or not sb:
        return False
    return len(sa & sb) / len(sa | sb) >= threshold
