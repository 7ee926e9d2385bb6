"""Split Markdown notes and meeting transcripts into sentences with their character spans."""

from __future__ import annotations

import bisect
import csv
import re
from dataclasses import dataclass

from models.tasks import TASK_VERBS

# Tokens that end with a full stop without ending a sentence (lowercase, no dot).
ABBREVIATIONS = {
    # English
    "ep",
    "eps",
    "vol",
    "mr",
    "mrs",
    "ms",
    "dr",
    "prof",
    "sr",
    "jr",
    "st",
    "vs",
    "etc",
    "e.g",
    "i.e",
    "eg",
    "ie",
    "approx",
    "incl",
    "inc",
    "ltd",
    "co",
    "no",
    "nos",
    "fig",
    "dept",
    "est",
    "min",
    "max",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "mon",
    "tue",
    "tues",
    "wed",
    "thu",
    "thur",
    "thurs",
    "fri",
    "sat",
    "sun",
    "a.m",
    "p.m",
    "cf",
    "al",
    "re",
    # Bulgarian
    "г",
    "гр",
    "напр",
    "т.е",
    "т.н",
    "др",
    "ул",
    "бул",
    "кв",
    "ж.к",
    "жк",
    "обл",
    "общ",
    "пл",
    "ген",
    "арх",
    "гл",
    "чл",
    "ал",
    "проф",
    "д-р",
    "инж",
    "стр",
    "бр",
    "мин",
    "ч",
    "вкл",
    "млн",
    "хил",
    "хиляди",
    "изт",
    "зап",
    "доц",
    "акад",
    "вж",
    "бел",
    "ян",
    "фев",
    "апр",
    "авг",
    "септ",
    "окт",
    "ноем",
    "дек",
    "пон",
    "вт",
    "ср",
    "чет",
    "пет",
    # Note-taking shorthand: "табл. с брака", "седм.", "прибл.", "отг.", "рег.", "тел.".
    "табл",
    "седм",
    "мес",
    "прибл",
    "отг",
    "рег",
    "тел",
    "сл",
    "св",
}

# Of those, the ones that commonly end a sentence when a capital follows.
FINAL_ABBREVIATIONS = {"etc", "г", "ч", "мин", "т.н", "др", "inc", "ltd", "co", "a.m", "p.m"}

