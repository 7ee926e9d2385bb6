"""Leave-one-set-out choice of the summary ranking constants (`models/summarize.py`).

For every setting of a small grid, score extractive vs lead-N ROUGE-L on each labelled note set;
then, holding each set out in turn, pick the setting with the best mean margin over lead-N on
the other sets and report it on the held-out one. Sentences are embedded once.

    HF_HUB_OFFLINE=1 python -m bench.summary_sweep
"""

from __future__ import annotations

import argparse
import itertools
from datetime import date
from pathlib import Path

import numpy as np

import models.summarize as summarize
from models.evaluation import load_notes
from models.pipeline import extractive
from models.rouge import best_of
from models.sentences import paragraph_ids, split_sentences

DATA = Path(__file__).resolve().parent / "data"
# Every set scored before session 13 (blind71 and later were scored in or after it).
SETS = ["notes", "notes_heldout", "notes_dev", "notes_blind",
        *(f"notes_blind{n}" for n in range(2, 71))]  # fmt: skip
GRID = {
    "POSITION_WEIGHT": [0.6, 0.9],
    "POSITION_DECAY": [0.8, 0.7],
    "PARAGRAPH_LEAD": [0.0, 0.15, 0.3, 0.45],
    "LEXICAL_WEIGHT": [0.0, 0.5, 0.75],
    "TASK_PENALTY": [0.15, 0.0],
}


def prepare(embedder) -> dict[str, list[tuple]]:
    """Per set, per note: (sentences, unit vectors, decision boost, action-item source sentences,
    paragraphs, reference)."""
    data = {}
    for name in SETS:
        rows = []
        for row in load_notes(DATA / f"{name}_labels.jsonl"):
            ref = date.fromisoformat(row["date"]) if row.get("date") else None
            res = extractive(row["text"], session_date=ref, participants=row.get("participants"),
                             author=row.get("author"), embedder=embedder)  # fmt: skip
            texts = res["sentences"]
            vectors = summarize.sentence_vectors(texts, embedder)
            boost = {i: 0.1 for d in res["decisions"] for i in d["sources"]}
            actions = {i for a in res["action_items"] for i in a["sources"]}
            paragraphs = paragraph_ids(row["text"], split_sentences(row["text"]))
            rows.append((texts, vectors, boost, actions, paragraphs, " ".join(row["summary"])))
        data[name] = rows
    return data


def score(data: dict[str, list[tuple]]) -> dict[str, tuple[float, float]]:
    """Mean ROUGE-L (extractive, lead-N) per set with the module's current constants."""
    out = {}
    for name, rows in data.items():
        ext, lead = [], []
        for texts, vectors, boost, actions, paragraphs, reference in rows:
            picked = summarize.extractive_summary(
                texts, vectors, boost=boost, paragraphs=paragraphs, actions=actions
            )
            k = max(1, len(picked))
            ext.append(best_of(" ".join(p["text"] for p in picked), [reference])["rougeL"])
            lead.append(best_of(" ".join(summarize.lead_summary(texts, k)), [reference])["rougeL"])
        out[name] = (float(np.mean(ext)), float(np.mean(lead)))
    return out


def best_setting(table: dict, names: list[str]) -> tuple:
    """The grid setting with the best mean ROUGE-L margin over lead-N on `names`."""
    return max(table, key=lambda v: np.mean([table[v][n][0] - table[v][n][1] for n in names]))


def describe(setting: tuple) -> str:
    return ", ".join(f"{k.lower()} {v}" for k, v in zip(GRID, setting, strict=True))


def main() -> None:
    argparse.ArgumentParser(description=__doc__).parse_args()
    from retrieval.embedder import Embedder

    data = prepare(Embedder())
    saved = {k: getattr(summarize, k) for k in GRID}
    table = {}
    try:
        for values in itertools.product(*GRID.values()):
            for key, value in zip(GRID, values, strict=True):
                setattr(summarize, key, value)
            table[values] = score(data)
    finally:
        for key, value in saved.items():
            setattr(summarize, key, value)
    print("| held out | setting chosen on the others | extractive | lead-N |")
    print("| --- | --- | --- | --- |")
    wins = 0
    for held in SETS:
        best = best_setting(table, [n for n in SETS if n != held])
        ext, lead = table[best][held]
        wins += ext > lead
        print(f"| {held} | {describe(best)} | {ext:.3f} | {lead:.3f} |")
    print(f"\nextractive above lead-N on {wins} of {len(SETS)} held-out sets")
    print("chosen on all sets (ship these):", describe(best_setting(table, SETS)))


if __name__ == "__main__":
    main()
