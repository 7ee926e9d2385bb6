"""ROUGE-1, ROUGE-2 and ROUGE-L (F1), following Lin (2004), on lowercase word tokens."""

from __future__ import annotations

from collections import Counter

from models.lexical import words


def _tokens(text: str) -> list[str]:
    # Stemming would flatter both systems alike; plain tokens keep the figures comparable.
    return words(text)


def _f1(overlap: int, pred: int, ref: int) -> float:
    if not overlap or not pred or not ref:
        return 0.0
    p, r = overlap / pred, overlap / ref
    return 2 * p * r / (p + r)


def rouge_n(prediction: str, reference: str, n: int) -> float:
    """ROUGE-N F1: clipped n-gram overlap."""
    p, r = _tokens(prediction), _tokens(reference)
    pg = Counter(tuple(p[i : i + n]) for i in range(len(p) - n + 1))
    rg = Counter(tuple(r[i : i + n]) for i in range(len(r) - n + 1))
    return _f1(sum((pg & rg).values()), sum(pg.values()), sum(rg.values()))


def lcs_length(a: list[str], b: list[str]) -> int:
    """Longest common subsequence length, O(len(a)·len(b)) time and O(len(b)) memory."""
    if not a or not b:
        return 0
    prev = [0] * (len(b) + 1)
    for x in a:
        cur = [0]
        for j, y in enumerate(b, 1):
            cur.append(prev[j - 1] + 1 if x == y else max(prev[j], cur[j - 1]))
        prev = cur
    return prev[-1]


def rouge_l(prediction: str, reference: str) -> float:
    """ROUGE-L F1 over the whole texts (sentence-level LCS)."""
    p, r = _tokens(prediction), _tokens(reference)
    return _f1(lcs_length(p, r), len(p), len(r))


def rouge(prediction: str, reference: str) -> dict[str, float]:
    """All three scores."""
    return {
        "rouge1": rouge_n(prediction, reference, 1),
        "rouge2": rouge_n(prediction, reference, 2),
        "rougeL": rouge_l(prediction, reference),
    }


def best_of(prediction: str, references: list[str]) -> dict[str, float]:
    """Multi-reference ROUGE: each score's best over the alternative references."""
    scores = [rouge(prediction, ref) for ref in references if ref.strip()]
    if not scores:
        return {"rouge1": 0.0, "rouge2": 0.0, "rougeL": 0.0}
    return {k: max(s[k] for s in scores) for k in scores[0]}
