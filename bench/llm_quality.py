"""LLM keep rate under grounding: per item kind, how many LLM items were proposed, kept,
repaired or rejected (and why), invented numbers/names shown, summary ROUGE-L with and without
the LLM, and seconds per note with and without the time budget.

    HF_HUB_OFFLINE=1 .venv/bin/python bench/llm_quality.py [--limit 12] [--budget 4]
        [--llm PATH.gguf] [--embedder] [--json out.json]

Runs the real pipeline (`models.pipeline.analyse_note`) on the labelled notes in
`bench/data/notes/` with the bundled SmolLM2 (in this process), three times per note: no LLM,
LLM without a budget, LLM with the budget. Prints Markdown tables for BENCHMARKS.md.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from collections import Counter
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from models.evaluation import load_notes  # noqa: E402
from models.grounding import check_item  # noqa: E402
from models.pipeline import analyse_note  # noqa: E402
from models.rouge import best_of  # noqa: E402

LABELS = ROOT / "bench" / "data" / "notes_labels.jsonl"
KINDS = ("summary", "decisions", "goals", "prompts", "agenda")
LLM_ENGINES = ("llm", "llm-repaired")


class CountingLLM:
    """Passes calls through to the real model and counts calls, seconds and answer tokens."""

    def __init__(self, llm):
        self._llm = llm
        self.name = llm.name
        self.n_ctx = llm.n_ctx
        self.calls = 0
        self.seconds = 0.0
        self.tokens = 0

    def count_tokens(self, text: str) -> int:
        """The wrapped model's token count."""
        return self._llm.count_tokens(text)

    def generate(self, messages, **options) -> str:
        """The wrapped model's answer, timed."""
        t0 = time.perf_counter()
        answer = self._llm.generate(messages, **options)
        self.seconds += time.perf_counter() - t0
        self.calls += 1
        # Generated tokens do not depend on the machine's load, unlike seconds.
        self.tokens += self._llm.count_tokens(answer)
        return answer


def item_text(kind: str, item: dict) -> str:
    """What a person reads for an item."""
    return item.get("statement") if kind == "goals" else item["text"]


def reason_of(problem: str) -> str:
    """A rejection reason without the item-specific detail ("number not in sources: 3")."""
    if problem.startswith("length"):
        return "length"
    return problem.split(":", 1)[0]


def kind_counts(result: dict, ref: date | None) -> dict[str, dict]:
    """Per kind: proposed / kept / repaired / rejected (+reasons), shown, invented."""
    texts = result["sentences"]
    names = result["engine"].get("participants", [])
    out = {}
    for kind in KINDS:
        c = {"shown": 0, "proposed": 0, "kept": 0, "repaired": 0, "rejected": 0, "invented": 0,
             "reasons": Counter()}  # fmt: skip
        for item in result.get(kind) or []:
            c["shown"] += 1
            engine = item.get("engine")
            if engine in LLM_ENGINES:
                c["proposed"] += 1
                c["kept" if engine == "llm" else "repaired"] += 1
                sources = [texts[i] for i in item["sources"]]
                extra = [*names, item.get("profile_goal") or "", item.get("time_bound") or "",
                         item.get("owner") or "", item.get("due") or ""]  # fmt: skip
                problems = check_item(item_text(kind, item), sources, ref=ref, allowed=extra,
                                      min_support=0, max_words=200)  # fmt: skip
                c["invented"] += sum("not in sources" in p for p in problems)
            elif item.get("rejected"):
                c["proposed"] += 1
                c["rejected"] += 1
                # One reason per item: the first problem found.
                c["reasons"][reason_of(item["rejected"][0])] += 1
        out[kind] = c
    return out


def add(total: dict, part: dict) -> None:
    for kind, c in part.items():
        t = total.setdefault(kind, {k: (Counter() if k == "reasons" else 0) for k in c})
        for k, v in c.items():
            t[k] = t[k] + v


def summary_text(result: dict) -> str:
    return " ".join(i["text"] for i in result["summary"])


def run(rows, llm, embedder, budget: float) -> dict:
    """Three analyses per note; figures summed over the notes."""
    report = {"notes": len(rows), "unbounded": {}, "budget": {}, "rouge": {}, "seconds": {},
              "calls": {}}  # fmt: skip
    rouge = {"extractive": [], "unbounded": [], "budget": []}
    seconds = {"extractive": [], "unbounded": [], "budget": []}
    calls = {"unbounded": [], "budget": []}
    tokens = {"unbounded": [], "budget": []}
    skipped = Counter()
    for n, row in enumerate(rows, 1):
        ref = date.fromisoformat(row["date"]) if row.get("date") else None
        kw = {"session_date": ref, "participants": row.get("participants"),
              "author": row.get("author"), "embedder": embedder}  # fmt: skip
        reference = " ".join(row["summary"])
        t0 = time.perf_counter()
        base = analyse_note(row["text"], **kw)
        seconds["extractive"].append(time.perf_counter() - t0)
        rouge["extractive"].append(best_of(summary_text(base), [reference])["rougeL"])
        for mode, limit in (("unbounded", None), ("budget", budget)):
            counting = CountingLLM(llm)
            t0 = time.perf_counter()
            full = analyse_note(row["text"], llm=counting, llm_budget_s=limit, **kw)
            seconds[mode].append(time.perf_counter() - t0)
            calls[mode].append(counting.calls)
            tokens[mode].append(counting.tokens)
            rouge[mode].append(best_of(summary_text(full), [reference])["rougeL"])
            add(report[mode], kind_counts(full, ref))
            if mode == "budget":
                skipped.update(full["engine"].get("llm_skipped", []))
            assert full["engine"]["llm_status"] == "ok", full["engine"]["llm_status"]
        print(f"{n}/{len(rows)} {row['file']}: {seconds['unbounded'][-1]:.1f} s unbounded, "
              f"{seconds['budget'][-1]:.1f} s with budget", file=sys.stderr)  # fmt: skip
    report["rouge"] = {k: round(statistics.mean(v), 4) for k, v in rouge.items()}
    report["seconds"] = {k: {"mean": round(statistics.mean(v), 2),
                             "median": round(statistics.median(v), 2),
                             "max": round(max(v), 2)} for k, v in seconds.items()}  # fmt: skip
    report["calls"] = {k: round(statistics.mean(v), 1) for k, v in calls.items()}
    report["tokens"] = {k: round(statistics.mean(v), 1) for k, v in tokens.items()}
    report["budget_s"] = budget
    report["budget_skipped"] = dict(skipped)
    return report


