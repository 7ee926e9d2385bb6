"""Action items (who will do what by when) and decisions, extracted by patterns (EN + BG)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from models.clauses import (
    NAME,
    OBJECT_PRONOUNS,
    WE_WORDS,
    clause_matches,
    is_task_clause,
    mask_quotes,
)
from models.dates import due_date, find_dates
from models.lexical import content_words, stem
from models.names import CAPITAL_RE, NameIndex, canonical_placeholder
from models.sentences import Sentence
from models.spoken import core_task, firm_commitment, is_spoken, merge_duplicates, requests

ACTION_SECTION_RE = re.compile(
    r"action|next step|to.?do|follow.?up|homework|tasks?\b|commitment|owner|"
    r"задачи|задача|следващи стъпки|за следващ|ангажимент|домашн|действия|до следващ|"
    r"\bnext\b(?!\s+(?:session|meeting|time|call|check-?in))|^(?:plans?|my plan|the plan|"
    r"going forward|план|планът)\s*$",
    re.I,
)
REVIEW_SECTION_RE = re.compile(
    r"last time|previous|last session|update|review|progress|от миналия|предишн|новини", re.I
)
DECISION_SECTION_RE = re.compile(r"decision|decided|agreed|agreement|решени|договорен", re.I)
MARKER_RE = re.compile(
    r"^\s*(?:to-?do|action(?: item)?|ai|next step|follow-?up|задача|за вършене|ангажимент)"
    r"\s*(?:\((?P<who>[^)]+)\))?\s*[:\-–—]\s*",
    re.I,
)
NOT_NAMES = {
    "this", "that", "it", "there", "these", "those", "the", "a", "an", "everyone", "everybody",
    "someone", "somebody", "nobody", "who", "what", "which", "then", "also", "next", "all",
    "each", "if", "when", "maybe", "perhaps", "today", "tomorrow", "and", "but", "so", "how",
    "why", "where", "now", "plan", "goal", "idea", "one", "other", "time", "nothing", "lesson",
    "това", "той", "тя", "те", "ние", "аз", "тук", "там", "после", "утре", "днес", "всеки",
    "някой", "никой", "кой", "какво", "ако", "когато", "но", "и", "сега", "целта", "планът",
}  # fmt: skip
MEET_VERBS = {"meet", "see", "reconvene", "catch", "regroup", "talk", "speak", "discuss",
              "видим", "срещнем", "чуем", "съберем", "обсъдим", "говорим"}  # fmt: skip
# "We'll keep the same rhythm": carrying on is not a new task.
CONTINUE_VERBS = {"keep", "continue", "stay", "stick", "carry", "продължим", "останем"}
# "he'll think about it", "we'll pick it up", "I'll do that tomorrow": a verb with only a
# pronoun after it says nothing a reader could act on ("do that" refers to the task before).
VAGUE_VERBS = {
    "do", "think", "pick", "consider", "see", "look", "handle", "deal", "sort", "figure",
    "discuss", "revisit", "направя", "направи", "помисли", "помисля",
}  # fmt: skip
PRONOUN_REST = {
    "it", "that", "this", "them", "so", "up", "over", "about", "out", "back", "on", "again",
    "later", "simply", "just", "then", "too", "also", "го", "това", "я",
}  # fmt: skip
# A clause after one of these is a condition or a time, not a promise ("before she commits").
SELF_WORDS = {"me", "i", "myself", "аз", "мен"}
# "both: block an hour", "We — ...": shared, so nobody's in particular.
GROUP_PREFIX_RE = re.compile(
    r"^\s*(?:both|we|all|everyone|двамата|всички|ние)\s*(?:[:—–-]|->|→)\s*", re.I
)
# "FYI: the packet went in", "Note: ...", "Вчера ...": information, not a task.
INFO_RE = re.compile(
    r"^\s*(?:fyi|note|nb|info|context|status|update|за сведение|бележка)\s*[:—–-]|"
    r"\byesterday\b|(?<![\wА-Яа-я])вчера(?![\wА-Яа-я])",
    re.I,
)
# "Ask Petya, who passed the exam, ... — since they have a template": reasons and purposes
# trail a task; the task ends before them.
TRAILING_RE = re.compile(
    r"(?:;|,\s*(?:since|because|as otherwise|so that|so|защото|тъй като|за да)\b).*$", re.I
)
FIRST_PERSON_RE = re.compile(
    r"(?<![\wА-Яа-я])(?:I|[Mm]y|me|[Аа]з|[Мм]ен|[Мм]оите|[Мм]оя|[Мм]оята|[Мм]оето|[Мм]ой)"
    r"(?![\wА-Яа-я])"
)
MENTOR_AUTHOR_RE = re.compile(
    r"\bmentoring\s+(?!with\b|session|notes|log\b)[A-ZА-Я]|\bmy mentee\b|\(mentee\)|"
    r"моят менти|моята менти|\(менти\)|менторирам",
    re.I,
)
CHAT_PREFIX_RE = re.compile(
    r"^\s*(?:\[\d{1,2}:\d{2}(?::\d{2})?\]\s*)?(?P<who>@?[A-ZА-Я][\wА-Яа-я'’-]+):\s+"
)
ARROW_RE = re.compile(r"\s(?:->|=>|→|⇒)\s+")
# "Julia drafts the template": a name, then a verb in the present tense.
NAMED_START_RE = re.compile(
    r"\s*("
    + NAME
    + r")\s+(?:(?:to|will|ще|да)\s+|(?!(?:was|has|is|does)\b)(?=[a-z][a-z'-]*[^s]s\b))"
)
PAST_START_RE = re.compile(
    r"\s*(?:(?:has|have|had)\s+)?(?:already\s+)?(?:[a-z]+[^e\W]ed|sent|wrote|made|took|gave|"
    r"met|did|got|found|brought|bought|began|spoke|told|built|went|came|kept|paid|won|chose)\b",
    re.I,
)
SECTION_OWNER_RE = re.compile(
    r"(?:\bfor|(?<![\wА-Яа-я])за)\s+(?P<a>\[PERSON\d+\]|[A-ZА-Я][\wА-Яа-я'’-]+)|"
    r"(?P<b>[A-ZА-Я][\wА-Яа-я-]+)['’]s\s+(?:tasks|homework|actions|to-?dos|next steps)"
)
WE_TASK_RE = re.compile(
    r"(?<![\wА-Яа-я])(?:we|us|our|together|both|заедно|ние|двамата)(?![\wА-Яа-я])", re.I
)
# Verbs that open an instruction ("Finish the module."), for plain lines under a task heading.
TASK_VERBS = set(
    """
    add apply arrange ask attend block book bring build call cancel check choose clean collect
    compare compile complete confirm contact create cut decide define design document draft
    email estimate finish fix follow forward gather identify introduce invite join learn list
    log make map measure message note order organise organize outline pair ping plan post
    practise practice prepare present print publish read record reach reflect register rehearse
    remove reply research reserve review revise rewrite run schedule send set share shadow sign
    sketch start study submit summarise summarize switch tag talk test track try update upload
    visit watch write
