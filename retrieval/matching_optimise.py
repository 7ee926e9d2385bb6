"""Whole-cohort optimisation: maximum-weight pairs, mentor assignment with capacities.

Pairs: the LP relaxation (degree constraints only) is solved first, as an assignment problem
on the bipartite double cover of the graph (each person once as a row, once as a column;
Edmonds-style: the relaxation's optimum is half the double cover's). Its solution is a set of
whole pairs (2-cycles) and a few cycles of half-pairs; the people on those are matched
exactly among themselves. When that reaches the LP value, the matching is optimal. Otherwise,
below a size, the exact answer comes from an integer programme (HiGHS) or the blossom
algorithm; above it, the rounded matching is kept and the LP value is reported as an upper
bound. The result is never below greedy (both are computed; the better one wins).
"""

from __future__ import annotations

from dataclasses import dataclass

import networkx as nx
import numpy as np
import scipy.sparse as sp
from scipy.optimize import Bounds, LinearConstraint, milp
from scipy.sparse.csgraph import min_weight_full_bipartite_matching

# Integer programmes up to this many edges are solved directly (well under a second).
EXACT_EDGE_LIMIT = 60_000
# networkx's blossom is pure Python: keep it for small leftover graphs.
BLOSSOM_EDGE_LIMIT = 4_000
# Weights are rounded to this many steps per unit for the LP relaxation (exact in float64).
_SCALE = 1e9


@dataclass
class PairSolution:
    """Chosen pairs (row numbers), their total weight, the method and an upper bound."""

    pairs: list[tuple[int, int]]
    total: float
    method: str
    upper_bound: float | None = None


def _dedupe(i: np.ndarray, j: np.ndarray, w: np.ndarray):
    lo, hi = np.minimum(i, j), np.maximum(i, j)
    keep = lo != hi
    lo, hi, w = lo[keep], hi[keep], w[keep]
    order = np.lexsort((-w, hi, lo))
    lo, hi, w = lo[order], hi[order], w[order]
    first = np.ones(len(lo), dtype=bool)
    first[1:] = (lo[1:] != lo[:-1]) | (hi[1:] != hi[:-1])
    return lo[first], hi[first], w[first]


def greedy_pairs(i: np.ndarray, j: np.ndarray, w: np.ndarray) -> list[tuple[int, int]]:
    """Pair the best remaining edge first (the baseline the optimiser must beat)."""
    taken: set[int] = set()
    pairs = []
    for k in np.argsort(-w, kind="stable"):
        a, b = int(i[k]), int(j[k])
        if a not in taken and b not in taken:
            taken.update((a, b))
            pairs.append((a, b))
    return pairs


def _total(pairs, weight: dict) -> float:
    return float(sum(weight[(min(a, b), max(a, b))] for a, b in pairs))


def _incidence(i: np.ndarray, j: np.ndarray, n: int) -> sp.csr_matrix:
    m = len(i)
    cols = np.r_[np.arange(m), np.arange(m)]
    return sp.csr_matrix((np.ones(2 * m), (np.r_[i, j], cols)), shape=(n, m))


def _milp(i, j, w, n, time_limit: float) -> tuple[list[tuple[int, int]], bool]:
    res = milp(
        -w,
        constraints=LinearConstraint(_incidence(i, j, n), 0, 1),
        integrality=np.ones(len(w)),
        bounds=Bounds(0, 1),
        options={"time_limit": time_limit},
    )
    if res.x is None:
        return [], False
    chosen = np.flatnonzero(res.x > 0.5)
    return [(int(i[k]), int(j[k])) for k in chosen], res.status == 0


def _blossom(i, j, w) -> list[tuple[int, int]]:
    g = nx.Graph()
    g.add_weighted_edges_from(zip(i.tolist(), j.tolist(), w.tolist(), strict=True))
    return [(min(a, b), max(a, b)) for a, b in nx.max_weight_matching(g)]


def _exact(i, j, w, n, time_limit: float) -> tuple[list[tuple[int, int]], bool]:
    if len(w) <= BLOSSOM_EDGE_LIMIT:
        return _blossom(i, j, w), True
    return _milp(i, j, w, n, time_limit)


