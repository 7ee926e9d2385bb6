"""Action items and decisions: owners, tasks and due dates from many note styles."""

from datetime import date

from models.actions import extract_actions, extract_decisions
from models.sentences import split_sentences

WEDNESDAY = date(2026, 3, 4)


def _actions(note, participants=("Ana", "Boris"), author=None):
    items = extract_actions(split_sentences(note), list(participants), WEDNESDAY, author)
    return [(a["owner"], a["task"], a["due"]) for a in items]


def test_named_owner_task_and_due():
    assert _actions("Ana will draft the promotion case by Friday.") == [
        ("Ana", "Draft the promotion case", "2026-03-06")
    ]


def test_owner_markers_in_todo_lines_and_bullets():
    note = (
        "## Next steps\n- Share the slide template (Boris) by next Wednesday\n"
        "- @Ana check the budget\nTODO(Boris): write the retro notes.\n"
    )
    assert _actions(note) == [
        ("Boris", "Share the slide template", "2026-03-11"),
        ("Ana", "Check the budget", None),
        ("Boris", "Write the retro notes", None),
    ]


def test_i_we_and_pronouns():
    note = (
        "I'll send the reading list tomorrow. We will both read chapter 2. "
        "She said she would call HR."
    )
    assert _actions(note, author="Boris") == [
        ("Boris", "Send the reading list", "2026-03-05"),
        (None, "Read chapter 2", None),
        ("Ana", "Call HR", None),
    ]


def test_bulgarian_owners_match_latin_participant_names():
    note = "Ана ще подготви презентацията до петък. Борис да изпрати примерите утре."
    assert _actions(note) == [
        ("Ana", "Подготви презентацията", "2026-03-06"),
        ("Boris", "Изпрати примерите", "2026-03-05"),
    ]


def test_bulgarian_verb_ending_tells_who_speaks():
    assert _actions("Ще прочета книгата до края на месеца.", author="Ana") == [
        ("Ana", "Прочети книгата", "2026-03-31")
    ]


def test_transcript_placeholders_are_owners():
    note = "(PERSON6) I will download and prepare the corpus by Monday.\n(PERSON3) Ok."
    items = extract_actions(split_sentences(note), ["[PERSON6]", "[PERSON3]"], WEDNESDAY)
    assert [(a["owner"], a["due"]) for a in items] == [("[PERSON6]", "2026-03-09")]


def test_states_meetings_questions_and_status_are_not_tasks():
    note = (
        "Ana will be on holiday next week. We'll meet again on 18 March. Will Boris join?\n"
        "If Ana gets the role, she will move teams. Mentoring will help, and mentoring is fun.\n"
        "## Follow-up from last time\n- Stakeholder map: done\n"
    )
    assert _actions(note) == []


def test_decisions_include_agreements_and_next_meeting():
    sentences = split_sentences(
        "We decided to focus on public speaking. Ana will send the deck. Ще се видим в сряда."
    )
    decisions = extract_decisions(sentences, extract_actions(sentences, ["Ana"], WEDNESDAY))
    assert [d["sources"] for d in decisions] == [[0], [2]]


def _transcript_actions(lines: list[str]):
    speakers = ["[PERSON1]", "[PERSON2]", "[PERSON3]", "[PERSON4]"]
    items = extract_actions(split_sentences("\n".join(lines)), speakers, WEDNESDAY, strict=True)
    return [(a["owner"], a["task"], a["due"], a["sources"]) for a in items]


def test_transcript_mode_keeps_firm_promises_and_drops_talk_and_hedges():
    lines = [
        "(PERSON1) I will maybe check it quickly.",
        "(PERSON2) I'll say something about that.",
        "(PERSON1) I will try to look at the annotation corpus.",
        "(PERSON3) I think I will probably rewrite the evaluation scripts.",
        "(PERSON2) I will prepare the evaluation data for the shared task by Friday.",
        "(PERSON3) Did you send the link to the workshop page?",
        "(PERSON1) I sent the report to the reviewers yesterday.",
        "(PERSON4) [PERSON1] and [PERSON2] will write the overview paper.",
    ]
    assert _transcript_actions(lines) == [
        ("[PERSON2]", "Prepare the evaluation data for the shared task", "2026-03-06", [4])
    ]


def test_transcript_requests_to_a_named_person_are_their_tasks():
    lines = ["(PERSON1) So [PERSON4], could you please book the room for the design review?"]
    assert _transcript_actions(lines) == [
        ("[PERSON4]", "Book the room for the design review", None, [0])
    ]


def test_transcript_stutters_are_trimmed_and_repeated_promises_merged():
    lines = [
        "(PERSON3) I will update the the project website, because it is old.",
        "(PERSON1) Good.",
        "(PERSON3) Yes, I will update the project website by Monday.",
    ]
    assert _transcript_actions(lines) == [
        ("[PERSON3]", "Update the project website", "2026-03-09", [0, 2])
    ]


def test_written_notes_keep_the_lenient_rules():
    # Outside transcripts "I will try to" is still the author's task.
    assert _actions("I will try to finish the course by Friday.", author="Ana") == [
        ("Ana", "Finish the course", "2026-03-06")
    ]


def test_untagged_long_transcripts_are_read_as_spoken():
    chatter = ["So, um, yeah, I will check it quickly.", "Uh, I think we'll we'll see."]
    lines = chatter * 45 + ["I will prepare the evaluation data for the shared task."]
    spoken = extract_actions(split_sentences("\n".join(lines)), None, WEDNESDAY)
    assert spoken == []  # no speaker, so no owner: nothing firm enough to show
    written = extract_actions(split_sentences(lines[-1]), None, WEDNESDAY)
    assert [a["task"] for a in written] == ["Prepare the evaluation data for the shared task"]


def test_finished_work_is_not_a_task():
    note = (
        "Boris finished the deck. Ana sent it to the panel yesterday.\n\n"
        "## Action items\n- Boris finished the deck\n- Ana booked the room\n"
        "- [x] Update the career doc\n- [ ] Ana: ask HR for the salary bands\n"
    )
    assert _actions(note) == [("Ana", "Ask HR for the salary bands", None)]


def test_conditionals_and_hedges_are_not_tasks():
    note = (
        "If the budget comes through I might hire a contractor. "
        "Boris would be happy to review it if Ana decides to apply. "
        "Maybe Ana should talk to her manager first. They agreed that she needs data before "
        "she commits to any target. Ana will take a full day off before the end of the month."
    )
    assert _actions(note, author="Boris") == [("Ana", "Take a full day off", "2026-03-31")]


def test_bulgarian_homework_list_gives_tasks():
    note = (
        "Домашно:\n- да обнови профила си в LinkedIn до края на седмицата\n"
        "- Борис: да ѝ изпрати два примера за мотивационно писмо\n"
    )
    assert _actions(note) == [
        (None, "Обнови профила си в LinkedIn", "2026-03-06"),
        ("Boris", "Изпрати два примера за мотивационно писмо", None),
    ]


def test_bulgarian_first_person_verb_without_subject():
    # "ще направим" can only be "we"; a quoted "ще проверя" is someone's advice, not a task.
    note = (
        "Според него трябва да мога да кажа „не знам, ще проверя“. "
        "След две седмици ще направим пробна презентация заедно. "
        "Ана каза, че ще се опита да смени екипа."
    )
    assert _actions(note, author="Boris") == [
        (None, "Направете пробна презентация заедно", "2026-03-18"),
        ("Ana", "Смени екипа", None),
    ]


def test_you_in_a_recap_email_is_the_reader():
    note = (
        "Hi Ana,\n\nYou're going to write a one-page runbook by next Friday. "
        "I'll introduce you to Dimitar early next week, since he has a template.\n\nBest,\nBoris"
    )
    assert _actions(note, author="Boris") == [
        ("Ana", "Write a one-page runbook", "2026-03-13"),
        ("Boris", "Introduce Ana to Dimitar", "2026-03-09"),
    ]


def test_chat_paste_speakers_own_their_i():
    note = (
        "[10:02] Ana: thanks! so to recap, I'll update my CV by Thursday\n"
        "[10:05] Boris: great. I'll forward it to the recruiter once I have it\n"
    )
    assert _actions(note) == [
        ("Ana", "Update my CV", "2026-03-05"),
        ("Boris", "Forward it to the recruiter once I have it", None),
    ]


def test_terse_arrows_tables_and_requests():
    note = (
        "- promo timeline unclear -> Boris checks with HR\n"
        "→ Ana: cut the CV to 2 pages by Thu\n\n"
        "| Owner | Task | Due |\n|---|---|---|\n| Ana | Submit the abstract | 20 Mar |\n\n"
        "Boris asked Ana to send two writing samples.\n"
    )
    assert _actions(note) == [
        ("Boris", "Check with HR", None),
        ("Ana", "Cut the CV to 2 pages", "2026-03-05"),
        ("Ana", "Submit the abstract", "2026-03-20"),
        ("Ana", "Send two writing samples", None),
    ]


def test_task_told_in_prose_and_listed_again_is_one_item():
    note = (
        "Ana was hesitant but agreed to try the new review rule for three weeks.\n\n"
        "Homework:\n1. Ana: switch to the new review rule from Monday and try it for three "
        "weeks.\n"
    )
    assert _actions(note) == [
        ("Ana", "Switch to the new review rule and try it for three weeks", None)
    ]


def test_journal_list_items_belong_to_the_author():
    note = (
        "My notes from the session with Boris. I couldn't answer his question, which says "
        "something.\n\n- [ ] message Karol and ask for 30 min, before Monday\n"
        "- [ ] Boris: forward the expectations doc\n"
    )
    assert _actions(note, author="Ana") == [
        ("Ana", "Message Karol and ask for 30 min", "2026-03-09"),
        ("Boris", "Forward the expectations doc", None),
    ]


def test_a_short_title_above_a_list_and_initials_name_the_owners():
    note = (
        "Ana / Boris, 04.03\n\n- A. wants a calmer week\n\n"
        "Tasks\n- A.: ask the lead about the roadmap — tomorrow\n"
        "- B.: link to the testing course, on Monday\n"
    )
    assert _actions(note) == [
        ("Ana", "Ask the lead about the roadmap", "2026-03-05"),
        ("Boris", "Link to the testing course", "2026-03-09"),
    ]


def test_initials_of_full_names_written_in_the_note():
    note = (
        "Check-in: Ana Petrova (mentee) and Boris Ivanov (mentor)\n\n"
        "Next\n- [ ] (AP) book the UX workshop — by Friday\n- [ ] (BI) send the reading list\n"
    )
    assert _actions(note) == [
        ("Ana", "Book the UX workshop", "2026-03-06"),
        ("Boris", "Send the reading list", None),
    ]


def test_slack_name_and_time_headers_give_the_speaker():
    note = (
        "Copied from Slack\n\nAna  09:12\nThanks! I'll redo the budget sheet by Friday\n\n"
        "Boris  09:13\nGreat, I'll review the sheet next Wednesday\n"
    )
    assert _actions(note) == [
        ("Ana", "Redo the budget sheet", "2026-03-06"),
        ("Boris", "Review the sheet", "2026-03-11"),
    ]


def test_a_chat_request_counts_once_the_other_person_agrees():
    note = (
        "[09:00] Boris: could you write up the incident timeline?\n"
        "[09:01] Ana: sure, tomorrow\n"
        "[09:02] Boris: want to run a retro together on Monday?\n[09:03] Ana: yes\n"
        "[09:04] Boris: can you also fix the dashboards?\n[09:05] Ana: not this week, sorry\n"
        "[09:06] Boris: could you send me the slides?\n"
        "[09:07] Ana: sure, I'll send the slides tonight\n"
    )
    assert _actions(note) == [
        ("Ana", "Write up the incident timeline", "2026-03-05"),
        (None, "Run a retro together", "2026-03-09"),
        ("Ana", "Send the slides", "2026-03-04"),
    ]


def test_answers_to_what_if_opinions_and_advice_are_not_commitments():
    note = (
        "**Q: What if the team says no?**\n"
        "A: Then I'll ask the director directly and we'll plan again.\n\n"
        "Boris thinks Ana should apply for the lead role. You just need to ask for it, he said. "
        "Maybe someday I'll write a book about it. Ana will update her CV by Friday."
    )
    assert _actions(note, author="Ana") == [("Ana", "Update her CV", "2026-03-06")]


def test_a_context_section_describes_and_does_not_assign():
    note = (
        "## Context\nAna will be running the team while her lead is away.\n\n"
        "## Actions\n- Ana to draft the rota by Friday.\n"
    )
    assert _actions(note) == [("Ana", "Draft the rota", "2026-03-06")]


def test_one_commitment_in_two_verbs_and_a_date_that_opens_the_sentence():
    note = (
        "By Friday I'll draft the onboarding guide and send it to Boris. "
        "I'll have a frank talk with Marta next Tuesday. "
        "Ana will trim the appendix rather than drop it, and mention it only if asked."
    )
    assert _actions(note, author="Ana") == [
        ("Ana", "Draft the onboarding guide and send it to Boris", "2026-03-06"),
        ("Ana", "Have a frank talk with Marta", "2026-03-10"),
        ("Ana", "Trim the appendix", None),
    ]


def test_the_friday_after_that_follows_the_due_before_it():
    note = (
        "Ana will send the outline next Wednesday, "
        "and Boris will send comments by the Friday after that."
    )
    assert _actions(note) == [
        ("Ana", "Send the outline", "2026-03-11"),
        ("Boris", "Send comments", "2026-03-13"),
    ]


def test_bulgarian_first_person_list_items_belong_to_the_writer():
    note = (
        "## Какво поемам\n- До 20.03 да подготвя план за обучението.\n"
        "- След две седмици да покажа на Борис първата версия.\n"
    )
    assert _actions(note, participants=("Ана", "Борис"), author="Ана") == [
        ("Ана", "Подготви план за обучението", "2026-03-20"),
        ("Ана", "Покажи на Борис първата версия", "2026-03-18"),
    ]


def test_a_promise_in_prose_and_its_terse_restatement_are_one_item():
    note = (
        "He'll get his notes back to me by the 20th, which gives me time to fix things.\n\n"
        "## To-dos\n- Send Boris the draft by the 13th.\n\nBoris: notes on my draft by the 20th.\n"
    )
    assert _actions(note, author="Ana") == [
        ("Ana", "Send Boris the draft", "2026-03-13"),
        ("Boris", "Notes on my draft", "2026-03-20"),
    ]


def test_a_name_then_a_remark_is_not_a_task():
    note = (
        "- Boris: the first month is always chaotic, nobody expects speed\n"
        "- Boris: check what is missing in the plan\n"
    )
    assert _actions(note) == [("Boris", "Check what is missing in the plan", None)]


def test_bulgarian_chat_states_and_hedges_are_not_tasks():
    note = (
        "Ана  10:00\nЗаписвам, че после ще забравя\n\n"
        "Борис  10:01\nЩе ти пратя шаблона, който ползваме, в петък\n\n"
        "Ана  10:02\nСупер, ще имам време. Може би някой ден ще пробвам да говоря на конференция.\n"
    )
    assert _actions(note, participants=("Ана", "Борис")) == [
        ("Борис", "Прати шаблона", "2026-03-06")
    ]


