"""Grounding checks and the LLM refinement: bad model output never reaches the user."""

import time
from datetime import date
from pathlib import Path

from models.grounding import align_sources, check_item
from models.llm import LLMUnavailable
from models.pipeline import analyse_note
from models.refine import clean

NOTE = """# Session with Boris

We spent most of the hour on Ana's promotion case and how she could show impact across \
the platform team and the wider engineering organisation this spring.
Ana finished the first draft of the architecture proposal and got positive feedback from her lead.
She finds it hard to say no when other teams ask for help, and her own roadmap work slips.
Ana will draft the promotion case by Friday.
Boris offered to introduce her to Maria from the platform team next week.
"""
SOURCE = ["Ana will draft the promotion case by Friday."]
WEDNESDAY = date(2026, 3, 4)
BENCH = Path(__file__).resolve().parent.parent / "bench" / "data" / "notes"


def test_check_item_accepts_a_faithful_rewrite_and_resolved_dates():
    assert check_item("Ana drafts the promotion case by 6 March.", SOURCE, ref=WEDNESDAY) == []


def test_check_item_rejects_invented_facts_repetition_and_copies():
    assert "number not in sources: 3" in check_item("Ana will draft 3 promotion cases.", SOURCE)
    assert "name not in sources: Lena" in check_item("Lena will draft the promotion case.", SOURCE)
    assert any(
        p.startswith("date not in sources")
        for p in check_item("Ana will draft the promotion case by 20 March.", SOURCE, ref=WEDNESDAY)
    )
    assert "repeats itself" in check_item("the case the case the case the case", SOURCE)
    assert "not supported by its sources" in check_item(
        "Boris enjoys hiking in the mountains.", SOURCE
    )
    long_note = " ".join(["Ana will draft the promotion case by Friday."] * 6)
    assert "copies the note" in check_item(long_note, SOURCE, note=long_note, max_words=100)


def test_align_sources_finds_the_sentence_an_item_came_from():
    sentences = ["We talked about holidays.", "Ana will draft the promotion case by Friday."]
    assert align_sources("Promotion case draft due Friday", sentences) == [1]


def test_an_answer_is_read_as_its_first_line_without_list_markers():
    assert clean('1. "What helped Ana?"\n2. more') == "What helped Ana?"
    assert clean("\n- Ana drafts the case.") == "Ana drafts the case."


class ScriptedLLM:
    """Answers each call by the item it is about (a substring of the last message): a stand-in
    for a model, so the checks around it are what is tested."""

    def __init__(self, answers=None, name="scripted"):
        self.answers = dict(answers or {})
        self.name = name
        self.n_ctx = 2048
        self.calls = []

    def count_tokens(self, text):
        return len(text.split())

    def generate(self, messages, **options):
        self.calls.append((messages, options))
        item = messages[-1]["content"]
        return next((a for key, a in self.answers.items() if key in item), "")


def test_grounded_answers_are_used_and_invented_ones_fall_back():
    llm = ScriptedLLM(
        {
            "who: Ana": "By 2026-03-06, Lena will finish 5 promotion cases.",  # invented
            "who: Boris": "Boris will introduce Ana to Maria from the platform team.",  # no date
            "celebrate:": "What helped Ana finish the architecture proposal draft?",
            "improve:": "blah blah blah blah",
            "task: Draft the promotion case": "Ana's promotion case draft",
            "We spent most": "Ana's promotion case: showing impact across the platform team.",
        }
    )
    result = analyse_note(NOTE, session_date=WEDNESDAY, participants=["Ana", "Boris"], llm=llm)
    ana, boris = result["goals"]
    assert ana["engine"] == "extractive" and "Lena" not in ana["statement"]
    assert "name not in sources: Lena" in ana["rejected"]
    # The answer dropped the date; the repair puts the draft's own date back.
    assert boris["engine"] == "llm-repaired"
    assert (
        boris["statement"]
        == "By 2026-03-13, Boris will introduce Ana to Maria from the platform team."
    )
    assert [p["engine"] for p in result["prompts"][:2]] == ["llm", "extractive"]
    assert result["agenda"][0] == {**result["agenda"][0], "text": "Ana's promotion case draft",
                                   "engine": "llm"}  # fmt: skip
    assert result["agenda"][-1]["engine"] == "extractive"  # "agree next steps": nothing to ask
    long_item = result["summary"][0]
    assert long_item["engine"] == "llm" and long_item["text"].startswith("Ana's promotion case")
    assert result["engine"]["llm"] == "scripted" and result["engine"]["llm_status"] == "ok"
    # One item per call, greedy, one line; the same static prefix every time (KV cache reuse).
    prefixes = [messages[:-1] for messages, _ in llm.calls]
    assert len(llm.calls) == result["engine"]["llm_calls"] == 7
    assert all(p == prefixes[0] for p in prefixes) and prefixes[0][0]["role"] == "system"
    assert all(o["temperature"] == 0 and o["stop"] == ["\n"] and o["max_tokens"] <= 80
               for _, o in llm.calls)  # fmt: skip


