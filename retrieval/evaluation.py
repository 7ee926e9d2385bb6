"""Ranking quality maths: nDCG@k and recall@k with binary relevance."""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence


def ndcg_at_k(ranked: Sequence, relevant: Iterable, k: int = 10) -> float:
    """Return nDCG@k of a ranked id list against a set of relevant ids (binary gains)."""
    relevant = set(relevant)
    if not relevant:
        return 0.0
    seen: set = set()
    dcg = 0.0
    for rank, item in enumerate(ranked[:k], start=1):
        # A duplicate id earns nothing the second time.
        if item in relevant and item not in seen:
            dcg += 1.0 / math.log2(rank + 1)
        seen.add(item)
    ideal = sum(1.0 / math.log2(rank + 1) for rank in range(1, min(len(relevant), k) + 1))
    return dcg / ideal


def recall_at_k(ranked: Sequence, relevant: Iterable, k: int = 10) -> float:
    """Return the share of relevant ids found in the top k."""
    relevant = set(relevant)
    if not relevant:
        return 0.0
    return len(relevant.intersection(ranked[:k])) / len(relevant)


def mean_metrics(runs: Iterable[tuple[Sequence, Iterable]], k: int = 10) -> dict[str, float]:
    """Average nDCG@k and recall@k over (ranked, relevant) pairs."""
    ndcgs, recalls = [], []
    for ranked, relevant in runs:
        relevant = set(relevant)
        ndcgs.append(ndcg_at_k(ranked, relevant, k))
        recalls.append(recall_at_k(ranked, relevant, k))
    n = len(ndcgs)
    return {
        f"ndcg@{k}": sum(ndcgs) / n if n else 0.0,
        f"recall@{k}": sum(recalls) / n if n else 0.0,
        "queries": n,
    }
