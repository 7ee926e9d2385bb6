"""Train the commitment model (`models/data/commitments.npz`) on the labelled note sets, or
measure it leave-one-set-out.

    python -m bench.train_commitments                # train on the default sets and save
    python -m bench.train_commitments --loso         # per-set P/R, each set held out in turn

A sentence is labelled a commitment when it is the best word match (>= 0.5, the evaluation's
own matching) for one of the note's expected action items. Sets written blind and not yet
scored must stay out of `--sets` until their first scoring is recorded (bench/data/README.md).
"""

from __future__ import annotations

import argparse
import time
from datetime import date
from pathlib import Path
from unittest import mock

from models import actions
from models.commitments import train
from models.evaluation import _task_match, action_scores, action_totals, load_notes
from models.names import NameIndex
from models.sentences import split_sentences

DATA = Path(__file__).parent / "data"
DEFAULT_SETS = ("notes", "heldout", "dev", "blind", *(f"blind{n}" for n in range(2, 67)))
THRESHOLD = 0.6  # chosen leave-one-set-out on DEFAULT_SETS (BENCHMARKS.md)


def labels_file(name: str) -> Path:
    return DATA / ("notes_labels.jsonl" if name == "notes" else f"notes_{name}_labels.jsonl")


def note_rows(name: str) -> list[dict]:
    """Each note with its sentences, the rules' items and the 0/1 sentence labels."""
    out = []
    for row in load_notes(labels_file(name)):
        ref = date.fromisoformat(row["date"]) if row.get("date") else None
        sentences = split_sentences(row["text"])
        ruled = actions.extract_actions(sentences, row["participants"], ref, row.get("author"),
                                        learned=False)  # fmt: skip
        y = [0] * len(sentences)
        for gold in row["actions"]:
            scores = [_task_match(s.text, gold["task"]) for s in sentences]
            if scores and max(scores) >= 0.5:
                y[scores.index(max(scores))] = 1
        views = actions.commitment_views(sentences, ruled, ref)
        out.append(dict(set=name, row=row, ref=ref, sentences=sentences, views=views, y=y,
                        index=NameIndex(row["participants"])))  # fmt: skip
    return out


def fit(rows: list[dict], sets: tuple[str, ...], threshold: float):
    return train([(r["views"], r["index"], r["y"]) for r in rows], sets, threshold)


def scores(rows: list[dict], model) -> dict:
    """P/R of the whole extractor (rules + `model`) on these notes."""
    per_note = []
    with mock.patch.object(actions, "default_model", lambda: model):
        for r in rows:
            row = r["row"]
            found = actions.extract_actions(r["sentences"], row["participants"], r["ref"],
                                            row.get("author"))  # fmt: skip
            per_note.append(action_scores(found, row["actions"]))
    return action_totals(per_note)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sets", default=",".join(DEFAULT_SETS))
    ap.add_argument("--loso", action="store_true", help="hold each set out in turn and report")
    ap.add_argument("--threshold", type=float, default=THRESHOLD)
    args = ap.parse_args()
    sets = tuple(args.sets.split(","))
    t0 = time.perf_counter()
    rows = [r for name in sets for r in note_rows(name)]
    if not args.loso:
        model = fit(rows, sets, args.threshold)
        model.save()
        print(f"trained on {len(rows)} notes of {len(sets)} sets "
              f"({sum(map(len, (r['y'] for r in rows)))} sentences) in "
              f"{time.perf_counter() - t0:.0f} s; saved models/data/commitments.npz")  # fmt: skip
        return
    print("| held-out set | rules P | rules R | + model P | + model R | owner (rules / + model) |")
    print("|---|---|---|---|---|---|")
    sums = {"rules": [0, 0, 0], "model": [0, 0, 0]}
    for held in sets:
        train_rows = [r for r in rows if r["set"] != held]
        test_rows = [r for r in rows if r["set"] == held]
        model = fit(train_rows, tuple(s for s in sets if s != held), args.threshold)
        base, plus = scores(test_rows, None), scores(test_rows, model)
        for key, s in (("rules", base), ("model", plus)):
            sums[key] = [
                a + b for a, b in zip(sums[key], (s["tp"], s["pred"], s["gold"]), strict=True)
            ]
        print(f"| {held} | {base['precision']} | {base['recall']} | {plus['precision']} | "
              f"{plus['recall']} | {base['owner_acc']} / {plus['owner_acc']} |",
              flush=True)  # fmt: skip
    for key, (tp, pred, gold) in sums.items():
        print(f"all sets, {key}: P {tp / pred:.3f} R {tp / gold:.3f}")
    print(f"({time.perf_counter() - t0:.0f} s)")


if __name__ == "__main__":
    main()
