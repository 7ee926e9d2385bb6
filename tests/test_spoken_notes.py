"""Voice memos transcribed without punctuation: each commitment in the run-on text is still
an item with its owner and due date, in English and Bulgarian."""

from datetime import date

from models.actions import extract_actions
from models.sentences import split_sentences


def _items(note, participants, author):
    found = extract_actions(split_sentences(note), participants, date(2026, 3, 4), author)
    return [(a["owner"], a["task"], a["due"]) for a in found]


def test_english_voice_memo():
    note = (
        "[voice memo, auto-transcript]\n\nso um yeah I'm gonna send boris the rota by friday and "
        "uh he's gonna look at the budget next week and we said we'd both read the guidance "
        "before the twentieth okay that's it"
    )
    found = _items(note, ["Ana", "Boris"], "Ana")
    assert [(o, d) for o, _, d in found] == [
        ("Ana", "2026-03-06"),
        ("Boris", "2026-03-13"),
        (None, "2026-03-20"),
    ]
    assert "rota" in found[0][1] and "budget" in found[1][1] and "guidance" in found[2][1]


def test_bulgarian_voice_memo():
    note = (
        "[гласова бележка, автоматичен транскрипт]\n\nами така значи аз ще пратя на борис графика "
        "до петък и ъъ той ще погледне бюджета следващата седмица и се разбрахме двамата да "
        "прочетем указанията до двайсети"
    )
    found = _items(note, ["Ана", "Борис"], "Ана")
    assert [(o, d) for o, _, d in found] == [
        ("Ана", "2026-03-06"),
        ("Борис", "2026-03-13"),
        (None, "2026-03-20"),
    ]
    assert "указанията" in found[2][1]
