"""Embedding throughput on the library passages, or on a cohort's skill and goal phrases.

Usage: HF_HUB_OFFLINE=1 python -m bench.embed_rate [--backends torch onnx-int8] [--runs 3]
       HF_HUB_OFFLINE=1 python -m bench.embed_rate --phrases 1000 --backends onnx-int8

Passages: every passage of corpus/ (what `companion library import` embeds). `--phrases N`:
the distinct skill and goal phrases of `bench.match_cohort.random_cohort(N, distinct=True)`
(what matching embeds for N participants). Backends are timed in turn within each run, so
a change of machine load hits them alike; the median of the runs is printed.
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from retrieval.embedder import Embedder  # noqa: E402
from retrieval.passages import split_passages  # noqa: E402

CORPUS = ROOT / "corpus"


def corpus_passages() -> list[str]:
    """Every passage of every front-matter resource in corpus/."""
    texts: list[str] = []
    for path in sorted(CORPUS.glob("*.md")):
        raw = path.read_text(encoding="utf-8")
        if raw.startswith("---"):
            body = raw.split("---", 2)[2]
            texts += split_passages(body) or [body]
    return texts


def cohort_phrases(n: int, seed: int = 0) -> list[str]:
    """The distinct skill and goal phrases of a random cohort of n people, in first-seen order."""
    from bench.match_cohort import random_cohort

    people = random_cohort(n, seed=seed, distinct=True)
    return list(dict.fromkeys(t for p in people for t in p["skills"] + p["goals"]))


def _load() -> str:
    try:
        return Path("/proc/loadavg").read_text().split(" ", 1)[0]
    except OSError:
        return "?"


def main() -> None:
    """Print texts/s for each backend (median of --runs, interleaved)."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    parser = argparse.ArgumentParser()
    parser.add_argument("--backends", nargs="+", default=["torch", "onnx-int8"])
    parser.add_argument("--phrases", type=int, metavar="N", help="cohort phrases of N people")
    parser.add_argument("--runs", type=int, default=1)
    args = parser.parse_args()
    texts = cohort_phrases(args.phrases) if args.phrases else corpus_passages()
    unit = "phrases" if args.phrases else "passages"
    words = [len(t.split()) for t in texts]
    print(f"{len(texts)} {unit}, median {statistics.median(words)} words")
    embedders = {b: Embedder(backend=b) for b in args.backends}
    for embedder in embedders.values():
        embedder.embed(texts[:8])  # load and warm up outside the timing
    rates: dict[str, list[float]] = {b: [] for b in args.backends}
    for run in range(args.runs):
        for backend, embedder in embedders.items():
            start = time.perf_counter()
            embedder.embed(texts)
            rates[backend].append(len(texts) / (time.perf_counter() - start))
        print(f"run {run + 1}: load {_load()}", flush=True)
    for backend, got in rates.items():
        runs = ", ".join(f"{r:.1f}" for r in got)
        print(f"{backend}: {statistics.median(got):.1f} {unit}/s (runs: {runs})")


if __name__ == "__main__":
    main()
