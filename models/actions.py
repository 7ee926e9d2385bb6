"""Action items (who will do what by when) and decisions, extracted by patterns (EN + BG)."""

from __future__ import annotations

import re
from datetime import date

from models.dates import due_date, find_dates
from models.names import CAPITAL_RE, NameIndex, canonical_placeholder
from models.sentences import Sentence
from models.spoken import core_task, firm_commitment, is_spoken, merge_duplicates, requests

ACTION_SECTION_RE = re.compile(
    r"action|next step|to.?do|follow.?up|homework|tasks?\b|commitment|owner|"
    r"задачи|задача|следващи стъпки|за следващ|ангажимент|домашн|действия|до следващ",
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
NAME = r"\[PERSON\d+\]|@?[A-ZА-Я][a-zа-я'’-]+(?:\s+(?:and|&|и)\s+[A-ZА-Я][a-zа-я'’-]+)?"
PRONOUN_EN = r"I|[Ww]e|[Hh]e|[Ss]he|[Tt]hey|[Yy]ou|[Bb]oth of us|[Ww]e both"
ADVERBS = r"(?:(?:also|then|now|still|definitely|probably|first|both|personally|just)\s+)?"
MODAL_EN = (
    r"(?:will(?: try to)?|would|shall|(?:is|are|am) going to|(?:agreed|agrees|promised|promises|"
    r"committed|commits|offered|offers|volunteered|volunteers|plans|planned|intends|needs|need|"
    r"has|have|is planning|are planning|am planning) to|must|is to|to)"
)
CONTRACTION = r"(?:['’]ll|['’](?:m|s|re) going to)"
EN_RE = re.compile(
    r"(?<![\wА-Яа-я])(?P<subj>" + NAME + "|" + PRONOUN_EN + r")"
    r"(?:\s+" + ADVERBS + r"(?P<modal>" + MODAL_EN + r")|(?P<contr>" + CONTRACTION + r"))"
    r"\s+" + ADVERBS + r"(?P<verb>[a-z][\w'-]*)"
)
# "Elena liked the idea and will ask Irina": the subject is the sentence's first word.
AND_WILL_RE = re.compile(
    r"\band\s+(?:also\s+)?(?:will|is going to|'ll)\s+" + ADVERBS + r"(?P<verb>[a-z][\w'-]*)"
)
SUBJ_BG = r"Аз|Ние|Той|Тя|Те|Двамата|И двамата"
MODAL_BG = (
    r"(?:ще(?: се опита да)?|да|обеща да|обещава да|се съгласи да|се ангажира да|"
    r"пое ангажимент да|трябва да|има да|планира да|смята да|възнамерява да)"
)
BG_RE = re.compile(
    r"(?<![\wА-Яа-я])(?P<subj>" + NAME + "|" + SUBJ_BG + r")\s+"
    r"(?:(?:също|вече|първо|после|сигурно|лично)\s+)?(?P<modal>" + MODAL_BG + r")\s+"
    r"(?:(?:се|си|му|ѝ|й|им|го|ги)\s+)?(?P<verb>[а-я]+)"
)
# "Ще изпратя ..." / "..., че ще изпрати ...": the subject hides in the verb ending.
BG_BARE_RE = re.compile(
    r"(?:^|[,:;—–-]\s*|(?<![\wА-Яа-я])че\s+)(?P<modal>[Щщ]е)\s+(?:(?:се|си|му|ѝ|й|им|го|ги)\s+)?"
    r"(?P<verb>[а-я]+)"
)
NOT_NAMES = {
    "this", "that", "it", "there", "these", "those", "the", "a", "an", "everyone", "everybody",
    "someone", "somebody", "nobody", "who", "what", "which", "then", "also", "next", "all",
    "each", "if", "when", "maybe", "perhaps", "today", "tomorrow", "and", "but", "so", "how",
    "why", "where", "now", "plan", "goal", "idea", "one", "other", "time", "nothing", "lesson",
    "това", "той", "тя", "те", "ние", "аз", "тук", "там", "после", "утре", "днес", "всеки",
    "някой", "никой", "кой", "какво", "ако", "когато", "но", "и", "сега", "целта", "планът",
}  # fmt: skip
# Verbs after a modal that describe a state, a meeting or a wish, not a task.
NON_TASK_VERBS = {
    "be", "meet", "see", "reconvene", "catch", "regroup", "talk", "speak", "like", "love",
    "want", "wish", "hope", "not", "never", "bе", "have",
    "видим", "срещнем", "чуем", "бъде", "е", "са", "бъдат", "има", "няма", "иска", "искам",
}  # fmt: skip
MEET_VERBS = {"meet", "see", "reconvene", "catch", "regroup", "talk", "speak", "видим", "срещнем",
              "чуем", "съберем"}  # fmt: skip
# "We'll keep the same rhythm": carrying on is not a new task.
CONTINUE_VERBS = {"keep", "continue", "stay", "stick", "carry", "продължим", "останем"}
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
OWNER_PREFIX_RE = re.compile(r"^\s*(?P<who>\[PERSON\d+\]|@?[A-ZА-Я][\wА-Яа-я'’-]*)\s*[:—–-]\s+")
AT_RE = re.compile(r"@([\wА-Яа-я]+)")
DATE_CUE_RE = re.compile(
    r"\s*(?:\b(?:by|before|until|till|on|no later than|due|within|at|in|for)\s+(?:the\s+)?|"
    r"(?<![\wА-Яа-я])(?:до|преди|най-късно|в|във|на|за|през)\s+)$",
    re.I,
)
WE_WORDS = {"we", "both", "both of us", "we both", "ние", "двамата", "и двамата"}
PRONOUNS_3 = {"he", "she", "той", "тя"}


def _resolve_subject(
    subj: str,
    index: NameIndex,
    author: str | None,
    context: list[str],
    vocab: set[str] = frozenset(),
) -> tuple[bool, str | None]:
    """(is a person, owner) for a grammatical subject; `vocab` holds the note's lowercase
    words, because a capitalised word that also occurs in lowercase is not a name."""
    low = subj.lower().lstrip("@")
    if low in ("i", "аз"):
        return True, author
    if low in WE_WORDS or low in ("they", "you", "те"):
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
    """Drop the deadline phrase, owner tags and filler; capitalise."""
    for mention in sorted(find_dates(task, ref), key=lambda d: -d.start):
        head = DATE_CUE_RE.sub("", task[: mention.start])
        task = head + task[mention.end :]
    task = AT_RE.sub(r"\1", task)
    task = re.sub(r"\s+([,.;:!])", r"\1", task)
    task = re.sub(r"\s{2,}", " ", task).strip(" ,;:-–—.")
    task = re.sub(r"(?:,?\s+(?:i\.e|e\.g|namely|т\.е))+\.?$", "", task)
    task = re.sub(r"\s+(and|и|,)$", "", task).strip(" ,;:-–—.")
    return task[:1].upper() + task[1:]


def _owner_prefix_task(text: str, index: NameIndex) -> bool:
    """ "Ana: add metrics" / "Ана: да направи": a participant, then a base-form verb."""
    m = OWNER_PREFIX_RE.match(text)
    if not m or not (index.resolve(m.group("who")) or canonical_placeholder(m.group("who"))):
        return False
    first = text[m.end() :].split()[:1]
    if not first or not first[0][:1].islower():
        return False
    return first[0] == "да" or not first[0].endswith(("ed", "s", "ing"))


def _owner_from_markers(text: str, index: NameIndex) -> tuple[str | None, str]:
    """Owner written as "Ana: task", "task (Ana)", "task — Ana" or "@Ana"; text without it."""
    m = OWNER_PREFIX_RE.match(text)
    if m:
        who = index.resolve(m.group("who")) or canonical_placeholder(m.group("who"))
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


def _bg_bare_person(verb: str) -> str:
    """Person of a Bulgarian present-tense verb after "ще": "1s", "1p", "3s", "3p", "2"."""
    if verb.endswith(("ат", "ят")):
        return "3p"
    if verb.endswith("м"):
        return "1p"
    if verb.endswith(("ш", "те")):
        return "2"
    if verb.endswith(("а", "я")):
        return "1s"
    return "3s"


def _clause_matches(text: str) -> list[dict]:
    """Every "subject + modal + verb" clause in the sentence."""
    out = []
    for m in EN_RE.finditer(text):
        modal = (m.group("modal") or m.group("contr") or "").lower()
        out.append(dict(start=m.start(), verb_at=m.start("verb"), subj=m.group("subj"),
                        modal=modal, verb=m.group("verb").lower()))  # fmt: skip
    for m in BG_RE.finditer(text):
        out.append(dict(start=m.start(), verb_at=m.start("verb"), subj=m.group("subj"),
                        modal=m.group("modal").lower(), verb=m.group("verb").lower()))  # fmt: skip
    lead = re.match(r"\s*(" + NAME + "|" + PRONOUN_EN + r")\b", text)
    for m in AND_WILL_RE.finditer(text):
        if lead and not any(c["start"] <= m.start() < c["verb_at"] for c in out):
            out.append(dict(start=m.start(), verb_at=m.start("verb"), subj=lead.group(1),
                            modal="will", verb=m.group("verb").lower()))  # fmt: skip
    taken = [(c["start"], c["verb_at"]) for c in out]
    for m in BG_BARE_RE.finditer(text):
        if any(s <= m.start("modal") < e for s, e in taken):
            continue
        person = _bg_bare_person(m.group("verb"))
        subj = {"1s": "аз", "1p": "ние", "3s": "той", "3p": "те", "2": "те"}[person]
        out.append(dict(start=m.start("modal"), verb_at=m.start("verb"), subj=subj, modal="ще",
                        verb=m.group("verb").lower()))  # fmt: skip
    return sorted(out, key=lambda c: c["start"])


def _is_task_clause(c: dict, text: str, index: NameIndex) -> bool:
    """Filter out states ("will be away"), meetings, negations and reported wishes."""
    verb = c["verb"]
    if c["modal"] == "would" and not re.search(
        r"\b(said|says|promised|mentioned|told \w+|confirmed)\s+(?:that\s+)?$", text[: c["start"]]
    ):
        return False  # only reported promises ("said he would"), not wishes or conditionals
    if c["modal"] in ("to", "да"):
        # "Boris to book": note style, only at the start and only with a known name.
        if text[: c["start"]].strip(" -–—:*"):
            return False
        subj = c["subj"]
        if not (index.resolve(subj) or canonical_placeholder(subj) or subj.startswith("@")):
            return False
    if verb in NON_TASK_VERBS:
        if verb in ("be", "бъде") and re.match(r"\s*\w+ing\b", text[c["verb_at"] + 2 :]):
            return True
        if verb == "have" and re.search(r"\bready\b", text[c["verb_at"] :]):
            return True
        return False
    return not text[max(0, c["start"] - 4) : c["start"]].lower().endswith(("if ", "ако "))


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
    return any(_is_task_clause(c, text, index) for c in _clause_matches(text))


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
    recent: list[str] = []  # participants named in the last few sentences, for "she will"
    vocab = {
        w for s in sentences for w in re.findall(r"(?<![\wА-Яа-я])[a-zа-я][\wа-я'’-]*", s.text)
    }
    for i, s in enumerate(sentences):
        text = s.text
        speaker = canonical_placeholder(f"({s.speaker})") if s.speaker else None
        me = index.resolve(speaker) if speaker and index else speaker
        me = me or author
        found = _sentence_actions(text, s, index, me, recent, session_date, vocab)
        if strict:
            found = [a for a in found if _spoken_commitment(a)]
            found += _request_actions(text, index, session_date)
        for item in found:
            item.pop("clause", None)
            item["sources"] = [i]
            items.append(item)
        recent = (recent + _names_in(text, index))[-3:]
    return merge_duplicates(items) if strict else items


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


def _sentence_actions(
    text: str,
    s: Sentence,
    index: NameIndex,
    me: str | None,
    recent: list[str],
    ref: date | None,
    vocab: set[str],
) -> list[dict]:
    """Action items of one sentence (usually zero or one)."""
    if text.rstrip().endswith("?") or re.match(r"\s*(if|ако|would|could|maybe)\b", text, re.I):
        return []
    marker = MARKER_RE.match(text)
    in_section = s.checkbox or (
        s.bullet
        and bool(ACTION_SECTION_RE.search(s.section))
        and not REVIEW_SECTION_RE.search(s.section)
    )
    if s.bullet and not in_section and _owner_prefix_task(text, index):
        in_section = True  # "- Ana: add metrics by Mar 20" reads as a task anywhere
    body = text[marker.end() :] if marker else text
    clauses = [c for c in _clause_matches(body) if _is_task_clause(c, body, index)]
    out = []
    for n, c in enumerate(clauses):
        end = clauses[n + 1]["start"] if n + 1 < len(clauses) else len(body)
        segment = body[c["verb_at"] : end]
        context = recent + _names_in(body[: c["start"]], index)
        is_person, owner = _resolve_subject(c["subj"], index, me, context, vocab)
        if not is_person:
            continue
        if c["subj"].lower() in WE_WORDS | {"ние"} and c["verb"] in MEET_VERBS | CONTINUE_VERBS:
            continue
        due, _ = due_date(segment, ref)
        if due is None and len(clauses) == 1:
            due, _ = due_date(body, ref)
        task = _clean_task(segment, ref)
        if len(task.split()) >= 2:
            clause = {"modal": c["modal"], "verb": c["verb"], "before": body[: c["start"]]}
            out.append({"owner": owner, "task": task, "due": _iso(due), "clause": clause})
    if out or not (marker or in_section):
        return out
    if not marker and (_is_meeting_or_decision(text) or _is_status(text)):
        return out
    # Marker lines and bullets under an "Action items" heading are tasks as written.
    who = index.resolve(marker.group("who")) if marker and marker.group("who") else None
    owner, rest = _owner_from_markers(body, index)
    owner = who or owner
    m = re.match(r"\s*(" + NAME + r")\s+(?:to|will|ще|да)\s+", rest)
    if not owner and m and (index.resolve(m.group(1)) or canonical_placeholder(m.group(1))):
        owner = index.resolve(m.group(1)) or canonical_placeholder(m.group(1))
        rest = rest[m.end() :]
    due, _ = due_date(rest, ref)
    task = _clean_task(rest, ref)
    if len(task.split()) < 2:
        return []
    return [{"owner": owner, "task": task, "due": _iso(due)}]


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
    return bool(MEETING_RE.search(text) or DECISION_RE.search(text))


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
