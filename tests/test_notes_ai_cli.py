"""The notes JSON commands on plain files, without a database or a model."""

import json
from pathlib import Path

import pytest

NOTES = Path(__file__).resolve().parent.parent / "bench" / "data" / "notes"
FAST = ["--no-llm", "--no-embedder", "--json"]


def test_summarize_english_and_bulgarian_one_object_per_line(runner):
    result = runner.invoke(args=["summarize", str(NOTES / "n01_promotion_case.md"),
                                 str(NOTES / "n05_bg_prose.md"), "--date", "2026-03-04",
                                 "--participants", "Ana,Boris", *FAST])  # fmt: skip
    assert result.exit_code == 0, result.output
    first, second = (json.loads(line) for line in result.output.strip().splitlines())
    assert set(first) == {"sentences", "summary", "decisions", "action_items", "engine"}
    assert first["action_items"][0] == {"owner": "Ana", "task": "Draft the promotion case and send "
                                        "it to Boris for comments", "due": "2026-03-06",
                                        "sources": [4], "engine": "extractive",
                                        "detector": "rules"}  # fmt: skip
    assert first["sentences"][4].startswith("Ana will draft the promotion case")
    assert [(a["owner"], a["due"]) for a in second["action_items"]] == [
        ("Ana", "2026-03-06"),
        ("Boris", "2026-03-05"),
    ]
    assert second["engine"]["llm_status"] == "disabled"


def test_goals_draft_and_feedback_prompts(runner):
    note = str(NOTES / "n07_career_change.md")
    goals = runner.invoke(args=["goals", "draft", note, "--date", "2026-04-20", "--participants",
                                "Elena,Petar", "--goal", "Elena=Move into product management",
                                *FAST])  # fmt: skip
    assert goals.exit_code == 0, goals.output
    drafts = json.loads(goals.output)["goals"]
    assert drafts and {"owner", "specific", "measurable", "achievable", "relevant", "time_bound",
                       "statement", "sources"} <= set(drafts[0])  # fmt: skip
    assert drafts[0]["owner"] == "Elena"
    prompts = runner.invoke(args=["feedback-prompts", note, *FAST])
    assert prompts.exit_code == 0, prompts.output
    listed = json.loads(prompts.output)["prompts"]
    assert 3 <= len(listed) <= 5 and all(p["for"] and p["text"] for p in listed)


def test_a_missing_model_file_still_gives_extractive_results(runner, tmp_path):
    note = str(NOTES / "n02_bullets_feedback.md")
    missing = str(tmp_path / "missing.gguf")
    result = runner.invoke(args=["summarize", note, "--llm", missing, "--no-embedder", "--json"])
    assert result.exit_code == 0, result.output
    obj = json.loads(result.output)
    assert obj["engine"]["llm_status"].startswith("unavailable:")
    assert obj["action_items"] and all(a["engine"] == "extractive" for a in obj["action_items"])


def test_eval_summaries_prints_tables_and_writes_json(runner, tmp_path):
    out = tmp_path / "eval.json"
    result = runner.invoke(args=["eval", "summaries", "--sets", "notes", "--no-llm",
                                 "--no-embedder", "--json-out", str(out), "--notes",
                                 str(NOTES.parent / "notes_labels.jsonl")])  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "| notes | 33 | lead-N |" in result.output and "precision" in result.output
    figures = json.loads(out.read_text())["sets"]["notes"]
    assert figures["actions"]["precision"] >= 0.85 and figures["actions"]["recall"] >= 0.85


@pytest.mark.slow
def test_summarize_with_the_bundled_model_on_a_long_elitr_transcript(runner):
    elitr = Path(__file__).resolve().parents[2] / "shared" / "eval" / "elitr-dev"
    transcript = next(elitr.glob("meeting_en_dev_001/transcript_*.txt"), None)
    if transcript is None:
        pytest.skip("the ELITR evaluation data is not present")
    result = runner.invoke(args=["summarize", str(transcript), "--no-embedder", "--json"])
    assert result.exit_code == 0, result.output
    obj = json.loads(result.output)
    assert obj["engine"]["chunks"] > 1 and obj["engine"]["llm_status"] == "ok"
    assert 3 <= len(obj["summary"]) <= 6
    assert all(a["owner"] is None or a["owner"].startswith("[PERSON") for a in obj["action_items"])


def test_author_owns_the_unassigned_items_of_a_personal_task_file(runner, tmp_path):
    note = tmp_path / "org.md"
    note.write_text(
        "* Notes\n- I went through the UT reports with Boris.\n* Tasks\n"
        "** TODO Book the CSWIP 3.1 course\n   DEADLINE: <2026-03-31 Tue>\n"
        "** TODO [Boris] Send me the old macro-etch photos\n   DEADLINE: <2026-03-09 Mon>\n",
        encoding="utf-8",
    )
    args = ["summarize", str(note), "--date", "2026-03-04", "--participants", "Ana,Boris"]
    result = runner.invoke(args=[*args, "--author", "Ana", *FAST])
    assert result.exit_code == 0, result.output
    items = json.loads(result.output)["action_items"]
    assert [(a["owner"], a["task"], a["due"]) for a in items] == [
        ("Ana", "Book the CSWIP 3.1 course", "2026-03-31"),
        ("Boris", "Send Ana the old macro-etch photos", "2026-03-09"),
    ]
    wrong = runner.invoke(args=[*args, "--author", "Zed", *FAST])
    assert wrong.exit_code == 2
    assert "'Zed' is not one of the participants (Ana, Boris)" in wrong.output
