"""Pasted chats in notes: who writes each line, and requests the other person accepts
("can you look at the job description?" — "sure, will do tomorrow")."""

from __future__ import annotations

import re

from models.dates import find_dates
from models.lexical import content_words, stem
from models.names import NameIndex
from models.sentences import CHAT_HEADER_RES, CHAT_STAMP
from models.tasks import ing_base

CHAT_PREFIX_RE = re.compile(
    r"^\s*(?:(?P<stamp>"
    + CHAT_STAMP
    # "Пламен Г.: ...", "Mira K: ...": a surname may be an initial.
    + r")\s*)?(?P<who>@?[A-ZА-Я][\wА-Яа-я'’-]+(?:\s+[A-ZА-Я](?:[\wА-Яа-я'’-]+|\.)?)?"
    # "Деси 🌸: ...": an emoji after the name in a chat handle.
    r"(?=(?:\s*[\u2600-\u27bf\U0001f300-\U0001faff]\ufe0f?)*\s*(?:,?\s+\d{1,2}:\d{2}|\s*\(|:))|"
    # "boris.p: ...", "@boris: ...", "@борис", "b.petrov": a handle.
    r"@[a-zа-я][\w.-]*|[a-zа-я][a-zа-я0-9]*[._][a-zа-я0-9._]*[a-zа-я0-9]|"
    # "[10:02] борис: ...": after a time stamp, a name in lower case.
    r"(?<=\]\s)[a-zа-я][a-zа-я'’-]+|(?<=\])[a-zа-я][a-zа-я'’-]+)"
    # "Callum 12:41: ...", "Мария Илиева, 17:40: ...", "Boris (10:01): ...": the time between
    # the name and the colon.
    r"(?:\s*[\u2600-\u27bf\U0001f300-\U0001faff]\ufe0f?)*"
    r"(?:,?\s+\d{1,2}:\d{2}(?:\s*[AaPp][Mm])?|\s*\(\d{1,2}:\d{2}(?:\s*[AaPp][Mm])?\))?:\s+"
)
# "Иван  10:35" on its own line: a Slack-style header; the speaker holds the floor after it.
CHAT_HEADER_RE = re.compile(
    r"^\s*(?P<who>[A-ZА-Я][\wА-Яа-я'’-]+(?:\s+[A-ZА-Я][\wА-Яа-я'’-]+)?)\s+"
    r"\d{1,2}:\d{2}(?:\s*[AaPp][Mm])?(?![\d:])\s*"
)
# "can you look at ...?" asks the reader; "want to do a mock on Tuesday?" proposes to both.
REQUEST_RE = re.compile(
    # "for the second one can you add it ...?": a short lead-in may come first.
    # "do you want to own that one?" asks the reader; a bare "want to ...?" proposes to both.
    # ("👏 could you also pull ...?": an emoji may come first.)
    r"(?:(?:^|[.!,:;–—]\s+|(?<=[a-z])\s+|(?<=[^\w\s.,?])\s+)(?:(?:[Аа]|[Ии]|[Аа]ми)\s+)?"
    r"(?:ти\s+)?"  # "А ти можеш ли да ...?"
    r"(?:(?P<you>would you mind|"
    r"would you be able to|(?:is there )?any chance you could|are you able to|"
    r"(?:can|could) I ask you to|"
    r"do you have time to|is it possible for you to|(?<![\w\s])\s*mind|"
    r"(?:can|could|would|will) you(?:\s+please)?|do you want to|можеш ли да|ще можеш ли да|"
    # "Може ли да ми пратиш ...?" asks the reader ("Може ли да дойда?" asks leave: not here).
    r"може ли да(?=\s+(?:(?:ми|ни|му|ѝ|им|го|ги|я|се|си)\s+){0,2}[а-я]+ш(?![а-я]))|"
    # "Би ли ми пратила графика ...?": would you (a participle follows).
    r"би ли(?:\s+могла| могъл)?(?:\s+да)?(?=\s+(?:(?:ми|ни|му|ѝ|им|го|ги|я|се|си)\s+){0,2}"
    r"[а-я]+(?:л|ла|ли|ш)(?![а-я])))|(?P<we>want to|shall we|should we|let['’]s|"
    r"искаш ли да))|"
    # "... да направим демо заедно?": "да" + a first-person plural verb proposes to both.
    r"(?<![\wА-Яа-я])(?P<we_bg>да)(?=\s+[а-я]+(?:им|ем|ме)(?![\wА-Яа-я])))\s+"
    r"(?P<task>[^?]+)\?",
    re.I,
)
# "Ще направиш ли справката ...?" asks the reader as "можеш ли да направиш ...?" does.
BG_WILL_YOU_RE = re.compile(
    r"(?<![\wА-Яа-я])[Щщ]е\s+((?:ми|ни|му|ѝ)\s+)?([а-я]+(?:иш|еш|аш|яш))\s+ли\s+"
)


