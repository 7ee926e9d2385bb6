"""Commitments in spoken transcripts: "I'll ..." is everywhere in a meeting, so only a firm
modal, a concrete verb with an object and no hedge counts; plus requests to a named person."""

from __future__ import annotations

import re

from models.lexical import STOPWORDS, content_words, disfluency, stem, words

FIRM_MODALS = {
    "will", "'ll", "’ll", "shall", "is going to", "are going to", "am going to", "'m going to",
    "’m going to", "'re going to", "’re going to", "'s going to", "’s going to", "agreed to",
    "agrees to", "promised to", "promises to", "committed to", "commits to", "volunteered to",
    "volunteers to", "offered to", "offers to",
}  # fmt: skip
# Verbs of talking, thinking and screen-sharing: "I'll say", "I'll just look", "I'll put it".
GENERIC_VERBS = {
    "say", "tell", "think", "talk", "speak", "look", "see", "watch", "listen", "try", "be", "have",
    "do", "get", "go", "come", "let", "need", "want", "appreciate", "require", "stop",
    "disconnect", "wait", "mention", "repeat", "explain", "guess", "know", "mean", "hope", "leave",
    "join", "use", "keep", "put", "take", "turn", "open", "close", "click", "scroll", "paste",
    "copy", "show", "give", "find", "start", "continue", "move", "push", "pull", "write", "ask",
    "check", "answer", "follow", "remember", "read", "like", "love", "share", "spend",
}  # fmt: skip
# A concrete task still counts after one of these if it has a real object.
SOFT_GENERIC = {"write", "ask", "check", "read", "share", "continue", "start", "show", "find"}
HEDGE_RE = re.compile(
    r"\b(maybe|probably|perhaps|possibly|hopefully|i think|i guess|i hope|i suppose|might|"
    r"kind of|sort of|if|whether|try|trying|not sure|somehow)\b",
    re.I,
)
# Where a spoken clause wanders off: ", so I ...", " because ...", " and then we ...".
CLAUSE_BREAK_RE = re.compile(
    r"(?:,\s*|\s+)(?:and\s+|but\s+|so\s+|then\s+)*(?:because|so that|which|as long as|"
    r"as soon as|when|if|unless|until|while|I|we|you|he|she|they|it's|that's|there's|but|or|"
    r"\[PERSON\d+\])(?![\w\]]).*$|\s*[–—-]\s.*$",
    re.I,
)
STUTTER_RE = re.compile(r"\b((?:\w+\s+){0,2}\w+)\s+\1\b", re.I)
DANGLING_RE = re.compile(r"(?:\s+(?:for|to|with|of|the|a|an|and|or|on|in|at|from|by))+$", re.I)
PRONOUN_OBJECTS = {"it", "this", "that", "them", "you", "him", "her", "something", "things",
                   "thing", "one", "more", "some", "everything", "anything", "whenever",
                   "somewhere", "sometime", "exactly", "anyway"}  # fmt: skip
# "[PERSON4], could you please book the room?": a request to a named person is their task.
REQUEST_RE = re.compile(
    r"(?P<who>\[PERSON\d+\]),?\s+(?:so\s+)?(?:could|can|would|will)\s+you\s+"
    r"(?:(?:again|please|also|maybe)\s+)*(?P<verb>[a-z]+)\b"
)


def is_spoken(texts: list[str]) -> bool:
    """A long transcript, speaker tags or not: many sentences, about half with a hesitation,
    a stutter or a backchannel (written notes stay well under a third)."""
    if len(texts) < 80:
        return False
    return sum(disfluency(t) > 0 for t in texts) / len(texts) >= 0.45


def core_task(task: str) -> str:
    """The task up to where the spoken clause wanders off, without stutters ("the the")
    and hesitations."""
    task = re.sub(r"\b(?:uh|uhm|um|ehm|erm|hmm)\b,?\s*", "", task, flags=re.I)
    task = CLAUSE_BREAK_RE.sub("", task)
    while STUTTER_RE.search(task):
        task = STUTTER_RE.sub(r"\1", task)
    return DANGLING_RE.sub("", task.strip(" ,;:.")).strip(" ,;:.")


def firm_commitment(modal: str, verb: str, before: str, task: str) -> bool:
    """A promise, not talk: one owner, a firm modal, a concrete verb with an object, no
    hedge just before the subject or in the task, fluent wording."""
    if modal.lower() not in FIRM_MODALS or verb in STOPWORDS or verb.endswith(("ed", "ing")):
        return False
    if re.search(r"(?:\[PERSON\d+\]\s*,|\band|&)\s*$", before):
        return False  # "[PERSON1] and [PERSON9] will ...": shared, so nobody's in particular
    if HEDGE_RE.search(before[-30:]) or HEDGE_RE.search(task):
        return False
    toks = words(task)
    if not 3 <= len(toks) <= 16 or disfluency(task) > 0 or re.search(r"\w-(?:[\s,.]|$)", task):
        return False
    objects = [w for w in content_words(" ".join(toks[1:])) if w not in PRONOUN_OBJECTS]
    if verb in GENERIC_VERBS and (verb not in SOFT_GENERIC or len(objects) < 3):
        return False
    return len(objects) >= 1


def requests(text: str) -> list[tuple[str, int]]:
    """(addressee placeholder, where the requested verb starts) for each polite request."""
    return [(m.group("who"), m.start("verb")) for m in REQUEST_RE.finditer(text)
            if m.group("verb") not in GENERIC_VERBS - SOFT_GENERIC]  # fmt: skip


def _same_task(a: str, b: str) -> bool:
    sa = {stem(w) for w in content_words(a)}
    sb = {stem(w) for w in content_words(b)}
    return bool(sa and sb) and len(sa & sb) / min(len(sa), len(sb)) >= 0.5


def merge_duplicates(items: list[dict]) -> list[dict]:
    """One item per owner and task: a repeated promise keeps its first wording, all sources
    and the first due date."""
    kept: list[dict] = []
    for item in items:
        twin = next((k for k in kept if k["owner"] == item["owner"]
                     and _same_task(k["task"], item["task"])), None)  # fmt: skip
        if twin is None:
            kept.append(item)
            continue
        twin["sources"] = sorted(set(twin["sources"]) | set(item["sources"]))
        twin["due"] = twin["due"] or item["due"]
    return kept
