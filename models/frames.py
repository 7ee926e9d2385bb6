"""Commitment frames: the many ways of saying "X will do Y", rewritten to that plain form.

People seldom write "Ana will send the deck by Friday". They write "I've promised to send ...",
"Next step for me: shadow ...", "The chart is to be drafted by J. Clarke", "The induction
sheet is yours", "Both parties to compile ...", "Графикът да бъде прегледан от Борис",
"Моето домашно е да ...". `normalise()` rewrites each such frame to the subject + "will" (or
"ще") form that the clause reader (`models/clauses.py`) knows, and leaves everything else as
it is. None of the rewrites adds or removes a date, a name or a negation; whether the result is
a task (a state, a wish, a meeting, someone outside the pair) is still decided by the clause
filters. The frames come from a grid of commitment wordings (tests/test_frames.py), not from
any one note.
"""

from __future__ import annotations

import re

from models.clauses import bg_bare_person
from models.names import NameIndex
from models.tasks import TASK_VERBS, ing_base, participle_verb

SUBJ = r"I|[Ww]e|[Yy]ou|[Hh]e|[Ss]he|[A-Z][a-z'’-]+|[A-Z]\.\s?[A-Z][a-z'’-]+"

# "I've promised to", "He's agreed to", "Boris has offered to", "we've both signed up to": the
# perfect tense of a promise ("promised to" is already a modal for the clause reader).
PERFECT_PROMISE_RE = re.compile(
    r"\b(?P<subj>" + SUBJ + r")(?:['’]ve|['’]s|\s+have|\s+has|\s+had)\s+"
    r"(?:(?:also|both|already|now)\s+)?"
    r"(?P<verb>promised|agreed|offered|volunteered|committed|undertaken|signed up|pledged)\s+to\s+"
    r"(?=[a-z])"
)
# "I promised Boris I'd send ...", "She assured me she'd ...": the promise, then what.
PROMISED_THAT_RE = re.compile(
    r"\b(?:" + SUBJ + r")\s+(?:promised|assured|reassured|guaranteed)\s+"
    r"(?:him|her|them|me|you|us|[A-Z][a-z'’-]+)\s+(?:that\s+)?"
    r"(?P<who>I|[Ww]e|[Yy]ou|[Hh]e|[Ss]he)(?:['’]d|['’]ll|\s+would|\s+will)\s+(?=[a-z])"
)
# "I intend to", "I'm aiming to", "I've decided to", "Boris intends to": a stated plan.
INTEND_RE = re.compile(
    r"\b(?P<subj>" + SUBJ + r")(?:\s+(?:am|is|are)|['’]m|['’]s|['’]re|['’]ve|\s+has|\s+have)?\s+"
    r"(?:(?P<intend>intend(?:s)?)|(?:am|is|are)?\s*aiming|aim(?:s)?|decided|determined|resolved)"
    r"\s+to\s+"
    r"(?=[a-z])"
)
# "Next step for me: shadow ...", "His homework is to ...", "Action for Boris — ...",
# "Over to Boris: ...", "Boris's action: ...": whose the step is, then the step.
STEP_RE = re.compile(
    r"(?:^|(?<=[.;:—–]\s)|(?<=\bso\s))(?P<lead>\W*)(?:"
    r"(?:[Tt]he\s+)?(?:[Nn]ext\s+steps?|[Aa]ctions?|[Hh]omework|[Tt]asks?|[Tt]o-?dos?)\s+"
    r"(?:for|on)\s+(?P<for>me|you|us|both of us|him|her|[A-Z][a-z'’-]+)|"
    r"(?P<poss>[Mm]y|[Hh]is|[Hh]er|[Yy]our|[Oo]ur|[A-Z][a-z'’-]+['’]s?)\s+"
    r"(?:(?:next|other|second|main|last|one)\s+)?"
    r"(?:homework|next steps?|actions?|action items?|tasks?|job|assignment|to-?dos?)|"
    r"[Oo]ver to (?P<over>[A-Z][a-z'’-]+|you|me))"
    r"\s*(?:[:—–]|\s-|\s+is\s+to|\s+is)\s*(?:to\s+)?(?=[a-z]{2,}\s)"
)
# "A revised chart is to be drafted by J. Clarke and circulated ...": the passive with its doer.
# (Minutes may title the point first: "Staffing. A draft rota is to be prepared by ...".)
POINT_TITLE = r"(?:[A-ZА-Я][\wА-Яа-я'’&/-]{3,}(?:\s+[\wА-Яа-я'’&/-]+){0,3}\.\s+)?"
PASSIVE_BY_RE = re.compile(
    r"^(?P<lead>\W*" + POINT_TITLE + r")"
    r"(?P<thing>(?:[Tt]he|[Aa]n?|[Oo]ur|[Hh]is|[Hh]er|[Mm]y|[Yy]our)\s+"
    r"[^,;:.!?()]{2,70}?)\s+"
    r"(?:is|are|will be|is going to be|are going to be|has to be|have to be|needs to be|"
    r"is due to be|should be)\s+(?:to be\s+)?"
    r"(?P<part>[a-z]+(?:ed|en|ne|wn|nt|de|ght|ld|lt))(?P<prt>\s+(?:up|out|over|back|round))?"
    r"(?P<more>(?:\s+and\s+[a-z]+(?:ed|en|ne|wn|nt|de|ght|ld|lt))?)"
    r"(?P<rest>(?:\s+(?!by\s)[^,;.!?]{1,40}?)?)\s+by\s+(?:(?:Mr|Mrs|Ms|Miss|Dr|Prof)\.?\s+)?"
    r"(?P<who>" + SUBJ + r"|both of us|us)\b"
)
# "My mentee will draft ...", "my mentor offered to ...": the writer's partner.
MY_PARTNER_RE = re.compile(
    r"\b[Mm]y\s+(?:mentee|mentor|mentoring partner|peer partner|peer mentor|mentoring buddy)\b"
    r"(?!['’])"
)
MY_PARTNER_BG_RE = re.compile(
    r"(?<![\wА-Яа-я])(?:(?:[Мм]ентор(?:ът|а)|[Мм]енторката|[Мм]ентори(?:раният|рания|раната)|"
    r"[Пп]артньор(?:ът|а|ката))\s+ми|[Мм]оят\s+ментор|[Мм]оята\s+менторка|"
    r"[Мм]оят\s+менториран|[Мм]оята\s+менторирана)(?![\wА-Яа-я])"
)
# "Both parties to compile ...", "The pair to ...", "mentor and mentee to ...": both of them.
BOTH_TO_RE = re.compile(
    r"(?:^|(?<=[:.]\s))(?P<lead>\W*)(?:[Bb]oth\s+(?:parties|participants|partners)|"
    r"[Tt]he\s+pair|[Mm]entor\s+and\s+mentee|[Mm]entee\s+and\s+mentor)\s+(?:to|will)\s+"
    r"(?=[a-z])"
)
# "The induction sheet is yours — end of the month", "... is Boris's", "... is mine, Friday".
THING_IS_MINE_RE = re.compile(
    r"^(?P<lead>\W*)(?P<thing>(?:[Tt]he|[Tt]his|[Tt]hat)\s+[^,;:.!?()—–]{3,60}?)\s+"
    r"(?:is|are|['’]s)\s+(?:all\s+|now\s+)?(?P<who>mine|yours|his|hers|[A-Z][a-z'’-]+['’]s)"
    r"(?=\s*(?:[,;.!—–(]|$))"
)
# "The induction sheet — that one's mine, by Friday": the thing, then who takes it.
THING_THAT_MINE_RE = re.compile(
    r"^(?P<lead>\W*)(?P<thing>[^,;:.!?()—–]{3,60}?)\s*[—–:,]\s*"
    r"(?:that(?: one)?['’]s|that(?: one)? is)\s+(?P<who>mine|yours|his|hers|[A-Z][a-z'’-]+['’]s)\b"
)
# "The rota template is on me, by Friday", "... is on Boris": who carries it.
THING_ON_ME_RE = re.compile(
    # ("portfolio draft is on me, you'll have it friday": a chat leaves out "the".)
    r"^(?P<lead>\W*)(?P<thing>(?:(?:[Tt]he|[Tt]his|[Tt]hat)\s+)?[a-z][^,;:.!?()—–]{3,60}?)\s+"
    r"(?:is|are|['’]s)\s+on\s+(?P<who>me|you|him|her|[A-Z][a-z'’-]+)(?=\s*(?:[,;.!—–(]|$))"
)
# "Leave the induction sheet with me", "I've taken on the sheet", "I'm responsible for X by ...".
LEAVE_WITH_ME_RE = re.compile(
    r"\b[Ll]eave\s+(?P<thing>(?:the|that|this|those|these)\s+[^,;:.!?()—–]{3,50}?)\s+with\s+me\b"
)
TAKEN_ON_RE = re.compile(
    r"\b(?P<subj>" + SUBJ + r")(?:['’]ve|\s+have|\s+has|['’]s|\s+is|['’]m|\s+am)?\s+"
    r"(?:taken on|took on|taking on|responsible for|on the hook for|in charge of)\s+"
    r"(?P<thing>(?:the|a|an|our|my|his|her)\s+[^,;:.!?()—–]{3,60}?)(?=\s*(?:[,;.!—–(]|\s+by\b|"
    r"\s+due\b|\s+before\b|\s+until\b|$))"
)
# "Intro to Marcus: that one's mine", "storm-prep SOP: draft is mine, w/in 2 wks", "The rota
# template — I'm on it", "Rota template → mine, Friday", "Графикът: това е мое", "Графикът —
# поемам го аз": a thing, then who takes it (firm enough without a date).
THING_THEN_WHOSE_RE = re.compile(
    r"^(?P<lead>\W*(?:(?:[Aa]nd|[Aa]lso|[Ss]o|[Pp]lus|[Аа]|[Ии])\s+)?"
    r"(?:(?:[Дд]обре|[Оо]к|[Оо]кей|OK|[Oo]k|[Oo]kay|[Ss]ure),\s+(?=\S+(?:\s+\S+){0,6}\s+(?:го|я|ги)\s+поемам))?)"
    r"(?:[Зз]а\s+)?"
    # (Not "Добре, поемам го", "I've got the notes somewhere, leave it with me".)
    r"(?!(?i:ok|okay|yes|yep|sure|fine|right|добре|да|окей|ами|ясно|I|I['’]\w+|we|he|she|you|"
    r"they|it|аз|ние|той|тя|(?:kind |best |warm )?(?:regards|wishes)|best|cheers|thanks|"
    r"поздрави|благодаря|затова|така|тогава|после|сега|значи|therefore|then|now)(?![\wА-Яа-я]))"
    r"(?P<thing>[^,;:.!?()—–→\s][^,;:.!?()—–→]{2,60}?)"
    r"(?:\s*(?:[—–:,→?]|\s-)\s*|\s+(?=(?:го|я|ги)\s+поемам))"
    r"(?:as agreed,?\s+)?(?:"
    r"(?:that|it|this)(?:\s+one)?\s*(?:['’]s|\s+is)\s+(?:all\s+)?(?P<w1>mine|yours|[A-Z][a-z'’-]+['’]s)"
    r"(?:\s+(?:job|task))?|"
    r"(?:the\s+)?(?:draft|first draft|write-?up)\s+is\s+(?P<w2>mine|yours)|"
    r"(?P<w3>[Mm]ine|[Yy]ours|[A-Z][a-z'’-]+['’]s)(?:\s+(?:job|task)|\s+to\s+(?P<verb>[a-z]{3,}))?|"
    r"(?P<me>I['’]m on it|I['’]ll take (?:that|this|it)(?: one)?|leave it with me|"
    r"I['’]ve got (?:it|this(?: one)?))|"
    r"(?:това|то)\s+е\s+(?P<b1>мое|моя|твое|твоя)(?:\s+(?:задача|работа))?|"
    r"(?P<b2>моя|твоя)\s+(?:е\s+)?(?:задача|работа)(?:та)?|"
    r"(?P<bme>поемам\s+(?:го|я|ги)(?:\s+аз)?|аз\s+(?:го\s+|я\s+|ги\s+)?поемам|аз\s+се\s+заемам|"
    r"(?:го|я|ги)\s+поемам(?:\s+аз)?)|"
    r"(?P<bname>[А-Я][а-я]*\.?)\s+(?:го|я|ги)\s+поема|"
    r"(?P<b3>твой|твоя|твое|мой|моя|мое)\s+е|"
    r"остава\s+за\s+(?P<b4>мен|теб))"
    r"(?=\s*(?:[,;.!—–(]|$)|\s+(?:by|before|until|within|w/in|до|преди)(?![\wА-Яа-я]))"
)
# "that one's mine — three ideas for the weekend magazine by Monday": whose first, then what.
WHOSE_THEN_THING_RE = re.compile(
    r"^(?P<lead>\W*)(?:[Tt]hat(?: one)?|[Tt]his(?: one)?|[Ii]t)(?:['’]s|\s+is)\s+"
    r"(?P<who>mine|yours)\s*[—–:]\s*(?P<thing>[a-z][^.;!?]{3,80}?)[.!]?$"
)
# "The condition survey is to be finished by the end of the month — as agreed, that's yours":
# the passive without its doer, then whose it is.
PASSIVE_THEN_WHOSE_RE = re.compile(
    r"^(?P<lead>\W*)(?P<thing>(?:[Tt]he|[Tt]his|[Oo]ur|[Yy]our|[Mm]y)\s+[^,;:.!?()—–]{3,60}?)\s+"
    r"(?:is|are)\s+to\s+be\s+(?P<part>[a-z]+)(?P<mid>[^—–;]*?)\s*[—–;,]\s*(?:as agreed,?\s+)?"
    r"(?:that|it)(?:\s+one)?(?:['’]s|\s+is)\s+(?P<who>mine|yours|[A-Z][a-z'’-]+['’]s)\b"
)


