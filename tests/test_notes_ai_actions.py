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
