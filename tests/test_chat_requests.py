"""A request in a pasted chat and the other person's yes make an action item for the one who
said yes, whatever the wording of either: a grid of request and acceptance wordings."""

from datetime import date

import pytest

from models.actions import extract_actions
from models.sentences import split_sentences

EN_REQUESTS = [
    "can you send me the rota by Friday?", "could you send me the rota by Friday?",
    "would you mind sending me the rota by Friday?",
    "any chance you could send me the rota by Friday?",
    "are you able to send me the rota by Friday?",
    "would you be able to send me the rota by Friday?",
    "can I ask you to send me the rota by Friday?", "please send me the rota by Friday",
    "send me the rota by Friday pls", "will you send me the rota by Friday?",
    "I need the rota from you by Friday, ok?", "mind sending me the rota by Friday?",
]  # fmt: skip
EN_ANSWERS = [
    "sure", "yes, will do", "yep", "ok", "on it", "no problem", "np", "consider it done", "can do",
    "I'll do it", "leave it with me", "👍", "happy to", "of course", "absolutely", "sounds good",
    "yeah I can do that", "sure thing", "Sure, Friday works",
]  # fmt: skip
BG_REQUESTS = [
    "Можеш ли да ми пратиш графика до петък?", "Би ли ми пратила графика до петък?",
    "Ще ми пратиш ли графика до петък?", "Може ли да ми пратиш графика до петък?",
    "Моля те, прати ми графика до петък.", "Ако може, прати ми графика до петък.",
    "Прати ми графика до петък, моля.", "Ще можеш ли да ми пратиш графика до петък?",
]  # fmt: skip
BG_ANSWERS = [
    "Да", "Добре", "Разбира се", "Става", "Дадено", "Ок", "Няма проблем", "Ще го направя",
    "Окей", "👍", "Поемам", "Да, ще го пратя", "Добре, до петък ще е при теб",
]  # fmt: skip


def _chat(asker, answerer, request, answer):
    return (
        f"[10:00] {asker}: Hi!\n[10:01] {asker}: {request}\n"
        f"[10:03] {answerer}: {answer}\n[10:04] {asker}: Thanks!\n"
    )


def _items(note, participants):
    found = extract_actions(split_sentences(note), participants, date(2026, 3, 4), None)
    return [(a["owner"], a["task"], a["due"]) for a in found]


@pytest.mark.parametrize("request_text", EN_REQUESTS)
@pytest.mark.parametrize("answer", EN_ANSWERS)
def test_english_request_and_yes(request_text, answer):
    items = _items(_chat("Boris Petrov", "Ana Ivanova", request_text, answer), ["Ana", "Boris"])
    assert any(o == "Ana" and "rota" in t and d == "2026-03-06" for o, t, d in items), items


@pytest.mark.parametrize("request_text", BG_REQUESTS)
@pytest.mark.parametrize("answer", BG_ANSWERS)
def test_bulgarian_request_and_yes(request_text, answer):
    items = _items(_chat("Борис Петров", "Ана Иванова", request_text, answer), ["Ана", "Борис"])
    assert any(o == "Ана" and "график" in t and d == "2026-03-06" for o, t, d in items), items


@pytest.mark.parametrize(
    ("request_text", "answer"),
    [
        ("can you send me the rota by Friday?", "no, sorry, not this week"),
        ("Можеш ли да ми пратиш графика до петък?", "Не, няма как тази седмица."),
        ("Може ли да дойда при теб в петък?", "Да"),  # asks leave, not a task for Ana
    ],
)
def test_no_or_a_request_for_leave_gives_no_item_for_the_answerer(request_text, answer):
    items = _items(_chat("Boris Petrov", "Ana Ivanova", request_text, answer), ["Ana", "Boris"])
    bg = _items(_chat("Борис Петров", "Ана Иванова", request_text, answer), ["Ана", "Борис"])
    assert not [i for i in items + bg if i[0] in ("Ana", "Ана")]


FORMATS = {
    "stamp": "[{t}] {who}: {msg}",
    "whatsapp": "[04/03/2026, {t}] {who}: {msg}",
    "whatsapp export": "04/03/2026, {t} - {who}: {msg}",
    "telegram": "{who}, [04.03.2026 {t}]\n{msg}",
    "slack": "**{who}** {t} AM\n{msg}",
    "teams": "{who}  {t}\n{msg}",
    "teams copy": "[{t} AM] {who}\n{msg}",
    "discord": "{who} — 04/03/2026 {t}\n{msg}",
    "time in brackets": "{who} ({t}): {msg}",
    "time first": "{t} {who}: {msg}",
    "name only": "{who}: {msg}",
    "first name": "{first}: {msg}",
    "handle": "{handle}: {msg}",
    "at handle": "@{at}: {msg}",
    "initial for a surname": "[{t}] {first} {initial}.: {msg}",
}


