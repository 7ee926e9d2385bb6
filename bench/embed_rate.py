"""Embedding throughput on the real library passages (what `companion library import` embeds).

Usage: HF_HUB_OFFLINE=1 python bench/embed_rate.py [--backends torch onnx-int8]
"""

import argparse
import os
import statistics
import time
from pathlib import Path

from retrieval.embedder import Embedder
from retrieval.passages import split_passages

CORPUS = Path(__file__).resolve().parent.parent / "corpus"


def corpus_passages() -> list[str]:
    """Every passage of every front-matter resource in corpus/."""
    texts: list[str] = []
    for path in sorted(CORPUS.glob("*.md")):
        raw = path.read_text(encoding="utf-8")
        if raw.startswith("---"):
            body = raw.split("---", 2)[2]
            texts += split_passages(body) or [body]
    return texts


def main() -> None:
    """Print passages/s for each backend on the corpus passages."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    parser = argparse.ArgumentParser()
    parser.add_argument("--backends", nargs="+", default=["torch", "onnx-int8"])
    args = parser.parse_args()
    texts = corpus_passages()
    words = [len(t.split()) for t in texts]
    print(f"{len(texts)} passages, median {statistics.median(words)} words")
    for backend in args.backends:
        embedder = Embedder(backend=backend)
        embedder.embed(texts[:8])  # load and warm up outside the timing
        start = time.perf_counter()
        embedder.embed(texts)
        print(f"{backend}: {len(texts) / (time.perf_counter() - start):.1f} passages/s")


if __name__ == "__main__":
    main()