def _thing_then_whose(text: str, index: NameIndex | None) -> str:
    """ "X: that one's mine" → "I will take on X"; "X is to be finished by Friday — that's
    yours" → "you will finish X by Friday"; the Bulgarian forms → "Аз ще поема X"."""
    m = PASSIVE_THEN_WHOSE_RE.match(text)
    verb = m and _base(m.group("part"))
    who = m and _mine(m.group("who"), index)
    if m and verb and who:
        thing = _lowered(m.group("thing"))
        return f"{m.group('lead')}{who} will {verb} {thing}{m.group('mid')}{text[m.end() :]}"
    m = WHOSE_THEN_THING_RE.match(text)
    if m:
        who = _mine(m.group("who"), index)
        return f"{m.group('lead')}{who} will take on {m.group('thing')}"
    m = THING_THEN_WHOSE_RE.match(text)
    if not m or len(m.group("thing").split()) > 10:
        return text
    rest = text[m.end() :]
    if index and any(index.resolve(w) for w in m.group("thing").split()):
        return text  # "Yuki Tanaka: I'll take this": a chat's speaker, not a thing
    if re.search(r"\bI['’]ll\b|\bI will\b|(?<![\wА-Яа-я])ще\s(?!(?:е|бъде)\s+готов)", rest):
        return text  # "X: leave it with me, I'll find out ...": the rest says what
    named = m.group("bname") and index and index.resolve_tag(m.group("bname"))
    if named:
        return f"{m.group('lead')}{named} ще поеме {object_form(_lowered(m.group('thing')))}{rest}"
    bg = next((m.group(g) for g in ("b1", "b2", "b3", "b4", "bme") if m.group(g)), None)
    if bg:
        mine = bg.startswith(("м", "поем", "аз")) or bg.endswith(("поемам", "поемам аз"))
        verb = "Аз ще поема" if mine else "Ти ще поемеш"
        return f"{m.group('lead')}{verb} {object_form(_lowered(m.group('thing')))}{rest}"
    word = m.group("w1") or m.group("w2") or m.group("w3") or ("mine" if m.group("me") else None)
    who = word and _mine(word, index)
    if not who or re.match(r"[А-Я]", m.group("thing")):
        return text
    verb = m.group("verb") or "take on"
    return f"{m.group('lead')}{who} will {verb} {_lowered(m.group('thing'))}{rest}"