""".split()
)
DECISION_RE = re.compile(
    r"\b(decided|decide|agreed|decision|chose|chosen|settled on|opted for|concluded|going with|"
    r"will go with|signed off)\b|(?<![\wА-Яа-я])(решихме|решено|решение|решиха|реши|"
    r"договорихме|договорено|съгласихме|избрахме|уговорихме|разбрахме се)(?![\wА-Яа-я])",
    re.I,
)
STRONG_DECISION_RE = re.compile(r"\b(decided|decision)\b|решихме|решено|решение", re.I)
OWNER_SUFFIX_RE = re.compile(
    r"(?:\(\s*(?P<a>[^)]{1,30})\s*\)|[—–-]\s*(?P<b>@?[\wА-Яа-я\[\]]+)\s*\.?$)"
)
OWNER_PREFIX_RE = re.compile(
    r"^\s*(?P<who>\[PERSON\d+\]|@?[A-ZА-Я][\wА-Яа-я'’-]*)\s*(?:[:—–-]|->|=>|→)\s+"
)
AT_RE = re.compile(r"@([\wА-Яа-я]+)")
DATE_CUE_RE = re.compile(
    r"\s*(?:\b(?:by|before|until|till|on|no later than|due|within|at|in|for|from|starting|"
    r"as of)\s+(?:the\s+)?|(?<![\wА-Яа-я])(?:до|преди|най-късно|в|във|на|за|през|от|още)\s+)$",
    re.I,
)
PRONOUNS_3 = {"he", "she", "той", "тя"}


def _resolve_subject(
    subj: str,
    index: NameIndex,
    author: str | None,
    context: list[str],
    vocab: set[str] = frozenset(),
    you: str | None = None,
) -> tuple[bool, str | None]:
    """(is a person, owner) for a grammatical subject; `vocab` holds the note's lowercase
    words, because a capitalised word that also occurs in lowercase is not a name; `you` is
    the reader when the note is written to one person."""
    low = subj.lower().lstrip("@")
    low = OBJECT_PRONOUNS.get(subj, low)
    if low in ("i", "аз"):
        return True, author
    if low in ("you", "ти", "вие"):
        return True, you
    if low in WE_WORDS or low in ("they", "те"):
        return True, None
    if low in PRONOUNS_3:
        return True, pronoun_owner(low, context, index)
    if " and " in low or " & " in low or " и " in low:
        return True, None
    if low in NOT_NAMES:
        return False, None
    owner = index.resolve(subj)
    if owner:
        return True, owner
    placeholder = canonical_placeholder(subj)
    if placeholder:
        return True, placeholder
    bare = subj.lstrip("@")
    if bare.lower() in vocab and not subj.startswith("@"):
        return False, None
    # Not a participant but written like a name: a third party ("Maria will introduce ...").
    return True, bare


def _looks_female(name: str) -> bool:
    """Bulgarian and many other first names ending in -a/-я are female: a weak but useful cue."""
    first = name.split()[0].lower()
    return first.endswith(("a", "а", "я", "ia"))


def pronoun_owner(pronoun: str, context: list[str], index: NameIndex) -> str | None:
    """The participant "she"/"he" most likely means: the only recent name, else the only
    participant of the matching name gender."""
    female = pronoun in ("she", "тя")
    recent = list(dict.fromkeys(n for n in reversed(context) if n))
    for pool in (recent, index.participants):
        fitting = [n for n in pool if _looks_female(n) == female]
        if len(fitting) == 1:
            return fitting[0]
    return recent[0] if len(recent) == 1 else None


def _names_in(text: str, index: NameIndex) -> list[str]:
    """Participants named in `text`, in order."""
    found = []
    for m in re.finditer(r"\[PERSON\d+\]|[A-ZА-Я][\wА-Яа-я'’-]+", text):
        owner = index.resolve(m.group(0)) if index else canonical_placeholder(m.group(0))
        if owner:
            found.append(owner)
    return found


def _clean_task(task: str, ref: date | None) -> str:
    """Drop the deadline phrase, trailing reasons, owner tags and filler; capitalise."""
    task = TRAILING_RE.sub("", task)
    for mention in sorted(find_dates(task, ref), key=lambda d: -d.start):
        head = DATE_CUE_RE.sub("", task[: mention.start])
        task = head + task[mention.end :]
    task = AT_RE.sub(r"\1", task)
    task = re.sub(r"\s+([,.;:!])", r"\1", task)
    task = re.sub(r"\s{2,}", " ", task).strip(" ,;:-–—.")
    task = re.sub(r"(?:,?\s+(?:i\.e|e\.g|namely|т\.е))+\.?$", "", task)
    task = re.sub(r"\s+(and|but|or|и|а|но|или|,)$", "", task).strip(" ,;:-–—.")
    return task[:1].upper() + task[1:]


def _who(word: str, index: NameIndex, me: str | None = None) -> str | None:
    """The participant a tag names; "Me"/"Аз" is the writer."""
    if word.lower() in SELF_WORDS:
        return me
    return index.resolve(word) or canonical_placeholder(word)


def _owner_prefix_task(text: str, index: NameIndex, me: str | None = None) -> bool:
    """ "Ana: add metrics" / "Ана: да направи": a participant, then a base-form verb."""
    m = OWNER_PREFIX_RE.match(text)
    if not m or not _who(m.group("who"), index, me):
        return False
    first = text[m.end() :].split()[:1]
    if not first or not first[0][:1].islower():
        return False
    return first[0] == "да" or not first[0].endswith(("ed", "s", "ing"))


def _owner_from_markers(
    text: str, index: NameIndex, me: str | None = None
) -> tuple[str | None, str]:
    """Owner written as "Ana: task", "task (Ana)", "task — Ana" or "@Ana"; text without it."""
    m = OWNER_PREFIX_RE.match(text)
    if m:
        who = _who(m.group("who"), index, me)
        if who or (m.group("who").startswith("@")):
            return who or m.group("who").lstrip("@"), text[m.end() :]
    for m in OWNER_SUFFIX_RE.finditer(text):
        word = m.group("a") or m.group("b")
        who = index.resolve(word) or canonical_placeholder(word)
        if who:
            return who, text[: m.start()] + text[m.end() :]
    m = AT_RE.search(text)
    if m:
        rest = text[m.end() :] if not text[: m.start()].strip() else text
        return index.resolve(m.group(1)) or m.group(1), rest
    return None, text


# Note shapes of a task: "Cut the intro (Chen)", "... — Marta", "Sofia — pull ...", "Boris to book".
TASK_SHAPE_RE = re.compile(
    r"\([A-ZА-Я][\wА-Яа-я]+\)|[—–-]\s*@?[A-ZА-Я][\wА-Яа-я]+\s*\.?$|"
    r"^\s*@?[A-ZА-Я][\wА-Яа-я]+\s*[—–:]\s+[a-zа-я]|^\s*@?[A-ZА-Я][\wА-Яа-я]+\s+(?:to|да)\s"
)


def reads_as_task(text: str) -> bool:
    """Whether a sentence reads as a commitment ("Ana will send ...", "Cut the intro (Chen)"),
    judged from its words alone (no participants, no section)."""
    if text.rstrip().endswith("?"):
        return False
    if TASK_SHAPE_RE.search(text) or MARKER_RE.match(text):
        return True
    index = NameIndex(None)
    return any(is_task_clause(c, text, index) for c in clause_matches(text))


@dataclass
class _Note:
    """What a sentence's action items depend on beyond its own words."""

    index: NameIndex
    ref: date | None
    vocab: set[str]
    me: str | None = None  # who "I" is in this sentence
    you: str | None = None  # who "you" is, when the note speaks to one person
    diarist: str | None = None  # author of a first-person note: unowned list items are theirs
    recent: list[str] = field(default_factory=list)  # participants named lately, for "she"