HEADING_RE = re.compile(r"^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$")
BOLD_HEADING_RE = re.compile(r"^\s*(?:\*\*|__)([^*_]{2,60}?)(?:\*\*|__)\s*:?\s*$")
# Up to ~60 characters: "Homework for Lin (from the session with Marek, 2026-01-27):".
COLON_HEADING_RE = re.compile(r"^\s*([^\s:.!?][^:.!?]{1,60}):\s*$")
# Terse notes use arrows as list markers ("→ Lena: cut CV to 2 pages").
# "a." / "b)" letter sub-items in shared docs too.
BULLET_RE = re.compile(
    r"^(\s*)(?:[-*+•–]|->|=>|[→⇒]|\d{1,2}[.)]|[a-hа-е][.)](?=\s+\S))\s+(\[[ xX]\]\s+)?"
)
# Org-mode: "** TODO Book the course", then "   DEADLINE: <2026-03-31 Tue>" under it.
ORG_ITEM_RE = re.compile(r"^\*+\s+(?P<kw>TODO|NEXT|DONE|WAITING|SOMEDAY|CANCELL?ED)\s+")
ORG_PLANNING_RE = re.compile(r"\s*(?:DEADLINE|SCHEDULED):\s*<(\d{4}-\d{2}-\d{2})[^>]*>")
# Status emoji used as boxes: "✅ done", "🔲 open", "⏳ waiting on someone".
EMOJI_BOX_RE = re.compile(r"^(?P<box>✅|☑|✔|☐|⬜|🔲|⏳)\ufe0f?\s*")
# A table cell that says whether an item is still on ("Completed", "Done — sent 2 Feb",
# "ONLY if the re-cut works, maybe"); other cells (bucket, notes) are left out of the item.
DONE_WORDS = r"done|completed|closed|готово|свършено|приключено|изпълнено"
MAYBE_WORDS = r"only if|maybe|perhaps|само ако|може би"
STATUS_CELL_RE = re.compile(
    rf"^[✅✔☑❌\s]*(?:(?:{DONE_WORDS}|cancell?ed|booked|насрочена|for info|за сведение|not ours|"
    rf"не е наш[аео]?)(?![\wА-Яа-я])|$)|^\s*[✅✔☑]\s*\w|\b(?:{MAYBE_WORDS}|if|ако)\b",
    re.I,
)
# Column headers of an action table.
COLUMN_RES = {
    "owner": re.compile(r"(?i)who|owner|responsible|assignee|assigned to|отговорник|отговаря|кой"),
    # ("What was said", "What we agreed", "Agreed action", "Какво се разбрахме" name it too.)
    "task": re.compile(
        r"(?i)what(?:\s+(?:was\s+)?(?:said|agreed|decided)|\s+we\s+(?:agreed|decided)|"
        r"\s+to\s+do)?|(?:agreed\s+)?actions?|task|task name|item|title|next steps?|действие|"
        r"задача|какво(?:\s+(?:се\s+)?(?:разбрахме|реши|решихме|договорихме|уговорихме))?"
    ),
    "due": re.compile(r"(?i)when|due|due date|deadline|by when|date|срок|кога|до кога|дата"),
}
# Markdown table rows ("| Kenji | Submit the abstract | 20 Apr |") and the rule under a header.
TABLE_ROW_RE = re.compile(r"^\s*\|.*\|\s*$")
TABLE_RULE_RE = re.compile(r"^\s*:?-{3,}:?\s*$")
# The time stamp of a pasted chat line: "[10:02]", WhatsApp's "[22/04/2026, 19:02]" and
# "[29.04.26 21:18]", its Android export "22/04/2026, 19:02 - ", Teams' "[2026-04-22 7:02 PM]".
CHAT_STAMP = (
    r"(?:\[(?:[\d./-]{3,10}(?:\s*г\.)?,?\s+)?\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AaPp]\.?[Mm]\.?)?\]|"
    r"\d{1,2}[./]\d{1,2}[./]\d{2,4},?\s+\d{1,2}:\d{2}(?:\s*[AaPp][Mm])?\s+[-–]\s|"
    # Signal/phone exports: "19:41  Zoe: ..." (a bare time, then a name and a colon).
    r"\d{1,2}:\d{2}(?:\s*[AaPp][Mm])?\s+"
    r"(?=[A-ZА-Я][\wА-Яа-я'’-]*(?:\s+[A-ZА-Я][\wА-Яа-я'’-]*\.?)?:\s))"
)
# A chat export's header line: a stamp and a name, the message on the lines below.
CHAT_HEADER_LINE_RE = re.compile(
    r"^\s*"
    + CHAT_STAMP
    # Teams writes "Nowak, Bartłomiej": the surname first.
    + r"\s*(?P<who>[A-ZА-Я][\wА-Яа-я'’-]+(?:,?\s+[A-ZА-Я][\wА-Яа-я'’-]+){0,2})\s*$"
)
# Telegram's header line: the name first, then the stamp ("Даниела Петрова, [20.10.2026 18:52]");
# LinkedIn's and Messenger's: "Fiona Reid, 4:41 PM".
# Telegram's: "Мариела Георгиева, 17:41", "@kaloyan_qa, 17:40".
CHAT_NAME_FIRST_RE = re.compile(
    r"^\s*(?P<who>[A-ZА-Я][\wА-Яа-я'’-]+(?:\s+[A-ZА-Я][\wА-Яа-я'’-]+){0,2}(?:\s+[A-ZА-Я]\.)?|"
    r"@[\w.]{2,30}),?\s*"
    r"(?:\[(?:[\d./-]{6,10},?\s+)?\d{1,2}:\d{2}(?::\d{2})?\]|"
    r"(?<=,\s)\d{1,2}:\d{2}(?:\s*[AaPp]\.?[Mm]\.?)?)\s*$"
)
# Slack's: "**Калина Петрова**  16:05", "Kwame Mensah  10:05 AM", "**dec_ops** [10:02]" (a name,
# bold or not, and a time).
# Discord's: "**Kenji Watanabe** — Today at 16:02", "Lucía Ortega — 19/03/2026 16:03".
SLACK_HEADER_RE = re.compile(
    r"^\s*(?:\*\*)?(?P<who>[A-ZА-Я][\wА-Яа-я'’.-]+(?:\s+[A-ZА-Я][\wА-Яа-я'’.-]+){0,2}|"
    r"[a-z]{2,}[._][a-z0-9._]{1,20})(?:\s+\([^()]{1,30}\))?(?:\*\*)?"  # "**kwame.o** 10:05"
    # (or "**owen.b (Coach O)** 4:02 PM", a display name in brackets)
    r"(?:\s+[—–-]\s+(?:(?:Today|Yesterday)\s+at\s+|[\d./-]{6,10}\s+)?|\s+)"
    r"(?:\d{1,2}:\d{2}(?:\s*[AaPp]\.?[Mm]\.?)?|\[\d{1,2}:\d{2}(?:\s*[AaPp]\.?[Mm]\.?)?\])\s*$"
)
# Discord with display names: "vikito (Виктория) · 25.11.2026 18:31", the name in brackets.
HANDLE_NAME_HEADER_RE = re.compile(
    r"^\s*[\w.@-]{2,30}\s+\((?P<who>[A-ZА-Я][\wА-Яа-я'’-]+(?:\s+[A-ZА-Я][\wА-Яа-я'’.-]+)?)\)"
    r"\s*[·•|—–-]\s*(?:[\d./-]{6,10},?\s+)?\d{1,2}:\d{2}(?:\s*[AaPp]\.?[Mm]\.?)?\s*$"
)
# Zoom's chat export: "17:02:41 From Ingrid Sørensen to Everyone:", the message on the next line.
ZOOM_HEADER_RE = re.compile(
    r"^\s*\d{1,2}:\d{2}:\d{2}\s+From\s+(?P<who>[^\s:][^:]{0,60}?)\s+to\s+[^:]{1,40}:\s*$"
)
# Lines that only say who writes the chat message on the lines below them.
CHAT_HEADER_RES = (
    CHAT_HEADER_LINE_RE,
    CHAT_NAME_FIRST_RE,
    ZOOM_HEADER_RE,
    SLACK_HEADER_RE,
    HANDLE_NAME_HEADER_RE,
)
# A pasted chat line ("[10:02] Hana: ...") always starts a new sentence.
CHAT_STAMP_RE = re.compile(r"^\s*(?:\*\*|__)?" + CHAT_STAMP)  # "**[18:02] m.dubois:** ..." too
SPEAKER_RE = re.compile(r"^\s*\((PERSON\d+|[A-Z][\w .'-]{0,30})\)\s*")
RULE_RE = re.compile(r"^\s*(?:[-*_]\s*){3,}$")
BLANK_LINE_RE = re.compile(r"\n[ \t]*\n")
TAG_RE = re.compile(r"</?[a-zA-Z][^>]*?/?>|\{[a-z_]+\}")
INLINE_MD_RE = re.compile(r"(\*\*|__|`)")
# "*Action:* MK to compile ...": single-asterisk emphasis (a bullet's "* " has a space after it).
EMPHASIS_RE = re.compile(r"(?<![*\w])\*(?=\S)([^*\n]{1,60}?)(?<=\S)\*(?![*\w])")
LINK_RE = re.compile(r"\[([^\]]+)\]\([^)]+\)")
# A terminal mark, optional closing quotes/brackets, then whitespace.
BOUNDARY_RE = re.compile(r"([.!?…]+)([\"'”’»)\]]*)(\s+)")
LETTER_RE = re.compile(r"[A-Za-zА-Яа-я0-9]")


