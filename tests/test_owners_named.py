"""Who owns an item when the note names people in other ways: "my mentee", "Менторът ми",
titles and surnames, initials from the attendance line, nicknames, "she"/"he" in minutes,
"you" in a letter, Bulgarian vocatives."""

from datetime import date

import pytest

from models.actions import extract_actions
from models.sentences import split_sentences

CASES = [
    # (note, participants, author, expected owner of the one item)
    (
        "Notes from today's session with my mentee.\n\n"
        "My mentee will draft the rota template by Friday.",
        ["Ana", "Boris"],
        "Ana",
        "Boris",
    ),
    (
        "Session notes.\n\nMy mentor offered to review my rota template by Friday.",
        ["Ana", "Boris"],
        "Ana",
        "Boris",
    ),
    (
        "Present: Ana Ivanova, Boris Petrov.\n\nMs Ivanova will draft the rota template by Friday.",
        ["Ana", "Boris"],
        None,
        "Ana",
    ),
    (
        "Present: Ana Ivanova, Boris Petrov.\n\nMr Petrov to review the rota template by Friday.",
        ["Ana", "Boris"],
        None,
        "Boris",
    ),
    (
        "Present: Ana Ivanova (AI), Boris Petrov (BP).\n\n"
        "BP will review the rota template by Friday.",
        ["Ana", "Boris"],
        None,
        "Boris",
    ),
    (
        "Present: Ana Ivanova, Boris Petrov.\n\nPetrov will review the rota template by Friday.",
        ["Ana", "Boris"],
        None,
        "Boris",
    ),
    (
        "Quick notes.\n\nBobby will review the rota template by Friday.",
        ["Ana", "Boris"],
        "Ana",
        "Boris",
    ),
    (
        "Ana and Boris met on Wednesday. She will draft the rota template by Friday.",
        ["Ana", "Boris"],
        None,
        "Ana",
    ),
    (
        "Ana and Boris met on Wednesday. He will review the rota template by Friday.",
        ["Ana", "Boris"],
        None,
        "Boris",
    ),
    (
        "Boris,\n\nthanks for today. You'll draft the rota template by Friday.",
        ["Ana", "Boris"],
        "Ana",
        "Boris",
    ),
    (
        "Бележки от срещата с менторираната ми.\n\nМенторираната ми ще подготви графика до петък.",
        ["Ана", "Борис"],
        "Борис",
        "Ана",
    ),
    (
        "Присъстваха: Ана Иванова, Борис Петров.\n\nГ-жа Иванова ще подготви графика до петък.",
        ["Ана", "Борис"],
        None,
        "Ана",
    ),
    (
        "Присъстваха: Ана Иванова, Борис Петров.\n\nГ-н Петров да прегледа графика до петък.",
        ["Ана", "Борис"],
        None,
        "Борис",
    ),
    ("Бележки.\n\nБоби ще прегледа графика до петък.", ["Ана", "Борис"], "Ана", "Борис"),
    ("Бележки.\n\nАни ще прегледа графика до петък.", ["Ана", "Борис"], "Борис", "Ана"),
    (
        "Борисе, благодаря за днес. Ти ще подготвиш графика до петък.",
        ["Ана", "Борис"],
        "Ана",
        "Борис",
    ),
    (
        "Ана и Борис се срещнаха в сряда. Тя ще подготви графика до петък.",
        ["Ана", "Борис"],
        None,
        "Ана",
    ),
    (
        "Ана и Борис се срещнаха в сряда. Той ще прегледа графика до петък.",
        ["Ана", "Борис"],
        None,
        "Борис",
    ),
]


@pytest.mark.parametrize(("note", "participants", "author", "owner"), CASES)
def test_owner(note, participants, author, owner):
    found = extract_actions(split_sentences(note), participants, date(2026, 3, 4), author)
    assert [a["owner"] for a in found] == [owner]


@pytest.mark.parametrize(
    ("note", "participants", "owner"),
    [
        ("## Actions\n- CR → rewrite the hydrant check sheet by Friday\n", ["Callum", "Dana"],
         "Callum"),
        ("## Actions\n- Mo — Walk-through of Elm Court with Derek, Friday\n",
         ["Mohammed", "Sara"], "Mohammed"),
        ("## Задачи\n- Медиен план за коледната кампания — Й., петък\n", ["Йоана", "Виктор"],
         "Йоана"),
        ("## Задачи\n- Списък реквизит за „Чайка“ → МК, петък\n", ["Магдалена", "Христо"],
         "Магдалена"),
    ],
)  # fmt: skip
def test_initials_and_short_names_in_an_owner_slot(note, participants, owner):
    found = extract_actions(split_sentences(note), participants, date(2026, 3, 4), None)
    assert [a["owner"] for a in found] == [owner]