def extract_actions(
    sentences: list[Sentence],
    participants: list[str] | None = None,
    session_date: date | None = None,
    author: str | None = None,
    strict: bool = False,
) -> list[dict]:
    """Action items `{"owner","task","due","sources"}` found in the sentences; `strict` (for
    spoken transcripts, full of "I'll just ...") keeps only firm, owned, concrete promises and
    requests to a named person, duplicates merged."""
    index = NameIndex(participants)
    # Transcripts without speaker tags are spoken all the same.
    strict = strict or is_spoken([s.text for s in sentences])
    items: list[dict] = []
    vocab = {
        w for s in sentences for w in re.findall(r"(?<![\wА-Яа-я])[a-zа-я][\wа-я'’-]*", s.text)
    }
    note = _Note(index, session_date, vocab)
    if author and not strict and _first_person(sentences) and not _mentor_writes(sentences):
        note.diarist = index.resolve(author) or author
    chat = _chat_speakers(sentences, index)
    for i, s in enumerate(sentences):
        text = s.text
        speaker = canonical_placeholder(f"({s.speaker})") if s.speaker else None
        me = index.resolve(speaker) if speaker and index else speaker
        note.me = me or chat[i] or author
        note.you = _other_participant(note.me, index)
        found = _sentence_actions(s, note)
        if strict:
            found = [a for a in found if _spoken_commitment(a)]
            found += _request_actions(text, index, session_date)
        for item in found:
            item.pop("clause", None)
            item["sources"] = [i]
            items.append(item)
        note.recent = (note.recent + _names_in(text, index))[-3:]
    if strict:
        return merge_duplicates(items)
    items = _drop_restated(items)
    for item in items:
        item.pop("listed", None)
    return items


