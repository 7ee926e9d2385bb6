"""Who a list line or a table row belongs to, when its head names them: someone outside the
pair ("Ollie (marketing) →", "forwarder (Lisa @ BlueLine) —", "собственикът (г-н Петков)",
"търговски отдел") gives no item; the pair ("both →", "Ana + Boris —", "Boris P.", "бай Борис",
"двамата заедно") gives theirs. Ana writes; Wednesday 4 March 2026.

Not yet read: a bare first name that is not a participant ("Kev —", "Мони →") is taken for a
topic, and the line for the writer's own."""

from datetime import date

import pytest

from models.actions import extract_actions
from models.sentences import split_sentences

OUT_EN = [
    "Ollie (marketing)",
    "forwarder (Lisa @ BlueLine)",
    "the landlord",
    "HR",
    "Paul (Head of Service)",
    "Mr Lyle",
    "our manager",
    "the client",
    "IT",
    "Legal",
    "Finance team",
    "Dr Hallam's team",
    "the site manager",
    "Marta from QA",
]
OUT_BG = [
    "собственикът (г-н Петков)",
    "търговски отдел",
    "г-н Николов",
    "шефката",
    "клиентът",
    "финансовият отдел",
    "д-р Ангелова",
    "ЧР",
    "счетоводството",
    "Гергана от склада",
]
IN_EN = [
    ("Boris", "Boris"),
    ("B.", "Boris"),
    ("BP", "Boris"),
    ("me", "Ana"),
    ("Me", "Ana"),
    ("both", None),
    ("Both of us", None),
    ("Bobby", "Boris"),
    ("Boris P.", "Boris"),
    ("Ana + Boris", None),
]
IN_BG = [
    ("Борис", "Борис"),
    ("Б.", "Борис"),
    ("аз", "Ана"),
    ("двамата заедно", None),
    ("бай Борис", "Борис"),
    ("Боби", "Борис"),
    ("Ани", "Ана"),
    ("двамата", None),
]
FORMS_EN = [
    "- {w} — send the shift rota by Friday",
    "- {w} → send the shift rota by Friday",
    "- [ ] {w} → send the shift rota by Friday",
    "| Action | Who | When |\n|---|---|---|\n| Send the shift rota | {w} | Friday |\n",
]
FORMS_BG = [
    "- {w} — да прати графика на смените до петък",
    "- {w} → графика на смените, до петък",
    "| Задача | Кой | Срок |\n|---|---|---|\n| Графика на смените | {w} | петък |\n",
]


def _items(note, participants):
    found = extract_actions(split_sentences(note), participants, date(2026, 3, 4), participants[0])
    return [(a["owner"], a["task"]) for a in found]


@pytest.mark.parametrize("form", FORMS_EN)
@pytest.mark.parametrize("who", OUT_EN)
def test_a_line_for_someone_outside_the_pair_gives_no_item(who, form):
    assert _items(form.format(w=who), ["Ana", "Boris"]) == []


@pytest.mark.parametrize("form", FORMS_BG)
@pytest.mark.parametrize("who", OUT_BG)
def test_a_bulgarian_line_for_someone_outside_the_pair_gives_no_item(who, form):
    assert _items(form.format(w=who), ["Ана", "Борис"]) == []


@pytest.mark.parametrize("form", FORMS_EN)
@pytest.mark.parametrize(("who", "owner"), IN_EN)
def test_a_line_headed_by_the_pair_is_theirs(who, owner, form):
    assert [o for o, _ in _items(form.format(w=who), ["Ana", "Boris"])] == [owner]


@pytest.mark.parametrize("form", FORMS_BG)
@pytest.mark.parametrize(("who", "owner"), IN_BG)
def test_a_bulgarian_line_headed_by_the_pair_is_theirs(who, owner, form):
    assert [o for o, _ in _items(form.format(w=who), ["Ана", "Борис"])] == [owner]


@pytest.mark.parametrize(
    ("line", "owner"),
    [
        ("- DOE plan for the wafer clean → AK + BP together → end of Q2", None),
        ("- DOE plan for the wafer clean → Ana & Boris → end of Q2", None),
        ("- DOE plan for the wafer clean → both → end of Q2", None),
        ("- DOE plan for the wafer clean → Boris → end of Q2", "Boris"),
    ],
)
def test_a_thing_then_the_two_of_them_after_an_arrow_is_the_pair_s(line, owner):
    found = extract_actions(split_sentences(line), ["Ana", "Boris"], date(2026, 3, 4), "Ana")
    assert [(a["owner"], a["task"], a["due"]) for a in found] == [
        (owner, "DOE plan for the wafer clean", "2026-06-30")
    ]


def test_a_participant_and_someone_else_after_an_arrow_are_not_the_pair():
    line = "- DOE plan → Ana and Maria → Friday"
    found = extract_actions(split_sentences(line), ["Ana", "Boris"], date(2026, 3, 4), "Ana")
    assert [a["owner"] for a in found] != [None]
