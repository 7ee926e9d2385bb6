"""Due dates from the phrases people write, against the session date (a Wednesday): the date
conventions of bench/data/README.md in English and Bulgarian, with abbreviations."""

from datetime import date, timedelta

import pytest

from models.dates import due_date

REF = date(2026, 3, 4)  # Wednesday


def wd(n, after=REF):
    """The first weekday `n` strictly after `after`."""
    d = after + timedelta(days=1)
    while d.weekday() != n:
        d += timedelta(days=1)
    return d


NEXT_MONDAY = REF - timedelta(days=REF.weekday()) + timedelta(days=7)
CASES = [
    ("today", REF),
    ("tonight", REF),
    ("EOD", REF),
    ("end of day", REF),
    ("by end of play", REF),
    ("COB", REF),
    ("tomorrow", REF + timedelta(1)),
    ("tmrw", REF + timedelta(1)),
    ("tmw", REF + timedelta(1)),
    ("утре", REF + timedelta(1)),
    ("by Friday", wd(4)),
    ("on Monday", wd(0)),
    ("by Fri", wd(4)),
    ("Thurs", wd(3)),
    ("by Weds", wd(2)),
    ("до петък", wd(4)),
    ("в понеделник", wd(0)),
    ("в сряда", wd(2)),
    ("до сряда", wd(2)),
    ("в четв.", wd(3)),
    ("next Wednesday", NEXT_MONDAY + timedelta(2)),
    ("nxt Wed", NEXT_MONDAY + timedelta(2)),
    ("next Tues", NEXT_MONDAY + timedelta(1)),
    ("следващата сряда", NEXT_MONDAY + timedelta(2)),
    ("следващия вторник", NEXT_MONDAY + timedelta(1)),
    ("другата сряда", NEXT_MONDAY + timedelta(2)),
    ("this week", date(2026, 3, 6)),
    ("end of the week", date(2026, 3, 6)),
    ("this wk", date(2026, 3, 6)),
    ("тази седмица", date(2026, 3, 6)),
    ("до края на седмицата", date(2026, 3, 6)),
    ("next week", date(2026, 3, 13)),
    ("end of next week", date(2026, 3, 13)),
    ("next wk", date(2026, 3, 13)),
    ("следващата седмица", date(2026, 3, 13)),
    ("до края на следващата седмица", date(2026, 3, 13)),
    ("in two weeks", REF + timedelta(14)),
    ("within two weeks", REF + timedelta(14)),
    ("in 10 days", REF + timedelta(10)),
    ("within 10 days", REF + timedelta(10)),
    ("in a fortnight", REF + timedelta(14)),
    ("след две седмици", REF + timedelta(14)),
    ("в рамките на 10 дни", REF + timedelta(10)),
    ("до 10 дни", REF + timedelta(10)),
    ("след 3 дни", REF + timedelta(3)),
    ("in three days", REF + timedelta(3)),
    ("by the 15th", date(2026, 3, 15)),
    ("by the 2nd", date(2026, 4, 2)),
    ("tasting menu draft → 20th", date(2026, 3, 20)),
    ("до 20-ти", date(2026, 3, 20)),
    ("до 5-и", date(2026, 3, 5)),
    ("registration closes on the 30th", date(2026, 3, 30)),
    ("17.03", date(2026, 3, 17)),
    ("1 October", date(2026, 10, 1)),
    ("June 4th", date(2026, 6, 4)),
    ("4 June", date(2026, 6, 4)),
    ("17/03", date(2026, 3, 17)),
    ("02.01", date(2027, 1, 2)),
    ("до 17 март", date(2026, 3, 17)),
    ("на 3 април", date(2026, 4, 3)),
    ("end of the month", date(2026, 3, 31)),
    ("end of month", date(2026, 3, 31)),
    ("EOM", date(2026, 3, 31)),
    ("до края на месеца", date(2026, 3, 31)),
    ("до края на март", date(2026, 3, 31)),
    ("end of March", date(2026, 3, 31)),
    ("end of April", date(2026, 4, 30)),
    ("end of next month", date(2026, 4, 30)),
    ("до края на следващия месец", date(2026, 4, 30)),
    ("end of Q1", date(2026, 3, 31)),
    ("end of Q2", date(2026, 6, 30)),
    ("end of Q3", date(2026, 9, 30)),
    ("by end of Q4", date(2026, 12, 31)),
    ("до края на Q2", date(2026, 6, 30)),
    ("end of the quarter", date(2026, 3, 31)),
    ("до края на тримесечието", date(2026, 3, 31)),
    ("in January", None),
    ("at some point", None),
    ("TBD", None),
    ("soon", None),
    ("at 9.30", None),
    ("at 8.30am", None),
    ("в 9:30", None),
    ("for 2 hours", None),
    ("by the end of the day tomorrow", REF + timedelta(1)),
    ("first thing tomorrow", REF + timedelta(1)),
    ("Monday morning", wd(0)),
    ("в петък сутринта", wd(4)),
    ("вдругиден", REF + timedelta(2)),
    ("the day after tomorrow", REF + timedelta(2)),
    ("by mid-March", None),
    ("before the twentieth okay", date(2026, 3, 20)),
    ("до двайсети", date(2026, 3, 20)),
    ("до двадесет и първи", date(2026, 3, 21)),
    ("до петнайсети.", date(2026, 3, 15)),
    ("до дванадесети", date(2026, 3, 12)),
    ("до втори етаж", None),
]


@pytest.mark.parametrize(("phrase", "due"), CASES)
def test_due_date_of_a_phrase(phrase, due):
    assert due_date(f"Ana will send the rota {phrase}.", REF)[0] == due