def _first_person(sentences: list[Sentence]) -> bool:
    """Whether the author writes as "I" (a journal), so unassigned list items are theirs."""
    return sum(len(FIRST_PERSON_RE.findall(mask_quotes(s.text))) for s in sentences) >= 2


def _mentor_writes(sentences: list[Sentence]) -> bool:
    """ "Notes from mentoring Ana", "my mentee": the author is the mentor, and an unassigned
    list item is as likely the mentee's homework as the author's own task."""
    return any(MENTOR_AUTHOR_RE.search(s.text) for s in sentences[:3])


def _other_participant(me: str | None, index: NameIndex) -> str | None:
    """ "You" in a note between two people is the one who is not writing."""
    if not me or len(index.participants) != 2:
        return None
    me = index.resolve(me) or me
    others = [p for p in index.participants if p != me]
    return others[0] if len(others) == 1 else None


def _chat_speakers(sentences: list[Sentence], index: NameIndex) -> list[str | None]:
    """Who writes each sentence of a pasted chat ("[10:02] Hana: thanks! I'll ..."): a
    speaker holds the floor until the next one; all None when the note is not a chat."""
    found = []
    for s in sentences:
        m = CHAT_PREFIX_RE.match(s.text)
        who = index.resolve(m.group("who")) if m and index else None
        # "Lena: cut the CV" is a task for Lena, not Lena talking.
        found.append(who if who and not _owner_prefix_task(s.text, index) else None)
    if len({w for w in found if w}) < 2:
        return [None] * len(sentences)
    out, current = [], None
    for who in found:
        current = who or current
        out.append(current)
    return out


