"""Extractive summary: informative, central sentences near the note's opening, with redundancy
removed (MMR). Long transcripts go through `models.longtext`, which reuses the scores here."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np

from models.actions import reads_as_task
from models.chat import message
from models.lexical import content_words, tfidf_matrix, words

FILLER = {"yeah", "yes", "okay", "ok", "ehm", "uh", "um", "mm", "hmm", "so", "right", "well"}
# Chat pleasantries ("Стефан Петров: Да, благодаря и аз!") say nothing about the session.
THANKS = {"thanks", "thank", "cheers", "благодаря", "мерси", "супер", "great", "perfect"}
THANKS_FOR_RE = re.compile(
    r"\b(?:thanks|thank you)\b.{0,20}\b(?:today|the chat|the session|your time|earlier)\b|"
    # "Thanks so much for making time today, especially with all the travel this week."
    r"\b(?:thanks|thank you)\b(?: so much| again)? for (?:making|finding) (?:the )?time\b|"
    r"(?<![\wА-Яа-я])(?:благодаря|мерси)(?![\wА-Яа-я]).{0,20}(?:днес|за срещата|за времето)",
    re.I,
)
TERMINAL_RE = re.compile(r"[.!?…]$")

# Short notes: how much the opening, each paragraph's first sentence, a task and a title line
# count next to centrality (0..1), and how much of centrality is word overlap (TF-IDF) rather
# than meaning (embeddings). Chosen by leave-one-set-out over the labelled note sets
# (`bench/summary_sweep.py`, BENCHMARKS.md): reference summaries walk through the note's
# paragraphs and usually end with the plan, so task sentences are not held back.
POSITION_WEIGHT = 0.6
POSITION_DECAY = 0.8
PARAGRAPH_LEAD = 0.45
LEXICAL_WEIGHT = 0.5
TASK_PENALTY = 0.0
TITLE_PENALTY = 0.5
MMR_LAMBDA = 0.7
RANKER_PATH = Path(__file__).with_name("data") / "summary_ranker.npz"


def sentence_vectors(texts: list[str], embedder=None) -> np.ndarray:
    """Unit vectors for sentences: the embedder when given, else TF-IDF."""
    if not texts:
        return np.zeros((0, 1), dtype=np.float32)
    if embedder is None:
        return tfidf_matrix(texts)
    vecs = np.asarray(embedder.embed(texts), dtype=np.float32)
    norms = np.linalg.norm(vecs, axis=1, keepdims=True)
    return vecs / np.where(norms == 0, 1, norms)


def is_candidate(text: str) -> bool:
    """Worth summarising: enough content words, not a question, not filler chatter or a chat
    pleasantry (judged on the message, without its writer's name and time)."""
    text = message(text)
    toks = words(text)
    if len(toks) < 5 or text.rstrip().endswith("?"):
        return False
    if sum(t in THANKS for t in toks) and (
        len(content_words(text)) < 4 or THANKS_FOR_RE.search(text)
    ):
        return False
    return len(content_words(text)) >= 3 and sum(t in FILLER for t in toks) / len(toks) < 0.3


def looks_like_title(position: int, text: str) -> bool:
    """A heading-like first line ("Session 7 – Tom & Priya"): short and unpunctuated."""
    return position <= 1 and not TERMINAL_RE.search(text.strip()) and len(words(text)) <= 10


def summary_size(n_candidates: int) -> int:
    """3-6 bullets, growing with the note."""
    return max(1, min(6, max(3, round(n_candidates / 5)), n_candidates))


def normalise(values: np.ndarray) -> np.ndarray:
    """Min-max scale to 0..1 (all ones when the values are equal)."""
    lo, hi = float(values.min()), float(values.max())
    return (values - lo) / (hi - lo) if hi > lo else np.ones_like(values)


def mmr_pick(scores: dict[int, float], sims: np.ndarray, pool: list[int], chosen: list[int],
             k: int, lam: float = MMR_LAMBDA) -> list[int]:  # fmt: skip
    """Add up to `k` indices from `pool` to `chosen` by maximal marginal relevance."""
    pool = [i for i in pool if i not in chosen]
    added: list[int] = []
    while pool and len(added) < k:
        taken = chosen + added
        redundancy = sims[np.ix_(pool, taken)].max(axis=1) if taken else np.zeros(len(pool))
        mmr = [lam * scores[p] - (1 - lam) * redundancy[j] for j, p in enumerate(pool)]
        best = pool[int(np.argmax(mmr))]
        added.append(best)
        pool.remove(best)
    return added


def similarities(
    texts: list[str], vectors: np.ndarray, candidates: list[int]
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The candidates' pairwise similarities and how typical each is of the note (0..1): mean
    similarity to the others by meaning, and by shared words."""
    sims = vectors[candidates] @ vectors[candidates].T
    tfidf = tfidf_matrix([texts[i] for i in candidates])
    return sims, normalise(sims.mean(axis=1)), normalise((tfidf @ tfidf.T).mean(axis=1))


def centrality(parts: tuple[np.ndarray, np.ndarray, np.ndarray]) -> np.ndarray:
    """How typical each candidate is (0..1), from `similarities`: meaning and words blended."""
    _, by_meaning, by_words = parts
    return (1 - LEXICAL_WEIGHT) * by_meaning + LEXICAL_WEIGHT * by_words


FEATURES = (
    "meaning", "words", "opening", "relative position", "first", "paragraph first",
    "last paragraph", "fit length", "log length", "task", "title", "decision", "action",
    "like opening", "ends with colon", "content share", "digits", "bias",
)  # fmt: skip


def sentence_features(
    texts: list[str],
    vectors: np.ndarray,
    candidates: list[int],
    boost: dict[int, float] | None = None,
    paragraphs: list[int] | None = None,
    parts: tuple[np.ndarray, np.ndarray, np.ndarray] | None = None,
    actions: set[int] | None = None,
) -> np.ndarray:
    """One row of `FEATURES` per candidate, for the learned ranker
    (`bench/train_summary_ranker.py`); `parts` are the note's `similarities` if known, `actions`
    the sentences the note's action items came from (a task-like line that is not one is
    usually done, hedged or someone else's)."""
    n = len(candidates)
    sims, by_meaning, by_words = parts or similarities(texts, vectors, candidates)
    paras = paragraphs or [0] * len(texts)
    last_para = max(paras[i] for i in candidates)
    opened: set[int] = set()
    rows = []
    for rank, i in enumerate(candidates):
        text = texts[i]
        toks = words(text)
        para_first = paras[i] not in opened and rank > 0
        opened.add(paras[i])
        rows.append([
            by_meaning[rank], by_words[rank], POSITION_DECAY**rank, rank / max(1, n - 1),
            rank == 0, para_first, paras[i] == last_para and last_para > 0,
            8 <= len(toks) <= 35, np.log1p(len(toks)) / 4, reads_as_task(text),
            looks_like_title(i, text), (boost or {}).get(i, 0.0) > 0, i in (actions or ()),
            float(sims[rank, 0]),
            text.rstrip().endswith(":"), len(content_words(text)) / max(1, len(toks)),
            bool(re.search(r"\d", text)), 1.0,
        ])  # fmt: skip
    return np.asarray(rows, dtype=float).reshape(n, len(FEATURES))


def note_scores(
    texts: list[str],
    vectors: np.ndarray,
    candidates: list[int],
    boost: dict[int, float] | None,
    paragraphs: list[int] | None = None,
    parts: tuple[np.ndarray, np.ndarray, np.ndarray] | None = None,
) -> dict[int, float]:
    """Score of each candidate in a written note: centrality, a pull to the opening (notes put
    the context first) and to each paragraph's first sentence, minus title lines (and tasks,
    if `TASK_PENALTY` is set)."""
    central = centrality(parts or similarities(texts, vectors, candidates))
    opened: set[int] = set()
    scores = {}
    for rank, i in enumerate(candidates):
        n = len(words(texts[i]))
        score = central[rank] + POSITION_WEIGHT * POSITION_DECAY**rank
        if paragraphs is not None and paragraphs[i] not in opened:
            # The note's first sentence already has the opening's pull.
            score += PARAGRAPH_LEAD * (rank > 0)
            opened.add(paragraphs[i])
        # Very long sentences crowd out the rest; very short ones say little.
        score += 0.1 if 8 <= n <= 35 else -0.1
        if TASK_PENALTY:
            score -= TASK_PENALTY * reads_as_task(texts[i])
        score -= TITLE_PENALTY * looks_like_title(i, texts[i])
        scores[i] = score + (boost or {}).get(i, 0.0)
    return scores


@dataclass(frozen=True)
class Ranker:
    """The learned sentence ranker (`bench/train_summary_ranker.py`): linear weights over
    `FEATURES`, how much of the hand-set score (`note_scores`) is blended in, and MMR's lambda."""

    weights: np.ndarray
    blend: float
    mmr_lambda: float

    def scores(self, texts, vectors, candidates, boost=None, paragraphs=None,
               actions=None) -> dict[int, float]:  # fmt: skip
        parts = similarities(texts, vectors, candidates)  # once, for both scores
        hand = note_scores(texts, vectors, candidates, boost, paragraphs, parts)
        by_hand = normalise(np.array([hand[i] for i in candidates]))
        x = sentence_features(texts, vectors, candidates, boost, paragraphs, parts, actions)
        mixed = self.blend * by_hand + (1 - self.blend) * normalise(x @ self.weights)
        return dict(zip(candidates, mixed.tolist(), strict=True))


def fit_weights(features: list[np.ndarray], targets: list[np.ndarray],
                alpha: float = 10.0) -> np.ndarray:  # fmt: skip
    """Ridge regression of per-sentence targets (how well each sentence matches its note's
    reference summary) on `sentence_features` rows; the bias is not penalised."""
    x, y = np.vstack(features), np.concatenate(targets)
    penalty = alpha * np.eye(x.shape[1])
    penalty[-1, -1] = 0.0
    return np.linalg.solve(x.T @ x + penalty, x.T @ y)


@cache
def bundled_ranker(embedder: str | None, path: Path = RANKER_PATH) -> Ranker | None:
    """The shipped ranker for sentence vectors from `embedder` (its name), or None (hand-set
    scores only) when it was trained on another embedder's vectors, on other features, or its
    file is missing."""
    try:
        data = np.load(path)
    except OSError:
        return None
    if "embedder" not in data.files or str(data["embedder"]) != embedder:
        return None
    if tuple(str(f) for f in data["features"]) != FEATURES:
        return None
    return Ranker(data["weights"], float(data["blend"]), float(data["mmr_lambda"]))


def rank_sentences(
    texts: list[str],
    vectors: np.ndarray,
    k: int,
    candidates: list[int] | None = None,
    boost: dict[int, float] | None = None,
    paragraphs: list[int] | None = None,
    ranker: Ranker | None = None,
    actions: set[int] | None = None,
) -> list[int]:
    """Pick `k` sentence indices of a note by MMR over the ranker's scores (the hand-set
    `note_scores` when `ranker` is None); in note order."""
    if candidates is None:
        candidates = [i for i, t in enumerate(texts) if is_candidate(t)]
    if not candidates or k <= 0:
        return []
    if ranker is not None:
        scores = ranker.scores(texts, vectors, candidates, boost, paragraphs, actions)
        lam = ranker.mmr_lambda
    else:
        scores, lam = note_scores(texts, vectors, candidates, boost, paragraphs), MMR_LAMBDA
    return sorted(mmr_pick(scores, vectors @ vectors.T, list(candidates), [], k, lam))


def summary_candidates(texts: list[str]) -> list[int]:
    """Sentences a summary may use, in note order; a line pasted twice counts once."""
    candidates = [i for i, t in enumerate(texts) if is_candidate(t)]
    if not candidates:
        # A tiny note: fall back to whatever has words at all.
        candidates = [i for i, t in enumerate(texts) if len(words(t)) >= 3]
    first: dict[str, int] = {}
    for i in candidates:
        first.setdefault(texts[i].strip().lower(), i)
    return sorted(first.values())


def extractive_summary(
    texts: list[str],
    vectors: np.ndarray,
    k: int | None = None,
    boost: dict[int, float] | None = None,
    paragraphs: list[int] | None = None,
    ranker: Ranker | None = None,
    actions: set[int] | None = None,
) -> list[dict]:
    """Summary bullets `{"text","sources","engine"}` chosen from the sentences themselves;
    `paragraphs` (`models.sentences.paragraph_ids`) gives each sentence's block of the note,
    `actions` the sentences its action items came from."""
    candidates = summary_candidates(texts)
    k = summary_size(len(candidates)) if k is None else k
    picked = rank_sentences(texts, vectors, k, candidates, boost, paragraphs, ranker, actions)
    return [{"text": texts[i], "sources": [i], "engine": "extractive"} for i in picked]


def lead_summary(texts: list[str], k: int) -> list[str]:
    """The lead-N baseline: the first `k` sentences with some content."""
    return [t for t in texts if is_candidate(t)][:k]
