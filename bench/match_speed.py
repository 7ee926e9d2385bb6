"""End-to-end matching time and total score, against greedy and (small n) an exact optimum.

    HF_HUB_OFFLINE=1 python -m bench.match_speed --sizes 300 1000 10000 --phrasing both

Time covers everything `suggest` does with the model already loaded: embedding the cohort's
phrases, candidate graph (all pairs up to 400 people, else FAISS nearest neighbours), scores,
optimisation and reasons. Greedy runs on the same candidate edges; for n <= 300 the exact
optimum comes from networkx's blossom on the full graph (an independent solver).
"repeated" phrasing reuses the topic bank's wordings (few distinct phrases at scale);
"distinct" adds lead-ins and contexts so that most phrases are new (a fairer embedding load).

`--cache FILE` (for profiling the matcher only) stores the phrase embeddings in an .npz and
reuses them on later runs: "embed s" is then a dictionary look-up, not the model.
"""

from __future__ import annotations

import argparse
import os
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


class FileCache:
    """Phrase embeddings kept in an .npz between runs; the model is loaded only for new text."""

    def __init__(self, path: str, backend: str | None):
        self.path, self.backend = path, backend
        self.memo: dict[str, np.ndarray] = {}
        self.inner = None
        self.dirty = False
        if os.path.exists(path):
            data = np.load(path)
            self.memo = dict(zip(data["texts"].tolist(), data["vecs"], strict=True))

    def embed(self, texts: list[str]) -> np.ndarray:
        """Return cached rows, embedding (and remembering) only texts not seen before."""
        todo = [t for t in dict.fromkeys(texts) if t not in self.memo]
        if todo:
            if self.inner is None:
                from retrieval.embedder import Embedder

                self.inner = Embedder(backend=self.backend)
            self.memo.update(zip(todo, self.inner.embed(todo), strict=True))
            self.dirty = True
        return np.stack([self.memo[t] for t in texts])

    def save(self) -> None:
        """Write the cache back when it learnt new phrases."""
        if self.dirty:
            texts = list(self.memo)
            vecs = np.stack([self.memo[t] for t in texts])
            np.savez(self.path, texts=np.array(texts), vecs=vecs)
            self.dirty = False


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
    ap.add_argument("--cache", help="store/load phrase embeddings in this .npz (profiling only)")
    ap.add_argument("--no-baselines", action="store_true", help="skip the greedy and exact runs")
    args = ap.parse_args(argv)
    if args.cache:
        embedder = FileCache(args.cache, args.backend)
        print(f"embeddings from cache {args.cache}: 'embed s' is not the model's time")
    else:
        from retrieval.embedder import Embedder

        embedder = Embedder(backend=args.backend)
        embedder.embed(["warm up"])
        print(f"embedding backend: {embedder.backend}")
    config = MatchConfig()
    print(
        "| n | phrasing | phrases | edges | method | total s | embed s | offsets s | optimise s |"
        " explain s | total score | greedy | LP bound | exact optimum |"
    )
    print("| --- " * 14 + "|")
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
        if args.cache:
            embedder.save()
        st = result.stats
        greedy, exact = "-", "-"
        if not args.no_baselines:
            greedy = f"{_greedy_total(people, memo, config)[0]:.3f}"
            exact = f"{_exact_total(people, memo, config):.3f}" if n <= 300 else "-"
        bound = f"{st['upper_bound']:.3f}" if st.get("upper_bound") else "-"
        print(
            f"| {n} | {style} | {phrases} | {st['edges']} | {st['method']} | {took:.2f} |"
            f" {st['embed_s']:.2f} | {st.get('offsets_s', 0):.2f} | {st['optimise_s']:.2f} |"
            f" {st['explain_s']:.2f} | {st['objective']:.3f} | {greedy} | {bound} | {exact} |",
            flush=True,
        )


if __name__ == "__main__":
    main()