# "By Friday I'll have rewritten the sheet": the future perfect of a plan.
WILL_HAVE_RE = re.compile(
    r"\b(?P<subj>"
    + SUBJ
    + r")(?:['’]ll|\s+will)\s+have\s+(?P<part>[a-z]+(?:ed|en|ne|wn|nt|de|ght))"
    r"\s+(?=(?:the|a|an|my|his|her|our|your|it|them|all|both)\b)"
)

# "the uh the shift swap form", "um so I'll": fillers and stumbles in a spoken note.
FILLER_RE = re.compile(r"(?<![\w'’])(?:uh|um|umm|uhm|erm|er|ehm|ъъ+|ъм|ммм*)(?![\w'’])[,.]?\s*")
STUTTER_RE = re.compile(r"\b(the|a|an|to|I|we|and|i|то|на|да|ще)\s+\1\b")
# "What I will do is shadow him ...": the plan in a cleft sentence.
CLEFT_RE = re.compile(
    r"\b[Ww]hat\s+(?P<subj>" + SUBJ + r")(?:['’]ll|\s+will|\s+(?:am|is|are)\s+going\s+to|"
    r"['’]m\s+going\s+to|['’]s\s+going\s+to)\s+do\s+is\s+(?:to\s+)?(?=[a-z])"
)
# "Ms Nair's NEBOSH assignment is to be submitted by the 27th": whose the thing is says who.
POSSESSED_PASSIVE_RE = re.compile(
    r"^(?P<lead>\W*(?:\d+(?:\.\d+)*\.?\s+)?)(?P<who>(?:(?:Mr|Mrs|Ms|Miss|Dr)\.?\s+)?[A-Z][a-z'’-]+|[Mm]y|[Yy]our|[Hh]is|[Hh]er)"
    r"(?:['’]s)?\s+(?P<thing>[^,;:.!?()]{2,60}?)\s+(?:is|are)\s+(?:to be|due to be|going to be)\s+"
    r"(?P<part>[a-z]+(?:ed|en|ne|wn|nt|de|ght))\b"
)
POSSESSIVE_SUBJECT = {"my": "I", "your": "you", "his": "he", "her": "she"}

# "I asked whether you could move your notes into the wiki." — "You said sure, within 10 days."
ASKED_WHETHER_RE = re.compile(
    r"\bI\s+asked\s+(?:(?:him|her|you)\s+)?(?:whether|if)\s+(?P<who>you|he|she|[A-Z][a-z'’-]+)\s+"
    r"(?:could|would|can|will|might)\s+(?P<task>[a-z][^.;!?]{5,})"
)
SAID_YES_RE = re.compile(
    r"^\W*(?:[Aa]nd\s+)?(?P<who>[Yy]ou|[Hh]e|[Ss]he|[A-Z][a-z'’-]+)\s+said\s+"
    r"(?:sure|yes|yep|ok|okay|fine|of course|that['’]s fine|no problem)\b[,.]?(?P<rest>.*)$"
)

# "Предложението за onboarding процеса — то е твое", "The induction sheet — it's yours".
THING_DASH_YOURS_RE = re.compile(
    r"^(?P<lead>\W*)(?:(?P<thing>[А-Я][^—–:]{3,80}?)\s*[—–:]\s*(?:то|тя|той|те)\s+(?:е|са)|"
    # ("I'll dig out my script for you — it's yours by Wednesday": you'll have it, not a task.)
    r"(?P<en>(?:[Tt]he|[Tt]his|[Oo]ur)\s+[^—–:']{3,60}?)\s*[—–:]\s*(?:it|that)(?:['’]s| is))"
    r"\s+(?:изцяло\s+|all\s+)?(?P<who>твое|твоя|твой|твои|мое|моя|мой|мои|yours|mine)"
    r"(?![\wА-Яа-я])(?!\s+by\b)"
)

