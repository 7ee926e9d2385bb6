"""LLM rewriting and drafting, every item checked against its sources, repaired or replaced."""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from datetime import date

from models.grounding import check_item, near_duplicate, repeats_itself
from models.lexical import words
from models.llm import LLMError
from models.prompts import chat, numbered

log = logging.getLogger(__name__)

LINE_RE = re.compile(r"^\s*(\d{1,2})\s*[.):-]\s*(.+?)\s*$")
TOKENS_PER_WORD = 1.6  # generous for Bulgarian, so max_tokens never cuts an answer short


def parse_numbered(answer: str, count: int) -> dict[int, str]:
    """Numbered lines of an answer, by 0-based position; the first answer per number wins."""
    out: dict[int, str] = {}
    for line in answer.splitlines():
        m = LINE_RE.match(line)
        if m and 1 <= int(m.group(1)) <= count and int(m.group(1)) - 1 not in out:
            out[int(m.group(1)) - 1] = m.group(2).strip().strip('"').strip()
    return out


def _first_sentence(text: str) -> str:
    m = re.match(r"(.+?[.!?])(\s|$)", text)
    return m.group(1) if m else text


def _drop_bad_clauses(text: str, problems: list[str]) -> str:
    """Remove the comma-separated clauses that carry an unsupported number, name or date."""
    bad = [p.split(": ", 1)[1] for p in problems if ": " in p]
    clauses = re.split(r"(?<=,)\s+", text)
    kept = [c for c in clauses if not any(b in c for b in bad)]
    return " ".join(kept).rstrip(",;") if kept else ""


def repair(text: str, problems: list[str]) -> str | None:
    """A cheap fix for the common failures of small models, or None when there is none."""
    fixed = text
    if any(p.startswith("length") or p == "repeats itself" for p in problems):
        fixed = _first_sentence(fixed)
    if any(": " in p for p in problems):
        fixed = _drop_bad_clauses(fixed, problems)
    fixed = fixed.strip()
    return fixed if fixed and fixed != text else None


def validated(
    candidate: str | None,
    fallback: dict,
    sources: list[str],
    *,
    note: str,
    ref: date | None,
    allowed: list[str] | None = None,
    min_support: float = 0.5,
    max_words: int = 40,
    must_end: str | None = None,
) -> dict:
    """The LLM text when grounded ("llm"), else its repair ("llm-repaired"), else `fallback`."""
    if not candidate:
        return fallback

    def problems_of(text: str) -> list[str]:
        found = check_item(text, sources, note=note, ref=ref, allowed=allowed,
                           min_support=min_support, max_words=max_words)  # fmt: skip
        if must_end and not text.rstrip().endswith(must_end):
            found.append(f"does not end with {must_end}")
        return found

    problems = problems_of(candidate)
    if not problems:
        return {**fallback, "text": candidate, "engine": "llm"}
    fixed = repair(candidate, problems)
    if fixed and not problems_of(fixed):
        return {**fallback, "text": fixed, "engine": "llm-repaired"}
    log.debug("LLM item rejected (%s): %r", "; ".join(problems), candidate)
    return {**fallback, "rejected": problems}


def _ask(llm, system: str, lines: list[str], max_words: int) -> dict[int, str]:
    """One batched call; the answer as numbered lines."""
    budget = int(len(lines) * (max_words + 4) * TOKENS_PER_WORD)
    # Stop once the last numbered line is written: small models ramble on otherwise.
    stop = [f"\n{len(lines) + 1}.", "\n\n\n"]
    answer = llm.generate(chat(system, numbered(lines)), max_tokens=budget, temperature=0.1,
                          stop=stop)  # fmt: skip
    return parse_numbered(answer, len(lines))


def fits(llm, system: str, lines: list[str], max_words: int) -> bool:
    """Whether prompt + answer fit the model's context window."""
    prompt = system + numbered(lines)
    need = llm.count_tokens(prompt) + len(lines) * (max_words + 4) * TOKENS_PER_WORD + 64
    return need <= llm.n_ctx


def batched_ask(llm, system: str, lines: list[str], max_words: int) -> dict[int, str]:
    """Ask in as many calls as the context window needs (map), merging the answers."""
    out: dict[int, str] = {}
    start = 0
    while start < len(lines):
        size = len(lines) - start
        while size > 1 and not fits(llm, system, lines[start : start + size], max_words):
            size //= 2
        part = _ask(llm, system, lines[start : start + size], max_words)
        out.update({start + k: v for k, v in part.items()})
        start += size
    return out


def rewrite_items(
    llm,
    items: list[dict],
    texts: list[str],
    system: str,
    *,
    note: str,
    ref: date | None,
    request: Callable[[dict], str] | None = None,
    allowed: list[str] | None = None,
    min_support: float = 0.5,
    max_words: int = 25,
    must_end: str | None = None,
    only: Callable[[dict], bool] | None = None,
) -> list[dict]:
    """Send the chosen items to the LLM in one batch and keep only grounded answers."""
    chosen = [n for n, it in enumerate(items) if only is None or only(it)]
    if not chosen:
        return items
    lines = [(request or (lambda it: it["text"]))(items[n]) for n in chosen]
    answers = batched_ask(llm, system, lines, max_words)
    out = list(items)
    for pos, n in enumerate(chosen):
        item = items[n]
        sources = [texts[i] for i in item["sources"]]
        candidate = answers.get(pos)
        if candidate and any(near_duplicate(candidate, o["text"]) for o in out[:n]):
            candidate = None  # says what an earlier item already says
        out[n] = validated(candidate, item, sources, note=note, ref=ref, allowed=allowed,
                           min_support=min_support, max_words=max_words,
                           must_end=must_end)  # fmt: skip
    return out


def safe_rewrite(*args, **kwargs) -> tuple[list[dict], str | None]:
    """`rewrite_items` that turns a model failure into (unchanged items, reason)."""
    try:
        return rewrite_items(*args, **kwargs), None
    except LLMError as exc:
        return args[1], f"unavailable: {exc}"
    except Exception as exc:  # a broken backend must never lose the extractive result
        log.exception("LLM step failed")
        return args[1], f"unavailable: {type(exc).__name__}: {exc}"


def worth_condensing(item: dict) -> bool:
    """Only long sentences gain from an LLM rewrite; short ones stay as written."""
    return len(words(item["text"])) > 18 and not repeats_itself(item["text"])
