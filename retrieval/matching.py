"""Match a whole cohort: peer pairs, mentor assignment or groups, each with its reasons.

Plain Python over `Person` objects and any embedder with `embed(texts)`; the web app, the
CLI and the benchmarks all call `suggest` and `score_pairs`.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field

import numpy as np

from retrieval.matching_config import MatchConfig
from retrieval.matching_explain import explain_group, explain_pair
from retrieval.matching_groups import form_groups, group_value
from retrieval.matching_optimise import assign_mentors, max_weight_pairs
from retrieval.matching_people import Person
from retrieval.matching_scoring import COMPONENTS, Cohort

# Up to this many free people every pair is scored; above it, nearest neighbours only.
FULL_GRAPH_LIMIT = 400
NEIGHBOURS = 15
# Query rows per block of the nearest-neighbour search (a block's scores: 1024 x n floats).
_BLOCK = 1024


class _TimedEmbedder:
    """Passes `embed` through and adds up the time it takes (for the run's figures)."""

    def __init__(self, inner):
        self.inner = inner
        self.name = getattr(inner, "name", "")  # which model: the skill-goal projection asks
        self.seconds = 0.0

    def embed(self, texts: list[str]) -> np.ndarray:
        """Embed with the wrapped model, timing the call."""
        t0 = time.perf_counter()
        try:
            return self.inner.embed(texts)
        finally:
            self.seconds += time.perf_counter() - t0


@dataclass
class Suggestion:
    """One suggested pair or group: member ids, score, component breakdown and reasons."""

    members: list
    score: float
    breakdown: dict
    reasons: list[dict]
    kept: bool = False
    # Hard rules this group breaks (only for groups a person put together by hand).
    blocked: list[dict] = field(default_factory=list)


@dataclass
class MatchResult:
    """Suggestions, who is left out (id -> reason code) and figures about the run."""

    suggestions: list[Suggestion]
    unmatched: dict
    stats: dict = field(default_factory=dict)


def _group_pairs(cohort: Cohort, rows: list[int]) -> tuple[list[int], list[int]]:
    if cohort.config.mode == "mentor" and len(rows) == 2:
        return [rows[0]], [rows[1]]
    a = [x for k, x in enumerate(rows) for _ in rows[k + 1 :]]
    b = [y for k, _ in enumerate(rows) for y in rows[k + 1 :]]
    return a, b


def _suggestions(cohort: Cohort, groups: list[list[int]], kept: bool = False) -> list[Suggestion]:
    """Score (every pair of every group in one pass) and explain each group."""
    pairs = [_group_pairs(cohort, rows) for rows in groups]
    a = [x for p in pairs for x in p[0]]
    b = [y for p in pairs for y in p[1]]
    scores, _, parts = cohort.score(a, b)
    out = []
    end = 0
    for rows, (pa, _) in zip(groups, pairs, strict=True):
        sl = slice(end, end + len(pa))
        end += len(pa)
        score = round(float(scores[sl].mean()), 4)
        breakdown = {k: round(float(parts[k][sl].mean()), 3) for k in COMPONENTS}
        reasons = explain_group(cohort, rows, score)
        out.append(Suggestion([cohort.people[r].id for r in rows], score, breakdown, reasons, kept))
    return out


def _suggestion(cohort: Cohort, rows: list[int], kept: bool = False) -> Suggestion:
    return _suggestions(cohort, [rows], kept)[0]


def _person_vectors(cohort: Cohort, rows: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Query and key vectors whose dot product approximates complementarity + shared goals.

    query_i . key_j = g_i . s_j + s_i . g_j + beta^2 g_i . g_j, with the shared-goal term folded
    into the first block so the vectors are two blocks wide, not three.
    """

    def mean(vecs: np.ndarray, idx: np.ndarray) -> np.ndarray:
        v = vecs[idx].sum(axis=1)
        norm = np.linalg.norm(v, axis=1, keepdims=True)
        return v / np.maximum(norm, 1e-9)

    s = mean(cohort.side_vectors("skills"), cohort.skills[rows])
    g = mean(cohort.side_vectors("goals"), cohort.goals[rows])
    w = cohort.config.weights
    # Scaled so the shared-goal term weighs as it does in the score.
    beta2 = w.get("shared_goals", 0.0) / max(w.get("complementarity", 0.0), 1e-9)
    query = np.hstack([g, s]).astype(np.float32)
    key = np.hstack([s + beta2 * g, g]).astype(np.float32)
    return query, key


def _top_k(query: np.ndarray, key: np.ndarray, k: int) -> np.ndarray:
    """Column numbers of each query row's k largest inner products with the key rows.

    Exact, by blocks of one BLAS product each: on two busy cores this is several times faster
    than a FAISS flat search, whose OpenMP threads spin while they wait for a core.
    """
    n = len(key)
    k = min(k, n)
    out = np.empty((len(query), k), dtype=np.int64)
    for start in range(0, len(query), _BLOCK):
        sims = query[start : start + _BLOCK] @ key.T
        out[start : start + len(sims)] = np.argpartition(sims, n - k, axis=1)[:, n - k :]
    return out


def candidate_edges(cohort: Cohort, rows: np.ndarray, k: int = NEIGHBOURS):
    """Candidate pairs among rows: all of them when few, else each one's k nearest."""
    n = len(rows)
    if n <= FULL_GRAPH_LIMIT:
        a, b = np.triu_indices(n, 1)
        return rows[a], rows[b]
    query, key = _person_vectors(cohort, rows)
    # k + 1: a person is usually their own nearest key; that edge is dropped.
    ids = _top_k(query, key, k + 1)
    a = np.repeat(np.arange(n), ids.shape[1])
    b = ids.reshape(-1)
    keep = a != b
    return rows[a[keep]], rows[b[keep]]


def _pair_leftovers(cohort: Cohort, left: list[int], pairs: list[tuple[int, int]]):
    """Pair people the candidate graph left alone among themselves, exactly."""
    if len(left) < 2:
        return pairs, left
    arr = np.array(left)
    a, b = np.triu_indices(len(arr), 1)
    s, ok, _ = cohort.score(arr[a], arr[b])
    sol = max_weight_pairs(arr[a][ok], arr[b][ok], s[ok], len(cohort))
    paired = {x for p in sol.pairs for x in p}
    return pairs + sol.pairs, [x for x in left if x not in paired]


def _place_in_trios(cohort: Cohort, left: list[int], groups: list[list[int]]):
    """Put each person still alone into the pair that suits them best, if any may take them."""
    still = []
    for x in left:
        open_pairs = [g for g in groups if len(g) == 2]
        if not cohort.config.allow_trios or not open_pairs:
            still.append(x)
            continue
        a = np.array([g[0] for g in open_pairs])
        b = np.array([g[1] for g in open_pairs])
        xs = np.full(len(a), x)
        sa, oka, _ = cohort.score(xs, a)
        sb, okb, _ = cohort.score(xs, b)
        value = np.where(oka & okb, (sa + sb) / 2, -np.inf)
        best = int(np.argmax(value))
        if np.isfinite(value[best]):
            open_pairs[best].append(x)
        else:
            still.append(x)
    return still


def _peer(cohort: Cohort, free: np.ndarray, stats: dict):
    i, j = candidate_edges(cohort, free)
    s, ok, _ = cohort.score(i, j)
    stats["edges"] = int(ok.sum())
    sol = max_weight_pairs(i[ok], j[ok], s[ok], len(cohort))
    stats.update(method=sol.method, objective=round(sol.total, 4), upper_bound=sol.upper_bound)
    paired = {x for p in sol.pairs for x in p}
    left = [int(x) for x in free if x not in paired]
    pairs, left = _pair_leftovers(cohort, left, sol.pairs)
    groups = [list(p) for p in pairs]
    left = _place_in_trios(cohort, left, groups)
    return groups, {x: "no_partner" for x in left}


def _mentor(cohort: Cohort, free: np.ndarray, used: dict, stats: dict):
    people = cohort.people
    mentors = np.array([x for x in free if people[x].role == "mentor"], dtype=np.int64)
    mentees = np.array([x for x in free if people[x].role != "mentor"], dtype=np.int64)
    if len(mentors) == 0:
        return [], {int(x): "no_mentor" for x in mentees}
    a = np.repeat(mentors, len(mentees))
    b = np.tile(mentees, len(mentors))
    s, ok, _ = cohort.score(a, b)
    shape = (len(mentors), len(mentees))
    caps = [max(people[m].capacity - used.get(int(m), 0), 0) for m in mentors]
    chosen = assign_mentors(s.reshape(shape), ok.reshape(shape), caps)
    stats["objective"] = round(float(sum(s.reshape(shape)[r, c] for r, c in chosen)), 4)
    stats["method"] = "hungarian"
    groups = [[int(mentors[r]), int(mentees[c])] for r, c in chosen]
    taken = {g[1] for g in groups} | {g[0] for g in groups}
    full = sum(caps) <= len(chosen)
    left = {}
    for x in mentees:
        if int(x) not in taken:
            left[int(x)] = "no_mentor_capacity" if full else "no_suitable_mentor"
    for m in mentors:
        if int(m) not in taken:
            left[int(m)] = "no_mentee"
    return groups, left


def _group(cohort: Cohort, free: np.ndarray, stats: dict):
    n = len(free)
    a, b = np.meshgrid(free, free, indexing="ij")
    s, ok, _ = cohort.score(a.reshape(-1), b.reshape(-1))
    s, ok = s.reshape(n, n), ok.reshape(n, n)
    groups, left = form_groups(s, ok)
    stats["method"] = "groups-swap"
    stats["objective"] = round(sum(group_value(g, s) for g in groups), 4)
    reason = "too_few_for_group" if n < 3 else "conflict"
    return [[int(free[x]) for x in g] for g in groups], {int(free[x]): reason for x in left}


def suggest(
    people: list[Person],
    embedder,
    config: MatchConfig | None = None,
    keep: list[list] | None = None,
    exclude: list[tuple] | None = None,
) -> MatchResult:
    """Match everyone not in `keep` (groups of ids kept as they are); `exclude` forbids pairs."""
    t0 = time.perf_counter()
    config = config or MatchConfig()
    timed = _TimedEmbedder(embedder)
    cohort = Cohort(people, timed, config)
    for a, b in exclude or []:
        if a in cohort.row and b in cohort.row:
            cohort.block(cohort.row[a], cohort.row[b])
    setup = time.perf_counter() - t0
    # "offsets_s": the rest of building the cohort (hubness offsets, phrase tables).
    stats: dict = {
        "people": len(people),
        "embed_s": round(timed.seconds, 3),
        "offsets_s": round(setup - timed.seconds, 3),
    }
    kept_rows = [[cohort.row[x] for x in g if x in cohort.row] for g in keep or []]
    kept_rows = [g for g in kept_rows if len(g) >= 2]
    busy = {x for g in kept_rows for x in g}
    used: dict[int, int] = {}
    if config.mode == "mentor":
        # Mentors first, so a kept pair is scored in the mentor-to-mentee direction.
        kept_rows = [sorted(g, key=lambda x: people[x].role != "mentor") for g in kept_rows]
        for g in kept_rows:
            if people[g[0]].role == "mentor":
                used[g[0]] = used.get(g[0], 0) + len(g) - 1
        # A mentor with room left stays available for this round.
        busy -= {m for m, n in used.items() if n < people[m].capacity}
    free = np.array([x for x in range(len(people)) if x not in busy], dtype=np.int64)
    if config.mode == "peer":
        groups, left = _peer(cohort, free, stats)
    elif config.mode == "mentor":
        groups, left = _mentor(cohort, free, used, stats)
    else:
        groups, left = _group(cohort, free, stats)
    t1 = time.perf_counter()
    out = _suggestions(cohort, kept_rows, kept=True) + _suggestions(cohort, groups)
    stats["optimise_s"] = round(t1 - t0 - setup, 3)
    stats["explain_s"] = round(time.perf_counter() - t1, 3)
    unmatched = {people[x].id: why for x, why in left.items()}
    return MatchResult(out, unmatched, stats)


def score_pairs(pairs: list[tuple[Person, Person]], embedder, config=None) -> list[Suggestion]:
    """Score and explain independent pairs (a, b); one embedding pass for all of them."""
    config = config or MatchConfig()
    people = []
    for k, (a, b) in enumerate(pairs):
        for tag, p, other in (("a", a, b), ("b", b, a)):
            q = Person(**{**p.__dict__})
            q.id = (k, tag)
            q.avoid = {(k, "b" if tag == "a" else "a")} if other.id in p.avoid else set()
            q.prefer = {(k, "b" if tag == "a" else "a")} if other.id in p.prefer else set()
            people.append(q)
    cohort = Cohort(people, embedder, config)
    i = np.arange(0, len(people), 2)
    s, ok, parts = cohort.score(i, i + 1)
    out = []
    for k in range(len(pairs)):
        a, b = int(i[k]), int(i[k]) + 1
        breakdown = {c: round(float(parts[c][k]), 3) for c in COMPONENTS}
        if ok[k]:
            reasons = explain_pair(cohort, a, b, float(s[k]))
            out.append(
                Suggestion([pairs[k][0].id, pairs[k][1].id], float(s[k]), breakdown, reasons)
            )
        else:
            reasons = blocked_reasons(cohort, a, b)
            out.append(Suggestion([pairs[k][0].id, pairs[k][1].id], 0.0, breakdown, reasons))
    return out


def blocked_reasons(cohort: Cohort, i: int, j: int) -> list[dict]:
    """Why a pair breaks a hard rule (empty when it does not)."""
    a, b = cohort.people[i], cohort.people[j]
    c = cohort.config
    out = []
    for x, y in ((a, b), (b, a)):
        if y.id in x.avoid:
            out.append({"kind": "avoid", "a": x.name, "b": y.name})
    if (min(i, j), max(i, j)) in cohort.blocked and not out:
        out.append({"kind": "earlier", "a": a.name, "b": b.name})
    if c.separate_reporting_lines:
        for x, y in ((a, b), (b, a)):
            if x.manager_email and x.manager_email == y.email:
                out.append({"kind": "reports_to", "a": x.name, "b": y.name})
    if c.separate_departments and a.department and a.department == b.department:
        out.append({"kind": "same_department", "department": a.department})
    if c.require_common_language and a.languages and b.languages:
        if not set(a.languages) & set(b.languages):
            out.append({"kind": "no_language"})
    return out


def describe(
    people: list[Person], embedder, config: MatchConfig | None = None, exclude=None
) -> Suggestion:
    """Score and explain one given pair or group, with any hard rule it breaks."""
    config = config or MatchConfig()
    cohort = Cohort(people, embedder, config)
    for a, b in exclude or []:
        if a in cohort.row and b in cohort.row:
            cohort.block(cohort.row[a], cohort.row[b])
    rows = list(range(len(people)))
    if config.mode == "mentor":
        rows.sort(key=lambda x: people[x].role != "mentor")
    out = _suggestion(cohort, rows)
    out.blocked = [
        r for k, i in enumerate(rows) for j in rows[k + 1 :] for r in blocked_reasons(cohort, i, j)
    ]
    return out
