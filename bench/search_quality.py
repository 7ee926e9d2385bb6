"""Search quality: nDCG@10 / recall@10 of dense, keyword and hybrid on two labelled sets.

Usage: HF_HUB_OFFLINE=1 python bench/search_quality.py [--backend torch|onnx|onnx-int8]
       [--weights 1.0,1.0] [--rrf-k 60] [--sets qmsum,library]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from retrieval.embedder import Embedder  # noqa: E402
from retrieval.eval_sets import evaluate, fill_from_cache, library_set, qmsum_set  # noqa: E402
from retrieval.search import SearchEngine  # noqa: E402

QMSUM = ROOT.parent / "shared" / "eval" / "qmsum" / "product-val.jsonl"
LIBRARY_QUERIES = ROOT / "bench" / "data" / "library_queries.jsonl"
CACHE = ROOT / "bench" / ".cache"


def load_sets(names: list[str]):
    """Return the requested eval sets that have their data present."""
    sets = []
    if "qmsum" in names and QMSUM.exists():
        sets.append(qmsum_set(QMSUM))
    if "library" in names and LIBRARY_QUERIES.exists():
        sets.append(library_set(ROOT / "corpus", LIBRARY_QUERIES))
    return sets


def main() -> None:
    """Print the quality table (markdown) for each set."""
    ap = argparse.ArgumentParser()
    ap.add_argument("--backend", default="torch")
    ap.add_argument("--weights", default=None, help="dense,keyword RRF weights")
    ap.add_argument("--rrf-k", type=int, default=None)
    ap.add_argument("--sets", default="qmsum,library")
    ap.add_argument("--k", type=int, default=10)
    args = ap.parse_args()
    embedder = Embedder(backend=args.backend)
    opts = {}
    if args.weights:
        opts["weights"] = tuple(float(w) for w in args.weights.split(","))
    if args.rrf_k:
        opts["rrf_k"] = args.rrf_k
    print(f"model {embedder.name}  k={args.k}  {opts or 'default fusion'}")
    for data in load_sets(args.sets.split(",")):
        t0 = time.perf_counter()
        embedded = fill_from_cache(data, embedder, CACHE / f"{data.name}-vectors.npz")
        engine = SearchEngine(embedder, **opts)
        engine.build(data.resources)
        table = evaluate(engine, data, k=args.k)
        took = time.perf_counter() - t0
        print(
            f"\n{data.name}: {len(data.queries)} queries, {engine.passage_count} passages "
            f"({embedded} embedded now, {took:.1f}s)"
        )
        print(f"| mode | nDCG@{args.k} | recall@{args.k} |\n| --- | --- | --- |")
        for mode, row in table.items():
            print(f"| {mode} | {row[f'ndcg@{args.k}']:.3f} | {row[f'recall@{args.k}']:.3f} |")


if __name__ == "__main__":
    main()