@pytest.mark.parametrize("layout", FORMATS.values(), ids=list(FORMATS))
def test_chat_layouts_tell_who_asks_and_who_says_yes(layout):
    def line(who, t, msg):
        first, last = who.split()
        handle = f"{first.lower()}.{last[0].lower()}"
        return layout.format(
            who=who, t=t, msg=msg, first=first, initial=last[0], handle=handle, at=first.lower()
        )

    lines = [
        line("Boris Petrov", "10:00", "Hi!"),
        line("Boris Petrov", "10:01", "can you send me the rota?"),
        line("Ana Ivanova", "10:03", "sure, by Friday"),
        line("Boris Petrov", "10:04", "Thanks!"),
    ]
    items = _items("Chat\n\n" + "\n".join(lines) + "\n", ["Ana", "Boris"])
    assert ("Ana", "Send Boris the rota", "2026-03-06") in items


def test_an_emoji_before_a_request_and_a_topic_in_the_answer():
    chat = (
        "[16:06] Boris Petrov: 👏 could you also pull MTBF numbers for the sorter robots? no rush\n"
        "[16:10] Boris Petrov: anyway, thanks\n"
        "[16:15] Ana Ivanova: re MTBF — yeah ok, I'll pull them. give me till March 20th\n"
    )
    items = _items(chat, ["Ana", "Boris"])
    assert ("Ana", "Pull MTBF numbers for the sorter robots", "2026-03-20") in items


def test_a_viber_chat_with_emoji_in_a_handle_a_question_back_and_an_apology_first():
    """The yes may come after a question back ("Колко кратък?") and a moment to check, or after
    an apology; a handle may carry an emoji; "Би ли написала" asks for "Напиши"."""
    chat = (
        "[29.01.26, 08:17] Борис Петров: Би ли написала кратък чеклист за новите колеги?\n"
        "[29.01.26, 08:18] Ани 🌸: Колко кратък?\n"
        "[29.01.26, 08:20] Борис Петров: Една страница, не повече.\n"
        "[29.01.26, 08:21] Ани 🌸: Чакай да си видя графика тази седмица...\n"
        "[29.01.26, 08:24] Ани 🌸: Добре, поемам. До петък ще ти го пратя\n"
        "[29.01.26, 08:33] Ани 🌸: Ок. А може ли да ми пратиш презентацията от обучението?\n"
        "[29.01.26, 08:39] Ани 🌸: ?\n"
        "[29.01.26, 08:40] Борис Петров: Извинявай, бях на гишето. Да, ще ти я пратя довечера\n"
    )
    found = extract_actions(split_sentences(chat), ["Ана", "Борис"], date(2026, 1, 29), None)
    items = [(a["owner"], a["task"].split()[0], a["due"]) for a in found]
    assert ("Ана", "Напиши", "2026-01-30") in items
    assert ("Борис", "Прати", "2026-01-29") in items
    assert len(items) == 2


def test_a_slack_chat_with_lower_case_handles_gives_each_speaker_their_items():
    """ "nik:" is Niklas and "samira.k:" Samira; her own plan between the request and her yes
    stays an item of its own."""
    chat = (
        "[09:58] samira.k: morning! mentoring over slack today\n"
        "[10:01] nik: can you send me the base-station log from Tuesday?\n"
        "[10:04] samira.k: I'll redo the GCP layout by Wednesday\n"
        "[10:06] nik: I'll write the pre-flight risk template tomorrow\n"
        "[10:07] samira.k: re the log — yes, will send it Monday\n"
    )
    found = extract_actions(split_sentences(chat), ["Samira", "Niklas"], date(2026, 5, 22), None)
    items = sorted((a["owner"] or "", a["due"] or "") for a in found)
    assert items == [("Niklas", "2026-05-23"), ("Samira", "2026-05-25"), ("Samira", "2026-05-27")]


