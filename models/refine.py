"""LLM rewriting and drafting, one small item per call, every answer checked against its
sources, then repaired or replaced by the extractive item.

Small models do far better on one short task than on a numbered batch: they lose count, merge
lines and repeat themselves. So each item is its own call with a static few-shot prefix (see
`models.prompts`), greedy decoding, one line of answer and a token limit sized to the item.
The items worth a call go in order of value until the time budget is spent.
"""

from __future__ import annotations

import logging
import re
import time
from dataclasses import dataclass, field
from datetime import date

from models import prompts
from models.grounding import check_item, near_duplicate, repeats_itself
from models.lexical import words
from models.llm import LLMError
from models.prompts import Task

log = logging.getLogger(__name__)

TOKENS_PER_WORD = 1.6
TOKENS_PER_WORD_CYRILLIC = 4.0  # SmolLM's vocabulary splits Cyrillic words into many pieces
CYRILLIC_RE = re.compile(r"[А-Яа-я]")
NUMBER_WORDS = set(
    """one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen
    sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety
    hundred thousand million half twice double dozen first second third fourth fifth""".split()
)
BULLET_RE = re.compile(r"^\s*(?:\d{1,2}\s*[.):]|[-*•]|answer\s*:)\s*", re.I)
# Model families trained on English text only: their answers on other languages are noise,
# so such items are not sent (they stay extractive) and the budget goes to items they can do.
ENGLISH_ONLY = ("smollm",)
# Order of the calls when the budget cannot cover them all (bench/llm_quality.py, first 12
# notes): questions and agenda items are short and pass the checks most often; goal sentences
# pass less often but replace the stiffest template; condensed summary sentences pass often but
# lower ROUGE-L against the reference summaries a little, so they come after; decisions last.
ORDER = ("prompts", "agenda", "goals", "summary", "decisions")


@dataclass
class Job:
    """One item to send to the model, with what its answer is checked against."""

    key: str  # result section
    index: int  # position in the section
    task: Task
    request: str
    original: str  # the extractive text the answer would replace
    sources: list[str]
    allowed: list[str] = field(default_factory=list)
    shorter: bool = False  # a condensed sentence must be shorter than the original
    must_contain: list[str] = field(default_factory=list)  # e.g. a goal's owner and date


def clean(answer: str) -> str:
    """The first line of an answer, without list markers and quotes."""
    line = next((ln for ln in answer.strip().splitlines() if ln.strip()), "")
    line = BULLET_RE.sub("", line).strip()
    return line.strip('"“”').strip()


def max_tokens_for(job: Job) -> int:
    """Room for the longest acceptable answer (a condensed one never exceeds its original)."""
    limit = job.task.max_words
    if job.shorter:
        limit = min(limit, len(words(job.original)))
    per_word = TOKENS_PER_WORD_CYRILLIC if CYRILLIC_RE.search(job.request) else TOKENS_PER_WORD
    return int(limit * per_word) + 8


def _first_sentence(text: str) -> str:
    m = re.match(r"(.+?[.!?])(\s|$)", text)
    return m.group(1) if m else text


def _drop_bad_clauses(text: str, problems: list[str]) -> str:
    """Remove the comma-separated clauses that carry an unsupported number, name or date."""
    bad = [p.split(": ", 1)[1] for p in problems if ": " in p]
    clauses = re.split(r"(?<=,)\s+", text)
    kept = [c for c in clauses if not any(b in c for b in bad)]
    text = " ".join(kept).rstrip(",;")
    if kept and kept[0] != clauses[0]:
        # The new opening clause must read as one: "but it took two days" -> "It took two days".
        text = re.sub(r"^(?:but|and|so|or|yet|then)\s+", "", text, flags=re.I)
        text = text[:1].upper() + text[1:]
    return text


def _main_clause(text: str) -> str:
    """The text up to its first colon, semicolon, dash or bracket, when that says enough."""
    head = re.split(r"\s*(?:[:;(]|\s[–—-]\s)", text, maxsplit=1)[0].rstrip(" ,")
    return head if head != text and len(words(head)) >= 5 else text


def repair(text: str, problems: list[str]) -> str | None:
    """A cheap fix for the common failures of small models (only ever by removing words), or
    None when there is none."""
    fixed = text
    if any(p.startswith("length") or p == "repeats itself" for p in problems):
        fixed = _first_sentence(fixed)
    if any(p.startswith("length") and int(p.split()[1]) > 3 for p in problems):
        fixed = _main_clause(fixed)
    if any(": " in p for p in problems):
        fixed = _drop_bad_clauses(fixed, problems)
    fixed = fixed.strip()
    return fixed if fixed and fixed != text else None


