"""End-to-end matching time and total score, against greedy and (small n) an exact optimum.

    HF_HUB_OFFLINE=1 python -m bench.match_speed --sizes 300 1000 10000 --phrasing both

Time covers everything `suggest` does with the model already loaded: embedding the cohort's
phrases, candidate graph (all pairs up to 400 people, else FAISS nearest neighbours), scores,
optimisation and reasons. Greedy runs on the same candidate edges; for n <= 300 the exact
optimum comes from networkx's blossom on the full graph (an independent solver).
"repeated" phrasing reuses the topic bank's wordings (few distinct phrases at scale);
"distinct" adds lead-ins and contexts so that most phrases are new (a fairer embedding load).
"""

from __future__ import annotations

import argparse
import time

import networkx as nx
import numpy as np

from bench.match_cohort import random_cohort
from bench.match_quality import CachedEmbedder
from retrieval.matching import candidate_edges, suggest
from retrieval.matching_config import MatchConfig
from retrieval.matching_optimise import greedy_pairs
from retrieval.matching_people import person_from_dict
from retrieval.matching_scoring import Cohort


def _greedy_total(people, embedder, config) -> tuple[float, int]:
    cohort = Cohort(people, embedder, config)
    i, j = candidate_edges(cohort, np.arange(len(people)))
    s, ok, _ = cohort.score(i, j)
    i, j, s = i[ok], j[ok], s[ok]
    weight = {}
    for a, b, w in zip(i.tolist(), j.tolist(), s.tolist(), strict=True):
        weight[(min(a, b), max(a, b))] = w
    pairs = greedy_pairs(i, j, s)
    return sum(weight[(min(a, b), max(a, b))] for a, b in pairs), len(weight)


def _exact_total(people, embedder, config) -> float:
    cohort = Cohort(people, embedder, config)
    a, b = np.triu_indices(len(people), 1)
    s, ok, _ = cohort.score(a, b)
    g = nx.Graph()
    g.add_weighted_edges_from(zip(a[ok].tolist(), b[ok].tolist(), s[ok].tolist(), strict=True))
    return sum(g[u][v]["weight"] for u, v in nx.max_weight_matching(g))


def main(argv=None) -> None:
    """Print the speed and total-score table."""
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--sizes", type=int, nargs="+", default=[300, 1000, 10000])
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--backend", help="torch, onnx or onnx-int8 (default: the app's default)")
    ap.add_argument("--phrasing", choices=["repeated", "distinct", "both"], default="both")
    args = ap.parse_args(argv)
    from retrieval.embedder import Embedder

    embedder = Embedder(backend=args.backend)
    embedder.embed(["warm up"])
    print(f"embedding backend: {embedder.backend}")
    config = MatchConfig()
    print(
        "| n | phrasing | phrases | edges | method | total s | embed s | optimise s | explain s |"
        " total score | greedy | LP bound | exact optimum |"
    )
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    styles = ["repeated", "distinct"] if args.phrasing == "both" else [args.phrasing]
    for n, style in [(n, style) for style in styles for n in args.sizes]:
        rows = random_cohort(n, seed=args.seed, distinct=style == "distinct")
        people = [person_from_dict(p) for p in rows]
        phrases = len({x for p in people for x in p.skills + p.goals + p.interests})
        # A fresh memo per cohort: `suggest` embeds for real (timed); the baselines reuse it.
        memo = CachedEmbedder(embedder)
        t0 = time.perf_counter()
        result = suggest(people, memo, config)
        took = time.perf_counter() - t0
        st = result.stats
        greedy, _ = _greedy_total(people, memo, config)
        exact = f"{_exact_total(people, memo, config):.3f}" if n <= 300 else "-"
        bound = f"{st['upper_bound']:.3f}" if st.get("upper_bound") else "-"
        print(
            f"| {n} | {style} | {phrases} | {st['edges']} | {st['method']} | {took:.2f} |"
            f" {st['embed_s']:.2f} | {st['optimise_s']:.2f} | {st['explain_s']:.2f} |"
            f" {st['objective']:.3f} |"
            f" {greedy:.3f} | {bound} | {exact} |",
            flush=True,
        )


if __name__ == "__main__":
    main()
