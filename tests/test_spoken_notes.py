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


def test_a_run_on_memo_is_read_in_pieces_where_the_speaker_moves_on():
    note = (
        "[voice memo]\n\nokay um so this is the memo from the session with Boris today um we were "
        "in the glasshouse because of the heating thing so uh yeah anyway main stuff first the "
        "seed bank audit um I said I'd finish the accession list for the seed bank audit by the "
        "31st because the inspectors are coming in April what else the volunteer rota yeah he "
        "mentioned I could maybe take over the Saturday volunteers but like if I have time which "
        "I don't really right now so I'm parking that and also we'll both go to the planning "
        "meeting on the 20th okay that's it"
    )
    pieces = split_sentences(note)
    assert len(pieces) > 3  # the run-on is no longer one "sentence"
    found = extract_actions(pieces, ["Ana", "Boris"], date(2026, 3, 4), "Ana")
    assert [(a["owner"], a["due"]) for a in found] == [("Ana", "2026-03-31"), (None, "2026-03-20")]
    assert "accession list" in found[0]["task"] and "Saturday" not in found[0]["task"]


@pytest.mark.parametrize(
    ("memo", "participants", "author", "expected"),
    [
        (
            "[voice memo]\n\nso um then gav's going to send me the rope rescue refresher dates "
            "tomorrow he got them from the area coordinator and like my homework basically is "
            "the nav logbook",
            ["Eilidh", "Gavin"], "Eilidh",
            ("Gavin", "Send Eilidh the rope rescue refresher dates", "2026-03-05"),
        ),
        (
            "[voice memo]\n\nand maja's going to send me her winterisation checklist by friday "
            "which is great because ours is ancient",
            ["Lukas", "Maja"], "Lukas",
            ("Maja", "Send Lukas her winterisation checklist", "2026-03-06"),
        ),
        (
            "[voice memo]\n\nand kofi's going to send me the loler checklist tomorrow the one he "
            "actually uses not the one on the shared drive",
            ["Darren", "Kofi"], "Darren",
            ("Kofi", "Send Darren the loler checklist", "2026-03-05"),
        ),
        (
            "[voice memo]\n\nand kofi's going to take me on the lift callout at the care home "
            "on friday the one that keeps levelling short so that's an early start 07.30 at the "
            "yard",
            ["Darren", "Kofi"], "Darren",
            ("Kofi", "Take Darren on the lift callout at the care home the one that keeps "
             "levelling short", "2026-03-06"),
        ),
        (
            "[гласова бележка]\n\nъъ и боби ще ми прати данните от сензорите за влажност утре "
            "сутринта той ги има на лаптопа и после моя е задачата да поръчам нови кошери "
            "следващата седмица",
            ["Елена", "Борислав"], "Елена",
            ("Борислав", "Прати данните от сензорите за влажност", "2026-03-05"),
        ),
    ],
)  # fmt: skip
def test_a_name_spoken_in_lower_case_owns_its_item_and_the_task_ends_with_its_clause(
    memo, participants, author, expected
):
    """A transcript writes "gav", "maja", "боби" in lower case and never uses a comma: the
    name still owns the item, and the task and its date stop where the next clause begins."""
    from models.pipeline import note_actions

    found, _ = note_actions(split_sentences(memo), memo, session_date=date(2026, 3, 4),
                            participants=participants, author=author)  # fmt: skip
    assert (found[0]["owner"], found[0]["task"], found[0]["due"]) == expected
