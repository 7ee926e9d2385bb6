"""Who owns an action item: grammatical subjects, "she"/"he", owner tags ("Ana: ...",
"... (Ana)", "@Ana", "— Ana") and the writer ("Me:")."""

from __future__ import annotations

import re

from models.clauses import NAME, NOT_VERBS, OBJECT_PRONOUNS, WE_WORDS
from models.names import NameIndex, canonical_placeholder
from models.tasks import AT_RE, TASK_VERBS

NOT_NAMES = {
    "this", "that", "it", "there", "these", "those", "the", "a", "an", "everyone", "everybody",
    "someone", "somebody", "nobody", "who", "what", "which", "then", "also", "next", "all",
    "each", "if", "when", "maybe", "perhaps", "today", "tomorrow", "and", "but", "so", "how",
    "why", "where", "now", "plan", "goal", "idea", "one", "other", "time", "nothing", "lesson",
    "това", "той", "тя", "те", "ние", "аз", "тук", "там", "после", "утре", "днес", "всеки",
    "някой", "никой", "кой", "какво", "ако", "когато", "но", "и", "сега", "целта", "планът",
}  # fmt: skip
# A clause after one of these is a condition or a time, not a promise ("before she commits").
SELF_WORDS = {"me", "i", "myself", "аз", "мен"}


PRONOUNS_3 = {"he", "she", "той", "тя"}
ADVICE_STARTS = {"when", "if", "dont", "don't", "don’t", "never", "always", "just", "stop", "ако",
                 "когато", "не", "никога", "винаги"}  # fmt: skip


# "Julia drafts the template": a name, then a verb in the present tense.
NAMED_START_RE = re.compile(
    r"\s*("
    + NAME
    # "Dana (producer) to lock the scope": an aside may follow the name.
    + r")(?:\s*\([^()]{1,30}\))?\s+(?:(?:to|will|ще|да)\s+|"
    r"(?!(?:was|has|is|does|thinks|says|feels|believes|wants|likes|knows|seems|reckons|"
    r"suggests|hopes|prefers)\b)(?=[a-z][a-z'-]*[^s]s\b)|"
    # "Деси прави ...", "Симона ми показва ...": a Bulgarian present-tense verb, third person
    # (-а/-я/-е/-и), maybe after a clitic.
    r"(?:(?:ми|ти|му|ѝ|й|ни|ви|им|го|я|ги|се|си)\s+)?"
    # ... but not a verb that reports what was said: "Виолета предложи ...", "Стоян отказа".
    r"(?!(?:предложи|предлага|отказа|каза|казва|сподели|попита|обясни|разказа|спомена|"
    r"препоръча|смята|мисли|хареса|призна)(?![\wА-Яа-я]))"
    r"(?=[а-я]{2,}[аяеи](?![\wА-Яа-я])))"
)
OWNER_SUFFIX_RE = re.compile(
    r"(?:\(\s*(?P<a>[^)]{1,30})\s*\)|[—–-]\s*(?P<b>@?[\wА-Яа-я\[\]]+)\s*\.?$)"
)
OWNER_PREFIX_RE = re.compile(
    r"^\s*(?P<who>\[PERSON\d+\]|(?:(?:[Бб]ай|[Кк]ака|[Бб]ате)\s+)?@?[A-ZА-Я][\wА-Яа-я'’-]*"
    r"(?:\s+[A-ZА-Я](?:[\wА-Яа-я'’-]+|\.))?\.?|me|аз)"
    r"\s*(?:[:—–-]|->|=>|→)\s+|"
    # "@Ewa trim the portfolio": a mention needs no separator.
    r"^\s*(?P<who2>@[A-ZА-Я][\wА-Яа-я'’-]*)\s+(?=[a-zа-я])"
)


def _prefix_who(m: re.Match) -> str:
    return m.group("who") or m.group("who2")


# "Aisha: first shift is always the worst": a name, then a statement rather than a task.
STATEMENT_RE = re.compile(r"\s*(?:[\w'’-]+\s+){0,3}(?:is|are|was|were|е|са)(?![\wА-Яа-я])", re.I)


