"""In-memory BM25 keyword index with incremental add / remove (same on SQLite and PostgreSQL)."""

from __future__ import annotations

import math
from array import array
from collections import Counter

import numpy as np

from retrieval.text import tokenize

# Dead rows are compacted away once they are this share of all rows.
_COMPACT_RATIO = 0.3


class KeywordIndex:
    """BM25 (Okapi) over short documents keyed by integer ids."""

    def __init__(self, k1: float = 1.2, b: float = 0.75):
        self.k1 = k1
        self.b = b
        self._clear()

    def _clear(self) -> None:
        self._vocab: dict[str, int] = {}
        # Postings per term: parallel arrays of row numbers and term frequencies.
        self._post_rows: list[array] = []
        self._post_tf: list[array] = []
        self._df: list[int] = []
        self._row_terms: list[np.ndarray] = []
        self._row_ids = array("q")
        self._lengths = array("f")
        self._alive = bytearray()
        self._id_to_row: dict[int, int] = {}
        self._total_len = 0.0

    def __len__(self) -> int:
        return len(self._id_to_row)

    def __contains__(self, item: int) -> bool:
        return int(item) in self._id_to_row

    def ids(self) -> list[int]:
        """Return the ids held."""
        return list(self._id_to_row)

    def add(self, ids, texts: list[str]) -> None:
        """Index texts under ids; an id already present is replaced."""
        for doc_id, text in zip(ids, texts, strict=True):
            self.add_tokens(int(doc_id), tokenize(text))

    def add_tokens(self, doc_id: int, tokens: list[str]) -> None:
        """Index an already tokenised document (lets callers tokenise once)."""
        self.remove([doc_id])
        row = len(self._row_ids)
        counts = Counter(tokens)
        term_ids = np.empty(len(counts), dtype=np.int32)
        for n, (term, tf) in enumerate(counts.items()):
            tid = self._vocab.get(term)
            if tid is None:
                tid = self._vocab[term] = len(self._post_rows)
                self._post_rows.append(array("i"))
                self._post_tf.append(array("f"))
                self._df.append(0)
            self._post_rows[tid].append(row)
            self._post_tf[tid].append(float(tf))
            self._df[tid] += 1
            term_ids[n] = tid
        self._row_terms.append(term_ids)
        self._row_ids.append(doc_id)
        self._lengths.append(float(len(tokens)))
        self._alive.append(1)
        self._id_to_row[doc_id] = row
        self._total_len += len(tokens)

    def remove(self, ids) -> int:
        """Forget ids (unknown ids are ignored); return how many were removed."""
        removed = 0
        for doc_id in ids:
            row = self._id_to_row.pop(int(doc_id), None)
            if row is None:
                continue
            self._alive[row] = 0
            self._total_len -= self._lengths[row]
            for tid in self._row_terms[row]:
                self._df[tid] -= 1
            removed += 1
        dead = len(self._row_ids) - len(self._id_to_row)
        if removed and dead > _COMPACT_RATIO * len(self._row_ids):
            self._compact()
        return removed

    def _compact(self) -> None:
        """Renumber live rows so postings stop carrying dead ones."""
        alive = np.frombuffer(bytes(self._alive), dtype=np.uint8).astype(bool)
        new_row = np.cumsum(alive) - 1
        for tid in range(len(self._post_rows)):
            rows = np.frombuffer(self._post_rows[tid], dtype=np.int32)
            if len(rows) == 0:
                continue
            keep = alive[rows]
            if keep.all():
                self._post_rows[tid] = array("i", new_row[rows].astype(np.int32).tobytes())
                continue
            tfs = np.frombuffer(self._post_tf[tid], dtype=np.float32)[keep]
            self._post_rows[tid] = array("i", new_row[rows[keep]].astype(np.int32).tobytes())
            self._post_tf[tid] = array("f", tfs.tobytes())
        live = np.flatnonzero(alive)
        self._row_terms = [self._row_terms[r] for r in live]
        self._row_ids = array("q", [self._row_ids[r] for r in live])
        self._lengths = array("f", [self._lengths[r] for r in live])
        self._alive = bytearray(b"\x01" * len(live))
        self._id_to_row = {int(d): n for n, d in enumerate(self._row_ids)}

    def search(self, query: str, k: int) -> tuple[np.ndarray, np.ndarray]:
        """Return (scores, ids) of the k best documents, best first (fewer if fewer match)."""
        return self.search_tokens(tokenize(query), k)

    def search_tokens(self, tokens: list[str], k: int) -> tuple[np.ndarray, np.ndarray]:
        """Like search() for an already tokenised query."""
        n_docs = len(self._id_to_row)
        empty = np.zeros(0, np.float32), np.zeros(0, np.int64)
        if n_docs == 0 or k <= 0:
            return empty
        lengths = np.frombuffer(self._lengths, dtype=np.float32)
        avg_len = max(self._total_len / n_docs, 1.0)
        scores = np.zeros(len(self._row_ids), dtype=np.float32)
        matched = False
        for term in set(tokens):
            tid = self._vocab.get(term)
            if tid is None or self._df[tid] <= 0:
                continue
            matched = True
            df = self._df[tid]
            idf = math.log(1.0 + (n_docs - df + 0.5) / (df + 0.5))
            rows = np.frombuffer(self._post_rows[tid], dtype=np.int32)
            tf = np.frombuffer(self._post_tf[tid], dtype=np.float32)
            norm = self.k1 * (1.0 - self.b + self.b * lengths[rows] / avg_len)
            scores[rows] += idf * tf * (self.k1 + 1.0) / (tf + norm)
        if not matched:
            return empty
        if len(self._id_to_row) < len(self._row_ids):
            scores *= np.frombuffer(bytes(self._alive), dtype=np.uint8)
        hits = np.flatnonzero(scores > 0)
        if len(hits) > k:
            hits = hits[np.argpartition(-scores[hits], k - 1)[:k]]
        hits = hits[np.argsort(-scores[hits], kind="stable")]
        row_ids = np.frombuffer(self._row_ids, dtype=np.int64)
        return scores[hits], row_ids[hits].copy()
