"""Search speed on synthetic libraries: query latency, build throughput, add-to-searchable time.

Usage: HF_HUB_OFFLINE=1 python bench/search_speed.py [--sizes 10000,100000]
       [--backend onnx-int8] [--queries 200] [--embed-sample 1000]

Passages are sentences of corpus/ recombined at random. Embedding all 100k would take half an
hour here, so `--embed-sample` passages are embedded for real (that gives the embedding rate)
and the remaining vectors are mixtures of real ones plus noise, which keeps the geometry of
the index realistic. Build throughput = embedding and indexing together, per passage.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from retrieval.embedder import Embedder  # noqa: E402
from retrieval.eval_sets import read_markdown_resource  # noqa: E402
from retrieval.search import Passage, ResourceDoc, SearchEngine  # noqa: E402
from retrieval.snippets import plain_text  # noqa: E402


def corpus_sentences() -> tuple[list[str], list[str]]:
    """Return (sentences, titles) of the seed corpus."""
    sentences, titles = [], []
    for path in sorted((ROOT / "corpus").glob("*.md")):
        if path.stem == "README":
            continue
        meta, body = read_markdown_resource(path)
        titles.append(str(meta.get("title", path.stem)))
        for s in re.split(r"(?<=[.!?])\s+", plain_text(body)):
            if len(s.split()) >= 4:
                sentences.append(s)
    return sentences, titles


def synthetic_passages(n: int, sentences: list[str], rng: random.Random) -> list[str]:
    """Return n passages of 4-8 random corpus sentences (about 60-150 words)."""
    return [" ".join(rng.sample(sentences, rng.randint(4, 8))) for _ in range(n)]


def synthetic_vectors(real: np.ndarray, n: int, rng: np.random.Generator) -> np.ndarray:
    """Mix pairs of real vectors with a little noise into n unit vectors."""
    a = real[rng.integers(0, len(real), n)]
    b = real[rng.integers(0, len(real), n)]
    w = rng.uniform(0.5, 1.0, (n, 1)).astype(np.float32)
    v = w * a + (1 - w) * b + rng.normal(0, 0.02, a.shape).astype(np.float32)
    return v / np.linalg.norm(v, axis=1, keepdims=True)


def pct(values: list[float]) -> str:
    """Format p50 / p95 of seconds as milliseconds."""
    ms = np.array(values) * 1000
    return f"p50 {np.percentile(ms, 50):6.1f} ms  p95 {np.percentile(ms, 95):6.1f} ms"


def bench_size(n, texts, real_vecs, embedder, queries, embed_rate, rng) -> None:
    """Build an engine of n passages and time queries against brute force and keyword-only."""
    vecs = np.vstack([real_vecs, synthetic_vectors(real_vecs, n - len(real_vecs), rng)])[:n]
    # Ten passages a resource, as in a real library of longer documents.
    docs = [
        ResourceDoc(
            r, f"resource {r}", [Passage(p, texts[p], vecs[p]) for p in range(r * 10, r * 10 + 10)]
        )
        for r in range(n // 10)
    ]
    engine = SearchEngine(embedder)
    t0 = time.perf_counter()
    engine.build(docs)
    index_s = time.perf_counter() - t0
    index_rate = n / index_s
    total_rate = 1 / (1 / embed_rate + 1 / index_rate)
    print(f"\n## {n:,} passages ({engine._vector_index().kind} index)")
    print(
        f"index build (FAISS + BM25, vectors given): {index_s:.1f}s = {index_rate:,.0f} passages/s"
    )
    print(f"build throughput incl. embedding: {total_rate:,.1f} passages/s")
    hybrid, dense_only, keyword_only, brute = [], [], [], []
    for q in queries:
        t = time.perf_counter()
        engine.search(q, k=10)
        hybrid.append(time.perf_counter() - t)
        t = time.perf_counter()
        engine.search(q, k=10, mode="dense")
        dense_only.append(time.perf_counter() - t)
        t = time.perf_counter()
        engine.search(q, k=10, mode="keyword")
        keyword_only.append(time.perf_counter() - t)
        t = time.perf_counter()
        qv = embedder.embed([q])[0]
        scores = vecs @ qv
        top = np.argpartition(-scores, 10)[:10]
        top[np.argsort(-scores[top])]
        brute.append(time.perf_counter() - t)
    print(f"hybrid  (encode + ANN/flat + BM25 + fusion + snippets): {pct(hybrid)}")
    print(f"dense only (encode + index):                           {pct(dense_only)}")
    print(f"keyword only (BM25):                                   {pct(keyword_only)}")
    print(f"brute-force numpy (encode + matmul + top-k):          {pct(brute)}")
    new_doc = ResourceDoc(
        10**9, "Newly added resource", [Passage(10**10, "Zebra-striped onboarding rituals.")]
    )
    t = time.perf_counter()
    engine.upsert(new_doc)
    found = engine.search("zebra-striped onboarding rituals", k=1)
    added = time.perf_counter() - t
    ok = found and found[0].resource_id == 10**9
    print(f"add one resource (embed + index) until searchable: {added * 1000:.0f} ms  found={ok}")


def main() -> None:
    """Run the benchmark and print the figures."""
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="10000,100000")
    ap.add_argument("--backend", default=None, help="torch, onnx or onnx-int8")
    ap.add_argument("--queries", type=int, default=200)
    ap.add_argument("--embed-sample", type=int, default=1000)
    args = ap.parse_args()
    rng = random.Random(7)
    nrng = np.random.default_rng(7)
    sentences, titles = corpus_sentences()
    sizes = [int(s) for s in args.sizes.split(",")]
    texts = synthetic_passages(max(sizes) + 10, sentences, rng)
    embedder = Embedder(backend=args.backend)
    embedder.embed(["warm up"])
    sample = texts[: args.embed_sample]
    t0 = time.perf_counter()
    real = embedder.embed(sample)
    embed_rate = len(sample) / (time.perf_counter() - t0)
    print(f"model {embedder.name}; embedding {len(sample)} passages: {embed_rate:.1f} passages/s")
    queries = [rng.choice(titles) if i % 3 == 0 else " ".join(rng.choice(sentences).split()[:6])
               for i in range(args.queries)]  # fmt: skip
    for n in sizes:
        bench_size(n, texts, real, embedder, queries, embed_rate, nrng)


if __name__ == "__main__":
    main()