def test_people_outside_the_pair_are_not_the_pairs_tasks():
    note = "## Actions\n- Boris to book the venue by Friday\n- Carmen to approve the spend\n"
    assert _actions(note) == [("Boris", "Book the venue", "2026-03-06")]


def test_nickname_and_initial_resolve_to_participants():
    note = "Plan:\n- Алекс пише резюмето до петък\n- B. reviews the draft by Monday\n"
    items = _actions(note, participants=("Александра", "Boris"))
    assert [(o, due) for o, _, due in items] == [
        ("Александра", "2026-03-06"),
        ("Boris", "2026-03-09"),
    ]


def test_only_if_and_not_committing_are_not_promises():
    note = (
        "## Follow-ups\n- [ ] Ana: order the banner by Friday\n"
        "- only if sales agree, not committing\n"
    )
    assert _actions(note) == [("Ana", "Order the banner", "2026-03-06")]


def test_dated_fragments_without_a_modal_are_tasks():
    note = (
        "Decided:\n- Boris reviews the pitch by Monday\n- we both watch the keynote by Friday\n"
        "- Boris likes the pitch\n"
    )
    assert _actions(note) == [
        ("Boris", "Review the pitch", "2026-03-09"),
        (None, "Watch the keynote", "2026-03-06"),
    ]


def test_bulgarian_first_person_fragments_belong_to_the_writer():
    note = (
        "- аз: отчета го предавам в петък\n- кандидатурата – да я пусна до 20-ти\n- тя е уморена\n"
    )
    items = _actions(note, participants=("Ана", "Борис"), author="Ана")
    assert [(o, due) for o, _, due in items] == [("Ана", "2026-03-06"), ("Ана", "2026-03-20")]


def test_what_comes_next_heading_and_at_mention():
    note = (
        "What I'm taking on:\n1. Rewrite the summary by Friday\n\n- @Boris send the logs tomorrow\n"
    )
    assert _actions(note, author="Ana") == [
        ("Ana", "Rewrite the summary", "2026-03-06"),
        ("Boris", "Send the logs", "2026-03-05"),
    ]


def test_possessor_and_habit_are_not_the_subject():
    note = "Мениджърът на Ана ще одобри бюджета. Винаги си мисля, че ще се проваля."
    assert _actions(note, participants=("Ана", "Борис"), author="Борис") == []


def test_both_to_is_shared_not_a_third_party():
    note = "## Actions\n- Both to watch the recorded talk by Friday\n- Zed to send the invoice\n"
    assert _actions(note) == [(None, "Watch the recorded talk", "2026-03-06")]


def test_dated_present_progressive_is_a_plan():
    note = "Boris is writing the retro summary on Friday. Ana is struggling with the backlog."
    assert _actions(note) == [("Boris", "Write the retro summary", "2026-03-06")]


def test_he_or_she_after_someone_outside_the_pair_is_theirs():
    note = (
        "Zoran said he'll send the budget next week. Her manager owns that — she'll decide "
        "by Friday. Boris said he'll send the deck tomorrow."
    )
    assert _actions(note) == [("Boris", "Send the deck", "2026-03-05")]


def test_bulgarian_chat_plans_and_proposals():
    note = (
        "[09:00] Ана Петрова: аз до петък качвам отчета в папката\n"
        "[09:01] Борис Иванов: и след седмица да съберем екипа за ретро?\n"
        "[09:02] Ана Петрова: да, става\n"
    )
    items = _actions(note, participants=("Ана", "Борис"))
    assert [(o, due) for o, _, due in items] == [("Ана", "2026-03-06"), (None, "2026-03-11")]


def test_whatsapp_paste_splits_per_message_and_knows_the_speaker():
    note = (
        "[04/03/2026, 18:02] Ana: quick recap of today\n"
        "[04/03/2026, 18:03] Boris: I'll send you the interview questions by Friday\n"
        "[04/03/2026, 18:04] Ana: great. loss prevention are in next week, they'll do the audit\n"
        "[04.03.26 18:05] Ana: and I'll book the room tomorrow\n"
    )
    assert _actions(note) == [
        ("Boris", "Send Ana the interview questions", "2026-03-06"),
        ("Ana", "Book the room", "2026-03-05"),
    ]


def test_minutes_with_numbered_agenda_and_learnt_initials():
    note = (
        "Minutes\nAttendees: Ana Kovac (AK), Boris Lind (BL)\n\n"
        "1. Workload\nAK reported 40 open tickets.\n\n"
        "2. Actions\n- AK to send BL the ticket export by Friday\n"
        "- BL and AK to run the onboarding talk on 20 March\n- Dana to circulate the rota (April)\n"
    )
    assert _actions(note) == [
        ("Ana", "Send Boris the ticket export", "2026-03-06"),
        (None, "Run the onboarding talk", "2026-03-20"),
    ]


def test_goals_for_next_year_is_not_a_todo_list():
    note = "2. Goals for next year\n   - We discussed two directions: tech lead or data work.\n"
    assert _actions(note) == []


def test_phone_typing_hides_neither_subject_nor_date():
    note = (
        "call w boris 4/3\n- im redoing the onboarding deck tonight\n"
        "- boris sending me the sales report by sat\n- mon: i talk to Zed about the rota\n"
        "- ✅ did the first aid course\n"
    )
    assert _actions(note, author="Ana") == [
        ("Ana", "Redo the onboarding deck", "2026-03-04"),
        ("Boris", "Send Ana the sales report", "2026-03-07"),
        ("Ana", "Talk to Zed about the rota", "2026-03-09"),
    ]


def test_struck_items_next_session_and_resumed_topics_are_not_tasks():
    note = (
        "- [ ] Ana – book the exam by Friday\n- ~~Boris – rewrite the menu~~ (dropped)\n\n"
        "We'll pick it up after Easter. Следващата среща ще я уговорим в началото на май."
    )
    assert _actions(note) == [("Ana", "Book the exam", "2026-03-06")]


def test_conditions_on_ones_own_ability_are_maybes_but_asking_if_is_a_task():
    note = (
        "Boris offered to share his old slides, if he can find them. "
        "Ana will ask Zed, the team lead, if she can join the planning call."
    )
    assert _actions(note) == [
        ("Ana", "Ask Zed, the team lead, if she can join the planning call", None)
    ]


def test_she_in_a_first_person_note_is_the_partner():
    note = "We went through my draft. She'll forward it to the board on Friday; I'll fix the intro."
    items = _actions(note, participants=("Maria", "Lena"), author="Lena")
    assert items == [
        ("Maria", "Forward the draft to the board", "2026-03-06"),
        ("Lena", "Fix the intro", None),
    ]


def test_lettered_sub_items_short_nicknames_and_advice_tags():
    note = (
        "1. Speaking up\n   a. Boris freezes in calls. Kat: when in doubt, write bullets first\n"
        "   b. @Boris to update his CV by the 20th\n"
        "- Kat will walk Boris through the rules engine\n"
    )
    items = _actions(note, participants=("Katarina", "Boris"))
    assert items == [
        ("Boris", "Update his CV", "2026-03-20"),
        ("Katarina", "Walk Boris through the rules engine", None),
    ]


def test_a_task_given_in_a_chat_and_confirmed_in_the_reply_is_one_item():
    note = (
        "[18:02] Ana: 1) you're going to try the new review checklist\n"
        "[18:03] Boris: yep, I'll build it into the team wiki page with examples by Friday\n"
        "[18:04] Ana: 2) Борис, вие ще попитате екипа за обратна връзка\n"
        "[18:05] Boris: I'll ask them tomorrow at standup\n"
        "[18:06] Ana: and I'll send you my old checklist tonight\n"
    )
    items = _actions(note)
    assert [(o, due) for o, _, due in items] == [
        ("Boris", "2026-03-06"),
        ("Boris", "2026-03-05"),
        ("Ana", "2026-03-04"),
    ]
    assert items[0][1] == "Build it into the team wiki page with examples"


def test_chat_export_with_header_lines_and_bulgarian_nicknames():
    note = (
        "[04/03/2026 16:31] Ana Kovac\nCan you send me the revised plan by Friday?\n\n"
        "[04/03/2026 16:33] Boris Lind\nYes. Friday morning latest\n\n"
        "[04/03/2026 16:35] Ana Kovac\nI'll add you to the pitch invite tomorrow\n"
    )
    assert _actions(note) == [
        ("Boris", "Send Ana the revised plan", "2026-03-06"),
        ("Ana", "Add Boris to the pitch invite", "2026-03-05"),
    ]
    bg = (
        "Ментор: Атанас (Наско)\n\n"
        "Наско ще я свърже с енолога от избата. Цвети ще подаде заявка за курса до петък."
    )
    items = _actions(bg, participants=("Атанас", "Цветелина"))
    assert [(o, due) for o, _, due in items] == [("Атанас", None), ("Цветелина", "2026-03-06")]


def test_a_topic_picked_up_by_a_pronoun_becomes_the_task():
    note = (
        "[18:14] Вики: скрипта за задържане – ще ти го пратя довечера\n"
        "[18:15] Георги: мерси\n"
        "[18:16] Георги: черновата на статията ще я прочета следващата седмица\n"
    )
    assert _actions(note, participants=("Виктория", "Георги")) == [
        ("Виктория", "Прати скрипта за задържане", "2026-03-04"),
        ("Георги", "Прочети черновата на статията", "2026-03-13"),
    ]


def test_lets_opinions_outsiders_and_otherwise_are_told_apart():
    note = (
        "Let's listen back to the interview together next week. Let's see how it goes.\n"
        "For context, the board meets on 24 March and Zed will present the plan there.\n"
        "- Ana thinks I should apply, not sure yet\n"
        "Шефът трябва да подпише до 10-ти, иначе ще чакаме до януари."
    )
    assert _actions(note, author="Boris") == [
        (None, "Listen back to the interview together", "2026-03-13")
    ]


def test_round6_conditions_outsiders_replies_and_invites_are_not_tasks():
    note = (
        "## Next steps\n- Ana will nudge Zed if he doesn't reply\n"
        "- Boris available if Ana gets stuck\n"
        "- Sunil — confirm the delivery date with the distributor\n- Yes please!\n"
        "- → ако пуснат курс през пролетта, може би\n- Boris to send the slides by Friday\n\n"
        "Next session in about a month, Ana will send the invite.\n"
        "I'll believe it when I see it."
    )
    assert _actions(note) == [("Boris", "Send the slides", "2026-03-06")]


def test_round6_signal_times_dated_directives_and_pair_tags():
    chat = (
        "19:41  Ana: landlord has to sort it but YOU chase him tomorrow\n19:45  Boris: yep, on it\n"
    )
    assert _actions(chat) == [("Boris", "Chase him", "2026-03-05")]
    bg = "[10:00] Ана: 1. тикетите над 5 дни – минаваш ги утре сутрин\n[10:01] Борис: добре\n"
    assert _actions(bg, participants=("Ана", "Борис")) == [
        ("Борис", "Минавай тикетите над 5 дни сутрин", "2026-03-05")
    ]
    listed = "## Next steps\n- Ana + B. — go through the copyedit together\n"
    assert _actions(listed) == [(None, "Go through the copyedit together", None)]
    bg_list = (
        "## Следващи стъпки\n1. Да се запиша за обучението – до 31.03.\n"
        "2. Борис ми показва портала – в четвъртък.\n"
    )
    assert _actions(bg_list, participants=("Ана", "Борис"), author="Ана") == [
        ("Ана", "Запиши се за обучението", "2026-03-31"),
        ("Борис", "Показва портала", "2026-03-05"),
    ]


def test_a_goal_is_measured_by_its_owners_tasks_only():
    from models.smart import draft_goals

    note = (
        "Boris has read the chapter and wants to automate his Monday data export with Airflow.\n"
        "- Boris will build a first Airflow DAG for the Monday export by Friday.\n"
        "- Ana will add Boris to the architecture review invite tomorrow.\n"
    )
    sentences = split_sentences(note)
    actions = extract_actions(sentences, ["Ana", "Boris"], WEDNESDAY, None)
    goals = draft_goals(sentences, actions, participants=["Ana", "Boris"],
                        profile_goals={"Boris": ["automate recurring data pulls"]},
                        session_date=WEDNESDAY)  # fmt: skip
    boris = [g for g in goals if g["owner"] == "Boris"]
    assert boris and "Airflow DAG" in boris[0]["measurable"]
    assert "invite" not in boris[0]["measurable"]


def test_a_dated_imperative_in_a_chat_is_the_other_persons_task():
    chat = (
        "[18:10] Ana: quick recap\n"
        "[18:11] Ana: 1. the rollout checklist – send it to me by Friday\n"
        "[18:12] Boris: ok\n"
        "[18:13] Ana: think about the team offsite some time\n"
    )
    assert _actions(chat) == [("Boris", "Send the rollout checklist to Ana", "2026-03-06")]
    bg = "[18:10] Ана: 1. трите разговора – прослушай ги до петък\n[18:12] Борис: добре\n"
    assert _actions(bg, participants=("Ана", "Борис")) == [
        ("Борис", "Прослушай трите разговора", "2026-03-06")
    ]


def test_a_letter_to_the_partner_keeps_her_promises_and_drops_other_peoples():
    letter = (
        "Boris,\n\nWriting this up while it's fresh, as you wanted.\n\n"
        "You've come a long way since March, and your PI trusts you. You run site 04 alone.\n\n"
        "You said you'd email Dr Okafor this week to ask if you can sit in on a consent visit. "
        "She'll say yes.\n\nAna"
    )
    assert _actions(letter, author="Ana") == [
        ("Boris", "Email Dr Okafor to ask if you can sit in on a consent visit", "2026-03-06")
    ]
    # "he'd read" is as likely "he had read": with no date it is no promise.
    assert _actions("Boris said he'd read them twice.", author="Ana") == []


def test_list_lines_owned_by_roles_or_outsiders_with_roles_are_not_the_pairs():
    note = (
        "Action items\n"
        "1. Ward 6B manager — confirm the downtime window by the 12th\n"
        "2. Boris — send the rota by Friday\n"
        "- [ ] Raj (SOC mgr): approve the Q3 training budget\n"
        "- [ ] Ana (mentor): review the playbook thresholds by Monday\n"
    )
    assert _actions(note) == [
        ("Boris", "Send the rota", "2026-03-06"),
        ("Ana", "Review the playbook thresholds", "2026-03-09"),
    ]


def test_a_comment_after_a_listed_promise_is_not_another_task():
    note = (
        "What happens next\n"
        "1. I'll send you my client-onboarding template on Monday. It's old and ugly but it's "
        "saved me more than once.\n"
    )
    assert _actions(note, author="Boris") == [
        ("Boris", "Send Ana my client-onboarding template", "2026-03-09")
    ]


def test_dotted_initials_name_the_pair_and_do_not_split_the_line():
    note = (
        "Присъстваха: Пламен Георгиев (П.Г.), Милена Стоянова (М.С.)\n\n"
        "Задачи:\n"
        "1. М.С. — справка за празните курсове по направление Варна — до петък\n"
        "2. П.Г. — акаунт в Trans.eu за М.С. — утре\n"
    )
    assert _actions(note, participants=("Милена", "Пламен")) == [
        ("Милена", "Справка за празните курсове по направление Варна", "2026-03-06"),
        ("Пламен", "Акаунт в Trans.eu за Милена", "2026-03-05"),
    ]


