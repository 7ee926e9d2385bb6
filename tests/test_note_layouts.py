"""Action items from the layouts notes come in: tables with different columns, checklists,
owner markers before or after the task, and a letter to the other participant whose list of
orders is theirs. Ana writes; Boris is the other participant; Wednesday 4 March 2026."""

from datetime import date

import pytest

from models.actions import extract_actions
from models.sentences import split_sentences

CASES = [
    # tables
    (
        "| Action | Owner | Due |\n|---|---|---|\n"
        "| Send the rota template | Boris | Fri 6 Mar |\n| Review the budget | Ana | 13.03 |\n",
        [("Boris", "rota", "2026-03-06"), ("Ana", "budget", "2026-03-13")],
    ),
    (
        "| Who | What | When |\n|---|---|---|\n| Boris | send the rota template | Friday |\n"
        "| Ana | review the budget | next week |\n",
        [("Boris", "rota", "2026-03-06"), ("Ana", "budget", "2026-03-13")],
    ),
    (
        "| # | Task | Responsible | Deadline | Status |\n|---|---|---|---|---|\n"
        "| 1 | Send the rota template | Boris | 06.03 | open |\n"
        "| 2 | Book the room | Ana | 05.03 | done |\n",
        [("Boris", "rota", "2026-03-06")],
    ),
    (
        "| Задача | Отговорник | Срок |\n|---|---|---|\n| Изпрати графика | Борис | петък |\n"
        "| Прегледай бюджета | Ана | 13.03 |\n",
        [("Борис", "график", "2026-03-06"), ("Ана", "бюджет", "2026-03-13")],
    ),
    # checklists
    (
        "## Next steps\n- [ ] Boris: send the rota template by Friday\n"
        "- [x] Ana: book the room\n- [ ] Ana — review the budget, next week\n",
        [("Boris", "rota", "2026-03-06"), ("Ana", "budget", "2026-03-13")],
    ),
    (
        "## Next steps\n☐ Boris sends the rota template by Friday\n☑ Ana books the room\n"
        "☐ Ana reviews the budget next week\n",
        [("Boris", "rota", "2026-03-06"), ("Ana", "budget", "2026-03-13")],
    ),
    (
        "## Actions\n- Send the rota template by Friday — Boris\n"
        "- Review the budget next week (Ana)\n- [Boris] Call the venue tomorrow\n"
        "- @Ana draft the agenda by Monday\n",
        [
            ("Boris", "rota", "2026-03-06"),
            ("Ana", "budget", "2026-03-13"),
            ("Boris", "venue", "2026-03-05"),
            ("Ana", "agenda", "2026-03-09"),
        ],
    ),
    (
        "## Следващи стъпки\n- [ ] Борис: да изпрати графика до петък\n"
        "- [x] Ана: резервира залата\n- Прегледай бюджета — Ана, следващата седмица\n"
        "- Обади се на залата утре (Борис)\n",
        [
            ("Борис", "график", "2026-03-06"),
            ("Ана", "бюджет", "2026-03-13"),
            ("Борис", "зал", "2026-03-05"),
        ],
    ),
    # addressed to the reader, written by Ana to Boris
    (
        "Hi Boris,\n\nThanks for today. Here is what we agreed.\n\n**For next time**\n"
        "1. Rewrite the rota template by Friday.\n2. Ask Maria about the budget.\n"
        "3. I'll send you the slides tomorrow.\n\nBest,\nAna",
        [
            ("Boris", "rota", "2026-03-06"),
            ("Boris", "budget", None),
            ("Ana", "slides", "2026-03-05"),
        ],
    ),
    (
        "Здравей, Борис!\n\nЕто какво се разбрахме.\n\n**Домашно**\n"
        "1. Пренапиши графика до петък.\n2. Питай Мария за бюджета.\n"
        "3. Аз ще ти пратя слайдовете утре.\n\nПоздрави,\nАна",
        [
            ("Борис", "график", "2026-03-06"),
            ("Борис", "бюджет", None),
            ("Ана", "слайд", "2026-03-05"),
        ],
    ),
]


def _items(note):
    bulgarian = any("\u0400" <= ch <= "\u04ff" for ch in note)
    participants = ["Ана", "Борис"] if bulgarian else ["Ana", "Boris"]
    found = extract_actions(split_sentences(note), participants, date(2026, 3, 4), participants[0])
    return [(a["owner"], a["task"], a["due"]) for a in found]


@pytest.mark.parametrize(("note", "expected"), CASES, ids=[f"layout{i}" for i in range(len(CASES))])
def test_layout_gives_each_owner_task_and_due(note, expected):
    found = _items(note)
    for owner, word, due in expected:
        assert any(o == owner and word in t.lower() and d == due for o, t, d in found), found
    assert len(found) == len(expected)


def test_a_letter_opened_by_a_bare_vocative_gives_its_list_to_the_reader():
    note = (
        "До: Борис Петров\nОт: Ана Иванова\n\nБорисе,\n\nБлагодаря за днешния разговор.\n\n"
        "Какво остава за теб:\n\n- Прати ми до четвъртък три от последните си анализа.\n"
        "- Предложението за новия onboarding процес — то е твое.\n\n"
        "От моя страна: ще ти пратя шаблона утре.\n\nПоздрави,\nАна"
    )
    found = _items(note)
    assert [(o, d) for o, _, d in found] == [
        ("Борис", "2026-03-05"),
        ("Борис", None),
        ("Ана", "2026-03-05"),
    ]
    assert "onboarding" in found[1][1]


# The status column of an action table: these say the row is no open task of the pair.
CLOSED_STATUS = ["done", "Done — sent 2 Mar", "✔ done 3 March", "✅", "✔", "completed",
                 "cancelled", "booked", "for info", "not ours",
                 "only if there's budget"]  # fmt: skip
CLOSED_STATUS_BG = ["готово", "✔ готово", "✔ свършено", "приключено", "за сведение",
                    "не е наша", "насрочена", "може би", "✔"]  # fmt: skip
OPEN_STATUS = ["open", "in progress", "", "—", "not started"]
OPEN_STATUS_BG = ["отворена", "в процес", "", "—", "предстои"]


def _status_table(status: str, bulgarian: bool) -> str:
    if bulgarian:
        return ("| Задача | Кой | Срок | Статус |\n|---|---|---|---|\n"
                f"| Прати графика на смените | Борис | петък | {status} |\n")  # fmt: skip
    return ("| Action | Who | When | Status |\n|---|---|---|---|\n"
            f"| Send the shift rota | Boris | Friday | {status} |\n")  # fmt: skip


@pytest.mark.parametrize("status", CLOSED_STATUS)
def test_a_row_whose_status_closes_it_gives_no_item(status):
    assert _items(_status_table(status, bulgarian=False)) == []


@pytest.mark.parametrize("status", CLOSED_STATUS_BG)
def test_a_bulgarian_row_whose_status_closes_it_gives_no_item(status):
    assert _items(_status_table(status, bulgarian=True)) == []


@pytest.mark.parametrize("status", OPEN_STATUS)
def test_a_row_whose_status_leaves_it_open_is_the_owner_s_task(status):
    found = _items(_status_table(status, bulgarian=False))
    assert [(o, d) for o, _, d in found] == [("Boris", "2026-03-06")]


@pytest.mark.parametrize("status", OPEN_STATUS_BG)
def test_a_bulgarian_row_whose_status_leaves_it_open_is_the_owner_s_task(status):
    found = _items(_status_table(status, bulgarian=True))
    assert [(o, d) for o, _, d in found] == [("Борис", "2026-03-06")]
