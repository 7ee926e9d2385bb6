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
        ("Ana", "Прочета книгата", "2026-03-31")
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