def problems_of(text: str, job: Job, *, note: str, ref: date | None) -> list[str]:
    """Everything that makes `text` unfit to replace the job's extractive item."""
    task = job.task
    found = check_item(text, job.sources, note=note, ref=ref, allowed=job.allowed,
                       min_support=task.min_support, max_words=task.max_words)  # fmt: skip
    if task.must_end and not text.rstrip().endswith(task.must_end):
        found.append(f"does not end with {task.must_end}")
    elif not task.must_end and text.rstrip().endswith("?") and not job.original.endswith("?"):
        found.append("a question, not a statement")
    evidence = " ".join([*job.sources, *job.allowed]).lower()
    for w in dict.fromkeys(words(text)):
        # Spelled-out numbers are facts too ("forty minutes" must not become "four hours").
        if w in NUMBER_WORDS and not re.search(rf"(?<![\w]){w}(?![\w])", evidence):
            found.append(f"number not in sources: {w}")
    low = text.lower()
    found += [f"leaves out: {m}" for m in job.must_contain if m and m.lower() not in low]
    if words(text) == words(job.original):
        found.append("unchanged")  # not the model's work: the extractive item stays
    elif job.shorter and len(words(text)) >= len(words(job.original)):
        found.append("not shorter")
    return found


def _dated(text: str, job: Job, problems: list[str]) -> str | None:
    """ "Ana will ..." without its date becomes "By <date>, Ana will ...": the date is the
    draft's own, and small models often drop it."""
    missing = [p.split(": ", 1)[1] for p in problems if p.startswith("leaves out: ")]
    owner = job.must_contain[0] if job.must_contain else ""
    if len(missing) != 1 or missing[0] == owner or not re.match(rf"{re.escape(owner)} will ", text):
        return None
    return f"By {missing[0]}, {text}"


def judge(candidate: str, job: Job, *, note: str, ref: date | None) -> tuple[str | None, str, list]:
    """(text, engine, problems): the answer ("llm"), its repair ("llm-repaired"), or None."""
    if not candidate:
        return None, "extractive", ["no answer"]
    problems = problems_of(candidate, job, note=note, ref=ref)
    if not problems:
        return candidate, "llm", []
    fixed = repair(candidate, problems) or _dated(candidate, job, problems)
    if fixed and not problems_of(fixed, job, note=note, ref=ref):
        return fixed, "llm-repaired", []
    log.debug("LLM item rejected (%s): %r", "; ".join(problems), candidate)
    return None, "extractive", problems


def ask(llm, job: Job) -> str:
    """One call: the task's static prefix, the item, one line of answer."""
    answer = llm.generate(prompts.messages(job.task, job.request), max_tokens=max_tokens_for(job),
                          temperature=0.0, stop=["\n"])  # fmt: skip
    return clean(answer)


def speaks(llm, text: str) -> bool:
    """Whether the model is worth asking about `text` (an English-only one: not Cyrillic)."""
    name = str(getattr(llm, "name", "")).lower()
    return not (name.startswith(ENGLISH_ONLY) and CYRILLIC_RE.search(text))


def worth_condensing(item: dict) -> bool:
    """Only long sentences gain from an LLM rewrite; short ones stay as written."""
    return len(words(item["text"])) > 18 and not repeats_itself(item["text"])


def _agenda_request(item: dict) -> str | None:
    topic = item.get("topic")
    if not topic:
        return None
    if item.get("kind") == "task":
        return f"task: {topic} | owner: {item.get('owner') or '-'} | due: {item.get('due') or '-'}"
    if item.get("kind") == "goal":
        return f"goal: {topic} | owner: {item.get('owner') or '-'}"
    return f"open point: {topic}"


