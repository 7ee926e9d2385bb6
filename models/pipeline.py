"""`analyse_note`: extractive results first, then LLM refinements that pass the grounding checks."""

from __future__ import annotations

import copy
import logging
import time
from collections.abc import Callable
from datetime import date

from models import prompts
from models.actions import extract_actions, extract_decisions
from models.feedback import agenda, feedback_prompts
from models.longtext import chunk_ranges, is_long, map_reduce_pick
from models.names import speakers_of
from models.refine import safe_rewrite, worth_condensing
from models.sentences import split_sentences
from models.smart import draft_goals
from models.summarize import extractive_summary, sentence_vectors

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
    speakers = speakers_of(text)
    participants = participants or speakers or None
    vectors, embedder_name = _vectors(texts, embedder)
    transcript = len(speakers) >= 2 and is_long(text)
    actions = extract_actions(sentences, participants, session_date, author, strict=transcript)
    decisions = extract_decisions(sentences, actions)[:MAX_DECISIONS]
    for d in decisions:
        d["engine"] = "extractive"
    for a in actions:
        a["engine"] = "extractive"
    boost = {i: 0.1 for d in decisions for i in d["sources"]}
    chunks = 1
    if is_long(text):
        ranges = chunk_ranges(texts, CHUNK_TOKENS)
        chunks = len(ranges)
        picked = map_reduce_pick(texts, vectors, None, ranges, boost, min_words=10)
        summary = [{"text": texts[i], "sources": [i], "engine": "extractive"} for i in picked]
    else:
        summary = extractive_summary(texts, vectors, boost=boost)
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
            "participants": participants or [],
        },
    }


def _goal_request(goal: dict) -> str:
    return (f"who: {goal['owner'] or 'we'} | what: {goal['specific']} | "
            f"measure: {goal['measurable']} | by: {goal['time_bound'] or '-'}")  # fmt: skip


def _prompt_request(prompt: dict) -> str:
    return f"{prompt['kind'].replace('_', ' ')}: {prompt['topic']}"


def refine_with_llm(
    result: dict,
    llm,
    *,
    note: str,
    session_date: date | None,
    on_stage,
    budget_s: float | None = None,
) -> None:
    """Let the LLM word goals and prompts and condense the summary and decisions, in place;
    every LLM item that fails grounding keeps its extractive version. With `budget_s`, steps
    that would end past the budget are skipped (their items stay extractive) so a full result
    arrives in bounded time on a slow machine."""
    texts = result["sentences"]
    names = result["engine"]["participants"]
    result["engine"]["llm"] = getattr(llm, "name", "llm")
    status = "ok"
    # Most valuable first: goals and prompts need generation; condensing is a nicety.
    steps = [
        ("goals", prompts.GOAL_SYSTEM, {"max_words": 45, "min_support": 0.4}),
        ("prompts", prompts.PROMPTS_SYSTEM, {"max_words": 25, "min_support": 0.3,
                                             "must_end": "?"}),
        ("summary", prompts.CONDENSE_SYSTEM, {"only": worth_condensing, "max_words": 20}),
        ("decisions", prompts.CONDENSE_SYSTEM, {"only": worth_condensing, "max_words": 20}),
    ]  # fmt: skip
    started = time.perf_counter()
    last_step_s = 0.0
    skipped: list[str] = []
    for key, system, opts in steps:
        elapsed = time.perf_counter() - started
        if budget_s is not None and elapsed + last_step_s > budget_s:
            skipped.append(key)
            continue
        step_started = time.perf_counter()
        items = result[key]
        if key == "goals":
            # Goals are checked on their statement, grounded in the note and the profile.
            view = [{**g, "text": g["statement"]} for g in items]
            allowed = [*names, *(g["profile_goal"] or "" for g in items),
                       *(g["time_bound"] or "" for g in items)]  # fmt: skip
            new, err = safe_rewrite(llm, view, texts, system, note=note, ref=session_date,
                                    request=_goal_request, allowed=allowed, **opts)  # fmt: skip
            new = [{**g, "statement": n["text"], "engine": n["engine"]}
                   for g, n in zip(items, new, strict=True)]  # fmt: skip
        elif key == "prompts":
            # Follow-up questions are already good templates; only the free-form ones go to the LLM.
            chosen = [p for p in items if p["topic"] and p["kind"] in ("celebrate", "improve")]
            done, err = safe_rewrite(llm, chosen, texts, system, note=note, ref=session_date,
                                     request=_prompt_request, allowed=names, **opts)  # fmt: skip
            by_id = {id(p): d for p, d in zip(chosen, done, strict=True)}
            new = [by_id.get(id(p), p) for p in items]
        else:
            new, err = safe_rewrite(llm, items, texts, system, note=note, ref=session_date,
                                    allowed=names, **opts)  # fmt: skip
        result[key] = new
        on_stage(key)
        last_step_s = time.perf_counter() - step_started
        if err:
            status = err
            break  # a dead model will not answer the next step either
    result["engine"]["llm_status"] = status
    if skipped:
        result["engine"]["llm_skipped"] = skipped


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
