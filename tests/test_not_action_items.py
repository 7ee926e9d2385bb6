"""What looks like a commitment and is not: done, hedged, someone else's, advice, the next
meeting, questions, refusals, conditions, habits, goals, absences. No such line gives an action
item, whether the note has a first-person author or not."""

from datetime import date

import pytest

from models.actions import extract_actions
from models.sentences import split_sentences

ENGLISH = [
    "I sent Boris the rota template yesterday.",
    "Boris has already sent the rota template.",
    "Done: rota template sent to Boris.",
    "✅ rota template sent",
    "~~Send the rota template~~ (done)",
    "I might send the rota template if I have time.",
    "If I have time I'll look at the rota template.",
    "Maybe I'll rewrite the rota template at some point.",
    "I'd like to rewrite the rota template someday.",
    "I'm thinking of rewriting the rota template.",
    "I was planning to rewrite the rota template, but it's not needed now.",
    "HR will send the new rota template by Friday.",
    "My manager will review the rota template next week.",
    "Maria will send the rota template by Friday.",
    "The team will rewrite the rota template next week.",
    "You should rewrite the rota template.",
    "Boris suggested I rewrite the rota template, but I'm not convinced.",
    "It might be worth rewriting the rota template.",
    "I recommended that he rewrite the rota template; he'll think about it.",
    "We'll meet again on 18 March.",
    "Next session: 18 March, 10:00.",
    "I'll send an invite for our next session.",
    "Should I send the rota template to HR?",
    "Will you have time to look at it?",
    "I won't send the rota template this week.",
    "Boris isn't going to rewrite the rota template.",
    "There's no need to rewrite the rota template.",
    "We decided not to rewrite the rota template.",
    "If the budget is approved, I'll hire a second analyst.",
    "I usually send the rota template on Fridays.",
    "My goal is to become a team lead within two years.",
    "I want to get better at saying no.",
    "Maria said she'd send the rota template by Friday.",
    "We talked about how to rewrite the rota template.",
    "The rota template needs rewriting at some point.",
    "Boris is responsible for the rota.",
    "I'll be on leave next week.",
    "Boris will be away until the 20th.",
    "We'll keep doing the weekly check-ins.",
    "We'll see how it goes.",
    "I'll let you know if anything changes.",
    "Let me know if you need anything.",
    "Boris will probably be promoted next year.",
    # Advice: "told him to" with no yes to it.
    "I told Boris to rewrite the rota template.",
    "Boris told me to stop apologising so much.",
    "I told him to add a contingency; he nodded, but I'm not counting that as agreed.",
    "Told Boris to stop skipping the checks — he says it's fine, we'll see.",
    "I told Boris to flag it to his manager, he said he'd think about it.",
    "I know you're not keen, so I'll leave that with you.",
    "Auto-transcript · Wed 4 Mar 2026 · 16:48 · 2 min 51 s",
    "Kind regards, yours",
]
BULGARIAN = [
    "За пръв път ще водя сама трима клиенти и малко ме е страх.",
    "Тя каза, че ще опита „някой ден“, така че не го броя за задача.",
    "Графикът ще излезе до 15-ти, тогава ще знам кои съботи съм на смяна.",
    "Борис каза, че ще помисли.",
    "Той каза, че ще го обмисли след сезона.",
    "Това е работа на собственика, г-н Николов, той ще го кара в сервиза.",
    "Пратих на Борис графика вчера.",
    "Борис вече прати графика.",
    "Готово: графикът е пратен.",
    "Може да пратя графика, ако имам време.",
    "Ако имам време, ще погледна графика.",
    "Някой ден бих искала да пренапиша графика.",
    "Мисля си дали да не пренапиша графика.",
    "Смятах да пренапиша графика, но вече не трябва.",
    "ЧР ще пратят новия график до петък.",
    "Шефът ми ще прегледа графика следващата седмица.",
    "Мария ще прати графика до петък.",
    "Екипът ще пренапише графика следващата седмица.",
    "Борис предложи да пренапиша графика, но не съм убедена.",
    "Може би си струва да пренапишем графика.",
    "Ще се видим пак на 18 март.",
    "Следваща среща: 18 март, 10:00.",
    "Да пратя ли графика на ЧР?",
    "Няма да пращам графика тази седмица.",
    "Борис няма да пренапише графика.",
    "Няма нужда да пренаписваме графика.",
    "Решихме да не пренаписваме графика.",
    "Ако одобрят бюджета, ще наема втори анализатор.",
    "Обикновено пращам графика в петък.",
    "Целта ми е да стана тийм лийд до две години.",
    "Мария каза, че ще прати графика до петък.",
    "Говорихме как да пренапишем графика.",
    "Ще бъда в отпуск следващата седмица.",
    "Борис ще отсъства до 20-ти.",
    "Ще продължим със седмичните срещи.",
    "Ще видим как ще върви.",
    "Ще ти кажа, ако нещо се промени.",
    "Кажи ми, ако ти трябва нещо.",
    "Ще се опитам да се отпусна повече.",
]


