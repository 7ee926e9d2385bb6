"""Find date expressions in English and Bulgarian text and resolve them against a session date."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, replace
from datetime import date, timedelta

WEEKDAYS = {
    "monday": 0, "mon": 0, "tuesday": 1, "tue": 1, "tues": 1, "wednesday": 2, "wed": 2,
    "weds": 2, "thursday": 3, "thu": 3, "thur": 3, "thurs": 3, "friday": 4, "fri": 4,
    "saturday": 5, "sat": 5, "sunday": 6, "sun": 6,
    "понеделник": 0, "вторник": 1, "сряда": 2, "четвъртък": 3, "петък": 4, "събота": 5,
    "неделя": 6, "четв": 3, "пон": 0,
}  # fmt: skip
MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
    "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sep": 9, "sept": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
    "януари": 1, "февруари": 2, "март": 3, "април": 4, "май": 5, "юни": 6, "юли": 7,
    "август": 8, "септември": 9, "октомври": 10, "ноември": 11, "декември": 12,
}  # fmt: skip
NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "couple of": 2, "a couple of": 2, "few": 3,
    "a few": 3, "един": 1, "една": 1, "едно": 1, "два": 2, "две": 2, "три": 3, "четири": 4,
    "пет": 5, "шест": 6, "седем": 7, "осем": 8, "девет": 9, "десет": 10,
}  # fmt: skip
UNIT_DAYS = {
    "day": 1, "days": 1, "week": 7, "weeks": 7, "wk": 7, "wks": 7, "ден": 1, "дни": 1,
    "дена": 1, "седмица": 7, "седмици": 7,
}  # fmt: skip
UNIT_MONTHS = {"month": 1, "months": 1, "mth": 1, "mths": 1, "месец": 1, "месеца": 1,
               "месеци": 1, "year": 12, "years": 12, "година": 12, "години": 12}  # fmt: skip

_WD = "|".join(sorted(WEEKDAYS, key=len, reverse=True))
_MON = "|".join(sorted(MONTHS, key=len, reverse=True))
_NUM = r"\d{1,2}|" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))
_UNIT = "|".join(sorted([*UNIT_DAYS, *UNIT_MONTHS], key=len, reverse=True))
ORDINAL_WORDS = {
    w: n
    for n, w in enumerate(
        "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth "
        "thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth "
        "twenty-first twenty-second twenty-third twenty-fourth twenty-fifth twenty-sixth "
        "twenty-seventh twenty-eighth twenty-ninth thirtieth thirty-first".split(),
        start=1,
    )
}
_ORDINAL_WORDS = "|".join(sorted(ORDINAL_WORDS, key=len, reverse=True))
_BG_UNITS = "първи втори трети четвърти пети шести седми осми девети".split()
_BG_TEENS = [
    f"{stem}{mid}"
    for stem in ("едина", "двана", "трина", "четирина", "петна", "шестна", "седемна", "осемна",
                 "деветна")
    for mid in ("й", "де")
]  # fmt: skip
# "до двайсети", "до двадесет и първи", "до трийсети": the day of the month in words.
BG_ORDINAL_WORDS = {
    **{w: n for n, w in enumerate(_BG_UNITS, start=1)},
    "десети": 10,
    **{f"{w}сети": 11 + i // 2 for i, w in enumerate(_BG_TEENS)},
    "двайсети": 20, "двадесети": 20, "трийсети": 30, "тридесети": 30,
    **{f"{tens} и {w}": base + n for tens, base in (("двайсет", 20), ("двадесет", 20))
       for n, w in enumerate(_BG_UNITS, start=1)},
    "трийсет и първи": 31, "тридесет и първи": 31,
}  # fmt: skip
ORDINAL_WORDS.update(BG_ORDINAL_WORDS)
_BG_ORDINAL_WORDS = "|".join(sorted(BG_ORDINAL_WORDS, key=len, reverse=True))

_B = r"(?<![\wА-Яа-я])"  # word start that also works for Cyrillic
_E = r"(?![\wА-Яа-я])"

# Order matters: longer, more specific patterns first; matches never overlap.
PATTERNS: list[tuple[str, re.Pattern]] = [
    ("iso", re.compile(_B + r"(\d{4})-(\d{1,2})-(\d{1,2})" + _E)),
    # ("Reply at 8.30", "8.30am": a time of day, not 30 August.)
    (
        "dmy",
        re.compile(
            _B + r"(?<![Aa]t )(\d{1,2})[./](\d{1,2})(?:[./](\d{2,4}))?(?:\s*г\.?)?"
            r"(?!\s*(?:am|pm|a\.m|p\.m|ч\.|часа)\b)" + _E
        ),
    ),  # fmt: skip
    (
        "day_month",
        re.compile(
            _B + r"(\d{1,2})(?:st|nd|rd|th|-?ти|-?ви|-?ри|-?ми)?(?:\s+of)?\s+(" + _MON + r")\.?"
            r"(?:,?\s+(\d{4}))?(?:\s*г\.?)?" + _E,
            re.I,
        ),
    ),
    (
        "month_day",
        re.compile(
            _B + r"(" + _MON + r")\.?\s+(\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(\d{4}))?" + _E, re.I
        ),
    ),
    (
        "end_of",
        re.compile(
            _B
            + r"(?:(?:the\s+)?end\s+of\s+(?:the\s+|this\s+)?(next\s+|nxt\s+)?"
            + r"(week|wk|month|mth|quarter|q[1-4]|"
            + _MON
            + r")|края\s+на\s+(следващ(?:ия|ата)\s+)?(седмицата|месеца|тримесечието|q[1-4]|"
            + _MON
            + r"))"
            + _E,
            re.I,
        ),
    ),
    ("eow", re.compile(_B + r"(EOW|EOD|EOM)" + _E)),
    (
        "early_next",
        re.compile(
            _B + r"(?:(?:early|beginning of|the start of)\s+next\s+week|"
            r"(?:в\s+)?началото\s+на\s+(?:следващата|другата)\s+седмица)" + _E,
            re.I,
        ),
    ),
    (
        "weekend",
        re.compile(
            _B + r"(?:over|this|by|at|during)\s+the\s+weekend|този уикенд|"
            r"през уикенда|до уикенда" + _E,
            re.I,
        ),
    ),
    (
        "next_session",
        re.compile(
            _B + r"((?:the\s+)?next\s+(?:session|meeting|time|catch-?up|call|1:1)|"
            r"следващ(?:ата|ия)\s+(?:среща|сесия|път|разговор))" + _E,
            re.I,
        ),
    ),
    (
        # "by Tuesday the 17th", "on Friday 3rd": the day of the month decides.
        "weekday_day",
        re.compile(
            _B + r"(?:" + _WD + r"),?\s+(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)(?!\w)" + _E, re.I
        ),
    ),
    (
        # "by the 15th", "on the 3rd", "до 20-ти": the next such day of a month. English needs
        # "the" and nothing noun-like after it ("the 3rd session" is not a date).
        "month_day_only",
        re.compile(
            # ("Owe A my draft → 20th": an arrow list gives the day after the arrow.)
            _B + r"(?:(?:the\s+|(?<=→\s)|(?<=->\s)|(?<=→))(\d{1,2})(?:st|nd|rd|th)(?!\w)"
            r"(?!\s+(?!(?:and|or|at|so|but|if|when|then|because|since|latest|he|she|i|we|they|"
            r"you|it|to|for|with|please|okay|ok|right|yeah|alright|that['’]s)\b)[a-z])"
            r"|(?<=(?:до|на)\s)(\d{1,2})-?(?:ти|ви|ри|ми|и)" + _E + r"|"
            # "до двайсети", "до двадесет и първи" (after "до" only: "на втори етаж" is a floor).
            r"(?<=до\s)("
            + _BG_ORDINAL_WORDS
            + r")(?:я)?"
            + _E
            + r"(?=\s*(?:[,.;:!?–—-]|$|(?:и|а|но|да|ще|че|или)"
            + _E
            + r"))|"
            # "by the thirtieth", "on the twenty-first": the ordinal in words.
            r"(?:(?<=by\s)|(?<=on\s)|(?<=before\s)|(?<=until\s)|(?<=till\s))the\s+("
            + _ORDINAL_WORDS
            # ("before the first job", "the first progress review": an ordinal, not a date.)
            + r")(?![\w-])(?!\s+(?!(?:and|or|at|so|but|if|then|of|to|for|please|okay|ok|right|"
            r"yeah|alright|that['’]s)\b)[a-z])" + r")",
            re.I,
        ),
    ),
    (
        # "the Friday after that", "петъка след това": a weekday after another stated due.
        "weekday_after",
        re.compile(
            _B + r"(?:the\s+)?(" + _WD + r")(?:а|я)?\s+(?:after\s+that|след\s+това)" + _E, re.I
        ),
    ),
    ("this_unit_bg", re.compile(_B + r"(тази\s+седмица|този\s+месец)" + _E, re.I)),
    (
        "weekday",
        re.compile(
            _B + r"(?:(this|next|coming|the following|last|този|тази|това|следващ(?:ия|ата|ото)|"
            r"другия|другата|миналия|миналата)\s+)?(?:week\s+on\s+)?(" + _WD + r")(?:а|я)?" + _E,
            re.I,
        ),
    ),
    (
        "relative",
        re.compile(
            _B
            # "в рамките на две седмици", "в срок от 10 дни": within, in Bulgarian.
            + r"(?:w/in|in|within|for the next|след|до|в\s+рамките\s+на|в\s+срок\s+от)\s+"
            + r"(?:the\s+next\s+)?("
            + _NUM
            + r")?\s*("
            + _UNIT
            + r")"
            + _E,
            re.I,
        ),
    ),
    ("from_now", re.compile(_B + r"(" + _NUM + r")\s+(" + _UNIT + r")\s+from\s+now" + _E, re.I)),
    ("fortnight", re.compile(_B + r"(?:in\s+)?a\s+fortnight" + _E, re.I)),
    (
        "next_unit",
        re.compile(
            _B + r"((?:next|nxt|this)\s+(week|wk|month|mth)|следващ(?:ата|ия)\s+(седмица|месец)|"
            # "сл. седм.": shorthand for "следващата седмица".
            r"другата\s+(седмица)|другия\s+(месец)|сл\.\s*(седм)\.?)" + _E,
            re.I,
        ),
    ),
    (
        "day_word",
        re.compile(
            _B + r"(day after tomorrow|tomorrow|tmrw|tmr|tmw|today|tonight|"
            r"вдругиден|утре|днес|довечера|"
            # "by end of day", "end of play", "COB": the session's own day.
            r"(?:the\s+)?end\s+of\s+(?:the\s+)?(?:day|play)(?!\s+(?:tomorrow|on|friday|monday))|"
            r"close\s+of\s+(?:business|play)|COB|края на деня)" + _E,
            re.I,
        ),
    ),
]

# A bare weekday right after a possessive or quantifier names a routine ("his Monday data
# pull", "the Monday export", "every Friday"), not a deadline.
ATTRIBUTIVE_RE = re.compile(
    r"\b(?:his|her|my|our|their|your|the|a|every|each|всеки|всяка|всяко)\s+$", re.I
)
RECURRING_RE = re.compile(
    r"s?\s*(?:and\s+\w+days?\s+)?(?:mornings|afternoons|evenings|nights)|s\b|\s+and\s+\w+day\b",
    re.I,
)
START_CUES = re.compile(r"(starting|start|from|beginning|as of|от|считано от)\W*$", re.I)
# Words just before a date that make it a deadline rather than a mention.
DEADLINE_CUES = re.compile(
    r"(by|before|until|till|no later than|due|deadline|до|преди|най-късно|срок)\W*(?:the\s+)?$",
    re.I,
)


@dataclass(frozen=True)
class DateMention:
    """A date expression found in text and what it resolves to (None: not a calendar date)."""

    start: int
    end: int
    text: str
    kind: str
    value: date | None
    deadline: bool


# A slash date without a year that lands this far ahead is likely month/day instead.
_FAR = timedelta(days=120)
_NEAR = timedelta(days=60)


def _next_weekday(ref: date, weekday: int, strictly_after: bool = True) -> date:
    """The first `weekday` after `ref` (or on it, when not strictly after)."""
    delta = (weekday - ref.weekday()) % 7
    if delta == 0 and strictly_after:
        delta = 7
    return ref + timedelta(days=delta)


def _end_of_month(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _add_months(ref: date, months: int) -> date:
    month0 = ref.month - 1 + months
    year, month = ref.year + month0 // 12, month0 % 12 + 1
    return date(year, month, min(ref.day, calendar.monthrange(year, month)[1]))


def _safe(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _upcoming(ref: date, month: int, day: int, year: int | None) -> date | None:
    """A day and month without a year: the next one on or after the session date."""
    if year:
        return _safe(year if year > 99 else 2000 + year, month, day)
    found = _safe(ref.year, month, day)
    if found and found < ref - timedelta(days=14):
        found = _safe(ref.year + 1, month, day)
    return found


def _number(word: str | None) -> int:
    if not word:
        return 1
    word = word.lower()
    return int(word) if word.isdigit() else NUMBER_WORDS.get(word, 1)


def _resolve(kind: str, m: re.Match, ref: date) -> date | None:
    """Turn one regex match into a date relative to `ref`."""
    g = [x.lower() if isinstance(x, str) else x for x in m.groups()]
    if kind == "iso":
        return _safe(int(g[0]), int(g[1]), int(g[2]))
    if kind == "dmy":
        day, month = int(g[0]), int(g[1])
        if month > 12 and day <= 12:  # US order "3/14"
            day, month = month, day
        found = _upcoming(ref, month, day, int(g[2]) if g[2] else None)
        if "/" in m.group(0) and not g[2] and day <= 12 and found and found - ref > _FAR:
            # "by 10/8" written on 1 October: the US reading (8 October) is the near one.
            us = _upcoming(ref, day, month, None)
            if us and us - ref <= _NEAR:
                return us
        return found
    if kind == "day_month":
        return _upcoming(ref, MONTHS[g[1]], int(g[0]), int(g[2]) if g[2] else None)
    if kind == "month_day":
        return _upcoming(ref, MONTHS[g[0]], int(g[1]), int(g[2]) if g[2] else None)
    if kind == "end_of":
        nxt = bool(g[0] or g[2])
        unit = g[1] or g[3]
        if unit in ("week", "wk", "седмицата"):
            friday = _next_weekday(ref, 4, strictly_after=False)
            return friday + timedelta(days=7 if nxt else 0)
        if unit in ("month", "mth", "месеца"):
            base = _add_months(ref, 1 if nxt else 0)
            return _end_of_month(base.year, base.month)
        if unit in ("quarter", "тримесечието"):
            q_end = ((ref.month - 1) // 3 + 1) * 3
            return _end_of_month(ref.year, q_end)
        if unit.startswith("q"):
            # "end of Q2": the quarter's last day, next year's once this year's has passed.
            q_end = _end_of_month(ref.year, int(unit[1]) * 3)
            return q_end if q_end >= ref else _end_of_month(ref.year + 1, int(unit[1]) * 3)
        month = MONTHS[unit]
        year = ref.year if month >= ref.month else ref.year + 1
        return _end_of_month(year, month)
    if kind == "eow":
        code = g[0]
        if code == "eod":
            return ref
        if code == "eow":
            return _next_weekday(ref, 4, strictly_after=False)
        return _end_of_month(ref.year, ref.month)
    if kind == "next_session":
        return None
    if kind == "weekday":
        mod, weekday = g[0] or "", WEEKDAYS[g[1]]
        if mod.startswith(("next", "следващ", "друг", "the following")):
            # "next Friday": the Friday of next calendar week.
            next_monday = ref + timedelta(days=7 - ref.weekday())
            return next_monday + timedelta(days=weekday)
        if mod in ("last", "миналия", "миналата"):
            return ref - timedelta(days=(ref.weekday() - weekday) % 7 or 7)
        return _next_weekday(ref, weekday, strictly_after=True)
    if kind in ("relative", "from_now"):
        n, unit = _number(g[0]), g[1]
        if unit in UNIT_MONTHS:
            return _add_months(ref, n * UNIT_MONTHS[unit])
        return ref + timedelta(days=n * UNIT_DAYS[unit])
    if kind == "early_next":
        return ref + timedelta(days=7 - ref.weekday())
    if kind == "weekend":
        return _next_weekday(ref, 6, strictly_after=False)
    if kind == "fortnight":
        return ref + timedelta(days=14)
    if kind == "next_unit":
        unit = next(x for x in g[1:] if x)
        this = g[0].startswith("this")
        if unit.lower() in ("week", "wk", "седмица", "седм"):
            # Due "next week": the Friday of next week; "this week": this Friday.
            if this:
                return _next_weekday(ref, 4, strictly_after=False)
            return ref + timedelta(days=7 - ref.weekday() + 4)
        nm = ref if this else _add_months(ref, 1)
        return _end_of_month(nm.year, nm.month)
    if kind in ("month_day_only", "weekday_day"):
        day = int(g[0] or g[1]) if (g[0] or g[1]) else ORDINAL_WORDS[(g[2] or g[3]).lower()]
        if not 1 <= day <= 31:
            return None
        for months in range(0, 3):
            base = _add_months(ref.replace(day=1), months)
            found = _safe(base.year, base.month, day)
            if found and found >= ref:
                return found
        return None
    if kind == "this_unit_bg":
        if g[0].startswith("тази"):
            return _next_weekday(ref, 4, strictly_after=False)
        return _end_of_month(ref.year, ref.month)
    if kind == "day_word":
        word = g[0]
        offset = {
            "tomorrow": 1,
            "tmrw": 1,
            "tmw": 1,
            "tmr": 1,
            "утре": 1,
            "day after tomorrow": 2,
            "вдругиден": 2,
        }
        return ref + timedelta(days=offset.get(word, 0))
    return None


def find_dates(text: str, ref: date | None, anchor: date | None = None) -> list[DateMention]:
    """All date expressions in `text`, in order; values are None when `ref` is unknown and
    the expression is relative; `anchor` is the due that "the Friday after that" follows."""
    taken: list[tuple[int, int]] = []
    found: list[DateMention] = []
    for kind, rx in PATTERNS:
        for m in rx.finditer(text):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            if kind == "relative" and not m.group(1) and m.group(0)[:4].lower() != "след":
                continue  # "in weeks" without a number is too vague
            if kind == "dmy" and not _plausible_dmy(m):
                continue
            if kind == "weekday" and RECURRING_RE.match(text, m.end()):
                continue  # "Tuesday and Thursday mornings": a habit, not a date
            if kind == "weekday" and not m.group(1) and ATTRIBUTIVE_RE.search(text[: m.start()]):
                continue  # "his Monday data pull", "every Monday": a label or habit, not a date
            if kind == "weekday" and m.group(2).lower() in ("sat", "sun", "wed"):
                # Short forms that are also ordinary words need a capital letter or a
                # deadline word before them ("by sat", "till wed").
                cued = re.search(r"\b(?:by|till|until|before|due|on|this|next)\s+$",
                                 text[: m.start(2)], re.I)  # fmt: skip
                if not (m.group(2)[0].isupper() or cued):
                    continue
            value = _resolve(kind, m, ref) if ref or kind in ("iso",) else None
            if kind == "weekday_after":
                base = anchor or ref
                value = _next_weekday(base, WEEKDAYS[m.group(1).lower()]) if base else None
            if ref is None and kind in ("dmy", "day_month", "month_day") and _has_year(m):
                value = _resolve(kind, m, date(2000, 1, 1))
            taken.append((m.start(), m.end()))
            cue = DEADLINE_CUES.search(text[max(0, m.start() - 20) : m.start()])
            found.append(DateMention(m.start(), m.end(), m.group(0), kind, value, bool(cue)))
    return sorted(found, key=lambda d: d.start)


def _has_year(m: re.Match) -> bool:
    return any(x and len(x) == 4 and x.isdigit() for x in m.groups())


def _plausible_dmy(m: re.Match) -> bool:
    """ "3.5" is a number, "12.03" a date: need a real day/month and no decimal context."""
    day, month = int(m.group(1)), int(m.group(2))
    if not (1 <= day <= 31 and 1 <= month <= 12) and not (1 <= month <= 31 and day <= 12):
        return False
    sep_dot = "." in m.group(0)
    if sep_dot and not 1 <= month <= 12:
        return False  # "Sat am (9.30)": a time; dotted dates are day.month, never month.day
    # "2.5 hours", "3.2 points": a dotted pair followed by a unit word is a number.
    tail = m.string[m.end() : m.end() + 12].lower()
    if sep_dot and not m.group(3) and re.match(r"\s*(h|hours?|%|x|points?|k|m|ч|часа|пъти)", tail):
        return False
    return len(m.group(2)) == 2 or m.group(3) is not None or not sep_dot


# "every Friday, starting this week": a routine whose first round is the deadline.
STARTING_RE = re.compile(
    r"\b(?:starting|from|beginning|as of)\b|(?<![\wА-Яа-я])(?:от|започвайки)\s", re.I
)
ROUTINE_RE = re.compile(
    r"(?:\bevery|\beach|(?<![\wА-Яа-я])всеки|(?<![\wА-Яа-я])всяка)\s+([\wа-я]+)", re.I
)


def _first_of_routine(text: str, ref: date | None) -> date | None:
    """The first weekday of a routine that the sentence says starts now."""
    m = ROUTINE_RE.search(text)
    if ref is None or not m or m.group(1).lower() not in WEEKDAYS:
        return None
    if not STARTING_RE.search(text):
        return None
    return _next_weekday(ref, WEEKDAYS[m.group(1).lower()])


def due_date(
    text: str, ref: date | None, anchor: date | None = None
) -> tuple[date | None, DateMention | None]:
    """The due date of an action sentence: a deadline-cued date, else the last date; a
    calendar date beats "the next session" ("before the next session on 12 February")."""
    mentions = find_dates(text, ref, anchor)
    if not mentions:
        return None, None
    # "starting next week" is when work begins, not when it is due.
    mentions = [d for d in mentions
                if not START_CUES.search(text[max(0, d.start - 15) : d.start])]  # fmt: skip
    if not mentions:
        return _first_of_routine(text, ref), None
    if ref is not None and any(d.value for d in mentions):
        mentions = [d for d in mentions if d.value or d.kind != "next_session"]
    # "by Friday 3 April": the calendar date right after a weekday is the one meant.
    spelled = []
    for d in mentions:
        if (spelled and spelled[-1].kind == "weekday" and d.kind != "weekday"
                and d.value and 0 <= d.start - spelled[-1].end <= 2):  # fmt: skip
            d = replace(d, deadline=d.deadline or spelled[-1].deadline)
            spelled[-1] = d
            continue
        spelled.append(d)
    mentions = spelled
    cued = [d for d in mentions if d.deadline]
    pick = cued[-1] if cued else mentions[-1]
    return pick.value, pick
