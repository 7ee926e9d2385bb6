"""`analyse_note` contract, progress reporting, long input, ROUGE and evaluation helpers."""

import json
from datetime import date
from pathlib import Path

from models.evaluation import action_scores, load_notes
from models.pipeline import analyse_note
from models.rouge import best_of, lcs_length, rouge
from tests.fakes import HashEmbedder

LABELS = Path(__file__).resolve().parent.parent / "bench" / "data" / "notes_labels.jsonl"


def test_result_follows_the_contract_and_cites_valid_sentences():
    row = next(r for r in load_notes(LABELS) if r["file"] == "n33_long_mixed.md")
    stages = []
    result = analyse_note(
        row["text"],
        session_date=date.fromisoformat(row["date"]),
        participants=row["participants"],
        embedder=HashEmbedder(),
        profile_goals={"Ana": ["Get promoted to senior engineer"]},
        on_progress=lambda stage, partial: stages.append(stage),
    )
    assert set(result) >= {
        "sentences",
        "summary",
        "decisions",
        "action_items",
        "goals",
        "prompts",
        "agenda",
        "engine",
    }
    assert 3 <= len(result["summary"]) <= 6 and 3 <= len(result["prompts"]) <= 5
    n = len(result["sentences"])
    for key in ("summary", "decisions", "action_items", "goals", "prompts", "agenda"):
        for item in result[key]:
            assert all(0 <= i < n for i in item["sources"]) and item["engine"] == "extractive"
    goal = result["goals"][0]
    assert goal["owner"] == "Ana" and goal["time_bound"] and goal["statement"]
    assert {"celebrate", "improve"} & {p["kind"] for p in result["prompts"]}
    # Agenda items say what they are about, so an LLM can word them from the same facts.
    tasks = [a for a in result["agenda"] if a["kind"] == "task"]
    assert tasks and all(a["topic"] in a["text"] for a in tasks)
    assert result["agenda"][-1]["kind"] == "next" and not result["agenda"][-1]["sources"]
    assert result["engine"] == {**result["engine"], "llm": None, "llm_status": "disabled"}
    assert stages[0] == "sentences" and stages[-1] == "done"


def test_a_note_without_tasks_gets_no_action_items():
    row = next(r for r in load_notes(LABELS) if r["file"] == "n03_no_actions_reflection.md")
    assert analyse_note(row["text"])["action_items"] == []


def test_long_transcripts_are_chunked_and_speakers_become_participants():
    turns = [
        f"(PERSON{i % 3 + 1}) We reviewed the corpus part {i} and the alignment tool "
        f"results for the minuting task in some detail today."
        for i in range(200)
    ]
    turns.append("(PERSON2) I will prepare the final corpus release for the shared task by Friday.")
    result = analyse_note("\n".join(turns), session_date=date(2026, 3, 4))
    assert result["engine"]["chunks"] > 1
    assert result["engine"]["participants"] == ["[PERSON1]", "[PERSON2]", "[PERSON3]"]
    assert [(a["owner"], a["due"]) for a in result["action_items"]] == [("[PERSON2]", "2026-03-06")]


def test_rouge_matches_hand_computed_values():
    assert lcs_length("a b c d".split(), "a c d e".split()) == 3
    scores = rouge("the cat sat on the mat", "the cat lay on the mat")
    assert round(scores["rouge1"], 3) == round(5 / 6, 3)
    assert round(scores["rouge2"], 3) == 0.6
    assert best_of("the cat", ["a dog", "the cat"])["rougeL"] == 1.0


def test_action_scores_count_matches_owners_and_dates():
    pred = [
        {"owner": "Ana", "task": "Draft the promotion case", "due": "2026-03-06"},
        {"owner": None, "task": "Order pizza for everyone", "due": None},
    ]
    gold = [{"owner": "Ана", "task": "Draft the promotion case and send it", "due": "2026-03-06"}]
    assert action_scores(pred, gold) == {"pred": 2, "gold": 1, "tp": 1, "owner_ok": 1, "due_ok": 1}


def test_rule_diff_tool_lists_the_items_that_changed_and_the_errors(tmp_path, capsys):
    """bench/action_diff.py: what a rule change found or lost, note by note, on a labelled set."""
    from bench.action_diff import main

    main(["dump", str(tmp_path / "a.json"), "--sets", "notes", "--jobs", "1"])
    before = json.loads((tmp_path / "a.json").read_text(encoding="utf-8"))
    note = before["notes"][0]
    assert note["file"] == "n01_promotion_case.md" and note["gold"] and note["pred"]
    # The same run with one found item taken away: compare shows it gone and marked as a hit.
    i, _ = note["matches"][0]
    lost = note["pred"].pop(i)
    note["matches"] = [(a - (a > i), b) for a, b in note["matches"] if a != i]
    (tmp_path / "b.json").write_text(json.dumps(before), encoding="utf-8")
    capsys.readouterr()
    main(["compare", str(tmp_path / "a.json"), str(tmp_path / "b.json")])
    out = capsys.readouterr().out
    assert f"- T {lost['owner']} | {lost['task']}" in out
    main(["errors", str(tmp_path / "b.json"), "--note", "n01"])
    assert "MISS" in capsys.readouterr().out


def test_summary_bullets_of_a_pasted_chat_drop_the_time_stamps():
    from models.pipeline import extractive

    note = (
        "[04/03/2026, 18:02] Ana: we went through the rollout plan for the billing service\n"
        "[04/03/2026, 18:03] Boris: the migration risk is the part the directors will ask about\n"
        "[04/03/2026, 18:04] Ana: I'll send you the rollout checklist by Friday\n"
    )
    result = extractive(note, participants=["Ana", "Boris"])
    assert result["summary"]
    for item in result["summary"]:
        assert not item["text"].startswith("[")
        assert item["text"].split(":")[0] in ("Ana", "Boris")
        assert item["text"] in result["sentences"][item["sources"][0]]


def test_summary_bullets_drop_the_time_between_name_and_colon():
    from models.pipeline import extractive

    note = (
        "Ana 18:02: we went through the rollout plan for the billing service today\n"
        "Boris 18:03: the migration risk is the part the directors will ask about\n"
        "Ana 18:04: I'll send you the rollout checklist by Friday, with the risks listed\n"
    )
    result = extractive(note, participants=["Ana", "Boris"])
    assert result["summary"]
    for item in result["summary"]:
        assert item["text"].split(": ", 1)[0] in ("Ana", "Boris")
        assert ":0" not in item["text"] and ":1" not in item["text"]
