"""Voice memos transcribed without punctuation: each commitment in the run-on text is still
an item with its owner and due date, in English and Bulgarian."""

from datetime import date

import pytest

from models.actions import extract_actions
from models.sentences import split_sentences

MEMOS = [
    (
        "[voice memo, auto-transcript]\n\nso um yeah I'm gonna send boris the rota by friday and "
        "uh he's gonna look at the budget next week and we said we'd both read the guidance "
        "before the twentieth okay that's it",
        ["Ana", "Boris"],
        ["rota", "budget", "guidance"],
    ),
    (
        "[гласова бележка, автоматичен транскрипт]\n\nами така значи аз ще пратя на борис графика "
        "до петък и ъъ той ще погледне бюджета следващата седмица и се разбрахме двамата да "
        "прочетем указанията до двайсети",
        ["Ана", "Борис"],
        ["график", "бюджет", "указанията"],
    ),
]


@pytest.mark.parametrize(("note", "participants", "words"), MEMOS, ids=["en", "bg"])
def test_voice_memo(note, participants, words):
    found = extract_actions(split_sentences(note), participants, date(2026, 3, 4), participants[0])
    assert [(a["owner"], a["due"]) for a in found] == [
        (participants[0], "2026-03-06"),
        (participants[1], "2026-03-13"),
        (None, "2026-03-20"),
    ]
    assert all(w in a["task"] for w, a in zip(words, found, strict=True))