def plan(result: dict) -> list[Job]:
    """The items worth an LLM call, most valuable first, grouped by task for cache reuse."""
    texts = result["sentences"]
    names = list(result["engine"]["participants"])

    def sources(item: dict) -> list[str]:
        return [texts[i] for i in item["sources"]]

    jobs: list[Job] = []
    for n, g in enumerate(result["goals"]):
        # A draft built from one task measures it by itself: saying it twice invites echoes.
        measure = "" if words(g["measurable"]) == words(g["specific"]) else g["measurable"]
        request = (f"who: {g['owner'] or 'we'} | what: {g['specific']} | "
                   + (f"measure: {measure} | " if measure else "")
                   + f"by: {g['time_bound'] or '-'}")  # fmt: skip
        allowed = [*names, g.get("profile_goal") or "", g.get("time_bound") or ""]
        # A SMART goal says who and by when: an answer that drops either is not one.
        jobs.append(Job("goals", n, prompts.GOAL, request, g["statement"], sources(g), allowed,
                        must_contain=[g["owner"] or "", g["time_bound"] or ""]))  # fmt: skip
    for n, p in enumerate(result["prompts"]):
        # Follow-up questions are already good templates; only the free-form ones go to the LLM.
        if p["topic"] and p["kind"] in ("celebrate", "improve"):
            jobs.append(Job("prompts", n, prompts.QUESTION, f"{p['kind']}: {p['topic']}",
                            p["text"], sources(p), names))  # fmt: skip
    for n, a in enumerate(result.get("agenda") or []):
        request = _agenda_request(a)
        if request and a["sources"]:
            allowed = [*names, a.get("owner") or "", a.get("due") or ""]
            jobs.append(Job("agenda", n, prompts.AGENDA, request, a["text"], sources(a), allowed))
    for key in ("summary", "decisions"):
        for n, item in enumerate(result[key]):
            if worth_condensing(item):
                jobs.append(Job(key, n, prompts.CONDENSE, item["text"], item["text"],
                                sources(item), names, shorter=True))  # fmt: skip
    return sorted(jobs, key=lambda j: ORDER.index(j.key))


def _text_key(key: str) -> str:
    return "statement" if key == "goals" else "text"


def _apply(result: dict, job: Job, text: str | None, engine: str, problems: list[str]) -> None:
    item = result[job.key][job.index]
    if text is None:
        result[job.key][job.index] = {**item, "rejected": problems}
    else:
        result[job.key][job.index] = {**item, _text_key(job.key): text, "engine": engine}


def refine_with_llm(
    result: dict,
    llm,
    *,
    note: str,
    session_date: date | None,
    on_stage,
    budget_s: float | None = None,
) -> None:
    """Let the LLM word goals, prompts and agenda items and condense long summary and decision
    sentences, in place; every answer that fails grounding keeps its extractive item. With
    `budget_s`, an item whose call would likely end past the budget is not sent (it stays
    extractive), so a full result arrives in bounded time on a slow machine."""
    result["engine"]["llm"] = getattr(llm, "name", "llm")
    status = "ok"
    started = time.perf_counter()
    seconds: dict[str, list[float]] = {}
    skipped: dict[str, int] = {}
    jobs = plan(result)
    other_language = 0
    for pos, job in enumerate(jobs):
        # Expect a call to cost what calls of its task cost so far, else what any call did.
        spent = seconds.get(job.task.name) or sum(seconds.values(), [])
        estimate = sum(spent) / len(spent) if spent else 0.0
        if not speaks(llm, job.request):
            other_language += 1
        elif budget_s is not None and time.perf_counter() - started + estimate > budget_s:
            skipped[job.key] = skipped.get(job.key, 0) + 1
        else:
            t0 = time.perf_counter()
            try:
                candidate = ask(llm, job)
            except LLMError as exc:
                status = f"unavailable: {exc}"
                break  # a dead model will not answer the next item either
            except Exception as exc:  # a broken backend must never lose the extractive result
                log.exception("LLM call failed")
                status = f"unavailable: {type(exc).__name__}: {exc}"
                break
            seconds.setdefault(job.task.name, []).append(time.perf_counter() - t0)
            others = [item[_text_key(job.key)] for n, item in enumerate(result[job.key])
                      if n != job.index]  # fmt: skip
            if candidate and any(near_duplicate(candidate, o) for o in others):
                _apply(result, job, None, "extractive", ["repeats an earlier item"])
            else:
                _apply(result, job, *judge(candidate, job, note=note, ref=session_date))
        if pos + 1 == len(jobs) or jobs[pos + 1].key != job.key:
            on_stage(job.key)
    result["engine"]["llm_status"] = status
    result["engine"]["llm_calls"] = sum(len(v) for v in seconds.values())
    if other_language:
        result["engine"]["llm_other_language"] = other_language
    if skipped:
        result["engine"]["llm_skipped"] = list(skipped)
        result["engine"]["llm_skipped_items"] = sum(skipped.values())