def test_phone_shorthand_weds_a_condition_on_the_next_clause_and_a_dropped_i():
    note = (
        "Quick one w/ Boris today. I'll draft a new rota template by Weds, he'll have a look at "
        "it if he gets time. Also need to ring the Tesco surplus contact back first thing Monday."
    )
    assert _actions(note, author="Ana") == [
        ("Ana", "Draft a new rota template", "2026-03-11"),
        ("Ana", "Ring the Tesco surplus contact back", "2026-03-09"),
    ]


def test_initials_declared_beside_a_short_form_of_the_name():
    note = (
        "**Present:** Seun Adeyemi (SA, mentee), Martin Kowalczyk (MK, mentor)\n\n"
        "Actions\n"
        "1. SA — present the printer-queue fix at CAB by Friday\n"
        "2. MK — send the CAB template tomorrow\n"
    )
    assert _actions(note, participants=("Oluwaseun", "Martin")) == [
        ("Oluwaseun", "Present the printer-queue fix at CAB", "2026-03-06"),
        ("Martin", "Send the CAB template", "2026-03-05"),
    ]


def test_being_somewhere_and_advice_for_next_time_are_not_tasks():
    pair = ("Калина", "Здравко")
    assert _actions("Фестивалът е на 12 декември, всички ще сме там.", pair, "Здравко") == []
    assert _actions("Здравко: следващия път първо да звъни на началник-смяната.", pair) == []
    assert _actions("Next time, I'll call the shift lead first.", ("Ana", "Boris"), "Ana") == []


def test_a_who_what_when_table_with_dotted_initials_and_a_department_row():
    note = (
        "Присъстват: П.К. (ментор), Й.Д. (инженер)\n\n"
        "| Кой | Какво | Кога |\n| --- | --- | --- |\n"
        "| Й.Д. | анализ на вибрациите на ПП-2 | до петък |\n"
        "| П.К. | достъп на Й.Д. до DCS архива | утре |\n"
        "| Ремонтна служба | смяна на лагера на ПП-2 | през октомври |\n"
    )
    assert _actions(note, participants=("Пламен", "Йоана")) == [
        ("Йоана", "Анализ на вибрациите на ПП-2", "2026-03-06"),
        ("Пламен", "Достъп на Йоана до DCS архива", "2026-03-05"),
    ]


def test_a_dated_request_in_a_letter_is_the_readers_task():
    letter = (
        "Здрасти, Борис,\n\nБлагодаря ти за днес. Ти пишеш проекта, аз само давам идеи.\n\n"
        "Прати ми черновата до 20 март, за да има време за поправки. Твоят бюджет е добър.\n"
    )
    assert _actions(letter, participants=("Ана", "Борис"), author="Ана") == [
        ("Борис", "Прати ми черновата", "2026-03-20")
    ]


def test_an_agreed_present_tense_plan_a_debt_and_a_weekday_with_its_date():
    note = (
        "We agreed I finish the back-analysis by Tuesday the 17th instead. "
        "I owe Boris the slides from the compliance talk."
    )
    assert _actions(note, author="Ana") == [
        ("Ana", "Finish the back-analysis instead", "2026-03-17"),
        ("Ana", "Send Boris the slides from the compliance talk", None),
    ]


def test_english_verbs_with_bulgarian_endings_in_a_chat():
    chat = (
        "[16:05] Ана: мерси за днес. Ще ти share-на flight log-овете довечера\n"
        "[16:07] Борис: супер. Аз ще fix-на калибрацията на RTK базата до понеделник\n"
    )
    assert _actions(chat, participants=("Ана", "Борис")) == [
        ("Ана", "Share-ни flight log-овете", "2026-03-04"),
        ("Борис", "Fix-ни калибрацията на RTK базата", "2026-03-09"),
    ]


def test_board_cards_with_owner_tags_and_todo_tags_for_other_people():
    board = (
        "- [Ana] Send Boris the July roast logs by Friday\n"
        "- [Ana + Boris] Calibrate on the cupping form together next week\n"
        "- [Ops — Kofi] Fix the chaff collector alarm\n"
        "- (Not ours, noted for visibility.)\n"
        "TODO(me): rerun the Tuesday route with balance on — Monday\n"
        "TODO(Gill): Easter overtime rota by Wednesday\n"
    )
    assert _actions(board, author="Boris") == [
        ("Ana", "Send Boris the July roast logs", "2026-03-06"),
        (None, "Calibrate on the cupping form together", "2026-03-13"),
        ("Boris", "Rerun the Tuesday route with balance on", "2026-03-09"),
    ]


def test_status_emoji_boxes_roles_and_bulgarian_promises():
    note = (
        "✅ Регистърът за август — предаден на 7-ми.\n"
        "🔲 Да изчета новите указания на Камарата — до края на месеца.\n"
        "🔲 Счетоводителката — фактурите за таксите до петък.\n"
        "Управителят, г-н Стоянов, ще реши до края на месеца дали да купуваме нова вана.\n"
        "И аз обещах да ѝ намеря статията за визуалните графици до петък.\n"
    )
    assert _actions(note, participants=("Виолета", "Андрей"), author="Виолета") == [
        ("Виолета", "Изчети новите указания на Камарата", "2026-03-31"),
        ("Виолета", "Намери статията за визуалните графици", "2026-03-06"),
    ]


def test_promise_lists_name_their_owner_in_the_heading():
    note = (
        "What I promised\n- fix the two IPL credits in the LOPA and re-send it by Friday\n\n"
        "What B. promised\n- forward the old HAZOP report tonight\n"
        "- schedule the next mentoring session\n"
    )
    assert _actions(note, author="Ana") == [
        ("Ana", "Fix the two IPL credits in the LOPA and re-send it", "2026-03-06"),
        ("Boris", "Forward the old HAZOP report", "2026-03-04"),
    ]


def test_an_action_table_with_the_owner_column_last_and_a_status_column():
    note = (
        "| № | Действие | Отговорник | Срок |\n|---|---|---|---|\n"
        "| 1 | Смяна на филтърните патрони | Поддръжка | до 20-ти |\n"
        "| 2 | Вътрешен одит на процедурата за проследимост | Д. Стоева | до петък |\n\n"
        "| # | Item | Owner | Status |\n|---|---|---|---|\n"
        "| 1 | Share the stewarding briefing template | Д. Стоева | Done — sent 2 Feb |\n"
    )
    assert _actions(note, participants=("Деница", "Боян")) == [
        ("Деница", "Вътрешен одит на процедурата за проследимост", "2026-03-06")
    ]


def test_a_bulgarian_action_table_with_a_pet_name_and_rows_that_are_no_items():
    note = (
        "| Какво | Кой | Срок | Бележка |\n|---|---|---|---|\n"
        "| Достъп до Clarksons – договорът | Ива | до края на месеца | |\n"
        "| Годишният бонус | Стамен | – | не е наш ангажимент |\n"
        "| Fixture recap за Ocean Pearl | Ники | – | ✔ изпратен в петък |\n"
        "| Статия за бюлетина | Ники | – | ако остане време, по желание |\n"
    )
    # "Ива" is Ивелина; someone else's row, a sent recap and an "if there is time" are not items.
    assert _actions(note, participants=("Ивелина", "Николай")) == [
        ("Ивелина", "Достъп до Clarksons – договорът", "2026-03-31")
    ]


def test_a_letter_with_for_you_and_for_me_headings_gives_each_list_its_owner():
    note = (
        "Teo, as promised, here's what we talked about.\n\n**For you**\n"
        "1. Rebuild the LQA bug triage sheet so that severity is separated from category. Aim "
        "for Thursday, before the client call.\n"
        "2. Read the chapter on string-length constraints in the Esselink book I lent you.\n\n"
        "**For me**\n- The overtime budget for the recording weeks is mine to fight for.\n"
    )
    found = _actions(note, participants=("Yuki", "Mateo"), author="Yuki")
    assert [(owner, task.split()[0], due) for owner, task, due in found] == [
        ("Mateo", "Rebuild", "2026-03-05"),
        ("Mateo", "Read", None),
        ("Yuki", "The", None),
    ]


def test_a_bulgarian_promise_done_again_and_a_reason_after_an_order_are_one_item_each():
    note = (
        "Никол,\n\nКакво искам от теб:\n"
        "1. Прати ми до петък снимките от случая с флуорозата – искам да ги покажем на "
        "колегите.\n\n"
        "От моя страна: И обещах да прегледам първите ти десет картона – ще го направя до края "
        "на месеца. Ще ти намеря контакт с лекар с опит в стада и ще го изпратя на Пламен.\n"
    )
    assert _actions(note, participants=("Десислава", "Никол"), author="Десислава") == [
        ("Никол", "Прати ми снимките от случая с флуорозата", "2026-03-06"),
        ("Десислава", "Прегледай първите ти десет картона", "2026-03-31"),
        ("Десислава", "Намери контакт с лекар с опит в стада", None),
    ]


def test_things_for_you_lists_orders_with_any_task_verb():
    note = (
        "Raj —\n\nA quick note so you have it all in one place.\n\nThings for you:\n"
        "1. Re-patch the dimmer schedule for the tour rig and send it to me by Wednesday.\n"
        "2. Programme the pre-show cue stack on the desk before tech week.\n\n"
        "My other homework is to ask Gareth for a few control-room shifts.\n"
    )
    found = _actions(note, participants=("Fiona", "Rajesh"), author="Fiona")
    assert [(owner, task.split()[0], due) for owner, task, due in found] == [
        ("Rajesh", "Re-patch", "2026-03-11"),
        ("Rajesh", "Programme", None),
        ("Fiona", "Ask", None),
    ]


def test_initials_and_a_present_tense_verb_in_a_list_name_the_owner():
    note = "- On-call handover doc is a mess → IL rewrites handover template, by Monday\n"
    assert _actions(note, participants=("Ingrid", "Sofia")) == [
        ("Ingrid", "Rewrite handover template", "2026-03-09")
    ]
    note = "- ПД поема обучението на Ваня до петък\n- ПД праща шаблона за анамнеза до петък\n"
    assert [owner for owner, _, _ in _actions(note, participants=("Петър", "Десислава"))] == [
        "Петър",
        "Петър",
    ]


def test_a_checklist_task_with_an_aside_in_brackets_is_still_the_writer_s():
    note = (
        "Bernie says I should finish one garment properly. I agree with her.\n\n"
        "## Next couple of weeks\n"
        "- [ ] Update my portfolio photos (ballgown + coat) — by Friday\n\n"
        "## Together\n- [ ] Stock-take of the hire stock, Bernie + me — end of the month\n"
    )
    assert _actions(note, participants=("Elodie", "Bernadette"), author="Elodie") == [
        ("Elodie", "Update my portfolio photos (ballgown + coat)", "2026-03-06"),
        (None, "Stock-take of the hire stock, Bernie + Elodie", "2026-03-31"),
    ]


def test_your_list_mine_and_ours_headings_give_each_list_its_owner():
    note = (
        "Seun,\n\nHere's what I'm expecting from you.\n\nYour list:\n"
        "1. Trend the chiller supply temperatures for hall B and bring me the plot on Friday.\n\n"
        "Mine:\n- The CRAH fan-curve spreadsheet for you, by Friday.\n\n"
        "Ours:\n- Present the PUE findings to the ops team by the end of the month.\n"
    )
    found = _actions(note, participants=("Oluwaseun", "Marek"), author="Marek")
    assert [(owner, task.split()[0]) for owner, task, _ in found] == [
        ("Oluwaseun", "Trend"),
        ("Marek", "The"),
        (None, "Present"),
    ]


def test_a_table_whose_task_column_is_what_was_said():
    note = (
        "| # | Topic | What was said | Who | When |\n|---|---|---|---|---|\n"
        "| 8 | Oxygen cylinders | Check stock before the night shift comes on | Ana | today |\n"
        "| 9 | Stretcher refit | Finished last week | — | done |\n"
    )
    assert _actions(note) == [("Ana", "Check stock before the night shift comes on", "2026-03-04")]
    # A task cell that names its owner again reads as an order.
    note = (
        "| Тема | Какво решихме | Кой | Срок |\n|---|---|---|---|\n"
        "| Карбонови стъпала | Фоли изпраща каталога на Йоан | Фолаке | тази седмица |\n"
        "| Документи | Йоан подготвя пакета | Йоан | утре |\n"
        "| BG4 notes | Emeka lends her his own notes | Emeka | tomorrow |\n"
    )
    assert _actions(note, participants=("Йоан", "Фолаке", "Emeka")) == [
        ("Фолаке", "Изпрати каталога на Йоан", "2026-03-06"),
        ("Йоан", "Подготви пакета", "2026-03-05"),
        ("Emeka", "Lend her his own notes", "2026-03-05"),
    ]


def test_a_bulgarian_letter_to_the_mentee_lists_what_the_reader_does():
    note = (
        "Ники,\n\nблагодаря ти за днешния разговор.\n\nКакво правиш ти:\n"
        "- Подготви урок с игра за B1 групата — до петък. Искам да видя плана преди часа.\n"
        "- Попълни диагностичните листове на двете нови групи до 10-ти.\n"
        "- Наблюдавай един урок на Елена следващата седмица, все едно кой — гледай как дава "
        "инструкции.\n"
        "- Води си кратък дневник с наблюдения от часовете.\n"
    )
    found = _actions(note, participants=("Мария", "Николай"), author="Мария")
    assert [(owner, task.split()[0], due) for owner, task, due in found] == [
        ("Николай", "Подготви", "2026-03-06"),
        ("Николай", "Попълни", "2026-03-10"),
        ("Николай", "Наблюдавай", "2026-03-13"),
        ("Николай", "Води", None),
    ]


def test_status_marks_after_an_item_and_a_promise_repeated_with_its_date():
    pair = ("Надежда", "Павлина")
    note = (
        "- А.Н. — график на разпоредителите → ✅ готов\n- двамата — обиколка на зала 7 → отпада\n"
    )
    assert _actions(note, participants=pair) == []
    promise = "И обещах да ти пратя контактите на HR-ите — утре ще ги пратя."
    assert _actions(promise, participants=pair, author="Павлина") == [
        ("Павлина", "Прати контактите на HR-ите", "2026-03-05")
    ]


def test_org_mode_items_with_deadlines_and_states():
    note = (
        "* Notes\n- I went through the UT reports from block 212.\n"
        "* Tasks\n"
        "** DONE Read ISO 5817 level B/C tables\n   CLOSED: [2026-03-03 Tue]\n"
        "** TODO Book the CSWIP 3.1 course (Glasgow intake)\n   DEADLINE: <2026-03-31 Tue>\n"
        "** TODO [Ana] Send me the old macro-etch photos\n   DEADLINE: <2026-03-09 Mon>\n"
        "** WAITING [Pete/NDT] Re-scan of the stiffener welds\n"
        "** CANCELLED Summary of WPS-114 for the night shift\n"
        "   - Ana: not your job, the welding engineer owns it.\n"
    )
    assert _actions(note, author="Boris") == [
        ("Boris", "Book the CSWIP 3.1 course (Glasgow intake)", "2026-03-31"),
        ("Ana", "Send Boris the old macro-etch photos", "2026-03-09"),
    ]


