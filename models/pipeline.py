"""`analyse_note`: extractive results first, then LLM refinements that pass the grounding checks."""

from __future__ import annotations

import copy
import logging
import re
import time
from collections.abc import Callable
from datetime import date

from models.actions import (
    BRACKET_TAG_RE,
    TASKPAPER_TAGS_RE,
    extract_actions,
    extract_decisions,
)
from models.feedback import agenda, feedback_prompts
from models.longtext import chunk_ranges, is_long, map_reduce_pick
from models.names import speakers_of
from models.refine import refine_with_llm
from models.sentences import CHAT_STAMP_RE, paragraph_ids, split_sentences
from models.smart import draft_goals
from models.summarize import bundled_ranker, extractive_summary, sentence_vectors

log = logging.getLogger(__name__)

MAX_DECISIONS = 8
CHUNK_TOKENS = 1200  # map step size: well inside the smallest context window we support


def _vectors(texts: list[str], embedder):
    """Embeddings, or TF-IDF when no embedder is given or it fails."""
    if embedder is not None:
        try:
            return sentence_vectors(texts, embedder), getattr(embedder, "name", "embedder")
        except Exception:  # a broken embedder must not cost the user their result
            log.exception("embedder failed; using the lexical fallback")
    return sentence_vectors(texts, None), None


NAME_TIME_RE = re.compile(
    r"^\s*([A-ZА-Я][\wА-Яа-я'’-]+(?:\s+[A-ZА-Я][\wА-Яа-я'’-]+)?)\s+\d{1,2}:\d{2}"
    r"(?:\s*[AaPp][Mm])?:?\s+"
)


def note_actions(
    sentences, text: str, *, session_date=None, participants=None, author=None
) -> tuple[list[dict], list[str] | None]:
    """Action items for the split note, and the participants they were resolved against (the
    chat's speakers when none are given)."""
    speakers = speakers_of(text)
    participants = participants or speakers or None
    transcript = len(speakers) >= 2 and is_long(text)
    actions = extract_actions(sentences, participants, session_date, author, strict=transcript)
    return actions, participants


def extractive(
    text: str,
    *,
    session_date: date | None = None,
    participants: list[str] | None = None,
    profile_goals: dict[str, list[str]] | None = None,
    author: str | None = None,
    embedder=None,
) -> dict:
    """The whole analysis without an LLM: every item is a span or template over the note."""
    sentences = split_sentences(text)
    texts = [s.text for s in sentences]
    actions, participants = note_actions(sentences, text, session_date=session_date,
                                         participants=participants, author=author)  # fmt: skip
    vectors, embedder_name = _vectors(texts, embedder)
    decisions = extract_decisions(sentences, actions)[:MAX_DECISIONS]
    for d in decisions:
        d["engine"] = "extractive"
    for a in actions:
        a["engine"] = "extractive"
    boost = {i: 0.1 for d in decisions for i in d["sources"]}
    chunks = 1
    ranker = None
    if is_long(text):
        ranges = chunk_ranges(texts, CHUNK_TOKENS)
        chunks = len(ranges)
        picked = map_reduce_pick(texts, vectors, None, ranges, boost, min_words=10)
        summary = [{"text": texts[i], "sources": [i], "engine": "extractive"} for i in picked]
    else:
        paragraphs = paragraph_ids(text, sentences)
        ranker = bundled_ranker(embedder_name)
        sources = {i for a in actions for i in a["sources"]}
        summary = extractive_summary(texts, vectors, boost=boost, paragraphs=paragraphs,
                                     ranker=ranker, actions=sources)  # fmt: skip
    for item in summary:
        # "[27/11/2026, 18:02] Ana: ..." reads as "Ana: ..." in a summary bullet.
        text = CHAT_STAMP_RE.sub("", item["text"], count=1)
        # "Росица 18:08: Още не съм ...", "Nikhil Rao 10:05 nice." read "Росица: Още не съм ...".
        text = NAME_TIME_RE.sub(r"\1: ", text, count=1)
        # "[Boris] Send the checklist @due(friday)" reads "Boris: Send the checklist".
        text = TASKPAPER_TAGS_RE.sub("", text)
        text = BRACKET_TAG_RE.sub(lambda m: f"{m.group('lead')}{m.group('who')}: ", text, count=1)
        text = text.strip()
        item["text"] = text or item["text"]
    goals = draft_goals(sentences, actions, participants=participants,
                        profile_goals=profile_goals, session_date=session_date,
                        author=author)  # fmt: skip
    return {
        "sentences": texts,
        "spans": [[s.start, s.end] for s in sentences],
        "summary": summary,
        "decisions": decisions,
        "action_items": actions,
        "goals": goals,
        "prompts": feedback_prompts(sentences, actions, participants),
        "agenda": agenda(sentences, actions, goals),
        "engine": {
            "llm": None,
            "llm_status": "disabled",
            "embedder": embedder_name,
            "chunks": chunks,
            "summary_ranker": "learned" if ranker else "hand-set",
            "participants": participants or [],
        },
    }


def analyse_note(
    text: str,
    *,
    session_date: date | None = None,
    participants: list[str] | None = None,
    profile_goals: dict[str, list[str]] | None = None,
    llm=None,
    embedder=None,
    on_progress: Callable[[str, dict], None] | None = None,
    author: str | None = None,
    llm_budget_s: float | None = None,
) -> dict:
    """Summary, decisions, action items, SMART drafts, prompts and agenda for one note; each
    item says which engine produced it and cites its source sentences."""
    started = time.perf_counter()

    def report(stage: str) -> None:
        if on_progress:
            on_progress(stage, copy.deepcopy(result))

    result = extractive(text, session_date=session_date, participants=participants,
                        profile_goals=profile_goals, author=author,
                        embedder=embedder)  # fmt: skip
    timings = {"extractive_s": round(time.perf_counter() - started, 3)}
    result["engine"]["timings"] = timings
    for stage in ("sentences", "summary", "action_items", "goals", "prompts"):
        report(stage)
    if llm is not None:
        t0 = time.perf_counter()
        refine_with_llm(
            result, llm, note=text, session_date=session_date, on_stage=report,
            budget_s=llm_budget_s,
        )  # fmt: skip
        timings["llm_s"] = round(time.perf_counter() - t0, 3)
    timings["total_s"] = round(time.perf_counter() - started, 3)
    report("done")
    return result
