"""`companion match suggest|score`: the matcher over JSONL files, printing JSON.

Every line is read and checked before anything is computed or printed, so a bad line
stops the command with its line number and nothing is half-written.
"""

from __future__ import annotations

import json
from pathlib import Path

import click
from flask import current_app
from flask.cli import with_appcontext

from retrieval.matching_config import MODES, MatchConfig
from retrieval.matching_explain import format_reasons
from retrieval.matching_people import Person, person_from_dict


def _lines(path: Path):
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, start=1):
            if line.strip():
                try:
                    yield n, json.loads(line)
                except ValueError as exc:
                    raise click.ClickException(f"{path.name}:{n}: not valid JSON ({exc})") from None


def read_profiles(path: Path) -> list[Person]:
    """Profiles from a JSONL file; raises ClickException naming the first bad line."""
    people, seen = [], {}
    for n, row in _lines(path):
        try:
            person = person_from_dict(row)
        except ValueError as exc:
            raise click.ClickException(f"{path.name}:{n}: {exc}") from None
        if person.id in seen:
            raise click.ClickException(
                f"{path.name}:{n}: id {person.id!r} repeats line {seen[person.id]}"
            )
        seen[person.id] = n
        people.append(person)
    if not people:
        raise click.ClickException(f"{path.name}: no profiles")
    return people


def read_pairs(path: Path) -> list[tuple[Person, Person]]:
    """{"a": profile, "b": profile} lines; raises ClickException naming the first bad line."""
    pairs = []
    for n, row in _lines(path):
        try:
            if not isinstance(row, dict) or "a" not in row or "b" not in row:
                raise ValueError('each line needs "a" and "b" profiles')
            pairs.append((person_from_dict(row["a"]), person_from_dict(row["b"])))
        except ValueError as exc:
            raise click.ClickException(f"{path.name}:{n}: {exc}") from None
    return pairs


def _embedder():
    from companion.engines import get_embedder

    return get_embedder(current_app)


@click.group("match")
def match_group() -> None:
    """Suggest and score matches from profile files."""


@match_group.command("suggest")
@click.option(
    "--profiles", required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path)
)
@click.option("--mode", type=click.Choice(MODES), default="peer", show_default=True)
@click.option("--json", "as_json", is_flag=True, help="Print JSON (the only output format).")
@click.option("--stats", is_flag=True, help="Also print run figures on stderr.")
@with_appcontext
def suggest_command(profiles: Path, mode: str, as_json: bool, stats: bool) -> None:
    """Match a whole cohort: {"pairs": [{"members", "score", "reasons"}], "unmatched": [...]}."""
    from retrieval.matching import suggest

    people = read_profiles(profiles)
    result = suggest(people, _embedder(), MatchConfig.from_settings({}, mode=mode))
    out = {
        "pairs": [
            {
                "members": s.members,
                "score": round(s.score, 4),
                "reasons": format_reasons(s.reasons),
            }
            for s in result.suggestions
        ],
        "unmatched": list(result.unmatched),
    }
    click.echo(json.dumps(out, ensure_ascii=False))
    if stats:
        click.echo(json.dumps(result.stats), err=True)


@match_group.command("score")
@click.option(
    "--pairs", required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path)
)
@click.option("--mode", type=click.Choice(MODES), default="peer", show_default=True)
@click.option("--json", "as_json", is_flag=True, help="Print JSON lines (the only output format).")
@with_appcontext
def score_command(pairs: Path, mode: str, as_json: bool) -> None:
    """Score each {"a", "b"} line: one {"score", "reasons"} line per input, in order."""
    from retrieval.matching import score_pairs

    rows = read_pairs(pairs)
    results = score_pairs(rows, _embedder(), MatchConfig.from_settings({}, mode=mode))
    text = "\n".join(
        json.dumps(
            {"score": round(s.score, 4), "reasons": format_reasons(s.reasons)}, ensure_ascii=False
        )
        for s in results
    )
    if text:
        click.echo(text)


def register(cli: click.Group) -> None:
    """Attach the matching commands."""
    cli.add_command(match_group)