def test_spelled_out_numbers_and_questions_are_checked_too():
    note = (
        "The migration itself took forty minutes, but the clean-up afterwards dragged on for "
        "two whole days because nobody owned the checklist and several people redid work.\n"
        "Mira will write the clean-up checklist by Friday.\n"
    )
    llm = ScriptedLLM({"The migration": "The migration took four hours, but the clean-up took "
                                        "two days."})  # fmt: skip
    result = analyse_note(note, session_date=WEDNESDAY, participants=["Mira"], llm=llm)
    item = next(i for i in result["summary"] if i["sources"] == [0])
    # The clause with the wrong number is cut; what is left is true.
    assert item["engine"] == "llm-repaired" and item["text"] == "The clean-up took two days."
    llm = ScriptedLLM({"The migration": "Why did the clean-up take two days?"})
    result = analyse_note(note, session_date=WEDNESDAY, participants=["Mira"], llm=llm)
    item = next(i for i in result["summary"] if "forty minutes" in i["text"])
    assert item["engine"] == "extractive" and "a question, not a statement" in item["rejected"]


def test_an_english_only_model_is_not_asked_about_bulgarian_notes():
    note = (BENCH / "n05_bg_prose.md").read_text(encoding="utf-8")
    small = ScriptedLLM(name="SmolLM2-135M-Instruct.Q4_1")
    result = analyse_note(note, session_date=WEDNESDAY, participants=["Ana", "Boris"], llm=small)
    assert small.calls == [] and result["engine"]["llm_other_language"] > 0
    assert all(i["engine"] == "extractive" for i in result["goals"] + result["agenda"])
    other = ScriptedLLM(name="a-multilingual-model")
    analyse_note(note, session_date=WEDNESDAY, participants=["Ana", "Boris"], llm=other)
    assert other.calls


class DeadLLM(ScriptedLLM):
    def generate(self, messages, **kwargs):
        raise LLMUnavailable("the model process died (signal 11)")


def test_a_crashing_model_still_returns_the_extractive_result():
    result = analyse_note(
        NOTE, session_date=WEDNESDAY, participants=["Ana", "Boris"], llm=DeadLLM()
    )
    assert result["engine"]["llm_status"].startswith("unavailable: the model process died")
    assert [a["owner"] for a in result["action_items"]] == ["Ana", "Boris"]
    assert all(i["engine"] == "extractive" for i in result["summary"])


class SlowLLM(ScriptedLLM):
    def generate(self, messages, **kwargs):
        time.sleep(0.3)
        return super().generate(messages, **kwargs)


def test_a_time_budget_stops_sending_items_and_keeps_them_extractive():
    llm = SlowLLM({"celebrate:": "What helped Ana finish the architecture proposal draft?"})
    result = analyse_note(
        NOTE, session_date=WEDNESDAY, participants=["Ana", "Boris"], llm=llm, llm_budget_s=0.4
    )
    # The first item ran; the next would likely have ended past the budget, and so on.
    assert len(llm.calls) == 1 and result["prompts"][0]["engine"] == "llm"
    assert result["engine"]["llm_skipped"] == ["prompts", "agenda", "goals", "summary"]
    assert result["engine"]["llm_skipped_items"] == 6
    assert result["engine"]["llm_status"] == "ok"
    assert all(i["engine"] == "extractive" for i in result["summary"] + result["goals"])


def test_a_name_that_acts_in_the_output_but_only_receives_in_the_note_is_rejected():
    from models.grounding import check_item

    source = ["We'll both go through the summary on Thursday before it goes to Lucas."]
    problems = check_item("Lucas will review the summary on Thursday.", source)
    assert "Lucas does something the sources do not say" in problems
    said = ["Lucas said he would review the summary on Thursday."]
    assert check_item("Lucas will review the summary on Thursday.", said) == []
