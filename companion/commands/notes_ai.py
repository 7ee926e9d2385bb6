"""Session-notes AI on plain files: summarize, goals draft, feedback-prompts, eval summaries.

None of these touch the database; each prints one JSON object per input with `--json`.
"""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path

import click

SUMMARY_KEYS = ("sentences", "summary", "decisions", "action_items", "engine")


def _parse_date(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise click.BadParameter(f"{value!r} is not a date like 2026-03-12") from exc


def _participants(value: str | None) -> list[str] | None:
    names = [p.strip() for p in (value or "").split(",") if p.strip()]
    return names or None


def _author(value: str | None, participants: list[str] | None) -> str | None:
    """The participant who wrote the note ("I"); one of --participants when both are given."""
    if not value or not value.strip():
        return None
    from models.names import NameIndex

    if participants and not NameIndex(participants).resolve(value):
        raise click.BadParameter(
            f"{value!r} is not one of the participants ({', '.join(participants)})",
            param_hint="--author",
        )
    return value.strip()


def _profile_goals(pairs: tuple[str, ...]) -> dict[str, list[str]]:
    goals: dict[str, list[str]] = {}
    for pair in pairs:
        name, sep, goal = pair.partition("=")
        if not sep or not name.strip() or not goal.strip():
            raise click.BadParameter(
                f"{pair!r} should look like 'Ana=Become a confident presenter'"
            )
        goals.setdefault(name.strip(), []).append(goal.strip())
    return goals


def load_engines(use_llm: bool, llm_spec: str | None, use_embedder: bool):
    """(llm or None, llm status, embedder or None); failures become a status, never an error."""
    embedder = None
    if use_embedder:
        try:
            from retrieval.embedder import Embedder

            embedder = Embedder()
            embedder.embed(["warm up"])
        except Exception as exc:  # the lexical fallback still gives a result
            click.echo(f"embedder unavailable ({exc}); using the lexical fallback", err=True)
            embedder = None
    if not use_llm:
        return None, "disabled", embedder
    try:
        from models.llm import load_llm

        return load_llm(llm_spec), "ok", embedder
    except Exception as exc:
        return None, f"unavailable: {exc}", embedder


def _analyse(path: Path, llm, status: str, embedder, **kwargs) -> dict:
    from models.pipeline import analyse_note

    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise click.ClickException(f"cannot read {path}: {exc}") from exc
    result = analyse_note(text, llm=llm, embedder=embedder, **kwargs)
    if llm is None:
        result["engine"]["llm_status"] = status
    return result


def _engine_options(func):
    for option in (
        click.option("--llm", "llm_spec", default=None,
                     help="A .gguf path or openai:URL#model (default: the bundled model)."),
        click.option("--no-llm", is_flag=True, help="Extractive results only."),
        click.option("--no-embedder", is_flag=True, help="Lexical centrality instead of MiniLM."),
        click.option("--participants", default=None, help='Names, e.g. "Ana,Boris".'),
        click.option("--author", default=None,
                     help='Who wrote the note as "I" (one of the participants).'),
        click.option("--date", "session_date", default=None, help="Session date, YYYY-MM-DD."),
        click.option("--json", "as_json", is_flag=True, help="Print JSON."),
    ):  # fmt: skip
        func = option(func)
    return func


def _emit(obj: dict, as_json: bool, human) -> None:
    if as_json:
        click.echo(json.dumps(obj, ensure_ascii=False))
    else:
        human(obj)


def _print_summary(r: dict) -> None:
    click.echo("Summary:")
    for item in r["summary"]:
        click.echo(f"  - {item['text']}  [{item['engine']}]")
    click.echo("Decisions:")
    for item in r["decisions"]:
        click.echo(f"  - {item['text']}")
    click.echo("Action items:")
    for a in r["action_items"]:
        click.echo(f"  - {a['owner'] or '?'}: {a['task']} (due {a['due'] or '-'})")
    click.echo(f"Engine: {r['engine']['llm'] or 'extractive'} ({r['engine']['llm_status']})")


@click.command("summarize")
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@_engine_options
def summarize_command(paths, llm_spec, no_llm, no_embedder, participants, author, session_date,
                      as_json):  # fmt: skip
    """Summary, decisions and action items of note files (one JSON object per line)."""
    names = _participants(participants)
    author = _author(author, names)
    llm, status, embedder = load_engines(not no_llm, llm_spec, not no_embedder)
    for path in paths:
        r = _analyse(path, llm, status, embedder, session_date=_parse_date(session_date),
                     participants=names, author=author)  # fmt: skip
        _emit({k: r[k] for k in SUMMARY_KEYS}, as_json, _print_summary)
        sys.stdout.flush()


@click.group("goals")
def goals_group() -> None:
    """SMART goal drafts."""


@goals_group.command("draft")
@click.argument("path", type=click.Path(exists=True, path_type=Path))
@click.option("--goal", "goals", multiple=True, help="A profile goal: 'Ana=Become a presenter'.")
@_engine_options
def goals_draft_command(path, goals, llm_spec, no_llm, no_embedder, participants, author,
                        session_date, as_json):  # fmt: skip
    """SMART goal drafts from a note file."""
    names = _participants(participants)
    author = _author(author, names)
    llm, status, embedder = load_engines(not no_llm, llm_spec, not no_embedder)
    r = _analyse(path, llm, status, embedder, session_date=_parse_date(session_date),
                 participants=names, author=author,
                 profile_goals=_profile_goals(goals))  # fmt: skip

    def human(obj):
        for g in obj["goals"]:
            click.echo(f"- {g['statement']}  [{g['engine']}]")

    _emit({"goals": r["goals"], "engine": r["engine"]}, as_json, human)


@click.command("feedback-prompts")
@click.argument("path", type=click.Path(exists=True, path_type=Path))
@_engine_options
def feedback_prompts_command(path, llm_spec, no_llm, no_embedder, participants, author,
                             session_date, as_json):  # fmt: skip
    """3-5 prompts for the next session from a note file."""
    names = _participants(participants)
    author = _author(author, names)
    llm, status, embedder = load_engines(not no_llm, llm_spec, not no_embedder)
    r = _analyse(path, llm, status, embedder, session_date=_parse_date(session_date),
                 participants=names, author=author)  # fmt: skip

    def human(obj):
        for p in obj["prompts"]:
            click.echo(f"- ({p['for']}) {p['text']}")

    _emit({"prompts": r["prompts"], "engine": r["engine"]}, as_json, human)


@click.command("summaries")
@click.option("--data", "data_dir", default="../shared/eval", type=click.Path(path_type=Path),
              help="Folder with qmsum/ and elitr-dev/.")  # fmt: skip
@click.option("--notes", "notes_labels", default="bench/data/notes_labels.jsonl",
              type=click.Path(path_type=Path), help="The labelled mentoring notes.")  # fmt: skip
@click.option("--heldout", "heldout_labels", default="bench/data/notes_heldout_labels.jsonl",
              type=click.Path(path_type=Path),
              help="Held-out notes, never used to tune the rules.")  # fmt: skip
@click.option("--qmsum-limit", default=20, show_default=True, help="QMSum meetings to use.")
@click.option("--limit", type=int, default=None, help="At most this many documents per set.")
@click.option("--sets", default="notes,heldout,elitr,qmsum", show_default=True,
              help="Any of notes, heldout, dev, blind, blind2-12, elitr, qmsum.")  # fmt: skip
@click.option("--llm", "llm_spec", default=None, help="Model for the LLM rows (default: bundled).")
@click.option("--no-llm", is_flag=True, help="Skip the LLM rows.")
@click.option("--no-embedder", is_flag=True, help="Lexical centrality instead of MiniLM.")
@click.option("--json-out", type=click.Path(path_type=Path), help="Also write the figures here.")
def eval_summaries_command(data_dir, notes_labels, heldout_labels, qmsum_limit, limit, sets,
                           llm_spec, no_llm, no_embedder, json_out):  # fmt: skip
    """ROUGE against lead-N, grounding and action-item figures; prints a Markdown table."""
    from models import evaluation

    llm, status, embedder = load_engines(not no_llm, llm_spec, not no_embedder)
    if not no_llm and llm is None:
        click.echo(f"LLM {status}; only extractive rows", err=True)
    report = evaluation.run(
        sets=[s.strip() for s in sets.split(",") if s.strip()],
        data_dir=data_dir,
        notes_labels=notes_labels,
        heldout_labels=heldout_labels,
        qmsum_limit=qmsum_limit,
        limit=limit,
        llm=llm,
        embedder=embedder,
        progress=lambda msg: click.echo(msg, err=True),
    )
    click.echo(evaluation.markdown(report))
    if json_out:
        json_out.write_text(json.dumps(report, indent=2, ensure_ascii=False), encoding="utf-8")


def register(cli: click.Group) -> None:
    """Attach the notes AI commands; `eval` and `goals` groups are shared with other areas."""
    cli.add_command(summarize_command)
    cli.add_command(feedback_prompts_command)
    existing_goals = cli.commands.get("goals")
    if isinstance(existing_goals, click.Group):
        existing_goals.add_command(goals_draft_command)
    else:
        cli.add_command(goals_group)
    eval_group = cli.commands.get("eval")
    if not isinstance(eval_group, click.Group):
        eval_group = click.Group("eval", help="Quality evaluations that print figures.")
        cli.add_command(eval_group)
    eval_group.add_command(eval_summaries_command)