# Plain rewrites: (pattern, replacement, only on a line with a due date). The dated ones are
# frames that also name habits, complaints or advice ("he's supposed to send it but never does",
# "remember to breathe"); with a date they are plans.
_S = r"(?P<s>" + SUBJ + r")"
SIMPLE_FRAMES = [
    # "I'm to send ...", "we are to ...": an arrangement.
    (re.compile(r"\b" + _S + r"(?:['’]m|\s+am|['’]re|\s+are)\s+to\s+(?!(?:blame|be)\b)(?=[a-z])"),
     r"\g<s> will ", False),
    # "Boris is supposed to / meant to / due to send ...".
    (re.compile(r"\b" + _S + r"(?:['’]s|\s+is|['’]m|\s+am|['’]re|\s+are)\s+"
                r"(?:supposed|meant|due|expected)\s+to\s+(?=[a-z])"), r"\g<s> will ", True),
    # "Boris is down to run the retro next week" (British: put down for it).
    (re.compile(r"\b" + _S + r"(?:['’]s|\s+is|['’]m|\s+am)\s+down\s+to\s+(?=[a-z])"),
     r"\g<s> will ", False),
    # "I'll aim to", "I'll do my best to", "I'll make sure to", "I'll try my best to".
    (re.compile(r"(?P<w>\bwill|['’]ll)\s+(?:aim|do (?:my|his|her|our) (?:best|utmost)|"
                r"try (?:my|his|her|our) (?:best|hardest)|make sure|make a point)\s+to\s+"
                r"(?=[a-z])"), r"\g<w> ", True),
    # "(I'm) happy to review the rota by Friday": an offer with a date.
    (re.compile(r"^(?P<l>\W*)(?:I['’]m\s+|I am\s+)?(?:[Hh]appy|[Gg]lad|[Kk]een)\s+to\s+"
                r"(?=[a-z]{2,}\s)"), r"\g<l>I will ", True),
    # "Don't forget to / Remember to / Make sure you send me ... by Friday": the reader's.
    (re.compile(r"^(?P<l>\W*)(?:[Dd]on['’]t forget to|[Rr]emember to|[Mm]ake sure (?:that )?you|"
                r"[Bb]e sure to)\s+(?=[a-z])"), r"\g<l>you will ", True),
    # "Assigned to Boris: rewrite ...", "От страна на Борис: ...": whose the line is.
    (re.compile(r"^(?P<l>\W*)(?:[Aa]ssigned to|[Oo]wned by|[Оо]т страна на|[Зз]а)\s+"
                r"(?P<n>[A-ZА-Я][a-zа-я'’-]+)\s*:\s+"), r"\g<l>\g<n>: ", False),
    # "I need the rota from you by Friday": the reader will send it.
    (re.compile(r"\bI\s+(?:need|want)\s+(?P<t>(?:the|your|a|an|that|those|these)\s+[^,;.!?]{2,50}?)"
                r"\s+from\s+you\b"), r"you will send me \g<t>", True),
    # "But I do need to prepare ...", "I do have to": the emphatic "do".
    (re.compile(r"\b(?P<s>I|[Ww]e)\s+do\s+(?=(?:need|have)\s+to\s)"), r"\g<s> ", False),
    # "B on it re TOS sandbox access", "I'm on it re the rota": who takes the thing on.
    (re.compile(r"^(?P<l>\W*)(?P<n>[A-ZА-Я][\wА-Яа-я.'’-]{0,20}|I['’]m|I am)\s+on\s+it\s+"
                r"(?:re|for|with|about)\s+(?=\S)"), r"\g<l>\g<n> will take care of ", False),
    # "Boris said yes to running the retro": he agreed to it.
    (re.compile(r"\b" + _S + r"\s+said\s+yes\s+to\s+(?=[a-z]+ing\b)"), r"\g<s> will ", False),
    # "Each of us will bring ...": both.
    (re.compile(r"\b[Ee]ach of us\s+(?=will\b|['’]ll\b)"), "We both ", False),
    # "To do: send Boris the rota by Friday" (in an "I" note: the writer's).
    (re.compile(r"^(?P<l>\W*)(?:[Tt]o[- ]?do|TODO)\s*[:—–]\s+(?=[a-z]{2,}\s)"),
     r"\g<l>I will ", True),
    # "Boris will have the rota template to me by Friday": he will send it.
    (re.compile(r"(?P<w>\bwill|['’]ll)\s+have\s+(?=(?:the|it|that|this|a|an|my|his|her|our|"
                r"your)\b[^.;!?]{0,60}?\s(?:to|over to)\s+(?:me|you|him|her|us|[A-Z]))"),
     r"\g<w> send ", True),
    # "I'll see to the rota template": I will take care of it.
    (re.compile(r"(?P<w>\bwill|['’]ll)\s+see\s+to\s+"
                r"(?=(?:the|a|an|his|her|my|our|it|that|this)\b)"), r"\g<w> take care of ", False),
    # "Boris has been tasked with rewriting ...": gerund after the task.
    (re.compile(r"\b" + _S + r"\s+(?:has been|was|is|have been|['’]s been|['’]ve been)\s+"
                r"(?:tasked with|put in charge of)\s+(?=[a-z]+ing\b)"), r"\g<s> will ", False),
    # "I told Boris to rewrite X and he said he'd do it by Friday": advice he took on (without
    # the yes, "told him to" is advice, and no task).
    (re.compile(r"\b(?:told|asked)\s+(?P<n>him|her|[A-Z][a-z'’-]+)\s+to\s+(?=[a-z][^.;!?]*"
                r"(?:,|;|\band|\bwhich)\s+(?:he|she|they)\s+(?:agreed|accepted|said (?:yes|ok|sure|"
                r"(?:he|she)(?:['’]d|['’]ll| would| will)\s+(?!think|consider|see|try|mull)\w)|"
                r"(?:['’]ll| will) do it))"),
     lambda m: {"him": "he", "her": "she"}.get(m.group("n"), m.group("n")) + " will ", False),
    # "AI Boris: send ...", "AP Boris —", "Action Boris:": an action item's owner after its mark.
    (re.compile(r"^(?P<l>\W*)(?:AI|AP|AR|Action(?: item| point)?|ACTION)\s+(?P<n>[A-Z][a-z'’-]+)\s*"
                r"(?=[:—–])"), r"\g<l>\g<n>", False),
    # "Review the rota; owner: Boris; due: Friday": the owner field in the middle of the line.
    (re.compile(r"^(?P<l>\W*)(?P<t>[A-Z][^;:—–]{3,80}?)\s*[;—–,]\s*[Oo]wner\s*[:—–-]\s*"
                r"(?P<n>[A-Z][a-z'’-]+)\s*(?:[;—–,]\s*)?(?:[Dd]ue\s*:\s*)?"),
     lambda m: f"{m.group('l')}{m.group('n')}: {m.group('t')[0].lower()}{m.group('t')[1:]}, ",
     False),
    # "My mentor suggested I rewrite X, and I'll do it by Friday": advice taken on.
    (re.compile(r"\b(?:suggested|proposed|recommended)\s+(?:that\s+)?I\s+(?=[a-z][^.;!?]*,?\s+and\s+I"
                r"(?:['’]ll| will)\s+(?:do it|do that|give it a go|try it)\b)"), "I will ", False),
    # "Boris was asked to rewrite X by Friday and said yes": a request he took on.
    (re.compile(r"\b" + _S + r"\s+(?:was|has been|got)\s+asked\s+to\s+(?=[a-z][^.;!?]*\band\s+"
                r"(?:said yes|agreed|accepted)\b)"), r"\g<s> will ", False),
]  # fmt: skip
# The thing at the start of a clause, before "ще го/я/ги ..." (a time word is not a thing).
_BG_DOUBLED = (
    r"(?:^|(?<=[,:;—–]\s))(?P<l>\W*)(?!(?:днеска|днес|утре|сега|после|тогава|вече|пак|"
    r"вечерта|сутринта|седмицата|двамата|двете|всички)(?![а-я]))"
    r"(?P<t>(?:[а-я-]+\s+){0,3}?[а-я-]+"
)
SIMPLE_FRAMES_BG = [
    # "Борис се нае да ...", "Аз се наемам да ...": took it on.
    (re.compile(r"(?<![\wА-Яа-я])(?:се\s+нае|се\s+наема)\s+да\s+"), "ще ", False),
    # "... и се ангажирах да прегледам ...", "Ангажирах се да ...": committed to it.
    (re.compile(r"(?<![\wА-Яа-я])(?:се\s+ангажира(?:х|хме)?|[Аа]нгажира(?:х|хме)\s+се)\s+да\s+"),
     "ще ", False),
    (re.compile(r"(?<![\wА-Яа-я])(?:[Аа]з\s+)?[Сс]е\s+наемам\s+да\s+"), "Ще ", False),
    # "Before the meeting on Tuesday, please write down ...": the order after the date.
    (re.compile(r"^(?P<l>[^,;:]{3,60}),\s+please\s+(?=[a-z]{2,}\s)"), r"\g<l>, ", False),
    # "Ако може, прати ми графика до петък", "Ако обичаш, ...": politeness, not a condition.
    (re.compile(r"^(?P<l>\W*)(?:[Аа]ко може|[Аа]ко обичаш|[Аа]ко не е проблем),?\s+(?=[а-я])"),
     r"\g<l>", False),
    # "Трябва да не забравя да пратя ...", "Ще направя всичко възможно да ...": I will.
    (re.compile(r"(?<![\wА-Яа-я])[Тт]рябва\s+да\s+не\s+забравя\s+да\s+"), "Ще ", False),
    # "Обеща да ми пратиш доклада в четвъртък": what the reader promised.
    (re.compile(r"(?:^|(?<=\.\s))(?P<l>\W*)[Оо]беща(?P<c>\s+(?:ми|ни))?\s+да\s+"
                r"(?=(?:(?:ми|ни)\s+)?[а-я]+ш(?![а-я]))"), r"\g<l>Ти ще ", False),
    # "Не забравяй да ми пратиш графика до петък": the reader's, with a date.
    (re.compile(r"^(?P<l>\W*)[Нн]е\s+забравяй\s+да\s+"), r"\g<l>Ти ще ", True),
    # "На теб остава да прегледаш ...", "Остава ти да ...": the reader's.
    (re.compile(r"(?<![\wА-Яа-я])(?:[Нн]а\s+теб\s+(?:ти\s+)?остава|[Оо]става\s+ти)\s+да\s+"),
     "ти ще ", False),
    # "Разбрахме се аз да прегледам ...": the writer's part of the agreement.
    (re.compile(r"((?:[Рр]азбрахме|[Дд]оговорихме|[Уу]говорихме)\s+се,?\s+)аз\s+да\s+"),
     r"\1ще ", False),
    # "Моя отговорност е да ...", "От мен: да ...", "От моя страна – да ...": mine.
    (re.compile(r"(?<![\wА-Яа-я])(?:[Мм]оя\s+(?:е\s+)?отговорност(?:та)?\s+е|"
                r"[Оо]т\s+(?:мен|моя\s+страна)\s*[:—–-])\s*да\s+"), "ще ", False),
    # "Всеки от нас ще донесе ...", "Борис и аз ще ...": both of us.
    (re.compile(r"(?<![\wА-Яа-я])[Вв]секи\s+от\s+нас\s+(?=ще\s)"), "Двамата ", False),
    # "Борис е поел прегледа на графика, до петък": he has taken it on.
    (re.compile(r"(?<![\wА-Яа-я])(?P<s>[А-Я][а-я]+|[Тт]ой|[Тт]я)\s+е\s+поел[аи]?\s+(?=[а-я]{3,})"),
     r"\g<s> ще поеме ", True),
    # "Ти поемаш прегледа на графика": the reader takes it on.
    (re.compile(r"(?<![\wА-Яа-я])([Тт]и)\s+поемаш\s+(?=[а-я])"), r"\1 ще поемеш ", True),
    # "Да прегледаме графика до петък": let us, a plan for both with a date.
    (re.compile(r"^(?P<l>\W*)[Дд]а\s+(?=[а-я]+(?:ем|им|ме)(?![\wА-Яа-я])[^?]*$)"),
     r"\g<l>Двамата ще ", True),  # (not "Да седнем ли ...?", a question)
    # "Менторът ми предложи да ми прати шаблона" (after "my mentor" became the name): an
    # offer; "... предложи да пренапиша X и аз се съгласих": advice taken on.
    (re.compile(r"(?<![\wА-Яа-я])(?!Той|Тя)(?P<s>[А-Я][а-я]+)\s+предложи\s+да\s+"
                r"(?=(?:(?:ми|ти|му|ѝ|им)\s+)?[а-я]{3,}[еи](?![\wА-Яа-я]))"), r"\g<s> ще ", True),
    (re.compile(r"(?<![\wА-Яа-я])[А-Я][а-я]+\s+(?:ми\s+)?предложи\s+да\s+(?=[а-я]+(?:ам|ям|а|я)"
                r"(?![\wА-Яа-я])[^.;!?]*\s+и\s+(?:аз\s+)?се\s+съгласих)"), "ще ", False),
    # "Заедно ще направим инвентаризацията", "Ще я направим заедно": both of us.
    (re.compile(r"(?<![\wА-Яа-я])[Зз]аедно\s+ще\s+(?=[а-я]+(?:ем|им|ме)(?![\wА-Яа-я]))"),
     "Двамата ще ", False),
    (re.compile(r"(?:^|(?<=[,:;—–]\s))(?P<l>\W*)[Щщ]е\s+(?P<v>[а-я]+(?:ем|им|ме))\s+"
                r"заедно(?![\wА-Яа-я])"), r"\g<l>Двамата ще \g<v>", False),
    # "Добре, отчета ще ти го пратя в понеделник": the thing first, then "го", "я" or "ги"
    # for it (agreeing with it: "скоростта ще ги спечели" is no such thing).
    *(
        (re.compile(_BG_DOUBLED + rf"(?:{ends}))\s+ще\s+(?P<c>(?:ти|му|ѝ|им|ви)\s+)?{clitic}\s+"
                    r"(?P<v>[а-я]{3,})"), r"\g<l>ще \g<c>\g<v> \g<t>", False)
        for ends, clitic in (("ът|ят|то|а|я", "го"), ("та", "я"), ("те|ите", "ги"))
    ),
]  # fmt: skip