@dataclass(frozen=True)
class Sentence:
    """One sentence: clean text, its span in the raw note, and where it sits."""

    text: str
    start: int
    end: int
    section: str = ""
    bullet: bool = False
    speaker: str | None = None
    checkbox: bool = False
    checked: bool = False  # a ticked box ("- [x] ..."): already done
    continued: bool = False  # a list item's second or later sentence
    owner_cell: bool = False  # a table row whose first cell is its owner column


def _clean(raw: str) -> str:
    """Drop inline Markdown and transcript tags but keep the words; an org-mode "DEADLINE:
    <2026-03-31 Tue>" reads "by 2026-03-31"."""
    text = ORG_PLANNING_RE.sub(lambda m: f" by {m.group(1)}", raw)
    text = LINK_RE.sub(r"\1", text)
    text = TAG_RE.sub(" ", text)
    text = INLINE_MD_RE.sub("", text)
    text = EMPHASIS_RE.sub(r"\1", text)
    text = re.sub(r"\s+([,.!?;:])", r"\1", text)  # transcripts tokenised as "word ."
    return re.sub(r"\s+", " ", text).strip()


def _is_abbreviation(chunk: str) -> bool:
    """True when the word before a full stop is an abbreviation, initial or ordinal."""
    word = re.split(r"[\s(\"'“„]", chunk.rstrip("."))[-1].lower()
    if not word:
        return False
    if word in ABBREVIATIONS:
        return True
    # Single letters are initials ("J. Smith", "М.С."); bare numbers are ordinals or "12. March".
    if re.fullmatch(r"(?:[^\W\d_]\.)+[^\W\d_]", word):
        return True
    return (len(word) == 1 and word.isalpha()) or (word.isdigit() and len(word) <= 2)