def test_a_slack_export_with_bracketed_times_and_handles_that_start_the_names():
    """ "**dec_ops** [10:07]" on its own line says who writes below: "dec_ops" is Declan and
    "sofi.r" Sofia."""
    chat = (
        "**dec_ops** [10:07]\nalso I'll share the antenna maintenance calendar with you EOD\n\n"
        "**sofi.r** [10:18]\nthanks. I'll shadow the overnight LEOP shift next week\n"
    )
    found = extract_actions(split_sentences(chat), ["Sofia", "Declan"], date(2026, 3, 24), None)
    assert [(a["owner"], a["due"]) for a in found] == [
        ("Declan", "2026-03-24"),
        ("Sofia", "2026-04-03"),
    ]
    assert found[0]["task"] == "Share the antenna maintenance calendar with Sofia"


def test_bold_chat_lines_with_an_initial_and_surname_handle_are_one_message_each():
    """ "**[18:05] m.dubois:** ..." lines are messages of their own; "m.dubois" is Marguerite,
    so "olindqvist", who names nobody, is Oskar."""
    chat = (
        "**[18:05] m.dubois:** I'll forward you the ISM audit findings from last year, tonight\n"
        "**[18:07] olindqvist:** ok, I'll email Pernille tomorrow\n"
        "**[18:15] m.dubois:** perfect\n"
    )
    found = extract_actions(split_sentences(chat), ["Oskar", "Marguerite"], date(2026, 3, 29), None)
    assert [(a["owner"], a["task"], a["due"]) for a in found] == [
        ("Marguerite", "Forward Oskar the ISM audit findings from last year", "2026-03-29"),
        ("Oskar", "Email Pernille", "2026-03-30"),
    ]


def test_an_apology_in_a_message_of_its_own_keeps_the_request_open_for_the_yes():
    chat = (
        "[10.08.26, 18:12] Деси Ангелова: можеш ли да ми пратиш списъка с оплакванията за юли?\n"
        "[10.08.26, 18:20] Kaloyan P.: извинявай, бях на касата\n"
        "[10.08.26, 18:20] Kaloyan P.: да, ще ти го пратя до края на седмицата\n"
    )
    found = extract_actions(split_sentences(chat), ["Десислава", "Калоян"], date(2026, 8, 10), None)
    assert [(a["owner"], a["due"], a["sources"]) for a in found] == [
        ("Калоян", "2026-08-14", [0, 2])
    ]
    assert found[0]["task"].startswith("Прати списъка с оплакванията")


def test_slack_headers_with_a_display_name_in_brackets_say_who_writes():
    chat = (
        "**owen.b (Coach O)** 4:06 PM\nyou'll be fine. can you put together the U12 session plan "
        "for the parent evening? one page\n\n"
        "**priya.s** 4:07 PM\nalso could you send me the safeguarding refresher link?\n\n"
        "**owen.b (Coach O)** 4:07 PM\non it, you'll have it by EOD\n\n"
        "**priya.s** 4:11 PM\nre the plan — sure, thursday ok?\n\n"
        "**priya.s** 4:14 PM\nI'll also draft the player feedback form, end of next week "
        "realistically\n"
    )
    found = extract_actions(split_sentences(chat), ["Priya", "Owen"], date(2026, 2, 23), None)
    assert [(a["owner"], a["task"], a["due"]) for a in found] == [
        ("Priya", "Put together the U12 session plan for the parent evening", "2026-02-26"),
        ("Owen", "Send Priya the safeguarding refresher link", "2026-02-23"),
        ("Priya", "Draft the player feedback form", "2026-03-06"),
    ]


def test_a_request_answered_after_a_hesitation_that_trails_off():
    chat = (
        "[02.09.26, 18:45] Краси Петров: А ти можеш ли да подготвиш кратко обучение за новите "
        "добавки до петък? 10–15 минути, не повече\n"
        "[02.09.26, 18:52] Деси 💊: Хм, петък ми е натоварен...\n"
        "[02.09.26, 18:58] Деси 💊: Добре, поемам 💪\n"
    )
    found = extract_actions(
        split_sentences(chat), ["Десислава", "Красимир"], date(2026, 9, 2), None
    )
    assert [(a["owner"], a["due"]) for a in found] == [("Десислава", "2026-09-04")]
    assert found[0]["task"].startswith("Подготви кратко обучение")