def _request(text: str) -> re.Match | None:
    return REQUEST_RE.search(BG_WILL_YOU_RE.sub(r"можеш ли да \1\2 ", text))


# "И още нещо: подготви кратка инструкция за гишето ...": an order with no date, which the
# other person may take on a few messages later ("За инструкцията: ок, до 20-ти").
ORDER_RE = re.compile(
    r"^(?:[^:.!?]{0,25}:\s*)?(?P<task>(?:подготви|направи|прати|изпрати|напиши|провери|прочети|"
    r"обади се|свържи|намери|питай|попитай|виж|draft|prepare|write|send|check|review|read|"
    r"update|book|call|ring|email|ask|put together|pull together|find)\s[^.!?]{6,})"
)


ACCEPT_RE = re.compile(
    r"^\s*(?:(?:sure|yes|yep|yeah|ok|okay|of course|will do|deal|sounds good|on it|no problem|"
    r"np|no worries|consider it done|can do|I['’]ll do it|I will|I can|leave it with me|"
    r"happy to|absolutely|certainly|definitely|got it|roger|да|добре|разбира се|става|дадено|"
    r"ок|окей|няма проблем|ще го направя|ще го пратя|ще ги пратя|поемам|ясно|разбрах)"
    r"(?![\wА-Яа-я])|"
    # "👍 monday works", "works for me": a thumbs-up or "works" agrees too.
    r"(?:👍|👌|✅)|(?:[a-z]+\s+)?works\b)",
    re.I,
)


# "Q (Mat): Could you send me ...?", "A (Ingrid): Sure — tonight": a Q&A note names who asks
# and who answers, as a chat does.
_QA_ROLE = r"^\s*(?P<role>Q|A|В|О|Въпрос|Отговор)\s*"
QA_SPEAKER_RE = re.compile(_QA_ROLE + r"\((?P<who>[A-ZА-Я][\wА-Яа-я'’. -]{0,30})\)\s*:\s+")


# "Q: Which lenders ...?" after "Q (Olly): ...": the same asker (and "A:" the same answerer).
QA_ROLE_RE = re.compile(_QA_ROLE + r"(?:\((?P<who>[^()]{1,30})\))?\s*:\s+")


def _chat_line(text: str) -> re.Match | None:
    for rx in (CHAT_PREFIX_RE, CHAT_HEADER_RE, *CHAT_HEADER_RES, QA_SPEAKER_RE):
        m = rx.match(text)
        if m:
            return m
    return None


def _speaker(handle: str, index: NameIndex) -> str | None:
    """A chat handle's participant; a handle in lower case ("nik", "деси") is a name too."""
    return index.resolve(handle) or (
        index.resolve(handle.capitalize()) if handle.islower() else None
    )


