"""What "it", "them" or "that one" in a task stands for, found in the words before it.

"Registration for the June exam closes on the 27th and I'll get it done before then" is a
task to get the June exam registration done; "Get it done" on its own tells the reader
nothing. Without a parser the antecedent is guessed the way a reader does on a first pass:
a noun phrase earlier in the same sentence, else the subject or topic of the sentence just
before. English only; a task whose pronoun finds nothing is left as it was.
"""

from __future__ import annotations

import re

from models.chat import message
from models.dates import MONTHS, WEEKDAYS

NUMBERS = {"two", "three", "four", "five", "six", "seven", "eight", "ten"}
DETERMINERS = {
    "the", "a", "an", "my", "your", "his", "her", "our", "their", "these", "those", "no",
    *NUMBERS,
}  # fmt: skip
# Words that end a noun phrase: verbs and auxiliaries, prepositions that start an adjunct,
# conjunctions, pronouns. "the copyedit on Salt Orchard came back" → "the copyedit".
BOUNDARY = {
    "is", "are", "was", "were", "be", "been", "being", "am", "has", "have", "had", "will",
    "would", "can", "could", "should", "shall", "may", "might", "must", "do", "does", "did",
    "and", "but", "or", "so", "because", "as", "than", "then", "if", "when", "while", "unless",
    "except", "whether", "once",
    "to", "for", "with", "by", "before", "after", "on", "in", "at", "from", "into", "about",
    "since", "until", "till", "over", "under", "via", "per", "that", "which", "who", "whom",
    "whose", "where", "it", "i", "you", "he", "she", "we", "they", "me", "him", "her", "us",
    "them", "not", "no", "just", "also", "still", "already", "now", "today", "tomorrow",
    "tonight", "again", "too", "this", "there", "here", "keeps", "needs", "need", "came",
    "comes", "closes", "goes", "went", "got", "gets", "said", "says", "asked", "wants", "looks",
    "together", "properly", "first", "back", "out", "up", "round", "off", "later", "soon",
    "written", "done", "sent", "ready", "waiting", "knowing", "explaining", "without",
    "falls", "fell", "reads", "seems", "seemed", "feels", "felt", "sits", "stands", "works",
    "lands", "landed", "runs", "ran", "sounds", "matters", "means", "shows", "showed",
    "gives", "makes", "takes", "puts", "lets", "brings", "covers", "around", "across",
    "against", "through", "during", "between", "within", "like",
}  # fmt: skip
VERB_LIKE_MODIFIERS = {
    "falls", "runs", "works", "reads", "shows", "covers", "sounds", "stands", "lands", "sits",
    "means", "looks", "gets", "comes", "goes", "closes", "makes", "takes", "puts", "brings",
}  # fmt: skip
# Chat replies and fillers are not topics: "yes please!!", "great", "ty", "08 PM sure".
FILLERS = {
    "yes", "yep", "yeah", "yup", "no", "nope", "ok", "okay", "sure", "great", "nice", "cool",
    "thanks", "thank", "ty", "please", "what", "why", "how", "hmm", "haha", "lol", "wow",
    "perfect", "amazing", "awesome", "deal", "done", "noted", "right", "fine", "good", "agreed",
    "ours", "mine", "yours", "really", "both", "us", "me",
}  # fmt: skip
# Heads that are times, not things: "the 27th", "the end of the month", "a week".
TIME_HEADS = {
    "day", "days", "week", "weeks", "month", "months", "year", "years", "time", "end",
    "morning", "afternoon", "evening", "night", "weekend", "moment", "minute", "minutes",
    "hour", "hours", "session", "meeting", "call", "catch-up", "one", "bit", "lot", "way",
    "thing", "things", "point", "idea", "question", "deadline", *WEEKDAYS, *MONTHS,
}  # fmt: skip
# "Leave it with him", "keep it in mind", "count that as a no": no thing to act on.
NOT_TASK_VERBS = {
    "leave", "keep", "count", "let", "see", "hear", "like", "love", "hate", "think", "know",
    "mind", "forget", "want", "need", "take", "make", "find",
}  # fmt: skip
WORD_RE = re.compile(r"[A-Za-z0-9](?:[\w'’/+#&.-]*[\w+#])?|[^\w\s]")
PRONOUNS = {"i", "you", "he", "she", "we", "they", "it", "me", "him", "her", "us", "them", "this"}
# A task that acts on a pronoun: "Get it done", "Look at it", "Own that one", "Prep it then".
PRONOUN_OBJECT_RE = re.compile(
    r"^(?P<verb>[A-Za-z]+(?:\s+(?:at|through|over|into|up|out|back|round|around|on))?)\s+"
    r"(?P<pro>it|them|those|these|(?:that|this)(?:\s+one)?)(?=$|[\s.,!;])(?P<rest>.*)$",
    re.I,
)
# After "that"/"this" a noun means the task names its object already ("that conversation").
DEMONSTRATIVE_NOUN_RE = re.compile(r"^\s+(?![.,!;]|$)(?P<next>[A-Za-z]+)")
LEAD_RE = re.compile(
    # ("Q: ...", "A: Ours, really": the labels of a Q&A note.)
    r"^\W*(?:(?:also|so|and|but|ok|okay|oh|re|about|on|then|next|finally|one more|q|a)\b"
    r"[\s,:—–-]*)+",
    re.I,
)
SUBJECT_RE = re.compile(
    r"^(?P<np>[A-Za-z][\w'’/+#&.-]*(?:\s+[\w'’/+#&.-]+){0,5}?)\s+"
    r"(?:is|are|was|were|has|have|had|will|keeps|needs|came|comes|closes|goes|isn['’]t|"
    r"aren['’]t|wasn['’]t|hasn['’]t|looks|went|got|gets|sits)\b",
    re.I,
)


