"""Sentence splitting and date resolution of the notes pipeline (English and Bulgarian)."""

from datetime import date

import pytest

from models.dates import due_date, find_dates
from models.sentences import split_sentences

WEDNESDAY = date(2026, 3, 4)


def test_sentences_keep_spans_sections_and_bullets():
    note = (
        "# Session 3\n\nWe met e.g. at 10 a.m. in the office. Ana was happy!\n\n"
        "## Action items\n- [ ] Boris to book a room\n  for next week\n"
    )
    sentences = split_sentences(note)
    assert [s.text for s in sentences] == [
        "We met e.g. at 10 a.m. in the office.",
        "Ana was happy!",
        "Boris to book a room for next week",
    ]
    assert sentences[2].section == "Action items" and sentences[2].checkbox
    assert note[sentences[0].start : sentences[0].end] == sentences[0].text
    assert sentences[0].section == "Session 3" and not sentences[0].bullet


def test_bulgarian_abbreviations_and_transcript_speakers():
    sentences = split_sentences("Срещата е на 12.03.2026 г. в 10 ч. Готово.\n(PERSON3) Yes.\nOk")
    assert [s.text for s in sentences] == [
        "Срещата е на 12.03.2026 г. в 10 ч.",
        "Готово.",
        "Yes.",
        "Ok",
    ]
    assert sentences[2].speaker == "PERSON3" and sentences[3].speaker == "PERSON3"


def test_a_short_line_right_above_a_list_titles_it():
    note = "Talked about the move.\n\nAIs\n- Ana: ask the lead\n\nNot a title, a sentence\n"
    sections = [(s.text, s.section) for s in split_sentences(note)]
    assert sections == [
        ("Talked about the move.", ""),
        ("Ana: ask the lead", "AIs"),
        ("Not a title, a sentence", "AIs"),
    ]


def test_the_weekday_after_that_counts_from_the_earlier_due():
    value, _ = due_date("and review it by the Friday after that", WEDNESDAY, date(2026, 3, 11))
    assert value == date(2026, 3, 13)


def test_lines_without_full_stops_are_separate_sentences():
    texts = [s.text for s in split_sentences("Talked about promotion\nAna will ask her manager")]
    assert texts == ["Talked about promotion", "Ana will ask her manager"]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("by Friday", "2026-03-06"),
        ("next Wednesday", "2026-03-11"),
        ("до петък", "2026-03-06"),
        ("следващата сряда", "2026-03-11"),
        ("tomorrow", "2026-03-05"),
        ("утре", "2026-03-05"),
        ("in 2 weeks", "2026-03-18"),
        ("след 2 седмици", "2026-03-18"),
        ("by the end of the month", "2026-03-31"),
        ("до края на месеца", "2026-03-31"),
        ("12 March", "2026-03-12"),
        ("12.03", "2026-03-12"),
        ("2026-04-01", "2026-04-01"),
        ("12 март", "2026-03-12"),
        ("next week", "2026-03-13"),
        ("over the weekend", "2026-03-08"),
        ("by the 15th", "2026-03-15"),
        ("by the 2nd at the latest", "2026-04-02"),
        ("by the end of Q2", "2026-06-30"),
        ("by the end of Q1", "2026-03-31"),
        ("на 20-ти", "2026-03-20"),
        ("before the next session on 12 March", "2026-03-12"),
        ("in two weeks, so there is time before the next session", "2026-03-18"),
    ],
)
def test_relative_and_explicit_dates_resolve_against_the_session(text, expected):
    value, _ = due_date(f"Send it {text}.", WEDNESDAY)
    assert value == date.fromisoformat(expected)


def test_next_session_and_numbers_are_not_dates():
    assert due_date("Discuss it at the next session.", WEDNESDAY) == (
        None,
        find_dates("Discuss it at the next session.", WEDNESDAY)[0],
    )
    assert find_dates("The score went from 3.5 to 4.2 in 2.5 hours", WEDNESDAY) == []


def test_an_ordinal_before_a_noun_is_not_a_day_of_the_month():
    assert due_date("We covered the 3rd chapter of the book.", WEDNESDAY) == (None, None)


def test_start_dates_and_habits_are_not_deadlines():
    value, _ = due_date("Block Tuesday and Thursday mornings starting next week", WEDNESDAY)
    assert value is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("до края на седмицата", "2026-03-06"),
        ("другата седмица", "2026-03-13"),
        ("след две седмици", "2026-03-18"),
        ("вдругиден", "2026-03-06"),
        ("до следващия петък", "2026-03-13"),
        ("в началото на следващата седмица", "2026-03-09"),
        ("до уикенда", "2026-03-08"),
        ("тази седмица", "2026-03-06"),
        ("до 20-ти", "2026-03-20"),
        ("до края на Q2", "2026-06-30"),
    ],
)
def test_bulgarian_relative_dates(text, expected):
    due, _ = due_date(f"Ана ще изпрати плана {text}.", date(2026, 3, 4))
    assert due.isoformat() == expected


def test_a_weekday_naming_a_routine_is_not_a_deadline():
    ref = date(2026, 11, 21)
    assert find_dates("He wants to automate his Monday data pull.", ref) == []
    assert find_dates("We meet every Friday.", ref) == []
    mentions = find_dates("Build the DAG for the Monday export by next Wednesday.", ref)
    assert [(m.text, m.value) for m in mentions] == [("next Wednesday", date(2026, 11, 25))]
    assert [m.value for m in find_dates("Send it by Monday.", ref)] == [date(2026, 11, 23)]


def test_routine_starting_now_is_due_on_its_first_round():
    from models.dates import due_date

    assert due_date("I'll log my wins every Friday, starting this week", date(2026, 3, 2))[
        0
    ] == date(2026, 3, 6)
    assert due_date("we meet every Friday", date(2026, 3, 2))[0] is None
    assert due_date("send it tmrw", date(2026, 3, 2))[0] == date(2026, 3, 3)


def test_exclamation_inside_an_aside_does_not_end_the_sentence():
    from models.sentences import sentence_texts

    assert sentence_texts("Run the full mock (timed!) by the 15th. Then rest.") == [
        "Run the full mock (timed!) by the 15th.",
        "Then rest.",
    ]


def test_bulgarian_first_person_task_reads_as_an_imperative():
    from models.tasks import bg_imperative

    assert bg_imperative("Подам заявката") == "Подай заявката"
    assert bg_imperative("Пратя линка") == "Прати линка"
    assert bg_imperative("Пусна билда") == "Пусни билда"
    # "ще обновиш плана" (you will): the second person reads as an imperative too.
    assert bg_imperative("Обновиш плана") == "Обнови плана"
    assert bg_imperative("Отчет за май") == "Отчет за май"  # not a verb ending