def test_taskpaper_tags_and_a_telegram_paste():
    note = (
        "Actions:\n"
        "\t- Check shelf-life data for bloom onset @me @done(2026-03-03)\n"
        "\t- Run the tempering trial on the 70% @me @due(2026-03-06)\n"
        "\t- Send me the sensory panel SOP from his site @boris @due(mon)\n"
        "\t- Book the pilot plant for September @ops\n"
        "\t- Barry Callebaut Academy course @maybe @if(budget)\n"
    )
    assert _actions(note, author="Ana") == [
        ("Ana", "Run the tempering trial on the 70%", "2026-03-06"),
        ("Boris", "Send Ana the sensory panel SOP from his site", "2026-03-09"),
    ]
    # A due tag alone, after a board card's owner tag.
    card = "Actions:\n- [Boris] Send Ana the rollout checklist @due(friday)\n"
    assert _actions(card + card, author="Ana") == [
        ("Boris", "Send Ana the rollout checklist", "2026-03-06")
    ]
    chat = (
        "Ана Петрова, [04.03.2026 18:52]\nКак мина днес?\n\n"
        "Борис Гочев, [04.03.2026 18:55]\nДобре. Утре ще ти пратя графика на курсистите.\n\n"
        "Ана Петрова, [04.03.2026 18:58]\nСупер, ще прегледам чеклиста до петък.\n"
    )
    assert _actions(chat, participants=("Ана", "Борис")) == [
        ("Борис", "Прати графика на курсистите", "2026-03-05"),
        ("Ана", "Прегледай чеклиста", "2026-03-06"),
    ]


def test_plans_on_a_condition_and_remarks_are_not_tasks():
    note = (
        "Registration closes on the 8th; if Kerry signs off the cost I'll go for it. "
        "Poster for the science day: he'll help if I send him something. "
        "I'll wait and see what Hannah says.\n- No date on this, but soon.\n"
    )
    assert _actions(note, author="Ana") == []


def test_a_board_exported_as_csv():
    note = (
        "Exported our board after the session.\n\n"
        "Task name,Bucket,Assigned to,Due date,Progress,Notes\n"
        '"Re-cut ep. 41 cold open","Editing","Boris Hale","03/16/2026","Not started",""\n'
        '"Send Boris the loudness spec","Resources","Ana Russo","03/13/2026","Not started",""\n'
        '"Pitch the mini-series","Development","Boris Hale","","Not started","ONLY if it works"\n'
        '"Clear the show notes backlog","Process","Boris Hale","03/02/2026","Completed",""\n'
        '"Mentoring session","Admin","Ana Russo; Boris Hale","03/20/2026","Not started",""\n'
    )
    assert _actions(note, author="Boris") == [
        ("Boris", "Re-cut ep. 41 cold open", "2026-03-16"),
        ("Ana", "Send Boris the loudness spec", "2026-03-13"),
    ]


def test_a_zoom_chat_export_and_a_me_tag():
    chat = (
        "17:02:41 From Ana Sørensen to Everyone:\n\tStart with the December waybills.\n"
        "17:05:30 From Boris Abreu to Everyone:\n"
        "\tyes. I'll pull all the December waybills and reconcile them by Friday\n"
    )
    assert _actions(chat) == [
        ("Boris", "Pull all the December waybills and reconcile them", "2026-03-06")
    ]
    note = "- Take nutrient samples from rack 7 and send them to the lab tomorrow. (me)\n"
    assert _actions(note, author="Ana") == [
        ("Ana", "Take nutrient samples from rack 7 and send them to the lab", "2026-03-05")
    ]


def test_a_short_follow_up_sentence_gives_the_item_its_date():
    note = (
        "He offered to send me the renewal playbook. He said tomorrow, once he finds it.\n"
        "I'll draft the onboarding survey. The team lunch is on Friday, we'll meet again in two "
        "weeks."
    )
    assert _actions(note, author="Ana") == [
        ("Boris", "Send Ana the renewal playbook", "2026-03-05"),
        ("Ana", "Draft the onboarding survey", None),
    ]
    bulgarian = "Той ще ме свърже с Десислава от правния отдел. Каза, че ще ѝ пише утре."
    assert _actions(bulgarian, author="Ana") == [
        ("Boris", "Свържи с Десислава от правния отдел", "2026-03-05")
    ]


def test_a_pronoun_repeat_of_the_task_before_gives_its_date_not_a_second_item():
    note = "He offered to forward me the renewal playbook. He'll dig it out this week."
    assert _actions(note, author="Ana") == [
        ("Boris", "Forward Ana the renewal playbook", "2026-03-06")
    ]
    bulgarian = "Той ще ми прати шаблона за отчета. Ще го потърси довечера."
    assert _actions(bulgarian, author="Ana") == [("Boris", "Прати шаблона за отчета", "2026-03-04")]


def test_homework_left_to_and_taken_on_phrasings():
    assert _actions("My homework is to pull the usage data and send it to him by Thursday.",
                    author="Ana") == [("Ana", "Pull the usage data and send it to him",
                                       "2026-03-05")]  # fmt: skip
    assert _actions("I'll have a go at the range review deck myself this time.", author="Ana") == [
        ("Ana", "Have a go at the range review deck myself this time", None)
    ]
    pair = ("Ана", "Борис")
    assert _actions("Остава аз да прочета методиката до петък.", pair, "Ана") == [
        ("Ана", "Прочети методиката", "2026-03-06")
    ]
    assert _actions("На мен се падна да ѝ покажа как се подават графиците.", pair, "Борис") == [
        ("Борис", "Покажи как се подават графиците", None)
    ]
    assert _actions("Поех ангажимент да говоря с Румен за графика.", pair, "Ана") == [
        ("Ана", "Говори с Румен за графика", None)
    ]
    assert _actions("Борис пое да я представи на директора следващата седмица.", pair, "Ана") == [
        ("Борис", "Представи я на директора", "2026-03-13")
    ]
    assert _actions("Той пък ще ми донесе таблицата с телефоните.", pair, "Ана") == [
        ("Борис", "Донеси таблицата с телефоните", None)
    ]


def test_an_agreement_is_not_a_name_and_doubt_is_not_a_plan():
    pair = ("Ана", "Борис")
    assert _actions("Разбрахме се, че ще събера случаите в една таблица.", pair, "Ана") == [
        ("Ана", "Събери случаите в една таблица", None)
    ]
    assert _actions("Не съм сигурен, че ще ми стигне търпението.", pair, "Борис") == []


def test_a_list_headed_as_not_actions_gives_no_items():
    note = (
        "I'll send Boris the cost plan by Friday.\n\nBits that aren't actions:\n"
        "- The director decides on the bid on Friday.\n- I might apply next year.\n"
        "- Boris said I should stop re-measuring. Probably right. We'll see.\n"
    )
    assert _actions(note, author="Ana") == [("Ana", "Send Boris the cost plan", "2026-03-06")]


def test_reminders_and_dated_wishes_are_tasks_but_wishes_to_grow_are_not():
    note = (
        "I talked to Boris about the tender. Must remember to book the CIPS exam.\n"
        "I want to get the memo to him before the offsite on the 19th.\n"
        "I want to get better at estimating by June. I want to move towards a staff role "
        "within two years. I want to read more."
    )
    assert _actions(note, author="Ana") == [
        ("Ana", "Book the CIPS exam", None),
        ("Ana", "Get the memo to him before the offsite", "2026-03-19"),
    ]


def test_own_duty_later_decisions_and_the_next_meeting_line():
    pair = ("Ана", "Борис")
    note = "Последно: трябва да ѝ пратя отчета до петък. После ще решим кога да отиде към шефа."
    assert _actions(note, pair, "Ана") == [("Ана", "Прати отчета", "2026-03-06")]
    assert _actions("We'll decide after the 21st whether it's you or Tom.", author="Ana") == []
    listed = "Следващи стъпки:\n- прати чернова на екипа до петък (аз)\n- следваща среща: 11 март\n"
    assert [owner for owner, _, _ in _actions(listed, pair, "Ана")] == ["Ана"]


def test_would_after_said_counts_when_the_verb_cannot_be_a_participle():
    note = "Boris said he'd dig out the case template. Boris said he'd read the chapter twice."
    assert _actions(note, author="Ana") == [("Boris", "Dig out the case template", None)]


def test_commitments_phrased_as_taken_on_and_notes_to_self():
    note = (
        "In return I've committed to getting a first draft of the report to him by the 24th.\n"
        "Boris has taken on pulling together the list of expiring licences by next Friday.\n"
        "Note to self: ask payroll for the agency extract.\n"
        "Both of them will attend the board dry run on 12 March."
    )
    assert _actions(note, author="Ana") == [
        ("Ana", "Get a first draft of the report to him", "2026-03-24"),
        ("Boris", "Pull together the list of expiring licences", "2026-03-13"),
        ("Ana", "Ask payroll for the agency extract", None),
        (None, "Attend the board dry run", "2026-03-12"),
    ]
    pair = ("Ана", "Борис")
    assert _actions("Обещах ѝ до петък да опиша стъпките. Затова ще подготвя анализ.", pair,
                    "Борис") == [("Борис", "Опиши стъпките", "2026-03-06"),
                                 ("Борис", "Подготви анализ", None)]  # fmt: skip


def test_a_bare_pronoun_task_takes_the_object_of_the_task_before_or_goes():
    pair = ("Ана", "Борис")
    chat = (
        "Ана: Тогава аз ще пусна първата версия на design doc-а в сряда.\n"
        "Борис: 👍 и ще го прегледам до петък.\n"
    )
    assert _actions(chat, pair) == [
        ("Ана", "Пусни първата версия на design doc-а", "2026-03-11"),
        ("Борис", "Прегледай първата версия на design doc-а", "2026-03-06"),
    ]
    note = "It has been annoying everyone for a year and I said I'd fix it, so I should."
    assert _actions(note, author="Ana") == []
    drafting = "half-term rota: I'm drafting it, Boris wants to see it Monday."
    assert _actions(drafting, author="Ana") == [("Ana", "Draft half-term rota", "2026-03-09")]


def test_up_to_someone_and_a_duty_opened_by_trjabva():
    note = "The script was out of date, so it's up to Boris to draft a new one by Friday."
    assert _actions(note, author="Ana") == [("Boris", "Draft a new one", "2026-03-06")]
    assert _actions("It's up to me to book the room.", author="Ana") == [
        ("Ana", "Book the room", None)
    ]
    pair = ("Ана", "Борис")
    assert _actions("Трябва да си прегледам SQL заявките до 17-ти.", pair, "Борис") == [
        ("Борис", "Прегледай SQL заявките", "2026-03-17")
    ]


def test_usual_short_names_tagged_lines_and_up_to_me():
    assert _actions("Gus offered to send me the pricing model.", ("Angus", "Chloe"), "Chloe") == [
        ("Angus", "Send Chloe the pricing model", None)
    ]
    pair = ("Йордан", "Антония")
    assert _actions("Данчо ще подготви план на урока до петък.", pair, "Антония") == [
        ("Йордан", "Подготви план на урока", "2026-03-06")
    ]
    note = "Me: finish the Elm Road section of the survey by Friday.\nUp to me to book the room."
    assert _actions(note, author="Ana") == [
        ("Ana", "Finish the Elm Road section of the survey", "2026-03-06"),
        ("Ana", "Book the room", None),
    ]
    kindly = "You kindly offered to bring me along to your meeting on the 24th."
    assert _actions(kindly, author="Ana") == [
        ("Boris", "Bring Ana along to your meeting", "2026-03-24")
    ]


def test_inline_for_me_list_gives_one_task_each():
    note = (
        "[04/03/2026, 22:51] Ana: thanks for tonight, learned a lot.\n"
        "So for me: cost out the summer menu by Friday, do my hygiene refresher by the 14th, "
        "and trial the tasting menu on the staff next Wednesday\n"
        "[04/03/2026, 22:53] Boris: Yes, costing is the important one."
    )
    assert _actions(note) == [
        ("Ana", "Cost out the summer menu", "2026-03-06"),
        ("Ana", "Do my hygiene refresher", "2026-03-14"),
        ("Ana", "Trial the tasting menu on the staff", "2026-03-11"),
    ]
    # "За мен:" as a note to self about behaviour is advice, not a list of tasks.
    advice = "За мен: не давай съвети, когато не са поискани."
    assert _actions(advice, ("Ана", "Борис"), "Ана") == []


def test_chat_with_name_comma_time_headers():
    note = (
        "Boris Ivanov, 4:41 PM\nGood session. When is the tasting?\n\n"
        "Ana Petrova, 4:49 PM\nNot sure of the date yet. Invite list to you by Friday\n\n"
        "Boris Ivanov, 4:50 PM\nCan you also send me the depletion figures for the supplier?\n\n"
        "Ana Petrova, 4:52 PM\nsure, will do tonight\n"
    )
    items = _actions(note)
    assert ("Ana", "Send invite list to Boris", "2026-03-06") in items
    assert [i for i in items if "depletion" in i[1]][0][0::2] == ("Ana", "2026-03-04")


def test_topic_line_with_a_count_names_the_topic():
    note = "duty manager shadow shifts: I'll get two done within two weeks."
    assert _actions(note, author="Ana") == [
        ("Ana", "Get two duty manager shadow shifts done", "2026-03-18")
    ]


def test_bulgarian_promise_with_a_time_word_and_reported_speech():
    pair = ("Десислава", "Николай")
    assert _actions("Ники обеща утре да ми прати шаблона за срещите.", pair, "Десислава") == [
        ("Николай", "Прати шаблона за срещите", "2026-03-05")
    ]
    note = "Питах го за регистъра. Той каза, че утре ще ми прати образеца, който ползват."
    assert [a[0::2] for a in _actions(note, pair, "Десислава")] == [("Николай", "2026-03-05")]
    note = "Записването е до 15-ти, така че трябва да се запиша дотогава."
    assert [a[0::2] for a in _actions(note, pair, "Десислава")] == [("Десислава", "2026-03-15")]


def test_bulgarian_abbreviations_do_not_end_the_sentence():
    note = "С.Д. да подготви анализа на авариите в кв. „Тракия“ до края на месеца."
    assert _actions(note, ("Стефан", "Веселина")) == [
        ("Стефан", "Подготви анализа на авариите в кв. „Тракия“", "2026-03-31")
    ]


def test_sending_the_invite_for_the_next_session_is_no_task():
    assert _actions("Next session: some time in April, Ana will send a date.") == []
    assert _actions("Следваща среща: в началото на май, той ще прати покана.", ("Ана", "Борис"),
                    "Ана") == []  # fmt: skip
    chat = "Boris 16:11\nsame time in 3 weeks?\n\nAna 16:12\nworks, I'll send an invite."
    assert _actions(chat) == []
    # An invitation with more to it is a task.
    assert _actions("Ana will send the invite to the panel by Friday.") == [
        ("Ana", "Send the invite to the panel", "2026-03-06")
    ]