def _items(line, participants, author):
    note = "We talked about the rota.\n\n" + line
    return extract_actions(split_sentences(note), participants, date(2026, 3, 4), author)


@pytest.mark.parametrize("line", ENGLISH)
@pytest.mark.parametrize("author", ["Ana", None])
def test_english_line_is_no_action_item(line, author):
    assert _items(line, ["Ana", "Boris"], author) == []


@pytest.mark.parametrize("line", BULGARIAN)
@pytest.mark.parametrize("author", ["Ана", None])
def test_bulgarian_line_is_no_action_item(line, author):
    assert _items(line, ["Ана", "Борис"], author) == []


@pytest.mark.parametrize(
    "line",
    [
        "- Volunteer coordinator (Beth) to update the weekend rota by Friday",
        "- Service manager to decide on the extra caseworker post after the funding bid",
        "- Landlord (Mr Hale) — Approve roof repair budget — June",
        "- Dr Ahmadi (vets) — Confirm the vet weighing protocol — July",
        "- Glossary sign-off meeting with the client — Kessler's team schedules that, not us",
        "- Her idea: 5-min standup template for shift handover",
    ],
)
def test_a_list_line_for_someone_outside_the_pair(line):
    assert _items("## Actions\n" + line, ["Ana", "Boris"], "Ana") == []


@pytest.mark.parametrize(
    "line",
    [
        "- Теди (продукт) да приоритизира бекълога за Q1 — не е при нас",
        "- Нова визия на лендинга — дизайн отделът (Мира), не сме ние",
    ],
)
def test_a_bulgarian_list_line_for_someone_outside_the_pair(line):
    assert _items("## Задачи\n" + line, ["Ана", "Борис"], "Ана") == []


def test_a_header_with_whose_it_is_in_brackets_is_still_the_pair_s():
    found = _items("Action (both): mock pitch on 12 March.", ["Ana", "Boris"], "Ana")
    assert [(a["owner"], a["due"]) for a in found] == [(None, "2026-03-12")]


@pytest.mark.parametrize(
    "line",
    [
        "Let's grab 30 mins again in a fortnight — I'll send an invite.",
        "We'll meet again in three weeks; I'll send him an invite.",
        "I'll text him.",
        "I like the idea, but realistically I'll leave it until after the exam.",
        "- nxt 1:1 → Boris books, ~3 wks",
        "- Kestrel procurement — Return signed NDA — 3.07",
        "- Regional VP — Pricing approval for the volume tier — TBD",
        "Lorraine then decides the dates, nothing either of us can do about that bit.",
        "I suggested Toastmasters, you didn't sound keen, so let's drop it.",
        "He suggested a wins file; good idea, not sure I'll get round to it.",
        "Mark is supposed to approve the travel — I said I'd stay out of that.",
        "You'll need it for point 1.",
        "| Кой | Какво | Кога |\n|---|---|---|\n| Boris | Следваща среща | 12.10 |",
    ],
)
def test_more_look_alikes_from_lists_and_letters(line):
    assert _items("## Actions\n" + line, ["Ana", "Boris"], "Ana") == []


def test_a_listed_task_on_someone_else_s_approval():
    line = "- Raj — Join the visit to the fastener supplier — if travel is approved"
    assert _items("## Actions\n" + line, ["Ana", "Rajesh"], "Ana") == []


@pytest.mark.parametrize(
    "line",
    [
        "Ще му пиша за среща през ноември.",
        "Ще ѝ звънна след празниците да се уговорим за следващата среща.",
        "Отчет по предходни задачи.",
        "- Крайната цена с куриера — решава собственикът, Светлин, не ние",
    ],
)
def test_more_bulgarian_look_alikes(line):
    assert _items(line, ["Ана", "Борис"], "Ана") == []