# Bulgarian.
BG_NAME = r"[А-Я][а-я]+"
# "Обещах на Борис да му пратя ...": "на Борис" between the promise and "да".
BG_PROMISED_TO_RE = re.compile(
    r"(?<![\wА-Яа-я])(?P<verb>[Оо]бещах(?:ме)?|[Оо]беща(?:л[аи]?)?)\s+на\s+" + BG_NAME + r"\s+да\s+"
)
# "Борис пое задачата да ...", "се нагърби да ...": he took it on.
BG_TOOK_ON_RE = re.compile(
    r"(?<![\wА-Яа-я])(?P<subj>" + BG_NAME + r"|[Тт]ой|[Тт]я)\s+"
    # ("Борис предложи да ..." is mostly a suggestion to the other one: not here.)
    r"(?:пое задачата|пое ангажимента|се нагърби|пое отговорността)\s+да\s+"
)
# "Пламен поема изготвянето на плановете": takes it on (a thing follows, not "да").
BG_TAKES_ON_RE = re.compile(
    r"(?<![\wА-Яа-я])(?P<subj>" + BG_NAME + r"|[Тт]ой|[Тт]я)\s+поема\s+"
    r"(?!(?:вината|риска|удара)(?![а-я]))(?=[а-я]{4,}(?:то|та|а|я)\s)"  # (not "the blame")
)
# "Моето домашно е да ...", "Следваща стъпка за мен: да ...", "Задача за Борис — да ...".
BG_STEP_RE = re.compile(
    r"(?:^|(?<=[.;:—–]\s)|(?<=(?<![\wА-Яа-я])[Ии]\s))(?P<lead>\W*)(?:"
    r"(?:[Мм]оето|[Мм]оята|[Тт]воето|[Тт]воята|[Нн]еговото|[Нн]ейното|[Нн]ейната|[Нн]еговата)\s+"
    r"(?P<poss>домашно|задача|следваща стъпка)|"
    r"(?P<mine>[Мм]оя е задачата)|"
    r"(?:[Сс]ледваща(?:та)? стъпка|[Сс]ледващи(?:те)? стъпки|[Зз]адача(?:та)?|[Дд]омашно(?:то)?)\s+"
    r"(?:за|на)\s+(?P<for>мен|теб|него|нея|нас|" + BG_NAME + r"))"
    r"(?:\s*(?:[:—–]|\s-|\s+е)\s*(?:да\s+)?|\s+да\s+)(?=[а-я]{2,}\s)"
)
# "Графикът да бъде прегледан от Борис до петък", "... ще бъде изпратен от Борис ...",
# "Огледът следва да бъде извършен от инж. Илиева".
BG_PASSIVE_RE = re.compile(
    r"^(?P<lead>\W*" + POINT_TITLE + r")"
    r"(?P<thing>[А-Я][^,;:.!?()—–]{2,60}?)(?:\s+(?:следва|трябва))?"
    r"\s+(?:да бъд(?:е|ат)|ще бъд(?:е|ат))\s+"
    r"(?P<part>[а-я]+?)(?:ен|ан|ян|ат|ит)(?:а|о|и)?\s+от\s+(?:(?:инж|д-р|г-н|г-жа|доц|проф)\.?\s+)?"
    r"(?P<who>" + BG_NAME + r")(?![\wА-Яа-я])"
)
# "Графикът остава за мен", "Прегледът е за Борис": whose the thing is.
BG_THING_FOR_RE = re.compile(
    r"^(?P<lead>\W*)(?P<thing>[А-Я][^,;:.!?()—–]{2,60}?)\s+(?:остава|е|са|остават)\s+"
    r"(?:за|на)\s+(?P<who>мен|теб|него|нея|" + BG_NAME + r")(?=\s*(?:[,;.!—–(]|$))"
)
# "Планирам да", "Възнамерявам да", "Имам да", "Смятам да": the writer's own plan.
BG_I_PLAN_RE = re.compile(
    r"(?:^|(?<=[,;:—–]\s)|(?<=\bи\s))(?P<lead>\W*)"
    r"(?:[Пп]ланирам|[Вв]ъзнамерявам|[Ии]мам|[Сс]мятам|[Рр]еших)\s+да\s+(?=[а-я]{2,}\s)"
)
# "Заемам се с графика", "Борис се зае с графика": taking a thing on.
BG_TAKE_UP_RE = re.compile(
    r"(?<![\wА-Яа-я])(?:(?P<subj>" + BG_NAME + r"|[Тт]ой|[Тт]я)\s+се\s+(?:зае|захвана)|"
    r"(?P<me>[Зз]аемам се|[Зз]ахващам се))\s+с\s+(?=[а-я])"
)
# "Поемам прегледа на графика": I take it on.
BG_I_TAKE_RE = re.compile(
    # ("2) Поемам обучението ...": a numbered point in a chat message.)
    r"(?:^|(?<=[,;:—–]\s))(?P<lead>\W*(?:\d{1,2}[.)]\s*)?)[Пп]оемам\s+(?=[а-я]{3,})"
)
# "Борис ми дължи графика": a debt is a promise to hand it over.
BG_OWES_RE = re.compile(
    r"(?<![\wА-Яа-я])(?P<subj>" + BG_NAME + r"|[Тт]ой|[Тт]я)\s+(?P<clitic>ми|ни|му|ѝ|й)\s+дължи\s+"
)
# "Дължа на Борис графика": I owe it to him.
BG_I_OWE_RE = re.compile(r"(?<![\wА-Яа-я])[Дд]ълж(?P<we>а|им)\s+на\s+(?P<who>" + BG_NAME + r")\s+")
# "Списъкът", "личният": the full article of a subject; as an object, "списъка", "личния".
SHORT_ARTICLE_RE = re.compile(r"^((?:[^\s,]+\s+){0,2}?[а-я]+?)(и)?(ът|ят)(?=[\s,]|$)")
# "Разбрахме се да се обадиш на хотелите ...": what was agreed for the reader.
_WE_AGREED_BG = (
    r"(?:[Рр]азбрахме се|[Дд]оговорихме се|[Уу]говорихме се|"
    r"(?<![\wА-Яа-я])се (?:разбрахме|договорихме|уговорихме))(?:,?\s+че)?"
)
BG_AGREED_YOU_RE = re.compile(
    r"(" + _WE_AGREED_BG + r"\s+)да\s+"
    r"(?=(?:(?:се|си|ми|му|ѝ|им|го|ги|я)\s+){0,2}[а-я]{3,}(?:иш|еш|аш|яш)(?![\wА-Яа-я]))"
)
# "Затова се разбрахме да се запиша за курса ...": what was agreed for the writer.
BG_AGREED_ME_RE = re.compile(
    r"(" + _WE_AGREED_BG + r"(?:\s+също)?(?:\s+аз)?\s+)да\s+"  # ("... също аз да подготвя")
    r"(?=(?:(?:се|си|ми|му|ѝ|им|го|ги|я)\s+){0,2}(?P<verb>[а-я]{3,})(?![\wА-Яа-я]))"
)
# "4.2. Да се подготви личен план за развитие (Г. Русева) – в срок до ...": minutes' passive.
BG_MINUTES_PASSIVE_RE = re.compile(
    r"^(?P<lead>\W*(?:\d+(?:\.\d+)*\.?\s+)?)[Дд]а се\s+(?P<task>[а-я]{3,}[^()]{3,120}?)\s*"
    r"\((?:отг(?:оворник)?\.?:?\s*)?(?P<who>[А-Я][а-я]*\.?(?:\s*[А-Я][а-я]+)?)\)"
)
BG_PARTICIPLE_ENDS = (("уван", "ува"), ("ирван", "ира"), ("ан", "а"), ("ян", "я"), ("ен", "и"))


