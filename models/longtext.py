"""Map-reduce over long input: every chunk is read and shortlists its best sentences; the reduce
picks from the opening and then one per stretch of the meeting, so the summary covers it all."""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable

import numpy as np

from models.lexical import content_words, disfluency, stem, words
from models.summarize import is_candidate, mmr_pick, normalise, summary_size

LONG_WORDS = 1500  # above this a note is treated as a long transcript
MIN_CONTENT_WORDS = 6  # spoken sentences with fewer content words are chatter
MAX_DISFLUENCY = 0.2
OPENING_SHARE = 0.08  # the agenda is stated in the first minutes of a meeting...
OPENING_PICKS = 2  # ...and the references open with it
# Turns that continue someone else's sentence or only react to it.
WEAK_START_RE = re.compile(
    r"^(but|and|so|or|because|'?cause|with|yeah|oh|well|like|um|uh|i mean|you know|okay|ok|"
    r"right|sure|mm)\b",
    re.I,
)


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


def is_informative(text: str, min_words: int) -> bool:
    """A complete, content-bearing statement: long enough, not a question or a cut-off turn,
    mostly free of hesitations."""
    if len(words(text)) < min_words or text.rstrip().endswith(("?", ",", "-", "—")):
        return False
    return disfluency(text) <= MAX_DISFLUENCY and len(content_words(text)) >= MIN_CONTENT_WORDS


def transcript_scores(
    texts: list[str], vectors: np.ndarray, candidates: list[int], boost: dict[int, float] | None
) -> dict[int, float]:
    """Closeness to the whole meeting (embedding centroid and its frequent words), minus
    hesitations and turns that lean on the previous one."""
    stems = [[stem(w) for w in content_words(t)] for t in texts]
    freq = Counter(w for ws in stems for w in ws)  # the meeting's vocabulary, chatter included
    total = sum(freq.values()) or 1
    topic = normalise(np.array([np.mean([freq[w] / total for w in stems[i]]) for i in candidates]))
    centroid = vectors.mean(axis=0)
    centroid = centroid / (np.linalg.norm(centroid) or 1)
    central = normalise(vectors[candidates] @ centroid)
    scores = {}
    for n, i in enumerate(candidates):
        score = 0.5 * central[n] + 0.5 * topic[n] - disfluency(texts[i]) / MAX_DISFLUENCY
        score -= 0.3 * bool(WEAK_START_RE.match(texts[i]))
        scores[i] = score + (boost or {}).get(i, 0.0)
    return scores


def map_reduce_pick(
    texts: list[str],
    vectors: np.ndarray,
    k: int | None,
    ranges: list[tuple[int, int]],
    boost: dict[int, float] | None = None,
    min_words: int = 10,
) -> list[int]:
    """Map: each chunk shortlists its best informative sentences; reduce: `OPENING_PICKS` from
    the opening, then one per equal stretch of the rest, by MMR. Indices in order."""
    k = summary_size(len(texts)) if k is None else k
    candidates = [i for i, t in enumerate(texts) if is_informative(t, min_words)]
    if len(candidates) < 2 * k:
        # A chatty meeting: also take plain statements, so every stretch has a choice.
        strict = set(candidates)
        relaxed = [i for i, t in enumerate(texts) if is_candidate(t) and len(words(t)) >= min_words]
        candidates = sorted(strict.union(relaxed))
    if not candidates:
        return []
    scores = transcript_scores(texts, vectors, candidates, boost)
    per_chunk = max(3, math.ceil(3 * k / max(1, len(ranges))))
    shortlist: list[int] = []
    for start, end in ranges:
        local = [i for i in candidates if start <= i < end]
        shortlist += sorted(local, key=lambda i: -scores[i])[:per_chunk]
    n = len(texts)
    opening = int(n * OPENING_SHARE)
    n_open = min(OPENING_PICKS, max(0, k - 1))
    bounds = np.linspace(opening, n, k - n_open + 1).astype(int)
    stretches = [(0, opening)] * n_open + list(zip(bounds[:-1], bounds[1:], strict=True))
    sims = vectors @ vectors.T
    chosen: list[int] = []
    for start, end in stretches:
        pool = [i for i in shortlist if start <= i < end]
        chosen += mmr_pick(scores, sims, pool, chosen, 1)
    if len(chosen) < k:  # stretches without a good sentence: fill from anywhere
        chosen += mmr_pick(scores, sims, shortlist, chosen, k - len(chosen))
    return sorted(chosen)


def is_long(text: str) -> bool:
    """Whether `text` needs the map-reduce path."""
    return len(words(text)) > LONG_WORDS
