"""FAISS vector index with stable integer ids: exact inner product, HNSW above a size."""

from __future__ import annotations

import json
import os
from pathlib import Path

import faiss
import numpy as np

DEFAULT_HNSW_THRESHOLD = 50_000
# Rebuild an HNSW graph once this share of its vectors are tombstones.
_COMPACT_RATIO = 0.2


def _as_matrix(vecs: np.ndarray, dim: int) -> np.ndarray:
    vecs = np.ascontiguousarray(vecs, dtype=np.float32)
    if vecs.ndim == 1:
        vecs = vecs.reshape(1, -1)
    if vecs.shape[1] != dim:
        raise ValueError(f"expected vectors of dimension {dim}, got {vecs.shape[1]}")
    return vecs


def _as_ids(ids) -> np.ndarray:
    return np.ascontiguousarray(np.asarray(ids, dtype=np.int64).reshape(-1))


class VectorIndex:
    """Id-mapped nearest-neighbour index; switches to HNSW once it holds enough vectors.

    FAISS holds internal ids (never reused), mapped to the caller's ids, so an update is a
    remove plus an add even where the structure (HNSW) cannot delete in place.
    """

    def __init__(
        self,
        dim: int,
        metric: str = "ip",
        hnsw_threshold: int = DEFAULT_HNSW_THRESHOLD,
        hnsw_m: int = 32,
        ef_search: int = 128,
    ):
        if metric not in ("ip", "l2"):
            raise ValueError("metric must be 'ip' or 'l2'")
        self.dim = dim
        self.metric = metric
        self.hnsw_threshold = hnsw_threshold
        self.hnsw_m = hnsw_m
        self.ef_search = ef_search
        self._index = self._new_flat()
        self._hnsw = False
        self._reset_ids()

    def _reset_ids(self) -> None:
        self._internal: dict[int, int] = {}  # caller id -> internal id
        self._external = np.full(1024, -1, dtype=np.int64)  # internal -> caller id (-1: gone)
        self._next = 0
        self._dead = 0  # tombstones still inside an HNSW graph

    # -- construction -------------------------------------------------------------------
    def _faiss_metric(self) -> int:
        return faiss.METRIC_INNER_PRODUCT if self.metric == "ip" else faiss.METRIC_L2

    def _new_flat(self):
        flat = faiss.IndexFlatIP(self.dim) if self.metric == "ip" else faiss.IndexFlatL2(self.dim)
        return faiss.IndexIDMap2(flat)

    def _new_hnsw(self):
        hnsw = faiss.IndexHNSWFlat(self.dim, self.hnsw_m, self._faiss_metric())
        hnsw.hnsw.efConstruction = 64
        hnsw.hnsw.efSearch = self.ef_search
        return faiss.IndexIDMap2(hnsw)

    @property
    def kind(self) -> str:
        """Return "hnsw" or "flat", the structure now answering searches."""
        return "hnsw" if self._hnsw else "flat"

    def __len__(self) -> int:
        return len(self._internal)

    def __contains__(self, item: int) -> bool:
        return int(item) in self._internal

    def ids(self) -> np.ndarray:
        """Return the ids held."""
        return np.fromiter(self._internal.keys(), dtype=np.int64, count=len(self._internal))

    def _live_vectors(self) -> tuple[np.ndarray, np.ndarray]:
        """Return (caller ids, vectors) of every live entry, in storage order."""
        internal = faiss.vector_to_array(self._index.id_map)
        if len(internal) == 0:
            return internal, np.zeros((0, self.dim), dtype=np.float32)
        # Storage order of the wrapped index matches the id map.
        vecs = self._index.index.reconstruct_n(0, self._index.ntotal)
        ext = self._external[internal]
        keep = ext >= 0
        return ext[keep], vecs[keep]

    def _rebuild(self, hnsw: bool) -> None:
        ids, vecs = self._live_vectors()
        self._index = self._new_hnsw() if hnsw else self._new_flat()
        self._hnsw = hnsw
        self._reset_ids()
        self._append(ids, vecs)

    def _append(self, ids: np.ndarray, vecs: np.ndarray) -> None:
        n = len(ids)
        internal = np.arange(self._next, self._next + n, dtype=np.int64)
        if self._next + n > len(self._external):
            grown = np.full(max(2 * len(self._external), self._next + n), -1, dtype=np.int64)
            grown[: len(self._external)] = self._external
            self._external = grown
        self._external[internal] = ids
        self._internal.update(zip(ids.tolist(), internal.tolist(), strict=True))
        self._next += n
        if n:
            self._index.add_with_ids(vecs, internal)

    # -- updates ------------------------------------------------------------------------
    def add(self, ids, vecs: np.ndarray) -> None:
        """Add vectors under ids; an id already present is replaced (update)."""
        ids = _as_ids(ids)
        vecs = _as_matrix(vecs, self.dim)
        if len(ids) != len(vecs):
            raise ValueError("ids and vectors differ in length")
        if len(np.unique(ids)) != len(ids):
            raise ValueError("duplicate ids in one add")
        if len(ids) == 0:
            return
        self.remove(ids)
        self._append(ids, vecs)
        if not self._hnsw and len(self) >= self.hnsw_threshold:
            self._rebuild(hnsw=True)

    def remove(self, ids) -> int:
        """Remove ids (unknown ids are ignored); return how many were removed."""
        internal = [self._internal.pop(int(i)) for i in _as_ids(ids) if int(i) in self._internal]
        if not internal:
            return 0
        gone = np.asarray(internal, dtype=np.int64)
        self._external[gone] = -1
        if not self._hnsw:
            self._index.remove_ids(faiss.IDSelectorBatch(gone))
        else:
            self._dead += len(gone)
            if self._dead > _COMPACT_RATIO * self._index.ntotal:
                self._rebuild(hnsw=len(self) >= self.hnsw_threshold)
        return len(internal)

    # -- search -------------------------------------------------------------------------
    def search(self, queries: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
        """Return (scores, ids) of shape (n_queries, k); missing slots hold id -1."""
        queries = _as_matrix(queries, self.dim)
        n = len(queries)
        out_s = np.full((n, max(k, 0)), -np.inf, np.float32)
        out_i = np.full((n, max(k, 0)), -1, np.int64)
        if k <= 0 or len(self) == 0:
            return out_s, out_i
        fetch = min(k + self._dead, self._index.ntotal)
        scores, internal = _search_threads(self._index, queries, fetch)
        ext = np.where(internal >= 0, self._external[np.maximum(internal, 0)], -1)
        if not self._dead and fetch >= k:
            return scores, ext
        for row in range(n):
            keep = ext[row] >= 0
            s, i = scores[row][keep][:k], ext[row][keep][:k]
            out_s[row, : len(s)] = s
            out_i[row, : len(i)] = i
        return out_s, out_i

    def reconstruct(self, item: int) -> np.ndarray:
        """Return the stored vector of one id (KeyError if absent)."""
        return self._index.reconstruct(self._internal[int(item)])

    # -- persistence --------------------------------------------------------------------
    def save(self, path: str | os.PathLike) -> None:
        """Write the index atomically to path (plus a JSON sidecar and the id map)."""
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        if self._dead:
            self._rebuild(hnsw=self._hnsw)
        internal = faiss.vector_to_array(self._index.id_map)
        meta = {
            "dim": self.dim,
            "metric": self.metric,
            "hnsw": self._hnsw,
            "hnsw_threshold": self.hnsw_threshold,
            "hnsw_m": self.hnsw_m,
            "ef_search": self.ef_search,
            "ids": self._external[internal].tolist(),
            "internal": internal.tolist(),
        }
        tmp = path.with_name(path.name + ".tmp")
        faiss.write_index(self._index, str(tmp))
        side = _sidecar(path)
        side_tmp = side.with_name(side.name + ".tmp")
        side_tmp.write_text(json.dumps(meta))
        os.replace(tmp, path)
        os.replace(side_tmp, side)

    @classmethod
    def load(cls, path: str | os.PathLike, dim: int) -> VectorIndex:
        """Read an index written by save(); raise ValueError if it is unreadable or mismatched."""
        path = Path(path)
        try:
            meta = json.loads(_sidecar(path).read_text())
            raw = faiss.read_index(str(path))
        except (OSError, RuntimeError, ValueError) as exc:
            raise ValueError(f"cannot read vector index {path}: {exc}") from exc
        if meta.get("dim") != dim or raw.d != dim:
            raise ValueError(f"vector index {path} has dimension {raw.d}, expected {dim}")
        if not isinstance(raw, faiss.IndexIDMap2):
            raise ValueError(f"vector index {path} is not id-mapped")
        internal = faiss.vector_to_array(raw.id_map)
        if internal.tolist() != meta.get("internal") or len(meta.get("ids", ())) != len(internal):
            raise ValueError(f"vector index {path} does not match its id map")
        index = cls(
            dim,
            metric=meta.get("metric", "ip"),
            hnsw_threshold=meta.get("hnsw_threshold", DEFAULT_HNSW_THRESHOLD),
            hnsw_m=meta.get("hnsw_m", 32),
            ef_search=meta.get("ef_search", 128),
        )
        index._index = raw
        index._hnsw = bool(meta.get("hnsw"))
        if index._hnsw:
            faiss.downcast_index(raw.index).hnsw.efSearch = index.ef_search
        size = int(internal.max()) + 1 if len(internal) else 0
        index._external = np.full(max(size, 1024), -1, dtype=np.int64)
        ext = np.asarray(meta["ids"], dtype=np.int64)
        index._external[internal] = ext
        index._internal = dict(zip(ext.tolist(), internal.tolist(), strict=True))
        index._next = size
        return index


def _search_threads(index, queries: np.ndarray, k: int):
    """Search with one OpenMP thread for small batches.

    On a busy 2-core machine FAISS's thread team spins for tens of milliseconds per query;
    a single query is done in well under one on one thread.
    """
    if len(queries) >= 32:
        return index.search(queries, k)
    previous = faiss.omp_get_max_threads()
    faiss.omp_set_num_threads(1)
    try:
        return index.search(queries, k)
    finally:
        faiss.omp_set_num_threads(previous)


def _sidecar(path: Path) -> Path:
    return path.with_name(path.name + ".json")


def knn(vecs: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
    """All-pairs top-k by inner product over rows of vecs, excluding each row itself.

    Returns (scores, ids) of shape (n, k) where ids are row numbers; -1 pads rows when
    fewer than k other rows exist.
    """
    vecs = np.ascontiguousarray(vecs, dtype=np.float32)
    n = len(vecs)
    if n == 0 or k <= 0:
        return np.zeros((n, max(k, 0)), np.float32), np.full((n, max(k, 0)), -1, np.int64)
    flat = faiss.IndexFlatIP(vecs.shape[1])
    flat.add(vecs)
    fetch = min(k + 1, n)
    scores, ids = flat.search(vecs, fetch)
    out_s = np.full((n, k), -np.inf, np.float32)
    out_i = np.full((n, k), -1, np.int64)
    for row in range(n):
        keep = ids[row] != row
        s, i = scores[row][keep][:k], ids[row][keep][:k]
        out_s[row, : len(s)] = s
        out_i[row, : len(i)] = i
    return out_s, out_i
