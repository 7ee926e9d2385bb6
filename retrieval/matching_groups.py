"""Groups of 3-5 around shared goals: balanced sizes, greedy start, then improving swaps."""

from __future__ import annotations

import numpy as np

# A pair that breaks a hard rule costs more than any group could gain by keeping it.
_CONFLICT = -5.0


def group_sizes(n: int, low: int = 3, high: int = 5) -> list[int]:
    """Split n people into groups of low..high, about four each; [] when n < low."""
    if n < low:
        return []
    g = max(1, round(n / 4))
    while g * high < n:
        g += 1
    while g * low > n:
        g -= 1
    base, extra = divmod(n, g)
    return [base + 1] * extra + [base] * (g - extra)


def _initial(aff: np.ndarray, sizes: list[int]) -> list[list[int]]:
    n = len(aff)
    free = set(range(n))
    # The hardest to place (weakest best tie) seed groups first, so they get a choice.
    best = np.where(np.eye(n, dtype=bool), -np.inf, aff).max(axis=1)
    order = [int(x) for x in np.argsort(best, kind="stable")]
    groups = []
    for size in sizes:
        seed = next(x for x in order if x in free)
        free.discard(seed)
        group = [seed]
        while len(group) < size:
            cand = np.array(sorted(free))
            gain = aff[np.ix_(cand, group)].sum(axis=1)
            pick = int(cand[int(np.argmax(gain))])
            free.discard(pick)
            group.append(pick)
        groups.append(group)
    return groups


def _improve(aff: np.ndarray, groups: list[list[int]], max_passes: int = 20) -> list[list[int]]:
    n = len(aff)
    label = np.empty(n, dtype=np.int64)
    for g, members in enumerate(groups):
        label[members] = g
    size = np.array([len(m) for m in groups], dtype=float)
    onehot = np.zeros((n, len(groups)))
    onehot[np.arange(n), label] = 1
    # tie[y, g]: total affinity of person y to the members of group g.
    tie = aff @ onehot
    for _ in range(max_passes):
        improved = False
        for x in range(n):
            a = label[x]
            others = label != a
            b = label
            # Swap x (in a) with y (in b): x leaves a, y joins a; y leaves b, x joins b.
            gain_a = (tie[:, a] - aff[:, x] - tie[x, a]) / (size[a] - 1)
            gain_b = (tie[x, b] - aff[x, :] - tie[np.arange(n), b]) / (size[b] - 1)
            delta = np.where(others, 2 * (gain_a + gain_b), -np.inf)
            y = int(np.argmax(delta))
            if delta[y] <= 1e-9:
                continue
            bg = label[y]
            label[x], label[y] = bg, a
            tie[:, a] += aff[:, y] - aff[:, x]
            tie[:, bg] += aff[:, x] - aff[:, y]
            improved = True
        if not improved:
            break
    out: list[list[int]] = [[] for _ in groups]
    for x in range(n):
        out[label[x]].append(x)
    return out


def form_groups(
    score: np.ndarray, ok: np.ndarray, low: int = 3, high: int = 5
) -> tuple[list[list[int]], list[int]]:
    """Partition people (rows of a square score matrix) into groups; return (groups, left out).

    People left out are those that no group could take without a pair that breaks a hard rule.
    """
    n = len(score)
    sizes = group_sizes(n, low, high)
    if not sizes:
        return [], list(range(n))
    aff = np.where(ok, score, _CONFLICT)
    np.fill_diagonal(aff, 0.0)
    groups = _improve(aff, _initial(aff, sizes))
    left: list[int] = []
    final = []
    for members in groups:
        members = list(members)
        # Drop the most conflicted member until the group is clean; never below `low`.
        while True:
            sub = ~ok[np.ix_(members, members)]
            np.fill_diagonal(sub, False)
            if not sub.any():
                break
            worst = members[int(np.argmax(sub.sum(axis=1)))]
            members.remove(worst)
            left.append(worst)
        if len(members) >= low:
            final.append(members)
        else:
            left.extend(members)
    return final, left


def group_value(members: list[int], score: np.ndarray) -> float:
    """Mean pairwise score inside a group."""
    sub = score[np.ix_(members, members)]
    s = len(members)
    return float((sub.sum() - np.trace(sub)) / (s * (s - 1))) if s > 1 else 0.0