def _drop_restated(items: list[dict]) -> list[dict]:
    """Notes often tell a task in prose and list it again at the end: keep the listed one,
    completed with the owner and date the prose gave."""
    listed = [a for a in items if a.get("listed")]
    out = []
    for a in items:
        twin = None
        if not a.get("listed"):
            twin = next((b for b in listed if _same_task(a, b)), None)
        if twin is None:
            out.append(a)
            continue
        twin["owner"] = twin["owner"] or a["owner"]
        twin["due"] = twin["due"] or a["due"]
        twin["sources"] = sorted(set(twin["sources"] + a["sources"]))
    return out


def _same_task(a: dict, b: dict) -> bool:
    if a["owner"] and b["owner"] and a["owner"] != b["owner"]:
        return False
    wa = {stem(w) for w in content_words(a["task"])}
    wb = {stem(w) for w in content_words(b["task"])}
    return bool(wa and wb) and len(wa & wb) / min(len(wa), len(wb)) >= 0.6


def _spoken_commitment(item: dict) -> bool:
    """Transcript mode: an owned promise with a firm modal and a concrete task (trimmed to
    where the spoken clause wanders off)."""
    clause = item.get("clause")
    if not item["owner"] or clause is None:
        return False
    task = core_task(item["task"])
    if not firm_commitment(clause["modal"], clause["verb"], clause["before"], task):
        return False
    item["task"] = task
    return True


