"""Map-reduce over long input: every chunk is read, the best of each competes in the reduce."""

from __future__ import annotations

import math
from collections.abc import Callable

import numpy as np

from models.lexical import words
from models.summarize import is_candidate, rank_sentences, summary_size

LONG_WORDS = 1500  # above this a note is treated as a long transcript


def approx_tokens(text: str) -> int:
    """Token estimate without a tokenizer (Bulgarian and English average)."""
    return int(len(words(text)) * 1.6) + 1


def chunk_ranges(
    texts: list[str], budget: int, count: Callable[[str], int] = approx_tokens
) -> list[tuple[int, int]]:
    """Consecutive sentence ranges of at most `budget` tokens each; no sentence is dropped."""
    ranges, start, used = [], 0, 0
    for i, t in enumerate(texts):
        n = count(t)
        if used and used + n > budget:
            ranges.append((start, i))
            start, used = i, 0
        used += n
    if start < len(texts):
        ranges.append((start, len(texts)))
    return ranges


def map_reduce_pick(
    texts: list[str],
    vectors: np.ndarray,
    k: int | None,
    ranges: list[tuple[int, int]],
    boost: dict[int, float] | None = None,
    min_words: int = 5,
) -> list[int]:
    """Map: the best sentences of each chunk by local centrality; reduce: MMR over them all.
    Spoken transcripts need a higher `min_words`: short turns are mostly chatter."""
    all_candidates = [i for i, t in enumerate(texts)
                      if is_candidate(t) and len(words(t)) >= min_words]  # fmt: skip
    k = summary_size(len(all_candidates)) if k is None else k
    per_chunk = max(2, math.ceil(2 * k / max(1, len(ranges))))
    shortlist: list[int] = []
    for start, end in ranges:
        local = [i - start for i in all_candidates if start <= i < end]
        if not local:
            continue
        local_boost = {i - start: b for i, b in (boost or {}).items() if start <= i < end}
        picked = rank_sentences(texts[start:end], vectors[start:end], per_chunk, local,
                                local_boost)  # fmt: skip
        shortlist.extend(start + i for i in picked)
    return rank_sentences(texts, vectors, k, shortlist, boost)


def is_long(text: str) -> bool:
    """Whether `text` needs the map-reduce path."""
    return len(words(text)) > LONG_WORDS
