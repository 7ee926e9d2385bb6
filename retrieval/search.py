"""SearchEngine: dense + BM25 over passages, fused, grouped by resource, with snippets."""

from __future__ import annotations

import hashlib
import json
import logging
import os
from collections.abc import Callable, Container, Iterable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from retrieval.hybrid import (
    DEFAULT_ALPHA,
    DEFAULT_FUSION,
    DEFAULT_RRF_K,
    DEFAULT_WEIGHTS,
    rrf,
    score_fusion,
)
from retrieval.index import DEFAULT_HNSW_THRESHOLD, VectorIndex
from retrieval.keyword import KeywordIndex
from retrieval.snippets import Segments, snippet, to_text
from retrieval.text import WORD_RE, normalize, tokenize

log = logging.getLogger(__name__)

MODES = ("hybrid", "dense", "keyword")


@dataclass
class Passage:
    """One passage of a resource; vector is the cached embedding when known."""

    id: int
    text: str
    vector: np.ndarray | None = None


@dataclass
class ResourceDoc:
    """What the engine needs of a resource: its id, title and passages."""

    id: int
    title: str
    passages: list[Passage] = field(default_factory=list)


@dataclass
class Hit:
    """A resource found by a search, with its best passage and a highlighted snippet."""

    resource_id: int
    title: str
    score: float
    passage_id: int
    passage: str
    snippet: Segments
    exact: str = ""  # "title", "phrase" or "" (how an exact match put it first)

    @property
    def snippet_text(self) -> str:
        """Return the snippet as plain text."""
        return to_text(self.snippet)


def embed_text(title: str, passage: str) -> str:
    """Return the text embedded for a passage: its resource title gives it context."""
    return f"{title}\n{passage}" if title else passage


def _phrase(text: str) -> str:
    return " ".join(WORD_RE.findall(normalize(text)))


