"""The pipeline with the real bundled SmolLM2 model and the real MiniLM embedder."""

from datetime import date
from pathlib import Path

import pytest

from models.grounding import check_item
from models.pipeline import analyse_note

NOTE = Path(__file__).resolve().parent.parent / "bench" / "data" / "notes" / "n11_long_prose.md"


@pytest.fixture(scope="module")
def engines():
    from models.llm import load_llm
    from retrieval.embedder import Embedder

    llm = load_llm(isolated=False)
    embedder = Embedder()
    embedder.embed(["warm up"])
    return llm, embedder


@pytest.mark.slow
def test_real_model_items_are_grounded_and_marked(engines):
    llm, embedder = engines
    text = NOTE.read_text(encoding="utf-8")
    ref = date(2026, 3, 4)
    seen = []
    result = analyse_note(text, session_date=ref, participants=["Nikolay", "Teodora"], llm=llm,
                          embedder=embedder, on_progress=lambda s, r: seen.append(s))  # fmt: skip
    assert result["engine"]["llm"] == llm.name and result["engine"]["llm_status"] == "ok"
    assert result["engine"]["embedder"].startswith("all-MiniLM-L6-v2")
    # Well under 1 s on an idle 2-core machine; the bound leaves room for a busy CI runner.
    assert result["engine"]["timings"]["extractive_s"] < 3.0
    names = ["Nikolay", "Teodora"]
    written = 0
    for key in ("summary", "decisions", "goals", "prompts", "agenda"):
        for item in result[key]:
            assert item["engine"] in ("extractive", "llm", "llm-repaired")
            if item["engine"] != "extractive":
                written += 1
                text = item["statement"] if key == "goals" else item["text"]
                sources = [result["sentences"][i] for i in item["sources"]]
                facts = [*names, item.get("time_bound") or "", item.get("due") or ""]
                assert check_item(text, sources, ref=ref, allowed=facts,
                                  min_support=0.3) == []  # fmt: skip
    # One item per call behind a few-shot prefix: the bundled model gets some items through
    # (2-3 of the 7 items it is asked about here on the development machine).
    assert written >= 1
    assert [a["owner"] for a in result["action_items"]][:2] == ["Teodora", "Nikolay"]
    assert seen[0] == "sentences" and seen[-1] == "done"
    print(
        "engines:",
        {k: [i["engine"] for i in result[k]] for k in ("summary", "goals", "prompts", "agenda")},
        "timings:",
        result["engine"]["timings"],
    )
