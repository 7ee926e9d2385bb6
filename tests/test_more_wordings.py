"""Wordings the grids of session 10 left out: a diary's plan that opens with its verb
("Sending Boris the rota tomorrow"), the owner field in the middle of a line ("...; owner:
Boris; due: Friday"), "AI Boris:", "They'll both ...", advice taken on ("suggested I ..., and
I'll do it"), "Менторът ми предложи да ...", Bulgarian "да" + first person plural, and chat
speakers written in lower case or with an initial. Ana / Ана writes; Wednesday 4 March 2026.

Still not read: the owner field between dashes with no task verb before it ("Review X — owner:
Boris — due 6 March" gives the field as the task), the fields as separate sentences ("Rota
template review. Owner: Boris. Due: Friday."), "Пращам ти графика утре" (a present tense for
the future) and "Прегледът на графика — двамата, до петък"."""

from datetime import date

import pytest

from models.actions import extract_actions
from models.sentences import split_sentences

EN = [
    # (note, author, expected [(owner, word, due)])
    ("Sending Boris the rota template tomorrow.", "Ana", [("Ana", "rota", "2026-03-05")]),
    ("Sending you the rota template tomorrow.", "Ana", [("Ana", "rota", "2026-03-05")]),
    (
        "Drafting the budget over the weekend, will share Monday.",
        "Ana",
        [("Ana", "budget", "2026-03-09")],
    ),
    (
        "Review the rota template; owner: Boris; due: Friday.",
        "Ana",
        [("Boris", "rota", "2026-03-06")],
    ),
    ("AI Boris: send the rota template by Friday.", None, [("Boris", "rota", "2026-03-06")]),
    ("AP Boris: send the rota template by Friday.", None, [("Boris", "rota", "2026-03-06")]),
    ("Action Boris: send the rota template by Friday.", None, [("Boris", "rota", "2026-03-06")]),
    ("ACTION (Boris): send the rota template by Friday.", None, [("Boris", "rota", "2026-03-06")]),
    (
        "Present: Ana, Boris.\n\nThe rota was discussed. "
        "They'll both review the template by Friday.",
        None,
        [(None, "template", "2026-03-06")],
    ),
    (
        "Present: Ana, Boris.\n\nThey will review the rota template together by Friday.",
        None,
        [(None, "rota", "2026-03-06")],
    ),
    (
        "My mentor suggested I rewrite the rota template, and I will do it by Friday.",
        "Ana",
        [("Ana", "rota", "2026-03-06")],
    ),
]
BG = [
    (
        "Менторът ми предложи да пренапиша графика до петък и аз се съгласих.",
        "Ана",
        [("Ана", "график", "2026-03-06")],
    ),
    (
        "Менторът ми предложи да ми прати шаблона до петък.",
        "Ана",
        [("Борис", "шаблон", "2026-03-06")],
    ),
    ("Ще прегледаме графика до петък.", "Ана", [(None, "график", "2026-03-06")]),
    ("Трябва да прегледаме графика до петък.", "Ана", [(None, "график", "2026-03-06")]),
    ("Да прегледаме графика до петък.", "Ана", [(None, "график", "2026-03-06")]),
    (
        "[10:01] Ана И.: ще ми пратиш ли графика?\n[10:02] Борис П.: ще ти пратя графика до петък",
        None,
        [("Борис", "график", "2026-03-06")],
    ),
    (
        "[10:01] ана: здрасти\n[10:02] борис: ще ти пратя графика до петък",
        None,
        [("Борис", "график", "2026-03-06")],
    ),
    (
        "Борис: ще ти пратя графика до петък\nАна: супер, благодаря",
        None,
        [("Борис", "график", "2026-03-06")],
    ),
]


def _found(note, parts, author):
    found = extract_actions(split_sentences(note), parts, date(2026, 3, 4), author)
    return [(a["owner"], a["task"].lower(), a["due"]) for a in found]


@pytest.mark.parametrize(("note", "author", "expected"), EN)
def test_an_english_wording_gives_its_item(note, author, expected):
    found = _found(note, ["Ana", "Boris"], author)
    assert [(o, d) for o, _, d in found] == [(o, d) for o, _, d in expected]
    assert all(w in t for (_, w, _), (_, t, _) in zip(expected, found, strict=True))


@pytest.mark.parametrize(("note", "author", "expected"), BG)
def test_a_bulgarian_wording_gives_its_item(note, author, expected):
    found = _found(note, ["Ана", "Борис"], author)
    assert [(o, d) for o, _, d in found] == [(o, d) for o, _, d in expected]
    assert all(w in t for (_, w, _), (_, t, _) in zip(expected, found, strict=True))