def object_form(thing: str) -> str:
    """ "списъкът с лекарствата" → "списъка с лекарствата": a named thing as a task's object."""
    return SHORT_ARTICLE_RE.sub(
        lambda m: m.group(1) + (m.group(2) or "") + m.group(3)[0].replace("ъ", "а"), thing
    )


def _lowered(thing: str) -> str:
    """ "The induction sheet" → "the induction sheet": a named thing, as an object."""
    return thing[:1].lower() + thing[1:]


def _mine(word: str, index: NameIndex | None) -> str | None:
    """Whose: "mine" → "I", "yours" → "you", "Boris's" → "Boris" (a participant only)."""
    low = word.lower()
    words = {"mine": "I", "yours": "you", "his": "he", "hers": "she", "me": "I", "you": "you",
             "him": "he", "her": "she"}  # fmt: skip
    if low in words:
        return words[low]
    name = re.sub(r"['’]s?$", "", word)
    return name if index and index.resolve(name) else None


def _base(part: str) -> str | None:
    """ "drafted" → "draft", "written" → "write", "rewritten" → "rewrite", "drawn" → "draw"."""
    if part.startswith("re") and len(part) > 5 and (verb := _base(part[2:])):
        return "re" + verb
    return participle_verb(part) or {"drawn": "draw", "shown": "show", "given": "give",
                                     "taken": "take", "made": "make", "brought": "bring",
                                     "built": "build", "sent": "send", "held": "hold",
                                     "set": "set", "put": "put", "run": "run"}.get(part) or (
        _regular_base(part) if part.endswith("ed") else None)  # fmt: skip


def _regular_base(part: str) -> str:
    """ "circulated" → "circulate", "copied" → "copy", "planned" → "plan", "drafted" → "draft"."""
    stem = part[:-2]
    if part.endswith("ied"):
        return part[:-3] + "y"
    if len(stem) > 3 and stem[-1] == stem[-2] and stem[-1] not in "ls":
        return stem[:-1]  # "planned"
    if stem.endswith(
        ("at", "is", "iz", "ur", "v", "g", "c", "u", "ot", "ut", "as", "os", "us", "e")
    ):
        return stem + "e"  # "circulated", "revised", "noted"
    return stem


def _bg_verb(stem: str, ending: str) -> str:
    """ "прегледан" → "прегледа", "изпратен" → "изпрати", "съгласуван" → "съгласува"."""
    word = stem + ending
    for suffix, verb in BG_PARTICIPLE_ENDS:
        if word.endswith(suffix):
            return word[: -len(suffix)] + verb
    return word


# "Sending Boris the rota tomorrow", "Drafting the budget over the weekend, will share Monday":
# a diary's plan that starts with its verb (with a date; "Going", "Feeling" are no tasks).
GERUND_PLAN_RE = re.compile(
    r"^(?P<l>\W*)(?P<v>[A-Z][a-z]{2,}ing)\s+(?=[a-zA-Z])"
    # ("Introducing them is on me", "Sending the pic — that's mine": the clause reader's.)
    r"(?![^.;!?]*(?:\b(?:is|['’]s)\s+(?:on me|mine|my job|on my)|\bthat(?: one)?['’]s\s+mine))"
)


def _gerund_plan(m: re.Match) -> str:
    verb = ing_base(m.group("v").lower())
    if not verb or verb not in TASK_VERBS:
        return m.group(0)
    return f"{m.group('l')}I will {verb} "


def _subject(word: str) -> str:
    return {"me": "I", "us": "we both", "both of us": "we both", "him": "he",
            "her": "she"}.get(word.lower(), word)  # fmt: skip