def markdown(report: dict) -> str:
    """The figures as Markdown tables."""
    lines = []
    for mode, title in (("unbounded", "no budget"), ("budget", f"budget {report['budget_s']} s")):
        lines += ["", f"LLM items per kind, {title} ({report['notes']} notes):", "",
                  "| kind | shown | LLM proposed | kept | repaired | rejected | supported share "
                  "| LLM share of shown | invented shown | rejection reasons |",
                  "|---|---|---|---|---|---|---|---|---|---|"]  # fmt: skip
        total = {"shown": 0, "proposed": 0, "kept": 0, "repaired": 0, "rejected": 0,
                 "invented": 0}  # fmt: skip
        for kind in KINDS:
            c = report[mode][kind]
            for k in total:
                total[k] += c[k]
            lines.append(_row(kind, c))
        lines.append(_row("**all**", {**total, "reasons": Counter()}))
    r, s = report["rouge"], report["seconds"]
    lines += ["", "| | extractive | LLM, no budget | LLM, budget |", "|---|---|---|---|",
              f"| summary ROUGE-L vs labels | {r['extractive']:.3f} | {r['unbounded']:.3f} | "
              f"{r['budget']:.3f} |",
              f"| seconds per note, median (max) | {s['extractive']['median']} "
              f"({s['extractive']['max']}) | {s['unbounded']['median']} ({s['unbounded']['max']})"
              f" | {s['budget']['median']} ({s['budget']['max']}) |",
              f"| LLM calls per note (mean) | 0 | {report['calls']['unbounded']} | "
              f"{report['calls']['budget']} |",
              f"| generated tokens per note (mean) | 0 | {report['tokens']['unbounded']} | "
              f"{report['tokens']['budget']} |"]  # fmt: skip
    if report["budget_skipped"]:
        lines.append(f"\nItems left extractive by the budget: {report['budget_skipped']}")
    return "\n".join(lines)


def _row(kind: str, c: dict) -> str:
    done = c["kept"] + c["repaired"]
    share = f"{done / c['proposed']:.2f}" if c["proposed"] else "-"
    of_shown = f"{done / c['shown']:.2f}" if c["shown"] else "-"
    reasons = ", ".join(f"{k} {v}" for k, v in c["reasons"].most_common()) or "-"
    return (f"| {kind} | {c['shown']} | {c['proposed']} | {c['kept']} | {c['repaired']} | "
            f"{c['rejected']} | {share} | {of_shown} | {c['invented']} | {reasons} |")  # fmt: skip


def main() -> None:
    """Parse options, load the engines, print the tables."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--limit", type=int, default=12, help="first N labelled notes")
    parser.add_argument("--budget", type=float,
                        default=float(os.environ.get("COMPANION_LLM_BUDGET_S") or 4.0))  # fmt: skip
    parser.add_argument("--llm", default=None, help="a .gguf path (default: bundled)")
    parser.add_argument("--embedder", action="store_true", help="MiniLM instead of TF-IDF")
    parser.add_argument("--json", type=Path, default=None, help="also write the figures here")
    args = parser.parse_args()
    from models.llm import load_llm

    llm = load_llm(args.llm, isolated=False)
    embedder = None
    if args.embedder:
        from retrieval.embedder import Embedder

        embedder = Embedder()
    llm.generate([{"role": "user", "content": "Hi"}], max_tokens=4)  # warm-up
    rows = load_notes(LABELS)[: args.limit]
    load_before = Path("/proc/loadavg").read_text().split()[:3]
    report = run(rows, llm, embedder, args.budget)
    report["loadavg"] = {"before": load_before,
                         "after": Path("/proc/loadavg").read_text().split()[:3]}  # fmt: skip
    report["llm"] = llm.name
    print(f"LLM: {llm.name}; embedder: {'MiniLM' if embedder else 'TF-IDF'}; "
          f"load average before/after: {' '.join(load_before)} / "
          f"{' '.join(report['loadavg']['after'])}")  # fmt: skip
    print(markdown(report))
    if args.json:
        args.json.write_text(json.dumps(report, indent=2, default=dict), encoding="utf-8")


if __name__ == "__main__":
    main()
