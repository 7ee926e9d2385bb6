"""Labelled query sets for search quality, read at run time (QMSum turns; the corpus queries)."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from retrieval.evaluation import mean_metrics
from retrieval.passages import split_passages
from retrieval.search import MODES, Passage, ResourceDoc, SearchEngine

# Transcript passages: consecutive turns up to about this many words.
TURN_WINDOW_WORDS = 120
_NOISE = re.compile(r"\{[a-z_]+\}|\s+(?=[,.?!])")


@dataclass
class EvalQuery:
    """One labelled query; scope limits the search to some resources (e.g. one meeting)."""

    id: str
    query: str
    relevant: set
    scope: set | None = None


@dataclass
class EvalSet:
    """Resources to index, their external names, and the labelled queries."""

    name: str
    resources: list[ResourceDoc]
    names: dict[int, str]
    queries: list[EvalQuery] = field(default_factory=list)


def _clean_turn(content: str) -> str:
    return " ".join(_NOISE.sub("", content).split())


def qmsum_set(path: str | Path) -> EvalSet:
    """Build passages of transcript turns and one query per specific question.

    A passage is relevant when it overlaps one of the question's relevant turn spans.
    """
    resources: list[ResourceDoc] = []
    names: dict[int, str] = {}
    queries: list[EvalQuery] = []
    next_id = 1
    with open(path, encoding="utf-8") as fh:
        meetings = [json.loads(line) for line in fh if line.strip()]
    for m_no, meeting in enumerate(meetings):
        spans: list[tuple[int, int, int]] = []  # (first turn, last turn, passage id)
        scope: set[int] = set()
        words, turns, first = 0, [], 0
        transcript = meeting["meeting_transcripts"]
        for t_no, turn in enumerate(transcript + [None]):
            text = _clean_turn(turn["content"]) if turn else ""
            if turn is not None and (not turns or words + len(text.split()) <= TURN_WINDOW_WORDS):
                if text:
                    turns.append(f"{turn['speaker']}: {text}")
                    words += len(text.split())
                continue
            if turns:
                pid = next_id
                next_id += 1
                resources.append(ResourceDoc(pid, "", [Passage(pid, "\n".join(turns))]))
                names[pid] = f"m{m_no}-t{first}"
                spans.append((first, t_no - 1, pid))
                scope.add(pid)
            words, first = len(text.split()), t_no
            turns = [f"{turn['speaker']}: {text}"] if turn and text else []
        for q_no, item in enumerate(meeting.get("specific_query_list", [])):
            relevant = set()
            for lo, hi in item.get("relevant_text_span", []):
                lo, hi = int(lo), int(hi)
                relevant |= {pid for a, b, pid in spans if a <= hi and b >= lo}
            if relevant:
                queries.append(EvalQuery(f"m{m_no}-q{q_no}", item["query"], relevant, scope))
    return EvalSet("qmsum", resources, names, queries)


def read_markdown_resource(path: Path) -> tuple[dict, str]:
    """Return (front matter, body) of a Markdown file with optional YAML front matter."""
    raw = path.read_text(encoding="utf-8")
    if raw.startswith("---"):
        parts = raw.split("\n---", 1)
        if len(parts) == 2:
            try:
                meta = yaml.safe_load(parts[0][3:]) or {}
            except yaml.YAMLError as exc:
                raise ValueError(f"front matter is not valid YAML ({exc})") from exc
            if not isinstance(meta, dict):
                raise ValueError("front matter is not a mapping")
            return meta, parts[1].lstrip("-").lstrip("\n")
    return {}, raw


def library_set(corpus_dir: str | Path, queries_path: str | Path) -> EvalSet:
    """Index corpus/*.md (id = file stem) and read {"id","query","relevant"} lines."""
    resources, names = [], {}
    pid = 1
    for n, path in enumerate(sorted(Path(corpus_dir).glob("*.md")), start=1):
        meta, body = read_markdown_resource(path)
        passages = []
        for text in split_passages(body):
            passages.append(Passage(pid, text))
            pid += 1
        resources.append(ResourceDoc(n, str(meta.get("title") or path.stem), passages))
        names[n] = path.stem
    by_name = {v: k for k, v in names.items()}
    queries = []
    with open(queries_path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                row = json.loads(line)
                relevant = {by_name[r] for r in row["relevant"] if r in by_name}
                queries.append(EvalQuery(str(row["id"]), row["query"], relevant))
    return EvalSet("library", resources, names, queries)


def evaluate(
    engine: SearchEngine, data: EvalSet, k: int = 10, modes=MODES, progress: Callable | None = None
) -> dict[str, dict[str, float]]:
    """Return {mode: {"ndcg@k", "recall@k", "queries"}} over an eval set (engine pre-built)."""
    table = {}
    for mode in modes:
        runs = []
        for q in data.queries:
            hits = engine.search(q.query, k=k, mode=mode, allowed=q.scope)
            runs.append(([h.resource_id for h in hits], q.relevant))
            if progress:
                progress(1)
        table[mode] = mean_metrics(runs, k)
    return table


def fill_from_cache(data: EvalSet, embedder, cache_path: str | Path | None) -> int:
    """Give passages vectors from a content-hash cache file, embedding (and saving) the rest.

    Returns how many passages had to be embedded.
    """
    import numpy as np

    from retrieval.embedder import content_hash
    from retrieval.search import embed_text

    cache: dict[str, np.ndarray] = {}
    path = Path(cache_path) if cache_path else None
    if path and path.exists():
        with np.load(path) as npz:
            cache = dict(zip(npz["keys"].tolist(), npz["vecs"], strict=True))
    todo = []
    for r in data.resources:
        for p in r.passages:
            key = f"{embedder.name}:{content_hash(embed_text(r.title, p.text))}"
            if key in cache:
                p.vector = cache[key]
            else:
                todo.append((key, r.title, p))
    if todo:
        vecs = embedder.embed([embed_text(title, p.text) for _, title, p in todo])
        for (key, _, p), vec in zip(todo, vecs, strict=True):
            p.vector = vec
            cache[key] = vec
        if path:
            path.parent.mkdir(parents=True, exist_ok=True)
            keys = np.array(list(cache.keys()))
            np.savez(path, keys=keys, vecs=np.vstack(list(cache.values())))
    return len(todo)