def test_got_to_nicknames_and_need_after_an_arrow():
    note = "Grant deadline's 20 March, so I've got to get the application in before then."
    assert _actions(note, author="Ana") == [("Ana", "Get the application in", "2026-03-20")]
    pair = ("Dylan", "Gareth")
    note = "- Gaz is bringing his old meter in tomorrow so I can practise the loop tests"
    assert [a[0::2] for a in _actions(note, pair, "Dylan")] == [("Gareth", "2026-03-05")]
    note = (
        "I went through the snag list today.\n"
        "- mock exam is on 17 March → need to revise the testing chapter before the mock"
    )
    assert _actions(note, pair, "Dylan") == [
        ("Dylan", "Revise the testing chapter before the mock", "2026-03-17")
    ]


def test_bulgarian_object_put_first_is_the_task():
    pair = ("Мартин", "Ива")
    note = "Скрипта за отказ на връщане ще ти го пратя в сряда."
    assert _actions(note, pair, "Мартин") == [
        ("Мартин", "Прати скрипта за отказ на връщане", "2026-03-11")
    ]
    # A time word or a name before "ще ... го" is not the object.
    assert _actions("Утре ще ти го пратя.", pair, "Мартин") == []


def test_day_of_month_followed_by_a_pronoun_is_a_date():
    note = "Before he goes on leave on the 27th he said he would also rename the dbt models."
    assert _actions(note) == [("Boris", "Rename the dbt models", "2026-03-27")]
    assert _actions("Ana will book the 3rd floor room.") == [
        ("Ana", "Book the 3rd floor room", None)
    ]


def test_decisions_for_later_and_calendar_entries_are_no_tasks():
    assert (
        _actions("Boris suggested the summer intake; Ana will decide after the Easter peak.") == []
    )
    assert _actions("Йоана ще реши по-късно.", ("Йоана", "Борис")) == []
    assert _actions("Next one in three weeks, I'll text him.", author="Ana") == []
    chat = "Boris 10:01\nsame slot in a month?\n\nAna 10:02\nPerfect, I'll put it in the calendar"
    assert _actions(chat) == []
    # A dated decision with its object is still a task.
    assert _actions("Ana will decide on the vendor by Friday.") == [
        ("Ana", "Decide on the vendor", "2026-03-06")
    ]


def test_viber_stamps_with_the_year_suffix_and_bulgarian_you_directives():
    pair = ("Десислава", "Петър")
    chat = (
        "[4.03.2026 г., 18:03] Петър Стоянов: Деси, да обобщя набързо.\n"
        "[4.03.2026 г., 18:06] Петър Стоянов: 1) ДДС декларациите – ти ги проверяваш и ми ги "
        "пращаш до петък\n"
        "[4.03.2026 г., 18:13] Десислава Колева: Аз пък ще направя таблица с всички крайни "
        "срокове на клиентите за есента и ще я споделя с теб до края на месеца\n"
    )
    got = {(owner, due) for owner, _, due in _actions(chat, pair)}
    assert got == {("Десислава", "2026-03-06"), ("Десислава", "2026-03-31")}


def test_chat_requests_with_a_lead_in_lets_and_a_thumbs_up():
    chat = (
        "**Boris** 10:05\nnice. for the second one can you add it to the same doc? "
        "get it in by friday, the review is monday\n\n"
        "**Ana** 10:06\nyep will do\n\n"
        "**Boris** 10:08\nlet's pair on tuning the alert thresholds, monday afternoon?\n\n"
        "**Ana** 10:09\n👍 monday works\n"
    )
    assert _actions(chat) == [
        ("Ana", "Add it to the same doc", "2026-03-06"),
        (None, "Pair on tuning the alert thresholds", "2026-03-09"),
    ]


def test_a_report_of_two_promises_gives_two_items():
    note = (
        "You said you'd send me the rehearsal template by tomorrow, and that you'd dig out "
        "your old show budgets — whenever you have a minute."
    )
    assert _actions(note, author="Ana") == [
        ("Boris", "Send Ana the rehearsal template", "2026-03-05"),
        ("Boris", "Dig out your old show budgets", None),
    ]


def test_reported_suggestions_in_a_task_list_and_she_in_a_chat_are_no_tasks():
    pair = ("Стоян", "Виолета")
    note = (
        "Задачи:\n- Стоян – чеклист за проверка на първите детайли, до 15-ти.\n\n"
        "- Виолета предложи Стоян да мине на първа смяна за месец. Стоян отказа – не иска.\n"
        "- Стоян спомена, че може би догодина ще кандидатства. Само идея.\n"
    )
    assert _actions(note, pair) == [
        ("Стоян", "Чеклист за проверка на първите детайли", "2026-03-15")
    ]
    chat = (
        "Ana 10:06\nI'll talk to Karen\n\n"
        "Boris 10:07\nyeah she's going to look at the budget by Friday"
    )
    assert _actions(chat) == [("Ana", "Talk to Karen", None)]  # "she" is Karen, not Ana


def test_parking_intentions_findings_and_booked_meetings_are_no_tasks():
    assert _actions("I'm going to park it for this year.", author="Ana") == []
    assert _actions("I told him I'd skip it until after his rotation.", author="Ana") == []
    assert _actions("Next meeting booked for 5 March, 14:00, seminar room") == []
    assert (
        _actions("Let's talk more next time — I'll put something in for mid-May.", author="Ana")
        == []
    )
    pair = ("Стоян", "Елена")
    assert _actions("Стоян планира да кандидатства за доцент.", pair) == []
    assert _actions("Комитетът заседава на 12 март – тогава ще разберем дали минава.", pair) == []
    # A dated plan is still a task.
    assert _actions("Стоян планира да подаде документите до петък.", pair) == [
        ("Стоян", "Подай документите", "2026-03-06")
    ]


def test_chat_lines_with_the_time_before_the_colon():
    chat = (
        "Boris 12:40: how is the ACA going?\n"
        "Ana 12:41: maybe one day i'll look at the CFA too but not now\n"
        "Boris 12:42: can you send me the audit plan?\n"
        "Ana 12:43: sure, tomorrow\n"
    )
    assert _actions(chat) == [("Ana", "Send Boris the audit plan", "2026-03-05")]


def test_bulgarian_directives_in_the_present_with_a_time_first():
    pair = ("Никола", "Ивайло")
    chat = (
        "Ивайло 16:40: 1. Пишеш test plan-а за payment модула до четвъртък\n"
        "Ивайло 16:41: аз ще го ревюирам до края на седмицата\n"
        "Никола 16:41: Ок.\n"
        "Ивайло 16:42: 2. Следващата седмица настройваш CI job-а за smoke тестовете\n"
        "Никола 16:42: Да.\n"
    )
    assert _actions(chat, pair) == [
        ("Никола", "Пиши test plan-а за payment модула", "2026-03-05"),
        ("Ивайло", "Ревюирай test plan-а за payment модула", "2026-03-06"),
        ("Никола", "Настройвай CI job-а за smoke тестовете", "2026-03-13"),
    ]


def test_phone_typing_without_apostrophes_and_wk():
    note = (
        "- ill bring him my old tester thurs so he can practise at home\n"
        "- hes going to practise the consumer unit change on the rig this wk\n"
        "- I was ill last week"
    )
    assert _actions(note, author="Ana") == [
        ("Ana", "Bring him my old tester", "2026-03-05"),
        ("Boris", "Practise the consumer unit change on the rig", "2026-03-06"),
    ]


def test_a_chat_question_names_what_the_answer_takes_on():
    pair = ("Росица", "Иван")
    chat = (
        "Иван 18:07: Браво. А протоколът за съхранение на ваксините?\n"
        "Росица 18:08: Още не съм го погледнала. Ще го прегледам до четвъртък.\n"
    )
    assert _actions(chat, pair) == [
        ("Росица", "Прегледай протокола за съхранение на ваксините", "2026-03-05")
    ]
    chat = "Boris 16:47: And the tasting?\nAna 16:49: Not sure of the date yet, but I'll do it."
    assert _actions(chat) == [("Ana", "Do the tasting", None)]


def test_bulgarian_reflexive_verbs_keep_se():
    pair = ("Росица", "Иван")
    note = "Записването е до 25-ти, ще се запиша за изпита тия дни."
    assert _actions(note, pair, "Росица") == [("Росица", "Запиши се за изпита", "2026-03-25")]


def test_weekday_with_its_date_maybes_and_thinking_it_over():
    assert _actions("Action: Ana to draft a proposal by Friday 20 March.") == [
        ("Ana", "Draft a proposal", "2026-03-20")
    ]
    assert _actions("She said she'd maybe try it if the volume drops.", author="Boris") == []
    assert _actions("Ana will think about it, nothing decided.") == []


def test_contracted_progressive_gonna_and_a_debt_with_adverbs():
    assert _actions("Ana was calm. She's sending me her checklist tonight.", author="Boris") == [
        ("Ana", "Send Boris her checklist", "2026-03-04")
    ]
    assert _actions("Ana's training plan is good. Monday's meeting ran long.") == []
    assert _actions("I'm gonna book the course next week.", author="Ana") == [
        ("Ana", "Book the course", "2026-03-13")
    ]
    assert _actions("I also still owe her the outcomes from last quarter.", author="Boris") == [
        ("Boris", "Send her the outcomes from last quarter", None)
    ]


def test_asides_after_a_task_are_not_part_of_it():
    note = (
        "Boris will text me Dev's number tonight – he's the housing officer at the council. "
        "Ana will send the past papers by Friday, she said, she's got them at home."
    )
    assert _actions(note, author="Ana") == [
        ("Boris", "Text Ana Dev's number", "2026-03-04"),
        ("Ana", "Send the past papers", "2026-03-06"),
    ]
    assert _actions("I'll book a session with a supervisor (not Debs, she's not one) by June.",
                    author="Ana")[0][1] == "Book a session with a supervisor"  # fmt: skip


def test_bare_initials_pet_names_and_if_he_has_time():
    pair = ("Helena", "Ruairi")
    assert _actions("H will ask Colm on Thursday whether his team can own it.", pair) == [
        ("Helena", "Ask Colm whether his team can own it", "2026-03-05")
    ]
    pair = ("Niamh", "Oluwaseyi")
    assert _actions("Seyi is going to send the panels over this week.", pair, "Niamh") == [
        ("Oluwaseyi", "Send the panels over", "2026-03-06")
    ]
    assert _actions("- audit prep: B to review the checklist if he has time") == []


def test_slack_headers_without_blank_lines_say_who_writes_each_message():
    pair = ("Калина", "Димитър")
    chat = (
        "**Калина Петрова**  16:05\n"
        "Митко, мерси за днес. Ще ти share-на flight log-овете довечера\n"
        "**Димитър Стоянов**  16:07\n"
        "супер. Аз ще fix-на калибрацията на RTK базата до понеделник\n"
        "**Калина Петрова**  16:08\n"
        "👍\n"
    )
    assert _actions(chat, pair) == [
        ("Калина", "Share-ни flight log-овете", "2026-03-04"),
        ("Димитър", "Fix-ни калибрацията на RTK базата", "2026-03-09"),
    ]


def test_a_follow_up_date_is_read_over_a_chat_header():
    chat = (
        "Ana Lee  4:10 PM\n👍 and I'll finish the lab modules before we talk next\n\n"
        "Boris Kim  4:11 PM\nwhich is 3 June. put it in the cal\n"
    )
    assert _actions(chat) == [("Ana", "Finish the lab modules before we talk next", "2026-06-03")]


def test_what_i_and_what_he_agreed_to_sections_and_details_of_a_bullet():
    note = (
        "What I agreed to:\n"
        "- Draft the club proposal and get it to Boris by Monday. Two pages max, costs included.\n"
        "\nWhat he agreed to:\n"
        "- Put my name forward for the leadership programme. Nominations close on the 20th.\n"
    )
    assert _actions(note, author="Ana") == [
        ("Ana", "Draft the club proposal and get it to Boris", "2026-03-09"),
        ("Boris", "Put my name forward for the leadership programme", None),
    ]


def test_a_piece_of_work_and_whose_it_is():
    note = (
        "The half-term rota, that's mine.\n"
        "Prep list for the autumn menu — yours, by Friday.\n"
        "The budget review is Marcus's problem, not mine.\n"
        "Kind regards, yours\n"
    )
    assert _actions(note, author="Ana") == [
        ("Ana", "Take on the half-term rota", None),
        ("Boris", "Take on prep list for the autumn menu", "2026-03-06"),
    ]
    pair = ("Христо", "Ваня")
    assert _actions("Калибрацията на плотера остава моя грижа.", pair, "Христо") == [
        ("Христо", "Калибрацията на плотера", None)
    ]


def test_bulgarian_promises_with_also_took_on_and_connect_you():
    pair = ("Калина", "Петър")
    assert _actions("Обещах също да изслушам записите на трите разговора.", pair, "Калина") == [
        ("Калина", "Изслушай записите на трите разговора", None)
    ]
    assert _actions("Аз поех да говоря с Ваня от офиса.", pair, "Петър") == [
        ("Петър", "Говори с Ваня от офиса", None)
    ]
    assert _actions("И ще те свържа с Веско от БНТ, не знам кога точно.", pair, "Петър") == [
        ("Петър", "Свържи Калина с Веско от БНТ", None)
    ]


def test_a_surname_the_note_spells_names_the_participant():
    pair = ("Стефка", "Мила")
    note = "Присъстваха: Стефка Колева, Мила Петрова.\n\nКолева ще говори с кухнята до петък."
    assert _actions(note, pair, "Мила") == [("Стефка", "Говори с кухнята", "2026-03-06")]
    note = "Call with Ana Monday.\n\nMonday will be busy."
    assert _actions(note, author="Boris") == []


def test_more_contracted_plans_in_prose():
    note = "She's also going to send me the consultation checklist she uses."
    assert _actions(note, author="Boris") == [
        ("Ana", "Send Boris the consultation checklist she uses", None)
    ]


def test_the_commitment_model_reads_chat_messages_as_their_writers(monkeypatch):
    import models.actions as actions

    class PlansInThePresent:
        """A stand-in for the learned model (tested in test_commitments.py): it rates the
        present-tense plans of this chat, so the test is about whose item it becomes."""

        threshold = 0.6

        def probabilities(self, views, index):
            return [0.9 if "правя" in v.text else 0.1 for v in views]

    monkeypatch.setattr(actions, "default_model", PlansInThePresent)
    pair = ("Мария", "Петър")
    chat = (
        "Viber — Петър Стоянов / Мария Илиева\n\n"
        "Петър Стоянов, 17:32: Благодаря за днес!\n"
        "Петър Стоянов, 17:33: Следващата седмица правя план за подредбата на склада\n"
        "Мария Илиева, 17:35: Супер. А аз до петък правя графика за смените\n"
    )
    assert _actions(chat, pair) == [
        ("Петър", "Правя план за подредбата на склада", "2026-03-13"),
        ("Мария", "Правя графика за смените", "2026-03-06"),
    ]


def test_whose_task_a_chat_message_without_a_subject_is():
    from models.actions import _chat_line_owner

    assert _chat_line_owner("send me the plots by Thursday", "Ana", "Boris") == "Boris"
    assert _chat_line_owner("И не забравяй курса за инструктори", "Ана", "Иван") == "Иван"
    assert _chat_line_owner("Правя предложение за подредбата", "Ана", "Иван") == "Ана"
    assert _chat_line_owner("И в сряда да минем двамата през склада", "Ана", "Иван") is None


