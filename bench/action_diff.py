"""Action items on the labelled note sets: dump them, compare two dumps, list the errors.

A rule that fixes one wording can break another, so every change to the action-item rules is
checked over all labelled sets, not just the note it was written for:

    python -m bench.action_diff dump /tmp/before.json --exclude blind73,blind74
    ... change the rules ...
    python -m bench.action_diff dump /tmp/after.json --exclude blind73,blind74
    python -m bench.action_diff compare /tmp/before.json /tmp/after.json
    python -m bench.action_diff errors /tmp/after.json --set blind64 --note zh05

`compare` lists, note by note, the items that appeared or went away; `T` marks an item that
matches a labelled one. `errors` lists missed labels (MISS), items that match no label (FP) and
matched items with the wrong owner or due date (BAD). The figures are those of
`companion eval summaries --no-llm`: the same pipeline code and the same matching.
"""

from __future__ import annotations

import argparse
import json
import sys
from concurrent.futures import ProcessPoolExecutor
from datetime import date
from pathlib import Path

from models.evaluation import (
    BLIND_SETS,
    _same_owner,
    action_scores,
    action_totals,
    load_notes,
    match_actions,
)

DATA = Path(__file__).parent / "data"
ALL_SETS = ("notes", "heldout", "dev", *BLIND_SETS)


def labels_path(name: str) -> Path:
    return DATA / ("notes_labels.jsonl" if name == "notes" else f"notes_{name}_labels.jsonl")


def run_set(name: str) -> list[dict]:
    """Every note of one set with its predicted items, its labels and the matches."""
    from models.pipeline import note_actions
    from models.sentences import split_sentences

    out = []
    for row in load_notes(labels_path(name)):
        sentences = split_sentences(row["text"])
        ref = date.fromisoformat(row["date"]) if row.get("date") else None
        pred, _ = note_actions(
            sentences, row["text"], session_date=ref, participants=row.get("participants"),
            author=row.get("author"),
        )  # fmt: skip
        gold = row["actions"]
        items = [{"owner": p["owner"], "task": p["task"], "due": p["due"],
                  "source": " | ".join(sentences[i].text for i in p["sources"])}
                 for p in pred]  # fmt: skip
        out.append({"file": row["file"], "pred": items, "gold": gold,
                    "matches": match_actions(pred, gold)})  # fmt: skip
    return out


def scores(notes: list[dict]) -> dict:
    """The eval's figures over dumped notes (the same matching as `action_scores`)."""
    per_note = [action_scores(n["pred"], n["gold"]) for n in notes]
    return action_totals(per_note) if per_note else {}


def _line(name: str, s: dict) -> str:
    return (f"{name:10} tp {s['tp']:4}/{s['gold']:4} pred {s['pred']:4}  P {s['precision']}  "
            f"R {s['recall']}  owner {s['owner_acc']}  due {s['due_acc']}")  # fmt: skip


def dump(args) -> None:
    skip = set(filter(None, args.exclude.split(",")))
    names = [s for s in (args.sets.split(",") if args.sets else ALL_SETS) if s not in skip]
    with ProcessPoolExecutor(max_workers=args.jobs) as pool:
        result = dict(zip(names, pool.map(run_set, names), strict=True))
    Path(args.out).write_text(json.dumps(result, ensure_ascii=False), encoding="utf-8")
    for name, notes in result.items():
        if args.verbose:
            print(_line(name, scores(notes)))
    print(_line("all", scores([n for notes in result.values() for n in notes])))


def _key(item: dict) -> tuple:
    return (item["owner"], item["task"], item["due"])


def _matched(note: dict) -> dict[int, dict]:
    return {i: note["gold"][j] for i, j in note["matches"]}


def compare(args) -> None:
    a = json.loads(Path(args.a).read_text(encoding="utf-8"))
    b = json.loads(Path(args.b).read_text(encoding="utf-8"))
    for name in b:
        if name not in a:
            continue
        sa, sb = scores(a[name]), scores(b[name])
        changed = []
        for na, nb in zip(a[name], b[name], strict=True):
            ka = {_key(p) for p in na["pred"]}
            kb = {_key(p) for p in nb["pred"]}
            ma, mb = _matched(na), _matched(nb)
            gone = [(p, i in ma) for i, p in enumerate(na["pred"]) if _key(p) not in kb]
            new = [(p, i in mb) for i, p in enumerate(nb["pred"]) if _key(p) not in ka]
            if gone or new:
                changed.append((nb["file"], gone, new))
        if not changed:
            continue
        print(f"== {name}: tp {sa['tp']} -> {sb['tp']}, pred {sa['pred']} -> {sb['pred']}")
        for file, gone, new in changed:
            print(f"  {file}")
            for p, hit in gone:
                print(f"    - {'T' if hit else ' '} {p['owner']} | {p['task']} | {p['due']}")
            for p, hit in new:
                print(f"    + {'T' if hit else ' '} {p['owner']} | {p['task']} | {p['due']}")
    all_a = [n for name in b if name in a for n in a[name]]
    all_b = [n for name in b if name in a for n in b[name]]
    print(_line("before", scores(all_a)))
    print(_line("after", scores(all_b)))


def errors(args) -> None:
    data = json.loads(Path(args.dump).read_text(encoding="utf-8"))
    for name, notes in data.items():
        if args.set and name != args.set:
            continue
        for note in notes:
            if args.note and not note["file"].startswith(args.note):
                continue
            matched = _matched(note)
            hit_gold = {j for _, j in note["matches"]}
            lines = [f"  MISS {g['owner']} | {g['task']} | {g['due']}"
                     for j, g in enumerate(note["gold"]) if j not in hit_gold]  # fmt: skip
            for i, p in enumerate(note["pred"]):
                g = matched.get(i)
                if g is None:
                    lines.append(f"  FP   {p['owner']} | {p['task']} | {p['due']}\n"
                                 f"         <- {p['source'][:160]}")  # fmt: skip
                elif not _same_owner(p["owner"], g["owner"]) or p["due"] != g["due"]:
                    lines.append(f"  BAD  {p['owner']}/{g['owner']} {p['due']}/{g['due']} | "
                                 f"{p['task']}")  # fmt: skip
            if lines:
                print(f"{name} {note['file']}")
                print("\n".join(lines))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    d = sub.add_parser("dump", help="run the rules over the sets and save the items")
    d.add_argument("out")
    d.add_argument("--sets", help="comma-separated; default: every labelled set")
    d.add_argument("--exclude", default="", help="sets to leave out (unscored blind sets)")
    d.add_argument("--jobs", type=int, default=2)
    d.add_argument("-v", "--verbose", action="store_true", help="figures per set")
    d.set_defaults(func=dump)
    c = sub.add_parser("compare", help="items that appeared or went away between two dumps")
    c.add_argument("a")
    c.add_argument("b")
    c.set_defaults(func=compare)
    e = sub.add_parser("errors", help="missed, wrong and badly owned or dated items")
    e.add_argument("dump")
    e.add_argument("--set")
    e.add_argument("--note", help="file-name prefix")
    e.set_defaults(func=errors)
    args = parser.parse_args(argv)
    args.func(args)


if __name__ == "__main__":
    sys.exit(main())