def test_an_acronym_in_an_owner_slot_is_no_participant():
    note = "## Actions\n- HR → confirm the budget by Friday\n"
    found = extract_actions(split_sentences(note), ["Helena", "Raj"], date(2026, 3, 4), None)
    assert "Helena" not in [a["owner"] for a in found]


@pytest.mark.parametrize(
    ("short", "full"),
    [("Wojtek", "Wojciech"), ("Bartek", "Bartłomiej"), ("Kasia", "Katarzyna"), ("Kuba", "Jakub")],
)
def test_a_polish_diminutive_in_an_action_table_is_the_participant(short, full):
    note = ("| Action | Who | When |\n|---|---|---|\n"
            f"| Share the customs decision tree | {short} | Friday |\n")  # fmt: skip
    found = extract_actions(split_sentences(note), [full, "Hannah"], date(2026, 3, 4), "Hannah")
    assert [(a["owner"], a["due"]) for a in found] == [(full, "2026-03-06")]


@pytest.mark.parametrize(
    ("short", "full"), [("Len", "Leonard"), ("Marge", "Marguerite"), ("Merche", "Mercedes")]
)
def test_an_english_diminutive_as_a_subject_is_the_participant(short, full):
    note = f"{short} is going to raise it with Planning at the ops meeting on Tuesday."
    found = extract_actions(split_sentences(note), [full, "Fatima"], date(2026, 3, 13), "Fatima")
    assert [(a["owner"], a["due"]) for a in found] == [(full, "2026-03-17")]


def test_a_time_in_brackets_after_a_weekday_is_not_a_date():
    """ "Sat am (9.30)": Saturday at half past nine, not 30 September."""
    note = "- told her I'd run a practice with her on the big beech, Sat am (9.30)"
    found = extract_actions(
        split_sentences(note), ["Kieran", "Jasmine"], date(2026, 7, 22), "Kieran"
    )
    assert [(a["owner"], a["due"]) for a in found] == [("Kieran", "2026-07-25")]


@pytest.mark.parametrize(
    "note, participants, owner, task_words",
    [
        ("Lucía will send the rota to Ana by Friday.", ["Ana", "Lucía"], "Lucía", "rota"),
        ("Ana will send the rota to Lucía by Friday.", ["Ana", "Lucía"], "Ana", "Lucía"),
        ("Ciarán to book the room for the retro by Friday.", ["Mei", "Ciarán"], "Ciarán", "room"),
        ("Bartłomiej will update the CE matrix by Friday.", ["Ana", "Bartłomiej"], "Bartłomiej",
         "matrix"),
        # A Slack handle without the circumflex is still Siân.
        ("**sian.r** 10:05\nI'll send you the protocol by Friday.\n\n**kwame.a** 10:07\nthanks",
         ["Kwame", "Siân"], "Siân", "protocol"),
    ],
)  # fmt: skip
def test_names_with_diacritics_own_their_items(note, participants, owner, task_words):
    from models.pipeline import note_actions

    items, _ = note_actions(split_sentences(note), note, session_date=date(2026, 5, 4),
                            participants=participants)  # fmt: skip
    assert [i["owner"] for i in items] == [owner]
    assert task_words in items[0]["task"]
    assert items[0]["due"] == "2026-05-08"


@pytest.mark.parametrize(
    "note, participants, owner",
    [
        ("Кальо ще ми прати таблицата си за food cost утре.", ["Петя", "Калоян"], "Калоян"),
        ("Мими ще ми прати примерен FMEA до петък.", ["Асен", "Милена"], "Милена"),
        ("Ива ще ми прати договора до петък.", ["Николай", "Ивелина"], "Ивелина"),
        ("Оги обеща да ми прати образец на писмото до петък.", ["Ралица", "Огнян"], "Огнян"),
        ("Васко ще ми прати достъп до базата до петък.", ["Гергана", "Васил"], "Васил"),
        # "Марко" is a man's name of its own, not Мария's.
        ("Марко ще ми прати договора до петък.", ["Иван", "Мария"], None),
        # "Иво" is a man's name, not Ивелина's: someone else's promise.
        ("Иво ще ми прати договора до петък.", ["Николай", "Ивелина"], None),
    ],
)
def test_bulgarian_pet_names_own_their_items(note, participants, owner):
    """ "-ьо" on the start of the name ("Кальо"), its first syllable twice ("Мими"), or its
    first syllable and "-а" ("Ива")."""
    items = extract_actions(split_sentences(note), participants, date(2026, 5, 4), participants[0])
    assert [i["owner"] for i in items] == ([owner] if owner else [])
