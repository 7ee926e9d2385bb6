"""Bulgarian word orders and shorthand for one commitment: the thing first and "го/я/ги" for
it ("Отчета ще ти го пратя"), "заедно ще ..." for both, "X → Б. го поема", shorthand such as
"табл." and "сл. седм.". Ана writes; Wednesday 4 March 2026."""

from datetime import date

import pytest

from models.actions import extract_actions
from models.sentences import split_sentences

P = ["Ана", "Борис"]
CASES = [
    ("Добре, отчета ще ти го пратя в понеделник.", "Ана", "отчет", "2026-03-09"),
    ("Таблицата ще ти я пратя в понеделник.", "Ана", "таблиц", "2026-03-09"),
    ("Снимките ще ти ги пратя в понеделник.", "Ана", "снимк", "2026-03-09"),
    ("А черновата на бюджета ще ти я пратя в понеделник.", "Ана", "чернов", "2026-03-09"),
    ("За тестовете ще пусна отделна задача в понеделник.", "Ана", "задача", "2026-03-09"),
    ("Графика Борис ще ми го прати в понеделник.", "Борис", "график", "2026-03-09"),
    ("Заедно ще направим инвентаризацията до края на месеца.", None, "инвентаризац", "2026-03-31"),
    ("Ще прегледаме заедно договора до петък.", None, "договор", "2026-03-06"),
    ("- графикът на смените → Б. го поема, до петък", "Борис", "график", "2026-03-06"),
    ("- графикът на смените → Борис го поема, до петък", "Борис", "график", "2026-03-06"),
    ("- аз → табл. с брака по партиди, до петък", "Ана", "брак", "2026-03-06"),
    ("- Борис → обучение на новите колеги, сл. седм.", "Борис", "обучение", "2026-03-13"),
    (
        "Меморандумът по делото за търговската марка. Ще го довърша до петък.",
        "Ана",
        "меморандума",
        "2026-03-06",
    ),
]


@pytest.mark.parametrize(("line", "owner", "word", "due"), CASES)
def test_a_bulgarian_commitment_in_another_word_order(line, owner, word, due):
    found = extract_actions(split_sentences(line), P, date(2026, 3, 4), "Ана")
    assert [(a["owner"], a["due"]) for a in found] == [(owner, due)]
    assert word in found[0]["task"].lower()


def test_a_subject_before_go_ya_gi_that_does_not_agree_is_no_thing():
    """ "скоростта ще ги спечели": "ги" is not the speed, and the line is no task."""
    assert (
        extract_actions(split_sentences("Скоростта ще ги спечели."), P, date(2026, 3, 4), "Ана")
        == []
    )
