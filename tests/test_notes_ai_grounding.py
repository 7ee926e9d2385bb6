"""Grounding checks and the LLM refinement: bad model output never reaches the user."""

import time
from datetime import date

from models.grounding import align_sources, check_item
from models.llm import LLMUnavailable
from models.pipeline import analyse_note
from models.refine import parse_numbered

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


def test_parse_numbered_keeps_the_first_answer_per_number():
    assert parse_numbered("1. a\n2) b\n1. again\n7. out of range", 2) == {0: "a", 1: "b"}


class ScriptedLLM:
    """Answers every call with the next scripted text: a stand-in for a model, so the checks
    around it are what is tested."""

    name = "scripted"
    n_ctx = 2048

    def __init__(self, answers):
        self.answers = list(answers)
        self.calls = []

    def count_tokens(self, text):
        return len(text.split())

    def generate(self, messages, **kwargs):
        self.calls.append(messages)
        return self.answers.pop(0) if self.answers else ""


def test_grounded_answers_are_used_and_invented_ones_fall_back():
    llm = ScriptedLLM(
        [  # steps run goals, prompts, summary, decisions
            "1. By 2026-03-06, Lena will finish 5 promotion cases.",  # goal: invented name+number
            "1. What helped Ana finish the architecture proposal draft?\n2. blah blah blah blah",
            "1. Ana's promotion case: showing impact across the platform team.",  # summary: kept
        ]
    )
    result = analyse_note(NOTE, session_date=WEDNESDAY, participants=["Ana", "Boris"], llm=llm)
    long_item = result["summary"][0]
    assert long_item["engine"] == "llm" and long_item["text"].startswith("Ana's promotion case")
    assert all(
        g["engine"] == "extractive" and "Lena" not in g["statement"] for g in result["goals"]
    )
    engines = [p["engine"] for p in result["prompts"]]
    assert engines[0] == "llm" and "extractive" in engines[1:]
    assert result["engine"]["llm"] == "scripted" and result["engine"]["llm_status"] == "ok"
    # The static system prompt comes first in every call, so its KV cache can be reused.
    assert all(call[0]["role"] == "system" for call in llm.calls)


class DeadLLM(ScriptedLLM):
    def generate(self, messages, **kwargs):
        raise LLMUnavailable("the model process died (signal 11)")


def test_a_crashing_model_still_returns_the_extractive_result():
    result = analyse_note(
        NOTE, session_date=WEDNESDAY, participants=["Ana", "Boris"], llm=DeadLLM([])
    )
    assert result["engine"]["llm_status"].startswith("unavailable: the model process died")
    assert [a["owner"] for a in result["action_items"]] == ["Ana", "Boris"]
    assert all(i["engine"] == "extractive" for i in result["summary"])


class SlowLLM(ScriptedLLM):
    def generate(self, messages, **kwargs):
        time.sleep(0.3)
        return super().generate(messages, **kwargs)


def test_a_time_budget_skips_later_llm_steps_and_keeps_them_extractive():
    llm = SlowLLM(["1. By 2026-03-06, Lena will finish 5 promotion cases."] * 4)
    result = analyse_note(
        NOTE, session_date=WEDNESDAY, participants=["Ana", "Boris"], llm=llm, llm_budget_s=0.4
    )
    # The first step (goals) ran; the next would have ended past the budget.
    assert len(llm.calls) == 1
    assert result["engine"]["llm_skipped"] == ["prompts", "summary", "decisions"]
    assert result["engine"]["llm_status"] == "ok"
    assert all(i["engine"] == "extractive" for i in result["summary"] + result["prompts"])