def _other_handle(lines: list[re.Match | None], index: NameIndex) -> dict[str, str]:
    """ "Мими Лозенец:" and "Краси Г.:" in a two-person chat where only "Краси" names a
    participant: the other handle is the other participant (a stamped chat line each)."""
    if not index or len(index.participants) != 2:
        return {}
    handles = {m.group("who") for m in lines if m and m.groupdict().get("stamp")}
    if len(handles) != 2:
        return {}
    named = {h: _speaker(h, index) for h in handles}
    known = {p for p in named.values() if p}
    if len(known) != 1:
        return {}
    other = next(p for p in index.participants if p not in known)
    return {h: other for h, p in named.items() if p is None}


def chat_speakers(texts: list[str], index: NameIndex, is_task) -> list[str | None]:
    """Who writes each sentence of a pasted chat ("[10:02] Hana: thanks! I'll ..."): a
    speaker holds the floor until the next one; all None when the note is not a chat.
    `is_task(text)` tells "Lena: cut the CV" (a task for Lena) from Lena talking."""
    found = []
    lines = [_chat_line(text) for text in texts]
    others = _other_handle(lines, index)
    roles: dict[str, str] = {}  # "Q"/"A" → who asked / answered with a name last
    for text, m in zip(texts, lines, strict=True):
        who = _speaker(m.group("who"), index) if m and index else None
        who = who or (others.get(m.group("who")) if m else None)
        qa = QA_ROLE_RE.match(text)
        if qa and who:
            roles[qa.group("role")] = who
        elif qa and not qa.group("who") and index:
            who = roles.get(qa.group("role"))
        # ("Boris: can you send me the rota?", "Ana: sure": a question or a yes is a speaker's
        # line, not a task listed for that person.)
        said = message(text).strip()
        # ("Стоян: да опише причините ..." is a minutes line: "да" + a verb, not a yes.)
        yes = ACCEPT_RE.match(said) and not re.match(r"\W*да\s+[а-я]", said, re.I)
        spoken = said.endswith("?") or yes
        found.append(who if who and (spoken or not is_task(text)) else None)
    if len({w for w in found if w}) < 2:
        return [None] * len(texts)
    out, current = [], None
    for who in found:
        current = who or current
        out.append(current)
    return out


def message(text: str) -> str:
    """The words of a chat line without its time stamp and speaker."""
    m = _chat_line(text)
    return text[m.end() :] if m else text


def header_only(text: str) -> bool:
    """ "Иван  10:35", "[18/05/2026 16:31] Beatriz Almeida": who writes next, no message."""
    return _chat_line(text) is not None and not message(text).strip()


# "ok Leeds moved. Count me in for Thursday", "And yes pipeline by EOD 👍": agreeing later,
# after other messages, names the thing agreed to or says "count me in".
LATE_ACCEPT_RE = re.compile(
    r"(?:count me in|i['’]m in\b|(?:^|[\s,.!])(?:and\s+)?(?:yes|yep|sure|ok)\b(?!\s*\?)|"
    r"will do\b|i['’]ll take it|on it\b|on me\b|leave it with me|👍|"
    r"(?<![\wА-Яа-я])(?:добре|става|дадено|ок|окей|поех|поемам|давай)(?![\wА-Яа-я])|"
    # ("да" only opening the message: "... къде да седнат" is the particle, not a yes.)
    r"(?:^|:\s)\W*да(?![\wА-Яа-я]))",
    re.I,
)
DECLINE_RE = re.compile(r"^\W*(?:no\b|nope\b|not\s|can['’]t\b|не(?:\s|,|$)|няма как)", re.I)
LATE_TURNS = 6  # how many of the other person's messages a question stays open for


# A moment to check before answering: "let me check", "give me a sec", "чакай да видя".
HOLD_RE = re.compile(
    r"^\W*(?:let me (?:check|see|look)|give me a (?:sec|second|minute|min)|hang on|one sec|"
    r"hm+|хм+|чакай|момент|секунда|дай да (?:видя|погледна)|да видя)(?![\wА-Яа-я])|"
    # "Хм, петък ми е натоварен...": a thought trailing off before the answer.
    r"[^?]*(?:\.\.\.|…)\s*$",
    re.I,
)
# "Sorry, was on the desk. Yes, ...", "Извинявай, бях на гишето. Да, ...": an apology first.
APOLOGY_RE = re.compile(
    r"^\W*(?:sorry|apologies|извинявай|извинете|сорка)\b[^.!?]*(?:[.!?]+\s*|$)", re.I
)


