"""Fusion of dense and keyword rankings: min-max score fusion (default) or weighted RRF."""

from __future__ import annotations

from collections.abc import Sequence

# Score fusion with alpha 0.8 won on the QMSum set (bench/search_quality.py, BENCHMARKS.md).
DEFAULT_RRF_K = 60
DEFAULT_WEIGHTS = (1.0, 1.0)
DEFAULT_FUSION = "score"
DEFAULT_ALPHA = 0.8


def rrf(
    rankings: Sequence[Sequence[int]],
    weights: Sequence[float] | None = None,
    k: int = DEFAULT_RRF_K,
) -> list[tuple[int, float]]:
    """Fuse ranked id lists: score(id) = sum_i w_i / (k + rank_i(id)), ranks from 1.

    Returns (id, score) pairs, best first; ties keep the order of first appearance.
    """
    weights = list(weights) if weights is not None else [1.0] * len(rankings)
    if len(weights) != len(rankings):
        raise ValueError("one weight per ranking")
    scores: dict[int, float] = {}
    for ranking, weight in zip(rankings, weights, strict=True):
        for rank, item in enumerate(ranking, start=1):
            scores[item] = scores.get(item, 0.0) + weight / (k + rank)
    return sorted(scores.items(), key=lambda pair: -pair[1])


def _minmax(pairs: Sequence[tuple[int, float]]) -> dict[int, float]:
    if not pairs:
        return {}
    values = [s for _, s in pairs]
    lo, hi = min(values), max(values)
    span = hi - lo
    # A single candidate (or all equal) still counts fully.
    return {item: (s - lo) / span if span > 0 else 1.0 for item, s in pairs}


def score_fusion(
    dense: Sequence[tuple[int, float]],
    keyword: Sequence[tuple[int, float]],
    alpha: float = DEFAULT_ALPHA,
) -> list[tuple[int, float]]:
    """Fuse by min-max normalised scores: alpha * dense + (1 - alpha) * keyword.

    Unlike RRF this keeps how far apart candidates are, which helps when one ranker is
    clearly stronger on a query; an item missing from a list scores 0 there.
    """
    d, k = _minmax(dense), _minmax(keyword)
    fused = {item: alpha * d.get(item, 0.0) + (1 - alpha) * k.get(item, 0.0) for item in d | k}
    return sorted(fused.items(), key=lambda pair: -pair[1])
