"""Whole-cohort optimisation: maximum-weight pairs, mentor assignment with capacities.

Pairs: below a size, the exact answer comes from an integer programme (HiGHS) or the blossom
algorithm. Above it, the LP relaxation is solved; its whole edges are kept (the matching
polytope's vertices are half-integral, so the rest are a few odd cycles) and the leftover
people are matched exactly among themselves. The result is never below greedy (both are
computed; the better one wins) and the LP value is an upper bound, so the gap is reported.
"""

from __future__ import annotations

from dataclasses import dataclass

import networkx as nx
import numpy as np
import scipy.sparse as sp
from scipy.optimize import Bounds, LinearConstraint, linprog, milp

# Integer programmes up to this many edges are solved directly (well under a second).
EXACT_EDGE_LIMIT = 60_000
# networkx's blossom is pure Python: keep it for small leftover graphs.
BLOSSOM_EDGE_LIMIT = 4_000


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


def _lp_round(i, j, w, n, time_limit: float) -> tuple[list[tuple[int, int]], float]:
    res = linprog(-w, A_ub=_incidence(i, j, n), b_ub=np.ones(n), bounds=(0, 1), method="highs")
    x = res.x
    whole = np.flatnonzero(x > 1 - 1e-6)
    pairs = [(int(i[k]), int(j[k])) for k in whole]
    used = np.zeros(n, dtype=bool)
    used[i[whole]] = True
    used[j[whole]] = True
    rest = ~used[i] & ~used[j]
    if rest.any():
        more, _ = _exact(i[rest], j[rest], w[rest], n, time_limit)
        pairs += more
    return pairs, float(-res.fun)


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
    if len(w) <= exact_limit:
        pairs, proven = _exact(i, j, w, n, time_limit)
        method, bound = ("exact" if proven else "milp-time-limit"), None
    else:
        pairs, bound = _lp_round(i, j, w, n, time_limit)
        method = "lp-rounding"
    total = _total(pairs, weight)
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
