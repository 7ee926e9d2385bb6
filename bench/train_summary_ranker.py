"""Train the learned summary-sentence ranker (`models.summarize.Ranker`, shipped as
`models/data/summary_ranker.npz`).

Each candidate sentence of each labelled note gets the features of
`models.summarize.sentence_features`; the target is how well the sentence alone matches the
note's reference summary (ROUGE-2 F1 against it, scaled to the note's best sentence). A ridge
regression learns the weights. The app blends the learned score with the hand-set one
(`note_scores`) and picks sentences by MMR.

The blend and MMR's lambda are chosen by leaving each labelled set out in turn (weights learned
on the other sets, the held-out set's summaries scored against lead-N): the setting above
lead-N on the most held-out sets, ties broken by the margin of the worst held-out set (so that
no set of notes is given up for a better mean), then by the mean margin. `--loso` prints that table
for the chosen setting next to the hand-set ranking; without it the weights are then learned
on every set and written out.

    HF_HUB_OFFLINE=1 python -m bench.train_summary_ranker --loso
    HF_HUB_OFFLINE=1 python -m bench.train_summary_ranker
"""

from __future__ import annotations

import argparse

import numpy as np

import models.summarize as summarize
from bench.summary_sweep import SETS, prepare
from models.rouge import best_of, rouge_n

ALPHA = 10.0
BLENDS = (0.0, 0.3, 0.5, 0.7)
LAMBDAS = (0.7, 0.8)


def note_rows(data: dict[str, list[tuple]]) -> dict[str, list[dict]]:
    """Per set, per note: candidates, features, target and what scoring needs."""
    out = {}
    for name, rows in data.items():
        notes = []
        for texts, vectors, boost, actions, paragraphs, reference in rows:
            candidates = summarize.summary_candidates(texts)
            if not candidates:
                continue
            x = summarize.sentence_features(texts, vectors, candidates, boost, paragraphs,
                                            actions=actions)  # fmt: skip
            y = np.array([rouge_n(texts[i], reference, 2) for i in candidates])
            y = y / y.max() if y.max() > 0 else y
            notes.append({"texts": texts, "vectors": vectors, "candidates": candidates,
                          "x": x, "y": y, "reference": reference, "boost": boost,
                          "actions": actions, "paragraphs": paragraphs, "lead": {}})  # fmt: skip
        out[name] = notes
    return out


def fit(notes: list[dict]) -> np.ndarray:
    return summarize.fit_weights([n["x"] for n in notes], [n["y"] for n in notes], ALPHA)


def summarise(note: dict, ranker: summarize.Ranker | None) -> tuple[float, float]:
    """ROUGE-L of the note's summary by `ranker` (hand-set when None) and of lead-N."""
    picked = summarize.extractive_summary(note["texts"], note["vectors"], boost=note["boost"],
                                          paragraphs=note["paragraphs"], ranker=ranker,
                                          actions=note["actions"])  # fmt: skip
    ref = [note["reference"]]
    k = max(1, len(picked))
    if k not in note["lead"]:
        lead = summarize.lead_summary(note["texts"], k)
        note["lead"][k] = best_of(" ".join(lead), ref)["rougeL"]
    return best_of(" ".join(p["text"] for p in picked), ref)["rougeL"], note["lead"][k]


def held_out(notes: dict[str, list[dict]], blend: float, lam: float, folds: dict) -> dict:
    """Per set: mean (ROUGE-L, lead-N ROUGE-L) with weights learned on the other sets."""
    return {s: np.mean([summarise(n, summarize.Ranker(folds[s], blend, lam)) for n in notes[s]],
                       axis=0) for s in notes}  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--loso", action="store_true", help="print the held-out table only")
    args = parser.parse_args()
    from retrieval.embedder import Embedder

    embedder = Embedder()
    notes = note_rows(prepare(embedder))
    folds = {s: fit([n for o in SETS if o != s for n in notes[o]]) for s in SETS}
    options = []
    for blend in BLENDS:
        for lam in LAMBDAS:
            table = held_out(notes, blend, lam, folds)
            wins = sum(r[0] > r[1] for r in table.values())
            mean = float(np.mean([r[0] - r[1] for r in table.values()]))
            worst = min(r[0] - r[1] for r in table.values())
            print(f"blend {blend}, lambda {lam}: above lead-N on {wins} of {len(SETS)} held-out "
                  f"sets, worst margin {worst:+.4f}, mean margin {mean:+.4f}")  # fmt: skip
            options.append((wins, worst, mean, blend, lam, table))
    wins, worst, mean, blend, lam, table = max(options, key=lambda o: o[:3])
    if args.loso:
        hand = {s: np.mean([summarise(n, None) for n in notes[s]], axis=0) for s in SETS}
        print(f"\nblend {blend}, lambda {lam}\n")
        print("| held out | learned | hand-set | lead-N |\n| --- | --- | --- | --- |")
        for s in SETS:
            print(f"| {s} | {table[s][0]:.3f} | {hand[s][0]:.3f} | {table[s][1]:.3f} |")
        means = [np.mean([r[i] for r in table.values()]) for i in (0, 1)]
        print(f"| mean | {means[0]:.4f} | {np.mean([h[0] for h in hand.values()]):.4f} | "
              f"{means[1]:.4f} |")  # fmt: skip
        print(f"\nabove lead-N: learned {wins}, hand-set "
              f"{sum(h[0] > h[1] for h in hand.values())} of {len(SETS)}")  # fmt: skip
        return
    weights = fit([n for s in SETS for n in notes[s]])
    summarize.RANKER_PATH.parent.mkdir(exist_ok=True)
    np.savez(summarize.RANKER_PATH, weights=weights, features=np.array(summarize.FEATURES),
             blend=blend, mmr_lambda=lam, embedder=embedder.name)  # fmt: skip
    for name, w in zip(summarize.FEATURES, weights, strict=True):
        print(f"{name:>20} {w:+.3f}")
    print(f"blend {blend}, lambda {lam}; written to {summarize.RANKER_PATH}")


if __name__ == "__main__":
    main()