def test_in_a_two_person_chat_the_handle_that_names_nobody_is_the_other_participant():
    """ "Мими Лозенец" names neither participant; "Краси Г." is Красимира, so Мими is Милена."""
    chat = (
        "[19.03.26, 18:43] Краси Г.: Можеш ли да ми пратиш графика за април?\n"
        "[19.03.26, 18:44] Мими Лозенец: Да, ще ти го пратя до понеделник\n"
        "[19.03.26, 18:46] Краси Г.: Аз поемам обучението на новата стажантка – в сряда\n"
    )
    found = extract_actions(split_sentences(chat), ["Милена", "Красимира"], date(2026, 3, 19), None)
    assert sorted((a["owner"], a["due"]) for a in found) == [
        ("Красимира", "2026-03-25"),
        ("Милена", "2026-03-23"),
    ]


def test_bare_q_and_a_lines_keep_the_asker_and_answerer_named_first():
    note = (
        "**Q (Olly):** The Brennan case. How do I present affordability?\n"
        "**A (Hannah):** Show both years.\n\n"
        "**Q:** Which lenders even take that profile right now?\n"
        "**A:** Fewer than you'd think. I'll forward you my lender criteria matrix tomorrow.\n\n"
        "**Q:** Exams?\n**A:** Where are you with CeMAP 3?\n"
        "**Olly:** I'm going to try to get through the full mock paper before the 1st.\n"
    )
    found = extract_actions(split_sentences(note), ["Oliver", "Hannah"], date(2026, 5, 20), None)
    assert [(a["owner"], a["due"]) for a in found] == [
        ("Hannah", "2026-05-21"),
        ("Oliver", "2026-06-01"),
    ]


def test_telegram_headers_with_a_name_or_handle_a_comma_and_a_24_hour_time():
    chat = (
        "@kaloyan_qa, 17:43\nДобре. Ще пусна отделен nightly job до петък.\n\n"
        "Мариела Георгиева, 17:45\nСупер. Аз ще ти пратя моя шаблон за test plan днес.\n"
    )
    found = extract_actions(split_sentences(chat), ["Калоян", "Мариела"], date(2026, 6, 3), None)
    assert [(a["owner"], a["due"]) for a in found] == [
        ("Калоян", "2026-06-05"),
        ("Мариела", "2026-06-03"),
    ]


def test_a_request_taken_on_five_messages_later_by_naming_it():
    chat = (
        "[09:11] Declan: could you also send me the anonymised timeline of the case?\n"
        "[09:12] Amara: with the pre-action protocol steps too?\n"
        "[09:12] Declan: yeah that'd be perfect\n"
        "[09:15] Amara: second thing, the damp complaint. repairs say they'll inspect\n"
        "[09:16] Declan: ok that's repairs' timeline not yours. just log it\n"
        "[09:17] Amara: already logged 👍\n"
        "[09:19] Declan: and the estate walkabout — you wanted someone to come with you?\n"
        "[09:20] Amara: yes please, it's next Thursday\n"
        "[09:24] Amara: oh and re the timeline — yep, will get that to you by Wednesday\n"
    )
    found = extract_actions(split_sentences(chat), ["Amara", "Declan"], date(2026, 4, 27), None)
    timeline = [a for a in found if "timeline" in a["task"]]
    assert [(a["owner"], a["due"]) for a in timeline] == [("Amara", "2026-04-29")]


def test_a_latin_handle_with_a_bare_initial_in_a_bulgarian_viber_chat():
    """ "Mira K:" is Мирела (her name in Latin letters, an initial for the surname)."""
    chat = (
        "[02.03.26, 09:25] Диего Рамос: Можеш ли да направиш речник на термините, тази седмица?\n"
        "[02.03.26, 09:33] Mira K: за речника — поемам го, до петък е готов\n"
    )
    found = extract_actions(split_sentences(chat), ["Мирела", "Диего"], date(2026, 3, 2), None)
    assert [(a["owner"], a["due"]) for a in found] == [("Мирела", "2026-03-06")]
    assert "готов" not in found[0]["task"]


def test_a_q_and_a_note_names_who_asks_and_who_answers():
    note = (
        "Q (Mat): Could you send me the checklist you use for claim numbering?\n"
        "A (Ingrid): Sure — tonight, once I've stripped out the client names.\n\n"
        "Q (Ingrid): When will you have the glossary?\n"
        "A (Mat): I'll have a first cut of the glossary by the end of the month.\n"
    )
    found = extract_actions(split_sentences(note), ["Ingrid", "Mateusz"], date(2026, 4, 16), None)
    assert [(a["owner"], a["due"]) for a in found] == [
        ("Ingrid", "2026-04-16"),
        ("Mateusz", "2026-04-30"),
    ]
    assert "checklist" in found[0]["task"] and "glossary" in found[1]["task"]