# 'Oskar: "I'll do two simulator sessions"', 'you said: "I'll dig it out ..."', 'She has the
# script — "I'll send it tomorrow."': a participant's own words, quoted, promise something.
_QUOTED_I = (
    r"[\"“„](?:I['’]ll|I will|I['’]m going to|I am going to)\s+(?P<rest>[^\"”“]{3,150}?)[.!]?"
    r"[\"”“]"
)
QUOTED_SAID_RE = re.compile(
    r"\b(?P<subj>[A-Z][a-z'’-]+|[Hh]e|[Ss]he|[Yy]ou)\s+(?:said|says|replied|promised|told me)"
    r"\s*[:,]?\s*" + _QUOTED_I
)
QUOTED_AFTER_RE = re.compile(
    r"^(?P<lead>\W*)(?P<subj>[A-Z][a-z'’-]+|He|She)(?P<mid>\s*:|\s+[^\"“„:]{0,80}?\s[—–:-])\s*"
    + _QUOTED_I
)


def _quoted_promise(text: str, index: NameIndex | None) -> str:
    """The quoted promise told as the speaker's: 'Oskar: "I'll do X"' → "Oskar will do X",
    'She has the script — "I'll send it"' → "She has the script, and she will send it". Only
    a pronoun or one of the pair speaks; anyone else's words stay quoted."""
    for rx in (QUOTED_SAID_RE, QUOTED_AFTER_RE):
        m = rx.search(text)
        if not m:
            continue
        subj = m.group("subj")
        pronoun = subj.lower() in ("he", "she", "you")
        if not pronoun and not (index and index.resolve(subj)):
            continue
        # In the quote "you" is the one it was said to: the writer.
        rest = re.sub(r"\byour\b", "my", re.sub(r"\byou\b", "me", m.group("rest")))
        tail = text[m.end() :]
        if rx is QUOTED_SAID_RE:
            return f"{text[: m.start('subj')]}{subj} will {rest}.{tail}"
        mid = m.group("mid").strip(" :—–-")
        if not mid:
            return f"{m.group('lead')}{subj} will {rest}.{tail}"
        told = subj.lower() if pronoun else subj
        return f"{m.group('lead')}{subj} {mid}, and {told} will {rest}.{tail}"
    return text


def normalise(text: str, index: NameIndex | None, dated: bool, partner: str | None = None) -> str:
    """`text` with its commitment frames rewritten to "X will ..." / "X ще ..."; `dated` says
    whether the line has a due date (frames that often name a role, not a task, need one);
    `partner`, the writer's partner, is who "my mentee" / "менторът ми" is."""
    text = STUTTER_RE.sub(r"\1", FILLER_RE.sub("", text))
    if partner:
        name = partner.split()[0]
        text = MY_PARTNER_RE.sub(name, text)
        text = MY_PARTNER_BG_RE.sub(name, text)
    for pattern, repl, needs_date in SIMPLE_FRAMES:
        if dated or not needs_date:
            text = pattern.sub(repl, text)
    text = _pair_subject(text, index)
    text = _quoted_promise(text, index)
    if dated:
        text = GERUND_PLAN_RE.sub(_gerund_plan, text, count=1)
    text = CLEFT_RE.sub(lambda m: f"{m.group('subj')} will ", text)
    text = PERFECT_PROMISE_RE.sub(
        lambda m: f"{m.group('subj')} {m.group('verb').replace('signed up', 'agreed')} to ", text
    )
    text = PROMISED_THAT_RE.sub(lambda m: f"{m.group('who')} will ", text)
    # ("I've decided to", "I aim to" without a date are more wish than plan.)
    text = INTEND_RE.sub(
        lambda m: f"{m.group('subj')} will " if dated or m.group("intend") else m.group(0), text
    )
    text = STEP_RE.sub(lambda m: _step(m, index), text, count=1)
    text = BOTH_TO_RE.sub(lambda m: m.group("lead") + "We will both ", text, count=1)
    text = WILL_HAVE_RE.sub(lambda m: _will_have(m), text)
    m = PASSIVE_BY_RE.match(text)
    verb = m and _base(m.group("part"))
    if m and verb and _doer(m.group("who"), index):
        more = m.group("more").split()
        also = f" and {_base(more[1]) or more[1]} it" if more else ""
        thing = _lowered(m.group("thing"))
        # "... drafted by J. Clarke and circulated to the mentor by 6 March": "and circulate it".
        after = re.sub(
            r"^(\s+and\s+)([a-z]+(?:ed|en|wn|nt))\b",
            lambda a: f"{a.group(1)}{_base(a.group(2)) or a.group(2)} it",
            text[m.end() :],
        )
        text = (f"{m.group('lead')}{_subject(m.group('who'))} will {verb}{m.group('prt') or ''} "
                f"{thing}{also}{m.group('rest')}{after}")  # fmt: skip
    m = POSSESSED_PASSIVE_RE.match(text)
    verb = m and _base(m.group("part"))
    who = m and POSSESSIVE_SUBJECT.get(
        m.group("who").lower(), re.sub(r"['’]s$", "", m.group("who"))
    )
    if m and verb and dated and _doer(who, index):
        own = {"I": "my", "you": "your", "he": "his", "she": "her"}.get(who, "the")
        text = f"{m.group('lead')}{who} will {verb} {own} {m.group('thing')}{text[m.end() :]}"
    taken = _thing_then_whose(text, index)
    if taken != text:
        return _normalise_bg(taken, index, dated)
    if dated:
        m = (THING_IS_MINE_RE.match(text) or THING_THAT_MINE_RE.match(text)
             or THING_ON_ME_RE.match(text))  # fmt: skip
        who = m and _mine(m.group("who"), index)
        # ("I said I'd lend him the book — that one's mine": a clause, not a thing.)
        if who and not re.match(r"(?:I|we|he|she|you|they)\b", m.group("thing")):
            thing = _lowered(m.group("thing"))
            # ("— end of the month is fine": the date stays, the remark goes.)
            rest = re.sub(
                r"^\s*[—–]\s*(.*?)\s+(?:is|works|would be)\s+(?:fine|ok|okay|good)\b",
                r", \1",
                text[m.end() :],
            )
            text = f"{m.group('lead')}{who} will take on {thing}{rest}"
        text = LEAVE_WITH_ME_RE.sub(lambda m: f"I will take on {m.group('thing')}", text)
        m = TAKEN_ON_RE.search(text)
        if m and _doer(m.group("subj"), index):
            taken = f"{m.group('subj')} will take on {m.group('thing')}"
            text = f"{text[: m.start()]}{taken}{text[m.end() :]}"
    m = THING_DASH_YOURS_RE.match(text)
    if m:
        who = m.group("who").lower()
        thing = m.group("thing") or m.group("en")
        if re.match(r"[А-Я]", thing):
            thing = object_form(_lowered(thing))
            verb = "Ти ще поемеш" if who.startswith("тв") else "Аз ще поема"
        else:
            thing = _lowered(thing)
            verb = "you will take on" if who == "yours" else "I will take on"
        text = f"{m.group('lead')}{verb} {thing}{text[m.end() :]}"
    return _normalise_bg(text, index, dated)


