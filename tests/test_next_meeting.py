"""Booking the next session is not an action item, however it is said (the labelling rules);
a task for the next session, or one that books something else, still is."""

from datetime import date

import pytest

from models.actions import extract_actions
from models.sentences import split_sentences

EN_NO = [
    "Next session: I'll send Boris a couple of dates.",
    "We'll do this again in a month; I'll send him some dates.",
    "Next catch-up: Boris will text me a time.",
    "next sesh → Boris to book",
    "Boris — book next session — 8 July — booked",
    "For our next meeting I'll check my calendar and let Boris know.",
    "Next session in about three weeks, I'll send a Calendly link.",
    "I'll book the next session for early June.",
    "Boris will sort out a time for our next chat.",
    "I'll put our next session in the diary.",
    "Let's meet again in two weeks; Boris will send the invite.",
    "Next 1:1 → Ana to schedule.",
    "Next meeting — TBC, Boris to suggest a slot.",
    "We'll catch up again after Easter, I'll ping him a date.",
    "Re next session: I'll email Boris some times.",
]
EN_YES = [
    ("I'll bring my CV to the next session.", "Ana"),
    ("Boris will send me the rota before our next session.", "Boris"),
    ("Before the next meeting, I'll draft the budget and send it to Boris.", "Ana"),
    ("Next session: Boris will show me how he plans sprints.", "Boris"),
    ("Boris will book the room for the workshop before our next session.", "Boris"),
    ("I'll book the training course before our next session.", "Ana"),
    ("Boris will check the schedule for the warehouse shifts by Friday.", "Boris"),
]
BG_NO = [
    "Следващата среща ще я насроча аз.",
    "За следващата среща Борис ще си провери графика и ще ми каже.",
    "Следващата среща — след две седмици, аз ще му пиша по Viber.",
    "следващата среща – ще ти пиша в Outlook",
    "За следващата менторска среща ще пратя покана за юли.",
    "Следваща среща — 14 януари — насрочена",
    "Следващата среща: Борис ще предложи дата.",
    "Пак ще се видим след месец, ще ти пратя покана.",
    "За следващата среща ще уговорим час по телефона.",
]
BG_YES = [
    ("До следващата среща ще прегледам бюджета.", "Ана"),
    ("Борис ще ми прати графика на смените до петък.", "Борис"),
    ("За следващата среща ще подготвя презентацията.", "Ана"),
]


def _items(line, participants, author):
    return extract_actions(split_sentences(line), participants, date(2026, 3, 4), author)


@pytest.mark.parametrize("author", ["Ana", None])
@pytest.mark.parametrize("line", EN_NO)
def test_booking_the_next_session_gives_no_item(line, author):
    assert _items(line, ["Ana", "Boris"], author) == []


@pytest.mark.parametrize("author", ["Ана", None])
@pytest.mark.parametrize("line", BG_NO)
def test_bulgarian_booking_of_the_next_session_gives_no_item(line, author):
    assert _items(line, ["Ана", "Борис"], author) == []


@pytest.mark.parametrize(("line", "owner"), EN_YES)
def test_a_task_for_the_next_session_is_still_an_item(line, owner):
    items = _items(line, ["Ana", "Boris"], "Ana")
    assert [i["owner"] for i in items] == [owner]


@pytest.mark.parametrize(("line", "owner"), BG_YES)
def test_a_bulgarian_task_for_the_next_session_is_still_an_item(line, owner):
    items = _items(line, ["Ана", "Борис"], "Ана")
    assert [i["owner"] for i in items] == [owner]