def _good(words: list[str]) -> bool:
    low = [w.lower().strip(".,:;!") for w in words]
    return (
        bool(low)
        and any(re.fullmatch(r"[a-z][a-z-]{2,}", w) and w not in DETERMINERS for w in low)
        and not FILLERS & set(low[1:] if low[0] == "no" else low)
        and (low[0] != "no" or len(low) >= 3)  # "no failover steps", not "no rush"
        and not any(re.search(r"\w['’]\w|!|\d:\d", w) for w in low)
        and low[-1] not in TIME_HEADS
        and low[-1] not in ("am", "pm", "of")
        and not re.fullmatch(r"\d+(?:st|nd|rd|th)?|[\d.:/]+", low[-1])
        and not all(w in DETERMINERS for w in low)
    )


def noun_phrases(text: str) -> list[str]:
    """Noun phrases that start with a determiner or a number, in order: "I'll get a draft EDD
    memo written up by Friday" → ["a draft EDD memo"]. Times ("the 27th", "next week") are
    not things and are left out."""
    tokens = WORD_RE.findall(text)
    found = []
    i = 0
    while i < len(tokens):
        low = tokens[i].lower()
        if low in DETERMINERS or re.fullmatch(r"\d+", low):
            words = [tokens[i]]
            j = i + 1
            while j < len(tokens) and len(words) < 5:
                t = tokens[j]
                counted = len(words) == 1 and t.lower() in NUMBERS  # "the three STAR examples"
                # ("a falls audit template", "the runs sheet": right after the determiner a
                # word that can be a verb is a modifier.)
                modifier = len(words) == 1 and t.lower() in VERB_LIKE_MODIFIERS
                if (
                    not re.match(r"\w", t)
                    or (t.lower() in BOUNDARY and not modifier)
                    or (t.lower() in DETERMINERS and not counted)
                ):
                    break
                words.append(t)
                j += 1
            if len(words) > 1 and _good(words):
                found.append(" ".join(words))
            i = j
        else:
            i += 1
    return found