class SearchEngine:
    """Hybrid passage search over a resource library; the caller's database is the truth."""

    def __init__(
        self,
        embedder,
        index_path: str | os.PathLike | None = None,
        hnsw_threshold: int = DEFAULT_HNSW_THRESHOLD,
        weights: tuple[float, float] = DEFAULT_WEIGHTS,
        rrf_k: int = DEFAULT_RRF_K,
        candidates: int = 100,
        min_similarity: float = 0.15,
        fusion: str = DEFAULT_FUSION,
        alpha: float = DEFAULT_ALPHA,
    ):
        self.embedder = embedder
        self.index_path = Path(index_path) if index_path else None
        self.hnsw_threshold = hnsw_threshold
        self.weights = weights
        self.rrf_k = rrf_k
        self.candidates = candidates
        # In hybrid mode a dense hit below this cosine is noise unless its words match too.
        self.min_similarity = min_similarity
        self.phrase_window = 30
        if fusion not in ("rrf", "score"):
            raise ValueError("fusion must be 'rrf' or 'score'")
        self.fusion = fusion
        self.alpha = alpha
        self._reset()

    def _reset(self) -> None:
        self._vectors: VectorIndex | None = None
        self._keywords = KeywordIndex()
        self._titles: dict[int, str] = {}
        self._by_title: dict[str, set[int]] = {}
        self._passages: dict[int, tuple[int, str]] = {}
        self._resource_passages: dict[int, list[int]] = {}
        self._phrases: dict[int, str] = {}

    def __len__(self) -> int:
        return len(self._titles)

    @property
    def passage_count(self) -> int:
        """Return how many passages are indexed."""
        return len(self._passages)

    def _vector_index(self) -> VectorIndex:
        if self._vectors is None:
            self._vectors = VectorIndex(self.embedder.dim, hnsw_threshold=self.hnsw_threshold)
        return self._vectors

    # -- embedding ----------------------------------------------------------------------
    def embed_passages(self, title: str, texts: list[str]) -> np.ndarray:
        """Embed passages of one resource the way the index expects."""
        return self.embedder.embed([embed_text(title, t) for t in texts])

    def _fill_vectors(self, resources: list[ResourceDoc], progress=None) -> None:
        """Embed passages that have no cached vector, in batches across resources."""
        todo = [(r, p) for r in resources for p in r.passages if p.vector is None]
        batch = max(getattr(self.embedder, "batch_size", 64), 1) * 4
        for start in range(0, len(todo), batch):
            chunk = todo[start : start + batch]
            vecs = self.embedder.embed([embed_text(r.title, p.text) for r, p in chunk])
            for (_, p), vec in zip(chunk, vecs, strict=True):
                p.vector = vec
            if progress:
                progress(len(chunk))

    # -- building and updating ----------------------------------------------------------
    def build(self, resources: Iterable[ResourceDoc], progress: Callable | None = None) -> None:
        """Index resources from scratch (embedding only passages without a cached vector)."""
        resources = list(resources)
        self._reset()
        self._fill_vectors(resources, progress)
        self._index_text(resources)
        ids = [p.id for r in resources for p in r.passages]
        vecs = [p.vector for r in resources for p in r.passages]
        index = self._vector_index()
        if ids:
            index.add(ids, np.vstack(vecs))

    def _index_text(self, resources: list[ResourceDoc]) -> None:
        for r in resources:
            self._titles[r.id] = r.title
            self._by_title.setdefault(_phrase(r.title), set()).add(r.id)
            self._resource_passages[r.id] = [p.id for p in r.passages]
            for p in r.passages:
                self._passages[p.id] = (r.id, p.text)
                self._keywords.add_tokens(p.id, tokenize(embed_text(r.title, p.text)))

    def upsert(self, resource: ResourceDoc) -> None:
        """Add or replace one resource (its old passages are dropped)."""
        self._fill_vectors([resource])
        self.remove(resource.id)
        self._index_text([resource])
        if resource.passages:
            self._vector_index().add(
                [p.id for p in resource.passages], np.vstack([p.vector for p in resource.passages])
            )

    def remove(self, resource_id: int) -> bool:
        """Drop a resource and its passages; return whether it was indexed."""
        if resource_id not in self._titles:
            return False
        title = self._titles.pop(resource_id)
        same = self._by_title.get(_phrase(title), set())
        same.discard(resource_id)
        if not same:
            self._by_title.pop(_phrase(title), None)
        pids = self._resource_passages.pop(resource_id, [])
        for pid in pids:
            self._passages.pop(pid, None)
            self._phrases.pop(pid, None)
        self._keywords.remove(pids)
        if self._vectors is not None:
            self._vectors.remove(pids)
        return True

    # -- persistence --------------------------------------------------------------------
    def digest(self) -> str:
        """Return a fingerprint of the model and every indexed passage (id and text)."""
        h = hashlib.sha256(self.embedder.name.encode())
        for rid in sorted(self._titles):
            h.update(f"\0{rid}\0{self._titles[rid]}".encode())
            for pid in self._resource_passages[rid]:
                h.update(f"\0{pid}\0{self._passages[pid][1]}".encode())
        return h.hexdigest()

    def save(self) -> None:
        """Write the vector index and its manifest to index_path (no-op without a path)."""
        if self.index_path is None:
            return
        self._vector_index().save(self.index_path)
        manifest = {"model": self.embedder.name, "digest": self.digest()}
        _manifest(self.index_path).write_text(json.dumps(manifest))

    def restore(
        self,
        resources: Iterable[ResourceDoc],
        load_vectors: Callable[[], dict[int, np.ndarray]],
        progress: Callable | None = None,
    ) -> str:
        """Load the saved vector index if it matches resources, else rebuild; return which.

        resources carry texts (vectors may be None); load_vectors() returns cached vectors by
        passage id and is called only when the saved index cannot be used.
        """
        resources = list(resources)
        self._reset()
        self._index_text(resources)
        problem = self._try_load()
        if problem is None:
            return "loaded"
        if self.index_path is not None:
            log.warning(
                "rebuilding vector index %s from the database: %s", self.index_path, problem
            )
        cached = load_vectors()
        for r in resources:
            for p in r.passages:
                if p.vector is None:
                    p.vector = cached.get(p.id)
        self.build(resources, progress)
        self.save()
        return "rebuilt"

    def _try_load(self) -> str | None:
        if self.index_path is None:
            return "no index path"
        if not self.index_path.exists():
            return "index file missing"
        try:
            manifest = json.loads(_manifest(self.index_path).read_text())
            index = VectorIndex.load(self.index_path, self.embedder.dim)
        except (OSError, ValueError) as exc:
            return f"index unreadable ({exc})"
        if manifest.get("model") != self.embedder.name:
            return f"index built with model {manifest.get('model')!r}"
        if manifest.get("digest") != self.digest() or len(index) != len(self._passages):
            return "index out of date with the library"
        index.hnsw_threshold = self.hnsw_threshold
        self._vectors = index
        return None

    # -- searching ----------------------------------------------------------------------
    def _dense(self, query: str, fetch: int) -> list[tuple[int, float]]:
        if not self._passages:
            return []
        qvec = self.embedder.embed([query])
        scores, ids = self._vector_index().search(qvec, fetch)
        return [(int(i), float(s)) for i, s in zip(ids[0], scores[0], strict=True) if i >= 0]

    def _keyword(self, tokens: list[str], fetch: int) -> list[tuple[int, float]]:
        scores, ids = self._keywords.search_tokens(tokens, fetch)
        return [(int(i), float(s)) for i, s in zip(ids, scores, strict=True)]

    def passage_ranking(
        self, query: str, mode: str = "hybrid", allowed: Container[int] | None = None
    ) -> list[tuple[int, float]]:
        """Return (passage id, score) pairs, best first, before grouping by resource."""
        if mode not in MODES:
            raise ValueError(f"mode must be one of {MODES}")
        fetch = self.candidates * (5 if allowed is not None else 1)
        tokens = tokenize(query)

        def keep(pairs: list[tuple[int, float]]) -> list[tuple[int, float]]:
            if allowed is None:
                return pairs
            return [(i, s) for i, s in pairs if self._passages[i][0] in allowed]

        if mode == "dense":
            return keep(self._dense(query, fetch))
        if mode == "keyword":
            return keep(self._keyword(tokens, fetch))
        dense = [(i, s) for i, s in keep(self._dense(query, fetch)) if s >= self.min_similarity]
        keyword = keep(self._keyword(tokens, fetch))
        if self.fusion == "score":
            return score_fusion(dense, keyword, self.alpha)
        return rrf([[i for i, _ in dense], [i for i, _ in keyword]], self.weights, self.rrf_k)

    def search(
        self,
        query: str,
        k: int = 10,
        mode: str = "hybrid",
        allowed: Container[int] | None = None,
    ) -> list[Hit]:
        """Return up to k resources for a query, exact title / phrase matches first."""
        query = query.strip()
        if not query or k <= 0 or not self._passages:
            return []
        best: dict[int, tuple[float, int]] = {}
        for pid, score in self.passage_ranking(query, mode, allowed):
            rid = self._passages[pid][0]
            if rid not in best:
                best[rid] = (score, pid)
        exact = self._exact_matches(query, best, allowed)
        order = sorted(best, key=lambda rid: (-_TIERS[exact.get(rid, "")], -best[rid][0]))
        return [self._hit(rid, best[rid], query, exact.get(rid, "")) for rid in order[:k]]

    def _exact_matches(self, query, best, allowed) -> dict[int, str]:
        """Mark resources whose title equals the query, or whose text holds it as a phrase."""
        phrase = _phrase(query)
        exact: dict[int, str] = {}
        for rid in self._by_title.get(phrase, ()):
            if allowed is None or rid in allowed:
                exact[rid] = "title"
                if rid not in best:
                    pids = self._resource_passages[rid]
                    if pids:
                        best[rid] = (0.0, pids[0])
        if len(phrase.split()) < 2:
            return exact
        padded = f" {phrase} "
        # Only the leading candidates can reach the page, so only they are checked, plus the
        # best keyword hits: a resource holding the phrase is one, even when dense missed it.
        leading = sorted(best, key=lambda r: -best[r][0])[: self.phrase_window]
        fallback: dict[int, int] = {}
        for pid, _ in self._keyword(tokenize(query), self.phrase_window):
            rid = self._passages[pid][0]
            if rid not in leading and rid not in fallback and (allowed is None or rid in allowed):
                fallback[rid] = pid
        for rid in [*leading, *fallback]:
            score = best[rid][0] if rid in best else 0.0
            if rid in exact:
                continue
            if padded in f" {_phrase(self._titles[rid])} ":
                exact[rid] = "phrase"
                if rid not in best:
                    best[rid] = (score, fallback[rid])
                continue
            for other in self._resource_passages[rid]:
                if padded in self._phrase_of(other):
                    exact[rid] = "phrase"
                    # The passage holding the phrase is the one worth showing.
                    best[rid] = (score, other)
                    break
        return exact

    def _phrase_of(self, pid: int) -> str:
        """Return a passage's words, normalised and space-padded (memoised: queries repeat)."""
        cached = self._phrases.get(pid)
        if cached is None:
            cached = self._phrases[pid] = f" {_phrase(self._passages[pid][1])} "
        return cached

    def _hit(self, rid: int, scored: tuple[float, int], query: str, exact: str) -> Hit:
        score, pid = scored
        text = self._passages[pid][1]
        return Hit(rid, self._titles[rid], float(score), pid, text, snippet(text, query), exact)

    def related(self, resource_id: int, k: int = 5) -> list[Hit]:
        """Return resources closest in meaning to one resource (itself excluded)."""
        pids = self._resource_passages.get(resource_id)
        if not pids or self._vectors is None:
            return []
        centre = np.mean([self._vectors.reconstruct(p) for p in pids], axis=0)
        centre /= max(float(np.linalg.norm(centre)), 1e-12)
        _, ids = self._vectors.search(centre, self.candidates)
        best: dict[int, tuple[float, int]] = {}
        for rank, pid in enumerate(ids[0]):
            if pid < 0:
                continue
            rid = self._passages[int(pid)][0]
            if rid != resource_id and rid not in best:
                best[rid] = (1.0 / (1 + rank), int(pid))
        ranked = sorted(best, key=lambda r: -best[r][0])[:k]
        title = self._titles[resource_id]
        return [self._hit(r, best[r], title, "") for r in ranked]


_TIERS = {"title": 2, "phrase": 1, "": 0}


def _manifest(path: Path) -> Path:
    return path.with_name(path.name + ".manifest.json")
