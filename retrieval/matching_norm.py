"""Cohort-relative phrase similarity: hubness correction (CSLS) and a light lexical signal.

A small sentence model gives some phrases ("people management", "data analysis") a high
similarity to almost everything; such hubs attract every goal and crowd out the real
complement. CSLS (Conneau et al., 2018) subtracts each phrase's mean similarity to its k
nearest neighbours on the other side. Here the correction is centred on the cohort's mean,
so a typical phrase keeps its cosine and only hubs (down) and loners (up) move; the result
stays on the cosine scale that thresholds and reasons use.
"""

from __future__ import annotations

import hashlib

import numpy as np

from retrieval.text import tokenize

# Above this many reference phrases, neighbours are looked for in an even sample of them:
# the correction only needs to rank phrases by hubness, and the cost stays linear.
REFERENCE_LIMIT = 4096
_CHUNK = 2048
LEXICAL_DIM = 256


def _bucket(token: str) -> int:
    # blake2b, not hash(): Python salts str hashes per process, scores must be reproducible.
    digest = hashlib.blake2b(token.encode("utf-8"), digest_size=4).digest()
    return int.from_bytes(digest, "little") % LEXICAL_DIM


def lexical_vectors(phrases: list[str]) -> np.ndarray:
    """Hashed bag of stemmed words per phrase, L2-normalised (dot product = word overlap)."""
    out = np.zeros((len(phrases), LEXICAL_DIM), dtype=np.float32)
    for row, text in enumerate(phrases):
        for token in set(tokenize(text)):
            out[row, _bucket(token)] = 1.0
    norms = np.linalg.norm(out, axis=1, keepdims=True)
    return out / np.maximum(norms, 1e-9)


def neighbour_mean(
    vecs: np.ndarray, rows: np.ndarray, ref: np.ndarray, k: int, ref_vecs: np.ndarray | None = None
) -> np.ndarray:
    """Mean similarity of each phrase in `rows` to its k nearest phrases in `ref` (not itself);
    `ref_vecs` holds the reference side's vectors when the two sides are embedded differently."""
    out = np.zeros(len(rows))
    if len(rows) == 0 or len(ref) <= k:
        return out
    if len(ref) > REFERENCE_LIMIT:
        ref = ref[np.linspace(0, len(ref) - 1, REFERENCE_LIMIT).astype(np.int64)]
    ref_vecs = np.ascontiguousarray((vecs if ref_vecs is None else ref_vecs)[ref].T)
    # Where each row sits in ref, if it is there (its similarity to itself does not count).
    order = np.argsort(ref, kind="stable")
    cut = len(ref) - k
    for start in range(0, len(rows), _CHUNK):
        r = rows[start : start + _CHUNK]
        sims = np.take(vecs, r, axis=0) @ ref_vecs
        pos = np.minimum(np.searchsorted(ref, r, sorter=order), len(ref) - 1)
        hit = np.flatnonzero(ref[order[pos]] == r)
        sims[hit, order[pos[hit]]] = -np.inf
        # k largest, found in place (no negated copy of the block).
        sims.partition(cut, axis=1)
        out[start : start + len(r)] = sims[:, cut:].mean(axis=1)
    return out


def hub_offsets(
    vecs: np.ndarray,
    rows: np.ndarray,
    ref: np.ndarray,
    k: int,
    pad: int,
    ref_vecs: np.ndarray | None = None,
):
    """Per-phrase hubness of `rows` towards `ref`, centred on the cohort (0 elsewhere).

    The correction fades in as the reference side grows from k to 4k distinct phrases: in a
    handful of phrases the "nearest neighbours" are the partner's own phrases, and removing
    them would cancel the very similarity being measured.
    """
    out = np.zeros(pad + 1)
    strength = min(1.0, max(0, len(ref) - k) / (3 * k)) if k > 0 else 0.0
    if strength == 0.0 or len(rows) == 0:
        return out
    r = neighbour_mean(vecs, rows, ref, k, ref_vecs)
    out[rows] = strength * (r - r.mean())
    return out