def _topic(text: str, is_person) -> str | None:
    """The thing a sentence is about: a bare topic line ("Also — MCS refresher.") or the
    subject before its verb ("turnover to sound is thursday", "The copyedit came back")."""
    body = LEAD_RE.sub("", message(text).strip()).strip(" .:;—–-")
    if not body:
        return None
    words = body.split()
    plain = not any(w.lower().strip(".,") in BOUNDARY or re.search(r"\w['’]\w", w) for w in words)
    if len(words) <= 5 and plain and not body.endswith("?"):
        # ("Planning, officially." answers a question; it is no thing to act on.)
        good = _good(words) and not _people(words, is_person) and "," not in body
        return body if good else None
    # "His challenge for me was to plan the Year 9 lesson …": the thing is what is to be done.
    aim = re.search(r"\b(?:was|is)\s+to\s+[a-z]+\s+(?P<rest>.+)$", body)
    if aim:
        phrases = _useful(noun_phrases(aim.group("rest")), is_person)
        if phrases and aim.group("rest").lower().startswith(phrases[0].lower()):
            return phrases[0]
    m = SUBJECT_RE.match(body)
    if m and not re.match(r"(?:where|what|how|why|when|which)\b", body, re.I):
        np = m.group("np").split()
        if not _people(np, is_person) and not any(w.lower() in PRONOUNS for w in np):
            return m.group("np") if _good(np) else None
    phrases = noun_phrases(body)
    return phrases[0] if phrases and body.lower().startswith(phrases[0].lower()) else None


def resolve_pronoun(task: str, sentence: str, before: list[str], is_person=None) -> str | None:
    """`task` with its pronoun object replaced by what it stands for, or None when the task
    has no such pronoun or nothing before it says what it is. `before` holds the sentences
    just before `sentence`, nearest last; `is_person(word)` tells people's names, which are
    never antecedents."""
    m = PRONOUN_OBJECT_RE.match(task)
    if not m or not re.match(r"[A-Za-z]", task):
        return None
    pro = m.group("pro").lower()
    verb = m.group("verb").split()[0].lower()
    # "I'll find it" is a task; "she'll find it useful" is not.
    found = (verb == "find" or (verb == "take" and pro == "this")) and re.match(
        r"\s*(?:$|[.,;!]|and\b|for\b|by\b)", m.group("rest")
    )  # ("I'll take this" claims it; "take it easy", "I'll take that [praise]" do not)
    if verb in NOT_TASK_VERBS and not found:
        return None
    if pro in ("that", "this", "those", "these"):
        nxt = DEMONSTRATIVE_NOUN_RE.match(m.group("rest"))
        if nxt and nxt.group("next").lower() not in BOUNDARY | {"then", "first", "properly"}:
            return None
    is_person = is_person or (lambda word: False)
    rest = m.group("rest")
    # "I'd have them ready, the three STAR examples": the thing follows, after a comma.
    after = re.match(r"^(?P<keep>[^,]*),\s+(?P<np>[^,]+?)[.!]?$", rest)
    if after and noun_phrases(after.group("np")) == [after.group("np")]:
        return f"{m.group('verb')} {_lower_det(after.group('np'))}{after.group('keep')}"
    # The sentence's words before the task: "I'll get a draft EDD memo ..., can you look at it".
    at = sentence.lower().find(f"{m.group('verb').lower()} {pro}")
    head = message(sentence)[: max(0, at - (len(sentence) - len(message(sentence))))]
    thing = None
    if at > 0:
        thing = next(iter(_useful(noun_phrases(head), is_person)), None) or _topic(head, is_person)
    for text in reversed(before):
        if thing:
            break
        if re.match(r"^\W*(?:it|they)\b", message(text), re.I):
            continue  # "The log. It's been a mess since ...": about the same thing, further back
        thing = _topic(text, is_person) or next(
            iter(_useful(noun_phrases(message(text)), is_person)), None
        )
    if not thing:
        return None
    return f"{m.group('verb')} {_lower_det(thing)}{rest}"


def _lower_det(thing: str) -> str:
    first, _, tail = thing.partition(" ")
    # Whose "my" it is depends on who reads the task; "gap: no failover steps. X writes them"
    # asks for the steps.
    if first.lower() in ("my", "your", "our", "no"):
        return f"the {tail}"
    if first.lower() in DETERMINERS:  # "Go through The copyedit" reads "Go through the copyedit"
        return f"{first.lower()} {tail}"
    return thing


def _people(words: list[str], is_person) -> bool:
    return any(w[:1].isupper() and is_person(w.strip(".,:;")) for w in words)


def _useful(phrases: list[str], is_person) -> list[str]:
    return [p for p in phrases if not _people(p.split(), is_person)]
