"""Extractive summary: central sentences that cover the note, with redundancy removed (MMR)."""

from __future__ import annotations

import numpy as np

from models.lexical import content_words, tfidf_matrix, words

FILLER = {"yeah", "yes", "okay", "ok", "ehm", "uh", "um", "mm", "hmm", "so", "right", "well"}


def sentence_vectors(texts: list[str], embedder=None) -> np.ndarray:
    """Unit vectors for sentences: the embedder when given, else TF-IDF."""
    if not texts:
        return np.zeros((0, 1), dtype=np.float32)
    if embedder is None:
        return tfidf_matrix(texts)
    vecs = np.asarray(embedder.embed(texts), dtype=np.float32)
    norms = np.linalg.norm(vecs, axis=1, keepdims=True)
    return vecs / np.where(norms == 0, 1, norms)


def is_candidate(text: str) -> bool:
    """Worth summarising: enough content words, not a question, not filler chatter."""
    toks = words(text)
    if len(toks) < 5 or text.rstrip().endswith("?"):
        return False
    return len(content_words(text)) >= 3 and sum(t in FILLER for t in toks) / len(toks) < 0.3


def summary_size(n_candidates: int) -> int:
    """3-6 bullets, growing with the note."""
    return max(1, min(6, max(3, round(n_candidates / 5)), n_candidates))


def rank_sentences(
    texts: list[str],
    vectors: np.ndarray,
    k: int,
    candidates: list[int] | None = None,
    boost: dict[int, float] | None = None,
    lam: float = 0.7,
    position_weight: float = 0.3,
) -> list[int]:
    """Pick `k` sentence indices by MMR over centrality; returned in note order."""
    if candidates is None:
        candidates = [i for i, t in enumerate(texts) if is_candidate(t)]
    if not candidates or k <= 0:
        return []
    sims = vectors @ vectors.T
    centrality = sims.mean(axis=1)
    lo, hi = centrality[candidates].min(), centrality[candidates].max()
    norm = (centrality - lo) / (hi - lo) if hi > lo else np.ones_like(centrality)
    score = norm.copy()
    total = len(texts)
    for i in candidates:
        # Notes open with context and close with outcomes: a gentle pull to the opening.
        score[i] += position_weight * (1 - i / total)
        n = len(words(texts[i]))
        # Very long sentences crowd out the rest; very short ones say little.
        score[i] += 0.1 if 8 <= n <= 35 else -0.1
        score[i] += (boost or {}).get(i, 0.0)
    chosen: list[int] = []
    pool = list(candidates)
    while pool and len(chosen) < k:
        if chosen:
            redundancy = sims[np.ix_(pool, chosen)].max(axis=1)
        else:
            redundancy = np.zeros(len(pool))
        mmr = lam * score[pool] - (1 - lam) * redundancy
        best = pool[int(np.argmax(mmr))]
        chosen.append(best)
        pool.remove(best)
    return sorted(chosen)


def extractive_summary(
    texts: list[str],
    vectors: np.ndarray,
    k: int | None = None,
    boost: dict[int, float] | None = None,
) -> list[dict]:
    """Summary bullets `{"text","sources","engine"}` chosen from the sentences themselves."""
    candidates = [i for i, t in enumerate(texts) if is_candidate(t)]
    if not candidates:
        # A tiny note: fall back to whatever has words at all.
        candidates = [i for i, t in enumerate(texts) if len(words(t)) >= 3]
    k = summary_size(len(candidates)) if k is None else k
    picked = rank_sentences(texts, vectors, k, candidates, boost)
    return [{"text": texts[i], "sources": [i], "engine": "extractive"} for i in picked]


def lead_summary(texts: list[str], k: int) -> list[str]:
    """The lead-N baseline: the first `k` sentences with some content."""
    return [t for t in texts if is_candidate(t)][:k]