def accepted_requests(texts: list[str], speakers: list[str | None]) -> list[tuple[int, int]]:
    """(question, answer) sentence numbers where one chat speaker asks or proposes something
    and the other agrees: in the next turn ("sure, will do"), or a few messages later in
    words that name it ("Count me in for Thursday" to "want to come on Thursday?")."""
    out = []
    # Open questions: [sentence, asker, the other's turns since, the words it asks about].
    pending: list[list] = []
    last = None
    for i, (text, who) in enumerate(zip(texts, speakers, strict=True)):
        if who is None or not message(text).strip():
            continue  # not a chat line, or a header line whose message follows
        said = message(text)
        if pending and who != pending[-1][1]:
            turn = who != last
            plain = APOLOGY_RE.sub("", said)  # "Извинявай, бях на гишето. Да, ще ти я пратя"
            clarified = pending[-1][4] and pending[-1][2] <= 2
            if ACCEPT_RE.match(plain) and ((turn and pending[-1][2] == 0) or clarified):
                out.append((pending.pop()[0], i))
            elif DECLINE_RE.match(said) and pending[-1][2] == 0:
                pending.pop()
            else:
                # "Колко кратък?", "Чакай да си видя графика...": a question back or a moment
                # to check keeps the request open for the yes that follows.
                if not (said.rstrip().endswith("?") or HOLD_RE.match(said) or not plain.strip()):
                    pending[-1][4] = False
                words = {stem(w) for w in content_words(said)}
                for open_q in reversed(pending):
                    if open_q[1] != who and LATE_ACCEPT_RE.search(said) and words & open_q[3]:
                        out.append((open_q[0], i))
                        pending.remove(open_q)
                        break
                for open_q in pending:
                    open_q[2] += turn
                pending = [q for q in pending if q[2] < LATE_TURNS]
        # (A dated order is an item of its own already: "send it to me by Monday".)
        order = (not text.rstrip().endswith("?") and ORDER_RE.match(said.strip())
                 and not find_dates(said, None))  # fmt: skip
        if (text.rstrip().endswith("?") and _request(said)) or order:
            asked = {stem(w) for w in content_words(request_task(text)[0])}
            pending.append([i, who, 0, asked, True])
        last = who
    return sorted(out)


def request_task(question: str) -> tuple[str, bool] | None:
    """The task a chat question asks for, and whether it is for both ("want to ...?")."""
    m = _request(message(question))
    if m:
        return _asked_form(m.group("task")), bool(m.group("we") or m.group("we_bg"))
    order = ORDER_RE.match(message(question).strip())
    return (order.group("task"), False) if order else None


PARTICIPLE_BG_RE = re.compile(
    r"^((?:(?:ми|ни|му|ѝ|им|го|ги|я|се|си)\s+){0,2})([а-я]+?)([аия])(?:л|ла|ли)(?![а-я])"
)


def _asked_form(task: str) -> str:
    """ "sending me the rota" (after "would you mind") → "send me the rota"; "ми пратила
    графика" (after "би ли") → "ми пратиш графика", as after "можеш ли да"."""
    first = re.match(r"([a-z]+ing)\b", task)
    base = first and ing_base(first.group(1))
    if base:
        return base + task[first.end() :]
    return PARTICIPLE_BG_RE.sub(_second_person, task, count=1)


def _second_person(m: re.Match) -> str:
    """ "пратила" → "пратиш"; "написала" → "напишеш", "казала" → "кажеш" (с/з turn to ш/ж)."""
    stem, vowel = m.group(2), m.group(3)
    if vowel == "а" and stem[-1:] in ("с", "з"):
        return f"{m.group(1)}{stem[:-1]}{'ш' if stem[-1] == 'с' else 'ж'}еш"
    return f"{m.group(1)}{stem}{vowel}ш"