def _normalise_bg(text: str, index: NameIndex | None, dated: bool) -> str:
    for pattern, repl, needs_date in SIMPLE_FRAMES_BG:
        if dated or not needs_date:
            text = pattern.sub(repl, text)
    text = BG_PROMISED_TO_RE.sub(lambda m: m.group("verb") + " да ", text)
    text = BG_AGREED_YOU_RE.sub(lambda m: m.group(1) + "ти ще ", text, count=1)
    m = BG_AGREED_ME_RE.search(text)
    # ("Миналия път се разбрахме да си водя дневник": agreed before, reported now.)
    earlier = m and re.search(r"[Мм]иналия път|[Пп]редния път|[Мм]иналата среща", text[: m.start()])
    if m and not earlier and bg_bare_person(m.group("verb")) == "1s":
        text = f"{text[: m.start()]}{m.group(1)}аз ще {text[m.end() :]}"
    m = BG_MINUTES_PASSIVE_RE.match(text)
    if m and index and index.resolve(m.group("who")):
        rest = re.sub(r"^\s*[–—-]?\s*в срок\s+", " ", text[m.end() :])  # "– в срок до ..."
        text = f"{m.group('lead')}{m.group('who')} да {m.group('task')}{rest}"
    text = BG_TOOK_ON_RE.sub(lambda m: f"{m.group('subj')} ще ", text)
    text = BG_TAKES_ON_RE.sub(lambda m: f"{m.group('subj')} ще поеме ", text, count=1)
    text = BG_STEP_RE.sub(lambda m: _bg_step(m, index), text, count=1)
    # "Ще гледам да прегледам ...", "ще се постарая да ...": I will.
    text = re.sub(r"(?<![\wА-Яа-я])([Щщ]е)\s+(?:гледам|гледаме)\s+да\s+(?=[а-я])", r"\1 ", text)
    if dated:  # ("Смятам да уча и италиански": without a date, a wish.)
        text = BG_I_PLAN_RE.sub(lambda m: m.group("lead") + "Ще ", text, count=1)
    m = BG_PASSIVE_RE.match(text)
    if m and index and index.resolve(m.group("who")):
        ending = text[m.end("part") : m.start("who")].split()[0]
        verb = _bg_verb(m.group("part"), re.sub(r"(?<=[нт])[аои]$", "", ending))
        thing = object_form(_lowered(m.group("thing")))
        text = f"{m.group('lead')}{m.group('who')} ще {verb} {thing}{text[m.end() :]}"
    if dated:
        m = BG_THING_FOR_RE.match(text)
        if m and (m.group("who")[0].islower() or (index and index.resolve(m.group("who")))):
            thing = object_form(_lowered(m.group("thing")))
            who = m.group("who")
            subj = {"мен": "Аз ще поема", "теб": "Ти ще поемеш", "него": "Той ще поеме",
                    "нея": "Тя ще поеме"}.get(who, f"{who} ще поеме")  # fmt: skip
            text = f"{m.group('lead')}{subj} {thing}{text[m.end() :]}"
    text = BG_TAKE_UP_RE.sub(
        lambda m: f"{m.group('subj')} ще се заеме с " if m.group("subj") else "Ще се заема с ", text
    )
    if dated:  # (in a chat, "давай, поемам справката" takes on the request before it)
        text = BG_I_TAKE_RE.sub(lambda m: m.group("lead") + "Ще поема ", text, count=1)
    text = BG_OWES_RE.sub(lambda m: f"{m.group('subj')} ще {m.group('clitic')} прати ", text)
    text = BG_I_OWE_RE.sub(
        lambda m: f"ще {'пратя' if m.group('we') == 'а' else 'пратим'} на {m.group('who')} ", text
    )
    return text


def _doer(who: str, index: NameIndex | None) -> bool:
    return who.lower() in ("i", "we", "you", "he", "she", "him", "her", "both of us", "us") or bool(
        index and index.resolve(who)
    )


def _will_have(m: re.Match) -> str:
    verb = _base(m.group("part"))
    return f"{m.group('subj')} will {verb} " if verb else m.group(0)


def _step(m: re.Match, index: NameIndex | None) -> str:
    who = m.group("for") or m.group("over")
    if who is None:
        poss = m.group("poss")
        who = {"my": "I", "his": "he", "her": "she", "your": "you", "our": "we both"}.get(
            poss.lower(), re.sub(r"['’]s?$", "", poss)
        )
    who = _subject(who)
    if not _doer(who, index):
        return m.group(0)
    return f"{m.group('lead')}{who} will "


def _bg_step(m: re.Match, index: NameIndex | None) -> str:
    poss = m.group(0).split()[0].lower().strip("—–-:*#> ")
    who = m.group("for")
    if m.group("mine"):
        who = "мен"
    elif who is None:
        who = {"моето": "мен", "моята": "мен", "твоето": "теб", "твоята": "теб",
               "неговото": "него", "неговата": "него", "нейното": "нея",
               "нейната": "нея"}.get(poss)  # fmt: skip
    lead = m.group("lead")
    if who == "мен":
        return lead + "Ще "
    if who == "нас":
        return lead + "Двамата ще "
    if who in ("теб", "него", "нея"):
        return lead + {"теб": "Ти ще ", "него": "Той ще ", "нея": "Тя ще "}[who]
    if who and index and index.resolve(who):
        return f"{lead}{who} ще "
    return m.group(0)


def asked_and_agreed(texts: list[str]) -> list[str]:
    """ "I asked whether you could move X." + "You said sure — within 10 days." → the first
    sentence reads "you will move X — within 10 days": a request, then its acceptance."""
    out = list(texts)
    for i in range(len(texts) - 1):
        asked, said = ASKED_WHETHER_RE.search(texts[i]), SAID_YES_RE.match(texts[i + 1])
        if asked and said and asked.group("who").lower() == said.group("who").lower():
            task = asked.group("task").rstrip(" ?")
            out[i] = (
                f"{texts[i][: asked.start()]}{asked.group('who')} will {task}{said.group('rest')}"
            )
    return out


# "Boris and I will ...", "you and I will ...", "Борис и аз ще ...": both participants.
PAIR_SUBJECT_RE = re.compile(
    # "Mr Hughes and Ms Nair are to walk ...": two names, titles and all.
    r"\b(?:(?:Mr|Mrs|Ms|Miss|Dr)\.?\s+)?(?P<e>[A-Z][a-z'’-]+)\s+(?:and|&)\s+"
    r"(?:(?:Mr|Mrs|Ms|Miss|Dr)\.?\s+)?(?P<f>[A-Z][a-z'’-]+)"
    r"(?=\s+(?:will|are to|are going to|agreed to|both)\b)|"
    r"\b(?:(?P<a>[A-Z][a-z'’-]+)\s+and\s+I|I\s+and\s+(?P<b>[A-Z][a-z'’-]+)|[Yy]ou\s+and\s+I)"
    r"(?=\s+(?:will|['’]ll|are going to|agreed to|plan to|both)\b)|"
    r"(?<![\wА-Яа-я])(?:(?P<c>[А-Я][а-я]+)\s+и\s+аз|[Аа]з\s+и\s+(?P<d>[А-Я][а-я]+)|"
    r"[Тт]и\s+и\s+аз)(?=\s+ще\s)"
)


def _pair_subject(text: str, index: NameIndex | None) -> str:
    m = PAIR_SUBJECT_RE.search(text)
    if not m:
        return text
    if m.group("e"):
        first, second = (index.resolve(m.group(g)) if index else None for g in ("e", "f"))
        if not (first and second and first != second):
            return text  # "Ana and Maria will ...": not the pair
        return text[: m.start()] + "We both" + text[m.end() :]
    name = m.group("a") or m.group("b") or m.group("c") or m.group("d")
    if name and not (index and index.resolve(name)):
        return text  # "Maria and I will ...": the writer with someone outside the pair
    both = "Двамата" if m.group(0)[-1] in "азАЗ" or m.group("c") or m.group("d") else "We both"
    if m.group(0).lower().startswith("ти"):
        both = "Двамата"
    return text[: m.start()] + both + text[m.end() :]
