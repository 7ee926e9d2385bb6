"""The task text a user reads: the pronoun replaced by the thing it stands for, and remarks
told after the task (why, as promised, a hedge) left out."""

from datetime import date

import pytest

from models.actions import extract_actions
from models.sentences import split_sentences

CASES = [
    ("We looked at the rota template. I'll send it to Boris tomorrow.",
     "Send the rota template to Boris"),
    ("Boris has a falls audit template from Elmfield that does something similar — he said "
     "he'll dig it out and email it over tomorrow.",
     "Dig a falls audit template out and email it over"),
    ("Boris mentioned the three CVs from last round. I'll review them by Friday.",
     "Review the three CVs"),
    ("I'll send the template tomorrow, which should help with the backlog.", "Send the template"),
    ("I'll send the template tomorrow because the old one is out of date.", "Send the template"),
    ("I'll send the template tomorrow – it's in my drafts anyway.", "Send the template"),
    ("I'll send the template tomorrow, as promised.", "Send the template"),
    ("I'll send the template tomorrow, if nothing else comes up.", "Send the template"),
    ("Boris will look into the budget issue next week and report back.",
     "Look into the budget issue and report back"),
    ("The budget sheet: Boris will update it by Friday.", "Update the budget sheet"),
    ("Говорихме за графика. Ще ти го пратя утре.", "Прати графика"),
    ("Ще пратя шаблона утре, защото старият е остарял.", "Прати шаблона"),
    ("Ще пратя шаблона утре – и без това е готов.", "Прати шаблона"),
    ("До края на месеца ще се запиша за курса по ендодонтия, обещавам.",
     "Запиши се за курса по ендодонтия"),
    ("I'll finish the estimating module by Friday, promise.", "Finish the estimating module"),
    ("I still owe a write-up of the blue-mould contamination from October.",
     "Write up the blue-mould contamination from October"),
]  # fmt: skip


@pytest.mark.parametrize(("note", "task"), CASES)
def test_task_text(note, task):
    bulgarian = any("\u0400" <= ch <= "\u04ff" for ch in note)
    participants = ["Ана", "Борис"] if bulgarian else ["Ana", "Boris"]
    found = extract_actions(split_sentences(note), participants, date(2026, 3, 4), participants[0])
    assert [a["task"] for a in found] == [task]


@pytest.mark.parametrize(
    ("note", "participants", "author", "due"),
    [
        ("Rotterdam contact — Boris offered to introduce me to Anouk at the Rotterdam office and "
         "will email her on Monday.", ["Ana", "Boris"], "Ana", "2026-03-09"),
        ("Ангажирах се да те представя на Светослав от NOC-а, който мина през същата миграция — "
         "ще му пиша утре.", ["Борис", "Ана"], "Ана", "2026-03-05"),
    ],
)  # fmt: skip
def test_the_step_that_starts_a_commitment_gives_its_date(note, participants, author, due):
    found = extract_actions(split_sentences(note), participants, date(2026, 3, 4), author)
    assert [a["due"] for a in found] == [due]


@pytest.mark.parametrize(
    ("note", "task"),
    [
        ("Решено бе двамата да прегледат заедно случаите от последното тримесечие.",
         "Прегледайте заедно случаите от последното тримесечие"),
        ("Беше договорено двамата да прегледат процедурата и да отбележат несъответствията.",
         "Прегледайте процедурата и отбележете несъответствията"),
        ("Разбрахме се двамата да направят списък с рисковете до петък.",
         "Направете списък с рисковете"),
    ],
)  # fmt: skip
def test_what_both_will_do_reads_as_a_plural_order(note, task):
    found = extract_actions(split_sentences(note), ["Ана", "Борис"], date(2026, 3, 4), None)
    assert [(a["owner"], a["task"]) for a in found] == [(None, task)]


def test_a_first_draft_of_the_thing_just_named():
    note = (
        "Hi Boris,\n\n- The cascade prescribing guide for the counter staff. You said you'd have "
        "a first draft by the end of next week — keep it to two pages.\n\nAna"
    )
    found = extract_actions(split_sentences(note), ["Ana", "Boris"], date(2026, 3, 4), "Ana")
    assert [(a["owner"], a["due"]) for a in found] == [("Boris", "2026-03-13")]
    assert "cascade prescribing guide" in found[0]["task"]


def test_a_spoken_remark_and_a_numbered_take_on():
    memo = "okay so he's gonna sort out the seed order for the brassicas by Friday he promised"
    found = extract_actions(split_sentences(memo), ["Ana", "Boris"], date(2026, 3, 4), "Ana")
    assert [a["task"] for a in found] == ["Sort out the seed order for the brassicas"]
    chat = (
        "[10:01] Борис Петров: Какво поемаш?\n"
        "[10:02] Ана Иванова: 2) Поемам обучението на новите санитари до петък.\n"
    )
    found = extract_actions(split_sentences(chat), ["Ана", "Борис"], date(2026, 3, 4), None)
    assert [(a["owner"], a["task"]) for a in found] == [
        ("Ана", "Поеми обучението на новите санитари")
    ]
