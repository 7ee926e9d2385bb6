"""Deterministic stand-ins for heavy models, for tests of code that uses them."""

from __future__ import annotations

import hashlib

import numpy as np

from retrieval.text import tokenize


class HashEmbedder:
    """Hashed bag-of-words embedding: same interface as retrieval.embedder.Embedder, dim 64.

    Texts that share stemmed words get similar vectors, so ranking tests stay meaningful.
    """

    def __init__(self, dim: int = 64):
        self.dim = dim
        self.name = f"hash-bow-{dim}"
        self.batch_size = 64
        self.calls = 0
        self.texts_embedded = 0

    def _bucket(self, token: str) -> tuple[int, float]:
        digest = hashlib.blake2b(token.encode("utf-8"), digest_size=8).digest()
        value = int.from_bytes(digest, "little")
        return value % self.dim, 1.0 if (value >> 32) & 1 else -1.0

    def embed(self, texts: list[str]) -> np.ndarray:
        """Return an (n, dim) float32 array of L2-normalised hashed bag-of-words vectors."""
        self.calls += 1
        self.texts_embedded += len(texts)
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for row, text in enumerate(texts):
            for token in tokenize(text):
                col, sign = self._bucket(token)
                out[row, col] += sign
            norm = np.linalg.norm(out[row])
            if norm == 0:
                # An empty text still needs a unit vector so inner products stay bounded.
                out[row, 0] = 1.0
            else:
                out[row] /= norm
        return out