def _request_actions(text: str, index: NameIndex, ref: date | None) -> list[dict]:
    """ "[PERSON4], could you please book the room?": the addressee's task."""
    out = []
    for who, at in requests(text):
        task = core_task(_clean_task(text[at:].rstrip("?"), ref))
        if firm_commitment("will", task.split()[0].lower() if task else "", "", task):
            owner = index.resolve(who) or canonical_placeholder(who)
            out.append({"owner": owner, "task": task, "due": _iso(due_date(text[at:], ref)[0])})
    return out


def _sentence_actions(s: Sentence, note: _Note) -> list[dict]:
    """Action items of one sentence (usually zero or one)."""
    text, index = s.text, note.index
    if s.checked or text.rstrip().endswith("?"):
        return []  # a ticked box is done; a question asks
    if re.match(r"\s*(if|ако|would|could|maybe)\b", text, re.I):
        return []
    in_section = s.checkbox or (s.bullet and _action_section(s.section))
    # "promo timeline unclear -> Ben checks with HR": what follows the arrow is the task.
    parts = ARROW_RE.split(text)
    if len(parts) > 1 and _named_task_start(parts[-1], index):
        text, in_section = parts[-1], True
    elif len(parts) > 1 and (index.resolve(parts[0]) or canonical_placeholder(parts[0])):
        in_section = True  # "Ana → send the CV by Friday"
    if s.bullet and not in_section and _owner_prefix_task(text, index, note.me):
        in_section = True  # "- Ana: add metrics by Mar 20" reads as a task anywhere
    if not s.bullet and _action_section(s.section):
        # "Homework:" then plain lines "Finish the second module." or "Marcus — write ..."
        in_section = _imperative(text) or _owner_prefix_task(text, index, note.me)
    marker = MARKER_RE.match(text)
    body = text[marker.end() :] if marker else text
    listed = bool(marker or in_section)
    clauses = [c for c in clause_matches(body) if is_task_clause(c, body, index)]
    out: list[dict] = []
    for n, c in enumerate(clauses):
        end = clauses[n + 1]["start"] if n + 1 < len(clauses) else len(body)
        segment = body[c["verb_at"] : end]
        context = note.recent + _names_in(body[: c["start"]], index)
        is_person, owner = _resolve_subject(c["subj"], index, note.me, context, note.vocab,
                                            note.you)  # fmt: skip
        if not is_person:
            continue
        if c["subj"].lower() in WE_WORDS | {"ние"} and c["verb"] in MEET_VERBS | CONTINUE_VERBS:
            continue
        due, _ = due_date(segment, note.ref)
        if due is None and len(clauses) == 1:
            due, _ = due_date(body, note.ref)
        task = _clean_task(segment, note.ref)
        if _vague(task):
            # "I'll ask Petya ... — I'll do that tomorrow": the date belongs to the task before.
            if out and out[-1]["due"] is None:
                out[-1]["due"] = _iso(due)
            continue
        if len(task.split()) >= 2:
            clause = {"modal": c["modal"], "verb": c["verb"], "before": body[: c["start"]]}
            out.append({"owner": owner, "task": task, "due": _iso(due), "clause": clause,
                        "listed": listed})  # fmt: skip
    if out or clauses or not listed:
        return out
    if not marker and (_is_meeting_or_decision(text) or _is_status(text)):
        return out
    # Marker lines and bullets under an "Action items" heading are tasks as written.
    item = _listed_task(body, marker, s.section, note)
    return [item] if item else []