def _ends_sentence_ok(chunk: str) -> bool:
    """Abbreviations that often close a sentence ("etc.", "2024 г.") before a capital."""
    word = re.split(r"[\s(\"'“„]", chunk.rstrip("."))[-1].lower()
    return word in FINAL_ABBREVIATIONS or word.isdigit()


def _split_span(text: str, base: int) -> list[tuple[int, int]]:
    """Split one paragraph (already one logical unit) into sentence spans."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in BOUNDARY_RE.finditer(text):
        end = m.end(2)
        if ")" in m.group(2) and text[m.end(3) : m.end(3) + 1].islower():
            continue  # "(timed!) by the 15th": the mark closes an aside, not the sentence
        if re.fullmatch(r"\s*\([^()]{1,30}\)\s*", text[m.end(3) :]):
            continue  # "... to the lab tomorrow. (me)": the tag belongs to the sentence
        if m.group(1) == "." and _is_abbreviation(text[start : m.start(1)]):
            nxt = text[m.end(3) : m.end(3) + 1]
            if not (nxt.isupper() and _ends_sentence_ok(text[start : m.start(1)])):
                continue
        if text[start:end].strip():
            spans.append((start, end))
        start = m.end(3)
    if text[start:].strip():
        spans.append((start, len(text)))
    out = []
    for s, e in (part for span in spans for part in _run_on_parts(text, *span)):
        # Trim whitespace so spans point at the visible words.
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        out.append((base + s, base + e))
    return out


# Where a voice memo transcribed without punctuation turns to the next thing: "so", "um",
# "okay", "anyway", "what else", "also", "ами", "значи", "какво още", "ъъ".
RUN_ON_BREAK_RE = re.compile(
    r"\s+(?=(?:um|uh|so|okay|ok|anyway|what else|right so|oh and|also|and then|"
    r"ъъ+|ами|значи|добре|какво още|и още|друго)\b)",
    re.I,
)
RUN_ON_WORDS = 60  # a "sentence" this long with no full stop is a run-on transcript
RUN_ON_MIN_PART = 8  # words; shorter pieces stay with the one before


def _run_on_parts(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """A run-on stretch of a spoken note split where the speaker moves on, so that each
    commitment, hedge or date is read in its own piece; any other span as it is."""
    if len(text[start:end].split()) < RUN_ON_WORDS:
        return [(start, end)]
    cuts = [start + m.start() for m in RUN_ON_BREAK_RE.finditer(text[start:end])]
    parts, begin = [], start
    for cut in cuts:
        if len(text[begin:cut].split()) >= RUN_ON_MIN_PART:
            parts.append((begin, cut))
            begin = cut
    if parts and len(text[begin:end].split()) < RUN_ON_MIN_PART:
        begin = parts.pop()[0]  # a short tail joins the piece before it
    parts.append((begin, end))
    return parts


def _heading(line: str) -> str | None:
    """The heading text when the line is a heading ("# X", "**X**", "Next steps:")."""
    for rx in (HEADING_RE, BOLD_HEADING_RE, COLON_HEADING_RE):
        m = rx.match(line)
        if m:
            return _clean(m.group(1)).rstrip(":").strip()
    return None


def _list_title(lines: list[str], i: int) -> str | None:
    """ "AIs", "Задачи", "Action items": a short unpunctuated line on its own, right above a
    list, titles the list like a heading even without a colon."""
    body = lines[i].strip()
    prev = lines[i - 1].strip() if i else ""
    nxt = lines[i + 1] if i + 1 < len(lines) else ""
    if prev or not BULLET_RE.match(nxt) or BULLET_RE.match(lines[i]):
        return None
    if len(body.split()) > 4 or len(body) > 40 or body[-1:] in ".!?…,;" or not body[:1].isalpha():
        return None
    return _clean(body)


NUMBERED_RE = re.compile(r"^\s{0,3}\d{1,2}[.)]\s+(?P<title>[A-ZА-Я][^.!?,;]{0,40}?):?\s*$")


def _numbered_title(lines: list[str], i: int) -> str | None:
    """ "4. Actions", "2. Difficult conversations": minutes number their agenda points; a short
    numbered line followed by text that is not the next number is a heading, not a list item
    (a numbered task opens with its verb: "1. Update the CV" stays an item)."""
    m = NUMBERED_RE.match(lines[i])
    if not m or len(m.group("title").split()) > 4:
        return None
    if m.group("title").split()[0].lower() in TASK_VERBS:
        return None
    rest = [line for line in lines[i + 1 :] if line.strip()]
    if not rest or re.match(r"^\s{0,3}\d{1,2}[.)]\s", rest[0]):
        return None
    return _clean(m.group("title"))


def _starts_new_line_sentence(prev: str, line: str) -> bool:
    """Notes typed line by line omit full stops: an unpunctuated line + a capital = a break."""
    prev = prev.rstrip()
    first = line.lstrip()[:1]
    if (
        CHAT_STAMP_RE.match(line)
        or re.match(r"\s*\d{1,2}(?:\.\d{1,2})+\.?\s+[A-ZА-Я]", line)
        or re.match(r"\s*[a-z]{2,8}\([^()]{1,20}\)\s*:\s", line)
    ):
        # A chat message; a numbered point of minutes ("3.2 Ms Kruger to ..."); a line of a
        # commit-style log ("feat(me): ship the spike — by fri").
        return bool(prev)
    return bool(prev) and prev[-1] not in ".!?…:;,-–(" and first.isupper()


def paragraph_ids(text: str, sentences: list[Sentence]) -> list[int]:
    """Which blank-line-separated block of `text` each sentence starts in (0, 1, ...)."""
    breaks = [m.start() for m in BLANK_LINE_RE.finditer(text)]
    return [bisect.bisect_right(breaks, s.start) for s in sentences]


def split_sentences(text: str) -> list[Sentence]:
    """Split a note (Markdown prose, bullets, headings) or a transcript into sentences."""
    sentences: list[Sentence] = []
    section = ""
    speaker: str | None = None
    para: list[tuple[int, str]] = []  # (offset, line) of the open prose paragraph
    para_bullet = False
    para_checkbox = False
    para_checked = False

    def flush() -> None:
        nonlocal para
        if not para:
            return
        base = para[0][0]
        # Join lines with their real separators so offsets stay exact.
        joined = text[base : para[-1][0] + len(para[-1][1])]
        first = len(sentences)
        for s, e in _split_span(joined, base):
            clean = _clean(text[s:e])
            if LETTER_RE.search(clean):
                continued = para_bullet and len(sentences) > first
                sentences.append(Sentence(clean, s, e, section, para_bullet, speaker,
                                          para_checkbox, para_checked, continued))  # fmt: skip
        para = []

    offset = 0
    outer = None  # the section around a table whose header names the columns
    columns: dict[str, int] = {}  # which column holds the owner, the task and the due date
    csv_columns: dict[str, int] = {}  # the same for a pasted CSV export, while its rows last
    lines = text.splitlines(keepends=True)
    for i, line in enumerate(lines):
        body = line.rstrip("\r\n")
        pos = offset
        offset += len(line)
        fields = _csv_fields(body)
        if csv_columns and fields:
            row = _table_row(body, pos, section, speaker, csv_columns, fields)
            if row is not None:
                sentences.append(row)
            continue
        csv_columns = _columns(fields) if fields else {}
        if csv_columns:
            # "Task name,Bucket,Assigned to,Due date": a board exported as CSV.
            flush()
            section = " / ".join(fields)
            continue
        if TABLE_ROW_RE.match(body):
            flush()
            row = _table_row(body, pos, section, speaker, columns if outer is not None else None)
            if row is None and sentences and sentences[-1].end <= pos and outer is None:
                # The rule under the header: the header names the columns like a heading.
                header = sentences.pop().text
                outer, section = section, header.replace(" — ", " / ")
                columns = _columns(_cells(lines[i - 1]))
            elif row is not None:
                sentences.append(row)
            continue
        if outer is not None:
            section, outer = outer, None
        if not body.strip() or RULE_RE.match(body):
            flush()
            continue
        head = _heading(body)
        if head is None and not para:
            head = _list_title(lines, i)
        if head is None:
            head = _numbered_title(lines, i)
        if head is not None:
            flush()
            section = head
            continue
        if any(rx.match(body) for rx in CHAT_HEADER_RES):
            # "[18/05/2026 16:31] Beatriz Almeida": a header line; its message follows below.
            flush()
            para_bullet = para_checkbox = para_checked = False
            para.append((pos, body))
            flush()
            continue
        sm = SPEAKER_RE.match(body)
        if sm:
            flush()
            speaker = sm.group(1)
            pos += sm.end()
            body = body[sm.end() :]
            para_bullet = para_checkbox = para_checked = False
        org = ORG_ITEM_RE.match(body)
        if org:
            # An org-mode item: TODO and NEXT are open boxes, anything else is done or not ours.
            flush()
            pos += org.end()
            body = body[org.end() :]
            para_bullet = para_checkbox = True
            para_checked = org.group("kw") not in ("TODO", "NEXT")
            para.append((pos, body))
            continue
        bm = BULLET_RE.match(body)
        em = EMOJI_BOX_RE.match(body[bm.end() :] if bm else body.lstrip())
        if bm or em:
            flush()
            skip = (bm.end() if bm else len(body) - len(body.lstrip())) + (em.end() if em else 0)
            pos += skip
            body = body[skip:]
            para_bullet = True
            para_checkbox = bool(bm and bm.group(2)) or bool(em and em.group("box") != "⏳")
            para_checked = (bool(bm and bm.group(2)) and bm.group(2)[1] in "xX") or bool(
                em and em.group("box") in "✅☑✔"
            )
        elif para and para_bullet and not body.startswith((" ", "\t")):
            # A flush-left line after a bullet starts a new prose paragraph.
            flush()
            para_bullet = para_checkbox = para_checked = False
        elif not para:
            para_bullet = para_checkbox = para_checked = False
        elif _starts_new_line_sentence(para[-1][1], body) and not ORG_PLANNING_RE.match(body):
            flush()
            para_bullet = para_checkbox = para_checked = False
        para.append((pos, body))
    flush()
    return sentences


def _csv_fields(line: str) -> list[str]:
    """The fields of a CSV line with three or more of them, else []."""
    if line.count(",") < 2 or TABLE_ROW_RE.match(line):
        return []
    try:
        fields = next(csv.reader([line]))
    except (csv.Error, StopIteration):
        return []
    return [f.strip() for f in fields] if len(fields) >= 3 else []


def _cells(line: str) -> list[str]:
    return [c.strip() for c in line.strip().strip("|").split("|")]


def _columns(header: list[str]) -> dict[str, int]:
    """ "| № | Action | Owner | Due |": where the owner, the task and the due date are, when
    the header names an owner column."""
    found: dict[str, int] = {}
    for n, cell in enumerate(header):
        for role, rx in COLUMN_RES.items():
            if role not in found and rx.fullmatch(_clean(cell)):
                found[role] = n
    return found if "owner" in found and "task" in found else {}


def _table_row(
    line: str,
    pos: int,
    section: str,
    speaker: str | None,
    columns: dict[str, int] | None = None,
    cells: list[str] | None = None,
) -> Sentence | None:
    """One table row (Markdown, or CSV `cells`) as a list item, its cells joined by dashes (in
    the order owner, task, due when the header says which column is which); None for the
    header rule."""
    cells = _cells(line) if cells is None else cells
    if all(TABLE_RULE_RE.match(c) for c in cells if c):
        return None
    if columns and max(columns.values()) < len(cells):
        order = [columns["owner"], columns["task"], *([columns["due"]] if "due" in columns else [])]
        # Then only the cells that say whether it is still on: a status, a condition.
        order += [
            n for n in range(len(cells)) if n not in order and STATUS_CELL_RE.search(cells[n])
        ]
        owner, *rest = [_clean(cells[n]) for n in order]
        owner = re.sub(r"\s*;\s*", " and ", owner)  # "Valentina Russo; Dominic Hale"
        rest = [r for r in rest if (LETTER_RE.search(r) or EMOJI_BOX_RE.match(r))
                and not re.fullmatch(r"\d{1,3}\.?", r)]  # fmt: skip
        if LETTER_RE.search(owner) and rest:
            start = pos + len(line) - len(line.lstrip())
            text = " — ".join([owner, *rest])
            # A row of an owner/task table is an item like an open box, whatever the section.
            return Sentence(text, start, pos + len(line.rstrip()), section, True, speaker, True,
                            owner_cell=True)  # fmt: skip
    words = [_clean(c) for c in cells if LETTER_RE.search(c)]
    if not words:
        return None
    start = pos + len(line) - len(line.lstrip())
    return Sentence(" — ".join(words), start, pos + len(line.rstrip()), section, True, speaker)


def sentence_texts(text: str) -> list[str]:
    """Just the sentence strings of `text`."""
    return [s.text for s in split_sentences(text)]