def resolve_subject(
    subj: str,
    index: NameIndex,
    author: str | None,
    context: list[str],
    vocab: set[str] = frozenset(),
    you: str | None = None,
    writer_is_i: bool = False,
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
        return True, pronoun_owner(low, context, index, author if writer_is_i else None)
    if " and " in low or " & " in low or " и " in low:
        # "Ana and Boris will": both; "Ana and Zed": Ana's part; "March and Amira": not ours.
        parts = [p for p in re.split(r"\s+(?:and|&|и)\s+", subj) if p]
        found = {index.resolve(p) for p in parts if index} - {None}
        if len(found) == 1 and len(parts) == 2:
            return True, found.pop()
        return True, None if found or not index else parts[-1]
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


def pronoun_owner(
    pronoun: str, context: list[str], index: NameIndex, writer: str | None = None
) -> str | None:
    """The participant "she"/"he" most likely means: the only recent name, else the only
    participant of the matching name gender; in a note whose `writer` says "I", the partner."""
    female = pronoun in ("she", "тя")
    writer = index.resolve(writer) if writer and index else None
    recent = list(dict.fromkeys(n for n in reversed(context) if n and n != writer))
    others = [p for p in index.participants if p != writer]
    for pool in (recent, others):
        fitting = [n for n in pool if _looks_female(n) == female]
        if len(fitting) == 1:
            return fitting[0]
    if len(recent) == 1:
        return recent[0]
    return others[0] if writer and len(others) == 1 else None


def names_in(text: str, index: NameIndex) -> list[str]:
    """Participants named in `text`, in order."""
    found = []
    for m in re.finditer(r"\[PERSON\d+\]|[A-ZА-Я][\wА-Яа-я'’-]+", text):
        owner = index.resolve(m.group(0)) if index else canonical_placeholder(m.group(0))
        if owner:
            found.append(owner)
    return found


# "both —", "Both of us →", "двамата заедно —": a tag for the pair together.
GROUP_TAG_RE = re.compile(
    r"(?:both(?: of us| of you)?|we(?: both)?|us|all of us|everyone|together|"
    r"двамата(?: заедно)?|двете(?: заедно)?|всички|ние|заедно)\.?",
    re.I,
)


def group_tag(tag: str, index: NameIndex) -> bool:
    """An owner tag that names the pair together: "both", "двамата", "Ana + Boris", "J & M"."""
    tag = tag.strip(" .:;,")
    if GROUP_TAG_RE.fullmatch(tag):
        return True
    parts = re.split(r"\s*(?:\+|&|/|\band\b|(?<![\wА-Яа-я])и(?![\wА-Яа-я]))\s*", tag)
    owners = {index.resolve_tag(p) for p in parts} if index else {None}
    return len(parts) == 2 and None not in owners and len(owners) == 2


def _who(word: str, index: NameIndex, me: str | None = None) -> str | None:
    """The participant a tag names; "Me"/"Аз" is the writer."""
    if word.lower() in SELF_WORDS:
        return me
    return index.resolve_tag(word) or canonical_placeholder(word)


DESCRIBING_STARTS = {
    "first", "second", "third", "last", "new", "old", "good", "great", "nice", "big", "one",
    "two", "three", "very", "quite", "still", "really", "pretty", "busy", "tired", "happy",
}  # fmt: skip


def owner_prefix_task(
    text: str, index: NameIndex, me: str | None = None, listed: bool = False
) -> bool:
    """ "Ana: add metrics" / "Ана: да направи": a participant, then a base-form verb; under a
    task heading (`listed`) also a noun phrase ("Kofi: comments on my draft")."""
    m = OWNER_PREFIX_RE.match(text)
    if not m or not _who(_prefix_who(m), index, me):
        return False
    rest = text[m.end() :]
    first = rest.split()[:1]
    if not first or not first[0][:1].islower():
        return False
    if first[0] in NOT_VERBS or (first[0] not in TASK_VERBS and STATEMENT_RE.match(rest)):
        return False
    if first[0].lower() in DESCRIBING_STARTS:
        return False  # "ML: first month as PM on the account": how it is going, not a task
    if first[0].lower() in ADVICE_STARTS:
        return False  # "H: when in doubt flag it", "H: dont panic": advice, not a task
    if listed:
        return not first[0].endswith("ed")
    return first[0] == "да" or not first[0].endswith(("ed", "s", "ing"))


def owner_from_markers(
    text: str, index: NameIndex, me: str | None = None
) -> tuple[str | None, str]:
    """Owner written as "Ana: task", "task (Ana)", "task — Ana" or "@Ana"; text without it."""
    m = OWNER_PREFIX_RE.match(text)
    if m:
        who = _who(_prefix_who(m), index, me)
        if who or (_prefix_who(m).startswith("@")):
            return who or _prefix_who(m).lstrip("@"), text[m.end() :]
    for m in OWNER_SUFFIX_RE.finditer(text):
        word = m.group("a") or m.group("b")
        who = index.resolve_tag(word) or canonical_placeholder(word)
        if not who and me and word.strip().lower() in SELF_WORDS:
            who = me  # "Take samples and send them to the lab tomorrow. (me)"
        if who:
            return who, text[: m.start()] + text[m.end() :]
    m = AT_RE.search(text)
    if m:
        rest = text[m.end() :] if not text[: m.start()].strip() else text
        if not text[m.end() :].strip(" .;,"):
            rest = text[: m.start()]  # "Run the trial @ana": a trailing tag, not a word
        return index.resolve(m.group(1)) or m.group(1), rest
    return None, text


def named_task_start(text: str, index: NameIndex) -> bool:
    """ "Ben checks with HR", "Lena: cut the CV": a participant, then what they do."""
    if owner_prefix_task(text, index):
        return True
    m = NAMED_START_RE.match(text)
    return bool(m) and bool(index.resolve(m.group(1)) or canonical_placeholder(m.group(1)))