def _listed_task(body: str, marker: re.Match | None, section: str, note: _Note) -> dict | None:
    """A list item read as a task: owner from its tags, its heading or the diarist."""
    index = note.index
    if INFO_RE.search(body):
        return None
    group = GROUP_PREFIX_RE.match(body)
    body = body[group.end() :] if group else body
    who = index.resolve(marker.group("who")) if marker and marker.group("who") else None
    owner, rest = _owner_from_markers(body, index, note.me)
    owner = who or owner
    m = NAMED_START_RE.match(rest)
    if not owner and m and (index.resolve(m.group(1)) or canonical_placeholder(m.group(1))):
        owner = index.resolve(m.group(1)) or canonical_placeholder(m.group(1))
        rest = rest[m.end() :]
    if PAST_START_RE.match(rest) or PAST_START_RE.match(re.sub(r"^\s*" + NAME + r"\s+", "", rest)):
        return None  # "Booked the room", "Sent the deck": reported, not planned
    due, _ = due_date(rest, note.ref)
    if not owner:
        # "Draft the list — Lucas, by Aug 26": the tag sits before the date.
        owner, stripped = _owner_from_markers(_clean_task(rest, note.ref), index, note.me)
        rest = stripped if owner else rest
    task = _clean_task(rest, note.ref)
    if len(task.split()) < 2 or _vague(task):
        return None
    if group:
        return {"owner": None, "task": task, "due": _iso(due), "listed": True}
    if not owner:
        owner = _section_owner(section, index)
    if not owner and note.diarist and not WE_TASK_RE.search(task):
        owner = note.diarist
    return {"owner": owner, "task": task, "due": _iso(due), "listed": True}


def _action_section(section: str) -> bool:
    return bool(ACTION_SECTION_RE.search(section)) and not REVIEW_SECTION_RE.search(section)


def _section_owner(section: str, index: NameIndex) -> str | None:
    """ "Homework for Lin", "Задачи за Ана", "Ana's tasks": the heading names the owner."""
    if not _action_section(section):
        return None
    m = SECTION_OWNER_RE.search(section)
    if not m:
        return None
    word = m.group("a") or m.group("b")
    return index.resolve(word) or canonical_placeholder(word)


def _named_task_start(text: str, index: NameIndex) -> bool:
    """ "Ben checks with HR", "Lena: cut the CV": a participant, then what they do."""
    if _owner_prefix_task(text, index):
        return True
    m = NAMED_START_RE.match(text)
    return bool(m) and bool(index.resolve(m.group(1)) or canonical_placeholder(m.group(1)))


def _imperative(text: str) -> bool:
    """A line that starts with a common task verb ("Finish ...", "Да прочете ...")."""
    first = re.match(r"\s*([A-Za-zА-Яа-я]+)", text)
    return bool(first) and (first.group(1).lower() in TASK_VERBS or first.group(1) == "Да")


def _vague(task: str) -> bool:
    """ "Do that", "Think about it", "Simply pick it up": nothing to act on."""
    toks = [w.lower() for w in re.findall(r"[\wА-Яа-я'’-]+", task)]
    toks = [w for w in toks if w not in PRONOUN_REST]
    return bool(toks) and toks[0] in VAGUE_VERBS and len(toks) == 1


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


def _is_meeting_or_decision(text: str) -> bool:
    """ "We'll meet on Friday", "Decided to wait"; "to decide"/"да реши" is still a task."""
    decided = [m for m in DECISION_RE.finditer(text)
               if not re.search(r"(?:\bto|(?<![\wА-Яа-я])да)\s+$", text[: m.start()])]  # fmt: skip
    return bool(MEETING_RE.search(text) or decided)


def _is_status(text: str) -> bool:
    """A bullet that reports instead of asking ("Map: done", "Kickoff held on 24 Feb")."""
    return bool(STATUS_RE.search(text))


def _iso(d: date | None) -> str | None:
    return d.isoformat() if d else None


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


def names_mentioned(text: str) -> set[str]:
    """Capitalised words and placeholders of `text` (lowercased), for grounding checks."""
    words = {m.group(1).lower() for m in CAPITAL_RE.finditer(text)}
    words |= {f"[{m.lower()}]" for m in re.findall(r"\[(PERSON\d+)\]", text)}
    return words