def test_bulgarian_fronted_objects_postposed_subjects_and_therefore():
    pair = ("Кристиян", "Васил")
    assert _actions("Рецептата ще ти я пратя утре сутринта.", pair, "Васил") == [
        ("Васил", "Прати рецептата", "2026-03-05")
    ]
    assert _actions("Договора ще го прегледа Галя от правния отдел.", pair, "Васил") == []
    pair = ("Ивелина", "Мира")
    note = "Тя никога не е участвала в поръчка, затова ще се запише на курса още тази седмица."
    assert [a[0] for a in _actions("Ивелина е нова. " + note, pair, "Мира")] == ["Ивелина"]
    note = "Ивелина е нова. Разбрахме се, че тя съкращава плана до две страници до сряда."
    assert _actions(note, pair, "Мира") == [
        ("Ивелина", "Съкращавай плана до две страници", "2026-03-11")
    ]


def test_my_part_is_to_and_a_diary_will_without_its_i():
    note = "My part is to pick a topic for my audit by the end of the month."
    assert _actions(note, author="Ana") == [("Ana", "Pick a topic for my audit", "2026-03-31")]
    note = "I keep a list. Weekend rota — will post it in the team channel tomorrow."
    assert _actions(note, author="Ana") == [
        ("Ana", "Post weekend rota in the team channel", "2026-03-05")
    ]


def test_round_22_agreed_plans_emphasis_and_claims():
    assert _actions("We agreed we'd both look at the deviation form.", author="Ana") == [
        (None, "Look at the deviation form", None)
    ]
    assert _actions("*Action:* Boris to compile the DO data by Wednesday 11 March.") == [
        ("Boris", "Compile the DO data", "2026-03-11")
    ]
    assert _actions("condition report — you're on it, by Monday pls", author="Ana") == [
        ("Boris", "Condition report", "2026-03-09")
    ]
    pair = ("Десислава", "Мира")
    note = "Моя задача е и да проверя старите тикети в ServiceNow."
    assert _actions(note, pair, "Десислава") == [
        ("Десислава", "Провери старите тикети в ServiceNow", None)
    ]


def test_bulgarian_plans_for_both_and_what_is_no_task():
    pair = ("Йоана", "Антон")
    note = "Следващата сряда сядаме двамата и правим postmortem на инцидента."
    assert [(a[0], a[2]) for a in _actions(note, pair, "Йоана")] == [(None, "2026-03-11")]
    note = "Разбрахме се двамата да обиколим цеха и да изберем пилотна линия."
    assert [a[0] for a in _actions(note, pair, "Йоана")] == [None]
    assert _actions("Разбрахме се да се виждаме на всеки две седмици.", pair, "Йоана") == []
    assert _actions("За информация: съветът заседава на 28.05.", pair, "Йоана") == []
    assert _actions("И, ъъ, може би някой ден ще пробвам конкурса.", pair, "Йоана") == []
    assert _actions("I'll leave it with him. He'll get pulled in for the install anyway.",
                    author="Ana") == []  # fmt: skip


def test_round_23_chat_stamps_arrows_and_asides():
    chat = (
        "[19/05 18:42] Ana Lee: thanks for today\n"
        "[19/05 18:43] Boris Kim: so: I'll put together the training plan by Friday\n"
    )
    assert _actions(chat) == [("Boris", "Put together the training plan", "2026-03-06")]
    assert _actions("torque test plan → me, will share by Monday", author="Ana") == [
        ("Ana", "Torque test plan", "2026-03-09")
    ]
    assert _actions("intro to Ravi (controls) → you?", author="Ana") == []
    note = "Actions:\n- Boris: get me access to the account (no date, he has to find the login lol)"
    assert _actions(note, author="Ana") == [("Boris", "Get Ana access to the account", None)]
    assert _actions("We're both going to sit in on the rehearsal on the 27th.") == [
        (None, "Sit in on the rehearsal", "2026-03-27")
    ]
    note = "Present: Ana Lee, Boris Kim\n\n3.1 AL to share the training slides with BK by Friday."
    assert _actions(note) == [("Ana", "Share the training slides with Boris", "2026-03-06")]


def test_bulgarian_time_then_present_and_a_tag_question():
    pair = ("Гергана", "Александър")
    assert _actions("утре звъня на фирмата за асансьора", pair, "Гергана") == [
        ("Гергана", "Звъни на фирмата за асансьора", "2026-03-05")
    ]
    note = "И в петък минаваме двамата през покрива да видим течовете, нали?"
    assert [(a[0], a[2]) for a in _actions(note, pair, "Гергана")] == [(None, "2026-03-06")]


def test_round_24_agreed_third_person_you_tags_and_arrow_topics():
    assert _actions("Agreed she finishes the full mock exam by end of the month.") == [
        ("Ana", "Finish the full mock exam", "2026-03-31")
    ]
    chat = (
        "[10:02] Ana: thanks, so what do we each take?\n"
        "[10:03] Boris: you: churn dashboard prototype, end of next week\n"
    )
    assert _actions(chat) == [("Ana", "Churn dashboard prototype", "2026-03-13")]
    assert _actions("cancellations script → I'm redoing it by Mon", author="Ana") == [
        ("Ana", "Redo cancellations script", "2026-03-09")
    ]
    assert _actions("I'm also sending Boris our rota spreadsheet today.", author="Ana") == [
        ("Ana", "Send Boris our rota spreadsheet", "2026-03-04")
    ]


def test_arranging_the_next_meeting_and_done_work_are_no_tasks():
    note = (
        "We'll meet again in November; he said he'd send a time. I'll move the invite. "
        "I told him I'd already sent the copyedits back to production."
    )
    assert _actions(note, author="Ana") == []
    pair = ("Калина", "Димитър")
    assert _actions("значи се виждаме през януари, аз ще ти пиша за час", pair, "Димитър") == []


def test_round_25_initials_with_present_verbs_outsiders_in_brackets_and_booking():
    note = "Present: Ana Lee, Boris Kim\n\n- B drafts the 1:1 template and tries it by Friday."
    assert _actions(note) == [("Boris", "Draft the 1:1 template and try it", "2026-03-06")]
    note = "- BRC audit Feb → B nervous re: traceability records"
    assert _actions(note, author="Ana") == []
    note = "Rachel (PM) said she'll look at the rota swap; that's hers, not ours to chase."
    assert _actions(note, author="Ana") == []
    assert _actions("I'll drop a calendar thing. I'll sort a date with her.", author="Ana") == []


def test_a_condition_on_the_reason_is_not_a_maybe_and_dashed_reasons_leave_the_task():
    pair = ("Десислава", "Стоян")
    note = "- До петък ще подготвя представяне на портфейла — за да го използвам, ако ме извикат."
    assert _actions(note, pair, "Десислава") == [
        ("Десислава", "Подготви представяне на портфейла", "2026-03-06")
    ]
    note = "Actions:\n- Walk the machine room together — before strip-out starts, by Monday"
    assert [a[1] for a in _actions(note, author="Ana")] == ["Walk the machine room together"]


def test_a_chat_request_agreed_to_a_few_messages_later_counts():
    note = (
        "[09:00] Boris: want to come with me to the Hendry site survey on Thursday?\n"
        "[09:01] Ana: Thursday I might have the Leeds training, let me check\n"
        "[09:02] Boris: ok\n"
        "[09:09] Ana: Leeds moved. Count me in for Thursday.\n"
        "[09:10] Boris: can you also redo the dashboards?\n"
        "[09:11] Ana: the Leeds trainer is new btw\n"
        "[09:12] Ana: I'll think about it\n"
    )
    assert _actions(note) == [("Ana", "Come with Boris to the Hendry site survey", "2026-03-05")]


def test_do_you_want_to_asks_the_reader_not_both():
    note = (
        "[10:11] Boris: turnover to sound is thursday, do you want to own that one?\n"
        "[10:12] Ana: yes please!! I'll prep it for thursday then\n"
    )
    assert _actions(note) == [("Ana", "Own turnover to sound", "2026-03-05")]


def test_a_task_on_it_names_the_thing_from_the_words_before():
    note = (
        "Registration for the June Module 1 exam closes on the 27th and I'll get it done "
        "before then. Also — MCS refresher. We're both overdue, so we'll both get it done "
        "next week. I said I'd have them ready, the three STAR examples. Leave it with Boris."
    )
    assert _actions(note, author="Ana") == [
        ("Ana", "Get the June Module 1 exam done", "2026-03-27"),
        (None, "Get MCS refresher done", "2026-03-13"),
        ("Ana", "Have the three STAR examples ready", None),
    ]


def test_a_letter_to_the_mentee_with_the_date_first_is_still_a_task():
    note = (
        "Boris, as promised, my write-up. You asked about the consultation. You know the "
        "process, you just need the words. "
        "Before the 10th, read the ACAS guidance end to end — not the summary. "
        "You told me you'd rather wait on the course, and that's fine."
    )
    assert _actions(note, author="Ana") == [
        ("Boris", "Read the ACAS guidance end to end — not the summary", "2026-03-10")
    ]


def test_a_comma_then_a_new_statement_ends_the_task():
    note = (
        "Ana will go through the bilingual scripts by Friday, that's when they go live.\n"
        "Борис ще прати актуалния скрипт до петък, старият е с миналомесечните цени."
    )
    assert _actions(note) == [
        ("Ana", "Go through the bilingual scripts", "2026-03-06"),
        ("Boris", "Прати актуалния скрипт", "2026-03-06"),
    ]


def test_bulgarian_lets_and_its_on_me_and_plans_for_both_read_as_orders_to_both():
    note = (
        "Искам да си направим ролева игра с ядосан клиент, ти и аз, в петък. "
        "Остава за мен и да опиша трите случая до понеделник. "
        "Двамата ще прегледаме плана следващата седмица. "
        "Борис пое да намери старите тестове, каза, че ще ги донесе утре."
    )
    assert _actions(note, author="Ana") == [
        (None, "Направете ролева игра с ядосан клиент, ти и аз", "2026-03-06"),
        ("Ana", "Опиши трите случая", "2026-03-09"),
        (None, "Прегледайте плана", "2026-03-13"),
        ("Boris", "Намери старите тестове", "2026-03-05"),
    ]


def test_minutes_name_people_by_title_and_surname():
    note = (
        "Present: Mr Boris Mthembu (mentor); Ms Ana Kruger (mentee).\n"
        "3.1 The checklist misses the crack check.\n"
        "3.2 Ms Kruger to prepare a revision of the checklist by 6 March 2026.\n"
        "4.1 Mr Mthembu undertook to send two closed investigations by Friday."
    )
    assert _actions(note) == [
        ("Ana", "Prepare a revision of the checklist", "2026-03-06"),
        ("Boris", "Send two closed investigations", "2026-03-06"),
    ]


def test_a_list_line_that_names_the_thing_then_whose_it_is():
    note = (
        "## What we covered\n"
        "- share repo + cheatsheet → Boris (no date, whenever he's off nights)\n"
        "- pair on a hunt for lateral movement → both of us, next Wednesday\n"
        "- Почвени проби от парцел 14 — Ana, до 18.03. Да ги прати в лабораторията.\n"
        "- Семена за пролетта — поех да звънна на Агрозона.\n"
        "- Обход на зимните посеви заедно в понеделник, от 8 ч.\n"
    )
    assert _actions(note, author="Boris") == [
        ("Boris", "Share repo + cheatsheet", None),
        (None, "Pair on a hunt for lateral movement", "2026-03-11"),
        ("Ana", "Почвени проби от парцел 14", "2026-03-18"),
        ("Boris", "Звънни на Агрозона", None),
        (None, "Обход на зимните посеви заедно, от 8 ч", "2026-03-09"),
    ]


def test_let_me_and_kind_offers_and_polite_orders_are_tasks_but_booking_the_next_one_is_not():
    note = (
        "Hi Boris, thanks for today. You asked what to do next. You have two weeks. "
        "Let me rework the plan with the new baseline by Wednesday. "
        "And you very kindly offered to introduce me to Raúl some time next week. "
        "Please, send me the sell-through figures by Friday. "
        "He didn't let me off the hook on the rota. "
        "I'll book our next 1:1 for 20 March."
    )
    assert _actions(note, author="Ana") == [
        ("Ana", "Rework the plan with the new baseline", "2026-03-11"),
        ("Boris", "Introduce Ana to Raúl", "2026-03-13"),
        ("Boris", "Send Ana the sell-through figures", "2026-03-06"),
    ]


def test_minutes_action_lines_with_initials_and_a_due_line_after():
    note = (
        "Present: Insp. Boris Doyle (BD) — mentor; PC Ana Fraser (AF) — mentee\n"
        "ACTION AF: Redesign the scenario brief. Due 17.04.\n"
        "ACTION BD/AF: Jointly review the feedback form. Due end of Q2.\n"
    )
    assert _actions(note) == [
        ("Ana", "Redesign the scenario brief", "2026-04-17"),
        (None, "Jointly review the feedback form", "2026-06-30"),
    ]


def test_bulgarian_third_person_tasks_read_as_orders():
    note = (
        "- лицензи — Борис да провери колко са свободни до петък.\n"
        "- Борис ще даде достъп на Ана до тестовата среда утре.\n"
        "- Борис ще напише отчета до края на месеца.\n"
    )
    assert _actions(note) == [
        ("Boris", "Провери колко са свободни", "2026-03-06"),
        ("Boris", "Дай достъп на Ана до тестовата среда", "2026-03-05"),
        ("Boris", "Напиши отчета", "2026-03-31"),
    ]


def test_orders_in_a_letter_get_it_done_and_a_pronoun_before_a_dash():
    note = (
        "Boris — notes from today, as promised. You're doing better than you think. You already "
        "fixed the overlap with Lucy's team. Right now you only talk to your reps on deals. "
        "Get a first round of proper 1:1s done this week, all six. "
        "Your Q2 forecast has deals in commit with no next step. "
        "Clean it up in Salesforce before the end of Q2 — anything undated comes out. "
        "The revised comp plan: finance has a draft. "
        "I'll get it to you by Thursday so you're not caught out."
    )
    assert _actions(note, author="Ana") == [
        ("Boris", "Get a first round of proper 1:1s done, all six", "2026-03-06"),
        ("Boris", "Clean the Q2 forecast up in Salesforce", "2026-06-30"),
        ("Ana", "Get the revised comp plan to Boris", "2026-03-05"),
    ]