def _relaxation(i, j, w, n: int) -> tuple[np.ndarray, float]:
    """Optimal LP solution as a permutation of people (a double-cover assignment), its value.

    Row u taking column v means half of pair (u, v); u taking itself means u stays alone.
    Weights are rounded to whole multiples of 1 / _SCALE (with float ties, the sparse
    assignment solver can cycle forever) and shifted to be positive (it needs non-zero
    entries); every assignment has n entries, so the shift does not change which is best.
    The value returned is an upper bound of the true LP optimum (rounding slack included).
    """
    cost = np.rint(w * _SCALE)
    shift = _SCALE - min(float(cost.min()), 0.0)
    rows = np.r_[i, j, np.arange(n)]
    cols = np.r_[j, i, np.arange(n)]
    vals = np.r_[cost + shift, cost + shift, np.full(n, shift)]
    graph = sp.csr_matrix((vals, (rows, cols)), shape=(n, n))
    r, c = min_weight_full_bipartite_matching(graph, maximize=True)
    mate = np.empty(n, dtype=np.int64)
    mate[r] = c
    value = (float(np.asarray(graph[r, c]).sum()) - n * shift) / _SCALE / 2
    return mate, value + _slack(n)


def _slack(n: int) -> float:
    # At most n / 2 whole edges' worth of rounding, each off by at most 0.5 / _SCALE.
    return n / (4 * _SCALE)


def _lp_round(i, j, w, n, time_limit: float) -> tuple[list[tuple[int, int]], float]:
    mate, bound = _relaxation(i, j, w, n)
    people = np.arange(n)
    whole = (mate[mate] == people) & (mate > people)
    pairs = [(int(a), int(mate[a])) for a in np.flatnonzero(whole)]
    used = np.zeros(n, dtype=bool)
    used[people[whole]] = True
    used[mate[whole]] = True
    rest = ~used[i] & ~used[j]
    if rest.any():
        more, _ = _exact(i[rest], j[rest], w[rest], n, time_limit)
        pairs += more
    return pairs, bound


def max_weight_pairs(
    i, j, w, n: int, exact_limit: int = EXACT_EDGE_LIMIT, time_limit: float = 20.0
) -> PairSolution:
    """Maximum-weight matching on candidate edges (i[k], j[k], w[k]) over n people."""
    i, j, w = _dedupe(np.asarray(i), np.asarray(j), np.asarray(w, dtype=float))
    if len(w) == 0:
        return PairSolution([], 0.0, "empty")
    weight = {(int(a), int(b)): float(c) for a, b, c in zip(i, j, w, strict=True)}
    greedy = greedy_pairs(i, j, w)
    g_total = _total(greedy, weight)
    pairs, bound = _lp_round(i, j, w, n, time_limit)
    total = _total(pairs, weight)
    if total >= bound - 2 * _slack(n) - 1e-9:
        # The rounded matching reaches the relaxation's value: nothing can do better.
        method, bound = "exact", None
    elif len(w) <= exact_limit:
        pairs, proven = _exact(i, j, w, n, time_limit)
        method, bound = ("exact" if proven else "milp-time-limit"), None
        total = _total(pairs, weight)
    else:
        method = "lp-rounding"
    if total + 1e-9 < g_total:
        # Only possible when a time limit cut the search short; greedy is a valid floor.
        return PairSolution(greedy, g_total, "greedy", bound)
    return PairSolution(pairs, total, method, bound)


def assign_mentors(
    score: np.ndarray, ok: np.ndarray, capacities: list[int]
) -> list[tuple[int, int]]:
    """Assign mentees (columns) to mentors (rows) with capacities; maximise the total score.

    Hungarian method on mentor slots: each mentor is repeated `capacity` times. Infeasible
    pairs get a prohibitive cost, and any such assignment is dropped afterwards.
    """
    from scipy.optimize import linear_sum_assignment

    slots = np.repeat(np.arange(len(capacities)), capacities)
    if len(slots) == 0 or score.shape[1] == 0:
        return []
    cost = np.where(ok[slots], -score[slots], 1e6)
    rows, cols = linear_sum_assignment(cost)
    return [(int(slots[r]), int(c)) for r, c in zip(rows, cols, strict=True) if ok[slots[r], c]]