def test_commit_style_log_lines_discord_headers_and_walking_the_floor_together():
    log = (
        "fix(me): share-sheet crash — DONE, merged in #477\n"
        "feat(me): ship offline-cache spike behind the flag — by fri\n"
        "chore(boris): review my PR #482 (keychain migration) — tmrw, he promised\n"
        "test(both): pair on the flaky e2e suite — in 10 days\n"
        "ops(zoe/PM): decides on the release train. not us\n"
    )
    assert _actions(log, author="Ana") == [
        ("Ana", "Ship offline-cache spike behind the flag", "2026-03-06"),
        ("Boris", "Review my PR #482 (keychain migration)", "2026-03-05"),
        (None, "Pair on the flaky e2e suite", "2026-03-14"),
    ]
    chat = (
        "**Boris Watanabe** — Today at 16:05\nthe UI team won't see the overflows unless told\n"
        "**Ana Ortega** — Today at 16:06\nyeah ok, I'll flag them to UI by Monday\n"
    )
    assert _actions(chat) == [("Ana", "Flag the overflows to UI", "2026-03-09")]
    bullets = "- Walk the floor together Thurs, 7am, before the bread delivery.\n"
    assert _actions(bullets, author="Boris") == [
        (None, "Walk the floor together, 7am", "2026-03-05")
    ]


def test_bulgarian_chat_orders_with_da_and_whose_tasks_outsiders_are():
    note = (
        "Ana Hristova 11:08\n"
        "Terraform модулът за VPC-тата – да го довършиш до петък\n"
        "Boris Popov 11:09\n"
        "ок, поемам. да знаеш, тестовете минаха\n"
        "Ana Hristova 11:10\n"
        "утре ще ти дам достъпа до staging. Ивайло от security ще прегледа IAM политиките.\n"
    )
    assert _actions(note) == [
        ("Boris", "Довърши Terraform модулът за VPC-тата", "2026-03-06"),
        ("Ana", "Дай достъпа до staging", "2026-03-05"),
    ]


def test_bulgarian_topic_then_a_few_words_then_the_clitic_clause():
    note = (
        "Добре. А за шаблона — да, утре сутрин ще ти го пратя, сега съм от телефона.\n"
        "Чеклистът за кофраж — остава за мен, ще ти го пратя, като го изровя от лаптопа.\n"
        "Дължа ти копие от инструкцията — утре ще ти го донеса в офиса.\n"
    )
    assert _actions(note, author="Boris") == [
        ("Boris", "Прати шаблона", "2026-03-05"),
        ("Boris", "Прати чеклиста за кофраж", None),
        ("Boris", "Прати копие от инструкцията", "2026-03-05"),
    ]


def test_nicknames_and_notion_lines_with_arrows_and_bullets():
    note = (
        "- [ ] Медиа план за Q4 кампанията → Бобо • срок: 23.03\n"
        "- [ ] A/B тест на темите на бюлетина → двамата • срок: 20.03\n"
        "- [ ] Примерен brief от кампанията за „Бор“ → Ани праща на Бобо • срок: 18.03\n"
    )
    assert _actions(note, participants=("Анелия", "Борислав")) == [
        ("Борислав", "Медиа план за Q4 кампанията", "2026-03-23"),
        (None, "A/B тест на темите на бюлетина", "2026-03-20"),
        ("Анелия", "Праща Примерен brief от кампанията за „Бор“ на Бобо", "2026-03-18"),
    ]


def test_statuses_outsiders_and_bookings_that_are_not_tasks():
    note = (
        "1.1 AF to complete the BA theory refresher module — COMPLETE (certificate on file).\n"
        "1.2 BD to complete the crew manager module — by Friday.\n"
    )
    assert _actions(
        "Present: Boris Doyle (BD); Ana Fraser (AF)\n" + note, participants=("Boris", "Ana")
    ) == [("Boris", "Complete the crew manager module", "2026-03-06")]
    bg = (
        "Шефът (г-н Колев) ще купува нов диагностичен уред.\n"
        "ЕСО ще публикува новите правила на 1 април.\n"
        "Етикетите ще ги поръча пак той, не аз.\n"
        "Аз ще пусна сигнала до петък.\n"
    )
    assert _actions(bg, author="Ana") == [("Ana", "Пусни сигнала", "2026-03-06")]
    en = "Let's pencil in 30 June for our next chat. I'm going to leave it for now.\nwhen: TBD"
    assert _actions(en, author="Ana") == []


def test_takes_on_in_bulgarian_and_arrow_to_me_with_a_colon():
    note = (
        "- Борис поема да уреди Ана да присъства на ремонта в депото в сряда.\n"
        "- Поех си да прочета целия наръчник на Toyota до 15-ти.\n"
        "- can't just change it, needs an MOC → me: draft the MOC, get it to Boris next Wed\n"
    )
    assert _actions(note, author="Ana") == [
        ("Boris", "Уреди Ана да присъства на ремонта в депото", "2026-03-11"),
        ("Ana", "Прочети целия наръчник на Toyota", "2026-03-15"),
        ("Ana", "Draft the MOC, get it to Boris", "2026-03-11"),
    ]


def test_a_request_taken_on_later_names_the_thing_even_when_the_answer_says_it():
    note = (
        "**Boris Lin**  10:18\n"
        "also, could you draft some tone guidelines for the German-language tickets?\n"
        "**Ana Costa**  10:19\nlet me think, I've got the Shopify migration too\n"
        "**Boris Lin**  10:22\nsure, no rush\n"
        "**Ana Costa**  10:31\nok re: the German tone thing — yep, I'll take it. by the 14th?\n"
    )
    assert _actions(note) == [
        ("Ana", "Draft some tone guidelines for the German-language tickets", "2026-03-14")
    ]
    bg = (
        "[09:18] Борис Маринов: Можеш ли да ми направиш справка за юли?\n"
        "[09:19] Ана Тодорова: Хм, дай първо да видя графика\n"
        "[09:21] Борис Маринов: Разбира се.\n"
        "[09:34] Ана Тодорова: Виж, за справката — ок, поех го. До 15-ти става ли?\n"
    )
    assert _actions(bg) == [("Ana", "Направи справка за юли", "2026-03-15")]


def test_gotta_is_have_to():
    assert _actions("So I gotta redo the allocation sheet by Saturday.", author="Ana") == [
        ("Ana", "Redo the allocation sheet", "2026-03-07")
    ]


def test_ticket_board_lines_with_handles_and_a_bulgarian_must_for_the_reader():
    board = (
        "mentor: Boris Kaya (@bkaya) | mentee: Ana Dubois (@adubois)\n\n"
        "MENT-39  CVE triage writeup | adubois | DONE ✅ (closed Fri)\n"
        "MENT-41  threat model: payments webhook (1 pager) | adubois | due: next Mon\n"
        "MENT-42  grant adubois read access to the rules repo | bkaya | due: EOD\n"
        "MENT-45  bug bounty side project | adubois | PARKED\n"
    )
    assert _actions(board) == [
        ("Ana", "Threat model: payments webhook (1 pager)", "2026-03-09"),
        ("Boris", "Grant adubois read access to the rules repo", "2026-03-04"),
    ]
    chat = (
        "[10:02] Борис Ненов: виж, според мен трябва да си направиш таблица с възраженията "
        "до петък\n"
        "[10:03] Ана Маринова: става. трябва да знаеш, че тарифите се сменят\n"
    )
    assert _actions(chat) == [("Ana", "Направи таблица с възраженията", "2026-03-06")]


def test_bulgarian_da_lines_read_as_orders_and_a_topic_line_gives_the_object():
    note = (
        "- Ицо — да им звънне на всичките до вторник, без извинения.\n"
        "- Личният дозиметър. Трябва да го сменя до 15-ти, иначе физиците ще ме гонят.\n"
    )
    assert _actions(note, participants=("Огнян", "Християн"), author="Огнян") == [
        ("Християн", "Звънни на всичките, без извинения", "2026-03-10"),
        ("Огнян", "Смени личния дозиметър", "2026-03-15"),
    ]


def test_please_and_once_before_an_order_in_a_letter():
    note = (
        "Hi Boris, thanks for making time. You did well on the catalogue. You turned it around. "
        "You asked about the board. The two peer-review reports are in. "
        "Please send them to the series editor by Friday, with a short covering note. "
        "Once she has them, pull the readers' comments into a one-page summary by the 27th."
    )
    reports = "Send the two peer-review reports to the series editor, with a short covering note"
    assert _actions(note, author="Ana") == [
        ("Boris", reports, "2026-03-06"),
        ("Boris", "Pull the readers' comments into a one-page summary", "2026-03-27"),
    ]


def test_bulgarian_da_orders_and_topics_named_a_line_or_two_before():
    note = (
        "[15:52] Борис Димов: Да си направиш и списък на алергените за витрината, до петък.\n"
        "[15:53] Ана Колева: записах си\n"
    )
    assert _actions(note) == [("Ana", "Направи и списък на алергените за витрината", "2026-03-06")]
    memo = (
        "Противопожарните просеки — следващата седмица ще ги обиколим двамата, заедно.\n"
        "Личният дозиметър. Съвсем бях забравил за него. Трябва да го сменя до 15-ти.\n"
    )
    assert _actions(memo, author="Ana") == [
        (None, "Обиколете противопожарните просеки двамата, заедно", "2026-03-13"),
        ("Ana", "Смени личния дозиметър", "2026-03-15"),
    ]


def test_antecedents_of_it_and_them():
    from models.antecedents import noun_phrases, resolve_pronoun

    assert noun_phrases("I'll get a draft EDD memo written up by Friday, the 27th") == [
        "a draft EDD memo"
    ]
    assert resolve_pronoun("Look at it", "a draft EDD memo is due, can you look at it?", []) == (
        "Look at a draft EDD memo"
    )
    before = ["Also — MCS refresher.", "We're both overdue."]
    assert resolve_pronoun("Get it done", "Let's both get it done.", before) == (
        "Get MCS refresher done"
    )
    assert resolve_pronoun("Leave it with him", "Leave it with him.", before) is None
    assert resolve_pronoun("Send the deck", "Send the deck.", before) is None
    # A person is never what "it" stands for.
    people = {"Boris"}.__contains__
    assert resolve_pronoun("Chase it", "Chase it.", ["Boris came back."], people) is None
    # An answer ("Planning, officially.") is no thing to act on.
    assert resolve_pronoun("Raise it with them", "Len will raise it with them.",
                           ["Planning, officially."], {"Len"}.__contains__) is None  # fmt: skip


def test_dated_present_tense_of_a_participant_and_one_word_arrow_items():
    note = (
        "- postmortem → Sasha, Fri\n"
        "- runbook gap: no failover steps for the orders cluster.\n"
        "- Sasha writes them, end of next month\n"
        "- shadow rota for new joiners: W raises it w/ Dana by Thu\n"
        "- Dana to approve the on-call budget in Q3, her call\n"
    )
    assert _actions(note, participants=("Wren", "Oleksandr")) == [
        ("Oleksandr", "Postmortem", "2026-03-06"),
        ("Oleksandr", "Write the failover steps", "2026-04-30"),
        ("Wren", "Raise shadow rota for new joiners w/ Dana", "2026-03-05"),
    ]
    # An event in the present tense is not a task.
    assert _actions("Boris starts his first on-call rotation next week.") == []


def test_have_it_done_names_the_work_and_its_date():
    note = (
        "The torque-tool calibration log. It's been a mess since the new wrenches. "
        "I'll have it cleaned up by Friday.\n\n"
        "We agreed that I'd draft a one-page checklist for oil sampling. "
        "Boris didn't want me rushing it, so I'm going to have it done within two weeks.\n\n"
        "I'll have a version in the shared folder by Friday, if it works."
    )
    assert _actions(note, author="Ana") == [
        ("Ana", "Clean the torque-tool calibration log up", "2026-03-06"),
        ("Ana", "Draft a one-page checklist for oil sampling", "2026-03-18"),
    ]


def test_chat_claims_with_on_me_handles_and_subjectless_promises():
    chat = (
        "**Ana Petrova** 10:04\n"
        "could you send me the updated allergen matrix when you get a sec?\n\n"
        "**boris.k** 10:06\nthe sandwich line is still on v7.\n\n"
        "**Ana Petrova** 10:07\nyeah that's a recall waiting to happen.\n\n"
        "**boris.k** 10:11\nre the matrix — on me. you'll have it tomorrow\n\n"
        "**Ana Petrova** 10:12\nI'll DM you the name of the auditor I mentioned, EOD\n\n"
        "**boris.k** 10:14\nthe tone guide is mine. can get it to you by Monday\n"
    )
    assert _actions(chat) == [
        ("Boris", "Send Ana the updated allergen matrix", "2026-03-05"),
        ("Ana", "DM Boris the name of the auditor I mentioned", "2026-03-04"),
        ("Boris", "Get the tone guide to Ana", "2026-03-09"),
    ]


def test_remarks_after_a_task_are_cut():
    note = (
        "I'm going to sign up — registration closes on the 30th. "
        "We'll rewrite it together, aiming for 10 April. "
        "I'll sit the GCIH by end of Q2, voucher already booked. "
        "Утре сядаме двамата с данните от GPS-а, да видим къде губим време."
    )
    assert [t for _, t, _ in _actions(note, author="Ana")] == [
        "Sign up",
        "Rewrite it together",
        "Sit the GCIH",
        "Сядайте двамата с данните от GPS-а",
    ]


def test_bulgarian_chat_headers_questions_and_orders_taken_on_later():
    telegram = (
        "Ана П., [09.11.2026 16:02]\nЩе направиш ли справката за регистрациите за октомври?\n\n"
        "Борис Маринов, [09.11.2026 16:05]\nДа, до сряда ще е готова.\n\n"
        "Ана П., [09.11.2026 16:06]\nИ още нещо: подготви кратка инструкция за гишето, "
        "да не питат всеки ден едно и също.\n\n"
        "Борис Маринов, [09.11.2026 16:08]\nШефът каза, че ще подпише заповедта, "
        "дотогава няма къде да седнат.\n\n"
        "Борис Маринов, [09.11.2026 16:09]\nЗа инструкцията: ок, до 20-ти.\n\n"
        "Борис Маринов, [09.11.2026 16:10]\nЩе се запиша за курса до края на седмицата, "
        "записан съм почти.\n"
    )
    assert _actions(telegram, participants=("Ана", "Борис")) == [
        ("Борис", "Направи справката за регистрациите за октомври", "2026-03-11"),
        ("Борис", "Подготви кратка инструкция за гишето", "2026-03-20"),
        ("Борис", "Запиши се за курса", "2026-03-06"),
    ]
    discord = (
        "vikito (Ана) · 25.11.2026 18:35\nЩе пусна PRD-то до петък, там ще има всичко\n\n"
        "kiril.p (Борис) · 25.11.2026 18:36\nСупер.\n"
    )
    assert _actions(discord, participants=("Ана", "Борис")) == [
        ("Ана", "Пусни PRD-то", "2026-03-06")
    ]
    assert _actions("Ще се запиша до края на седмицата.", ("Ана", "Борис"), "Ана") == [
        ("Ана", "Запиши се", "2026-03-06")
    ]


def test_who_is_doing_it_answered_me_and_thats_my_job():
    chat = (
        "[03/06/2026, 20:47] Boris Lindgren: So who's doing the new risk assessment draft?\n"
        "[03/06/2026, 20:48] Ana Mensah: Me. By Sunday\n"
        "[03/06/2026, 20:52] Boris Lindgren: And the ECDIS logs for the new juniors?\n"
        "[03/06/2026, 20:54] Ana Mensah: that's my job — going through all of them, by 15.06\n"
        "[03/06/2026, 20:55] Boris Lindgren: who's booking the room? I can't, I'm off.\n"
    )
    assert _actions(chat) == [
        ("Ana", "Do the new risk assessment draft", "2026-03-08"),
        ("Ana", "Go through the ECDIS logs", "2026-06-15"),
    ]


def test_bulgarian_minutes_with_agreed_plans_owner_fields_and_within_dates():
    minutes = (
        "Присъстващи: Ана Димова (ментор), Борис Колев (менти)\n\n"
        "Беше договорено Борис да изготви HACCP плана за новата линия до края на Q4.\n\n"
        "Г-жа Димова се е заела да намери контакт с ветеринарен лекар.\n\n"
        "В срок от 10 дни Борис да направи анализ на разходите за фураж.\n\n"
        "- Отговорник: двамата заедно — да обходят цеха и да направят 5S снимки.\n"
        "Срок: в рамките на две седмици.\n"
    )
    assert _actions(minutes, participants=("Ана", "Борис")) == [
        ("Борис", "Изготви HACCP плана за новата линия", "2026-12-31"),
        ("Ана", "Намери контакт с ветеринарен лекар", None),
        ("Борис", "Направи анализ на разходите за фураж", "2026-03-14"),
        (None, "Обходете цеха и направете 5S снимки", "2026-03-18"),
    ]


def test_initials_rows_slash_tables_and_get_it_updated():
    note = (
        "Mentoring · Ana Lin (AL) / Boris Costa (BC)\n\n"
        "- AL: first month as PM on the pharma account, 14 freelancers\n"
        "- pharma glossary (DE/PL/RO): AL → by Mon\n"
        "- BC: will share his rate-card spreadsheet EOD\n"
        "- vendor onboarding doc, owner: AL (no date)\n"
        "- QA checklist: both to trial it on the next two jobs & compare\n"
        "- BC to intro AL to Mia S. (vendor mgmt) → 20/03\n\n"
        "a) Ana / finish the logframe for the water project / end of the month\n"
    )
    assert _actions(note) == [
        ("Ana", "Pharma glossary (DE/PL/RO)", "2026-03-09"),
        ("Boris", "Share his rate-card spreadsheet", "2026-03-04"),
        ("Ana", "Vendor onboarding doc", None),
        (None, "Trial QA checklist on the next two jobs & compare", None),
        ("Boris", "Intro Ana to Mia S. (vendor mgmt)", "2026-03-20"),
        ("Ana", "Finish the logframe for the water project", "2026-03-31"),
    ]
    letter = (
        "Boris,\n\nYou were well prepared today. Your tracker is tidy. You know the study.\n\n"
        "What we agreed:\n\n"
        "- By the end of the month, get the delegation log updated: two names are missing.\n"
        "Ana"
    )
    assert _actions(letter, author="Ana") == [("Boris", "Update the delegation log", "2026-03-31")]
    checklist = (
        "I am behind on my reading.\n\n- [ ] Read Network Code Part D properly. End of Q3.\n"
    )
    assert _actions(checklist, author="Ana") == [
        ("Ana", "Read Network Code Part D properly", "2026-09-30")
    ]


def test_spelled_ordinals_qa_lines_and_leave_it_with_me():
    from models.dates import due_date

    assert due_date("written up by the thirtieth", WEDNESDAY)[0] == date(2026, 3, 30)
    assert due_date("before the first job", WEDNESDAY)[0] is None
    note = (
        "I said I'd get the inspection log for all six lifts written up by the thirtieth.\n\n"
        "Boris: who's presenting the consultation responses to the planning group?\n"
        "Me: I will, on the 12th.\n\n"
        "I still have the old peak-day staffing model from the north hall. "
        "Leave it with me, I'll find it."
    )
    assert _actions(note, author="Ana") == [
        ("Ana", "Write up the inspection log for all six lifts", "2026-03-30"),
        ("Ana", "Present the consultation responses to the planning group", "2026-03-12"),
        ("Ana", "Find the old peak-day staffing model", None),
    ]


def test_bulgarian_next_topic_lines_and_objects_in_short_form():
    chat = (
        "[14.08.2026 13:10] Борис Илиев: Следващото е списъкът с лекарствата с изтичащ срок. "
        "Ще го подготвя до понеделник.\n"
        "[14.08.2026 13:21] Ана Георгиева: За образеца: ще ти го пратя утре.\n"
        "[14.08.2026 13:25] Ана Георгиева: Началникът на отделението каза, че ще поиска нов "
        "монитор до края на годината.\n"
    )
    assert _actions(chat, participants=("Ана", "Борис")) == [
        ("Борис", "Подготви списъка с лекарствата с изтичащ срок", "2026-03-09"),
        ("Ана", "Прати образеца", "2026-03-05"),
    ]


def test_middle_dot_tickets_appositive_outsiders_and_homework_for_you():
    board = (
        "ACTIONS\n"
        "- IOS-802 · spike: SwiftUI List perf on iOS 16 · ASSIGNEE: Boris · DUE: Thu\n"
        "- IOS-811 · ADR: keychain migration · ASSIGNEE: Boris · DUE: —\n"
        "- IOS-810 · pair on XCTest flakiness · ASSIGNEE: Ana/Boris · DUE: next wk\n"
    )
    assert _actions(board) == [
        ("Boris", "Spike: SwiftUI List perf on iOS 16 (IOS-802)", "2026-03-05"),
        ("Boris", "ADR: keychain migration (IOS-811)", None),
        (None, "Pair on XCTest flakiness (IOS-810)", "2026-03-13"),
    ]
    diary = "Пламен, енологът, ще пусне новото розе на 15 септември. Аз ще опиша дегустацията."
    assert _actions(diary, ("Ана", "Борис"), "Ана") == [("Ана", "Опиши дегустацията", None)]
    email = (
        "**От:** Ана Вълчева\n**До:** Борис Костадинов\n\nЗдравей, Борисе,\n\n"
        "Благодаря ти за днешния разговор, справяш се добре с твоя първи месец.\n\n"
        "**Домашно за теб:**\n"
        "1. Шаблонът за CV работилницата — да го обновиш до петък.\n"
        "2. Обратната връзка от панаира — събери я и я обобщи до 20-ти. Ще ни трябва за отчета.\n"
    )
    assert _actions(email, ("Ана", "Борис"), "Ана") == [
        ("Борис", "Обнови шаблона за CV работилницата", "2026-03-06"),
        ("Борис", "Събери и обобщи обратната връзка от панаира", "2026-03-20"),
    ]


def test_letter_list_items_with_a_topic_first_and_a_speaker_in_the_note():
    letter = (
        "**Boris — notes from our session**\n_(from Ana)_\n\n"
        "You've been team lead for seven weeks now. Here's what I heard and what we agreed.\n\n"
        "Things you agreed to:\n\n"
        "1. The referral authority grid. Your draft gives almost everyone the same limit. "
        "Rework it so the limits reflect experience, and get it to me by Thursday.\n"
        "2. The Q2 loss ratio pack is on SharePoint. Go through it and flag three schemes. "
        "Pricing committee sits on 1 July, so that's your deadline.\n\n"
        "On my side: getting you his details is my job — you'll have them tomorrow.\n"
    )
    assert _actions(letter, author="Ana") == [
        (
            "Boris",
            "Rework the draft so the limits reflect experience, and get it to Ana",
            "2026-03-05",
        ),
        ("Boris", "Go through the Q2 loss ratio pack and flag three schemes", "2026-07-01"),
        ("Ana", "Get Boris his details", "2026-03-05"),
    ]
    doc = (
        "Vendor onboarding: we don't have a checklist. Someone should write one.\n\n"
        "> 💬 Boris Tanaka: I'll take this — give me till the end of next week.\n\n"
        "What went well: the pupil passports are finished. I'll take that.\n"
    )
    assert _actions(doc, author="Ana") == [("Boris", "Take a checklist", "2026-03-13")]


def test_times_of_day_no_rush_and_things_that_happen_to_you_are_not_tasks():
    from models.dates import due_date

    assert due_date("Reply at 8.30 with something good.", WEDNESDAY)[0] is None
    assert due_date("call at 9.30am", WEDNESDAY)[0] is None
    assert due_date("до 17.03.2026 г.", WEDNESDAY)[0] == date(2026, 3, 17)
    note = (
        "Нямаш бърза работа – до края на следващия месец е напълно достатъчно. "
        "Обучението е на 18.03, ще получиш покана от HR. "
        "Ще дойда при теб в понеделник. Ще ти пратя процедурата до петък."
    )
    assert _actions(note, ("Ана", "Борис"), "Ана") == [("Ана", "Прати процедурата", "2026-03-06")]


def test_bulgarian_tries_report_backs_and_remarks_after_the_task():
    pair = ("Ана", "Борис")
    assert _actions(
        "Смоук тестът – ще се опитам да го автоматизирам до края на месеца, т.е. имам два дни.",
        pair,
        "Ана",
    ) == [  # fmt: skip
        ("Ана", "Автоматизирай смоук теста", "2026-03-31")
    ]
    assert _actions(
        "Следващата седмица ще прегледам трите досиета и ще ти пиша какво бих променила.",
        pair,
        "Ана",
    ) == [("Ана", "Прегледай трите досиета и пиши какво бих променила", "2026-03-13")]
    assert _actions(
        "Ще поискам среща с началника и ще му кажа, че искам да участвам.", pair, "Ана"
    ) == [  # fmt: skip
        ("Ана", "Поискай среща с началника и кажи му, че искам да участвам", None)
    ]
    assert _actions("Справката – ще я направя до петък, тя сега е в отпуск.", pair, "Ана") == [
        ("Ана", "Направи справката", "2026-03-06")
    ]


def test_plans_requests_with_molya_and_counted_things_before_a_clitic():
    assert _actions(
        "So the plan is to rerun the coupling with the new catalyst next Wednesday.", author="Ana"
    ) == [  # fmt: skip
        ("Ana", "Rerun the coupling with the new catalyst", "2026-03-11")
    ]
    pair = ("Ана", "Борис")
    assert _actions("имам 15 клиента с изтичащи полици, ще ги обзвъня до 23-ти", pair, "Ана") == [
        ("Ана", "Обзвъни 15 клиента с изтичащи полици", "2026-03-23")
    ]
    letter = (
        "Здравей, Борисе!\n\nБлагодаря ти за срещата, справяш се добре с твоя екип. "
        "Твоите идеи за зоната са добри. Ти знаеш какво да правиш.\n\n"
        "Моля те, до понеделник да ми пратиш анализа на заетостта по улици.\n\nПоздрави,\nАна"
    )
    assert _actions(letter, pair, "Ана") == [
        ("Борис", "Прати анализа на заетостта по улици", "2026-03-09")
    ]


def test_questions_in_brackets_inverted_role_subjects_and_a_speaker_is_no_topic():
    pair = ("Ана", "Борис")
    note = (
        "Колко технически трябва да съм? (SQL?)\n\n"
        "Бюджетът за униформи ще го одобрява управителят, не зависи от нас.\n\n"
        "Ще питам началника на отдела дали мога да поема групата.\n\n"
        "Трябва да пиша така, че човек, който не е виждал приложението, да може да го повтори.\n\n"
        "За курса — засега ще го оставя, може би наесен.\n\n"
        "Следващата ни среща — след около месец, Борис ще каже кога.\n"
    )
    assert _actions(note, pair, "Ана") == [
        ("Ана", "Питай началника на отдела дали мога да поема групата", None)
    ]
    doc = (
        "The caching ADR is nearly done.\n\n"
        '💬 **Boris Hart** (on "Boris: review the ADR"): I\'ll review it Monday.\n'
    )
    assert _actions(doc, author="Ana") == [("Boris", "Review the ADR", "2026-03-09")]


def test_requests_to_the_reader_and_present_plans_after_a_topic():
    note = (
        "Pontoon D electrics: I chase the electrician's report and get it to the harbour "
        "master by Wednesday. I'd like you to redraft the schedule by the 20th. "
        "And you were going to check whether there's any budget left and let me know by Friday."
    )
    assert _actions(note, author="Ana") == [
        ("Ana", "Chase the electrician's report and get it to the harbour master", "2026-03-11"),
        ("Boris", "Redraft the schedule", "2026-03-20"),
        ("Boris", "Check whether there's any budget left and let Ana know", "2026-03-06"),
    ]
    promise = "Борис обеща в събота да ми покаже как се приготвя спиртът."
    assert _actions(promise, ("Ана", "Борис"), "Ана") == [
        ("Борис", "Покажи как се приготвя спиртът", "2026-03-07")
    ]


def test_leftover_times_and_conditional_calls_are_trimmed():
    note = (
        "SCADA alarm list: I'll dig it out this afternoon. "
        "The 4 Jan one I'll run myself tomorrow morning before the counter opens. "
        "Oh and the Dear CEO pack – I'll send it after my 3pm today. "
        "Boris — call me if the 1:1s throw up anything weird. "
        "Let's aim for the week after Easter."
    )
    assert [t for _, t, _ in _actions(note, author="Ana")] == [
        "Dig SCADA alarm list out",
        "Run myself before the counter opens",
        "Send the Dear CEO pack after my 3pm",
    ]


def test_plan_is_you_what_was_to_be_done_and_a_dropped_session_frame():
    note = (
        "His challenge for me was to plan the Year 9 lesson around a hinge question. "
        "I said I'd have it planned by Tuesday. "
        "On churn: plan is you pull cohorts by zone and by signup week, by the 30th. "
        "Boris agreed to do a 5-whys on the line 3 stoppages and bring it to our next session "
        "on 12 March. I'll book the cabin mock-up tomorrow, ops training said slots are open."
    )
    assert _actions(note, author="Ana") == [
        ("Ana", "Plan the Year 9 lesson", "2026-03-10"),
        ("Boris", "Pull cohorts by zone and by signup week", "2026-03-30"),
        ("Boris", "Do a 5-whys on the line 3 stoppages and bring it", "2026-03-12"),
        ("Ana", "Book the cabin mock-up", "2026-03-05"),
    ]


def test_managing_losing_time_and_picking_the_next_date_are_not_tasks():
    pair = ("Ана", "Борис")
    assert _actions("Засега няма да взимам човек, ще се оправяме с майка ми.", pair, "Ана") == []
    note = (
        "Rachel reckons we'll lose two weeks at the end if the snagging isn't structured. "
        "Let's pick the next session date once the open day plan is out."
    )
    assert _actions(note, author="Ana") == []


def test_those_and_these_stand_for_the_thing_before():
    from models.antecedents import resolve_pronoun

    before = ["The three STAR examples are nearly ready."]
    assert resolve_pronoun("Send those", "I'll send those tonight.", before) == (
        "Send the three STAR examples"
    )
    assert resolve_pronoun("Send those notes", "I'll send those notes.", before) is None


def test_you_said_youd_have_a_draft_and_leave_it_with_me_on():
    note = (
        "I met Boris about the grant today.\n\n## Actions\n"
        "- Leave it with me on the overhead-rate justification.\n"
        "- The internal deadline policy — you said you'd have a first draft of it by the 20th.\n"
    )
    assert _actions(note, author="Ana") == [
        ("Ana", "Take on the overhead-rate justification", None),
        ("Boris", "Draft the internal deadline policy", "2026-03-20"),
    ]
