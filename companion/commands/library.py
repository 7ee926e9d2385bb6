"""Library commands: import, reindex, search (JSON) and the search quality evaluation."""

from __future__ import annotations

import json
import sys
from contextlib import contextmanager
from pathlib import Path

import click
from flask import current_app
from flask.cli import with_appcontext

from companion.db import db


def _engine():
    from companion.engines import get_embedder
    from companion.services.library import engine_for

    return engine_for(current_app, get_embedder(current_app))


@contextmanager
def _progress(length: int, label: str):
    """A progress bar on stderr (stdout stays clean JSON); silent for short jobs."""
    if length < 20:
        yield None
        return
    with click.progressbar(length=length, label=label, file=sys.stderr) as bar:
        yield bar.update


@click.group("library")
def library_group() -> None:
    """Manage the resource library."""


@library_group.command("import")
@click.argument("path", type=click.Path(exists=True, path_type=Path))
@with_appcontext
def import_command(path: Path) -> None:
    """Import a folder of front-matter Markdown files or a .jsonl file (idempotent by id)."""
    from companion.engines import get_embedder
    from companion.services import library as svc

    items = len(svc.import_items(path))
    with _progress(items, "importing") as progress:
        report = svc.import_path(db.session, get_embedder(current_app), path, progress)
    db.session.commit()
    svc.ensure_fresh(db.session, _engine())
    click.echo(json.dumps(report.as_dict(), ensure_ascii=False))
    for err in report.errors:
        click.echo(f"error: {err['file']}: {err['error']}", err=True)


@library_group.command("reindex")
@with_appcontext
def reindex_command() -> None:
    """Rebuild the search index from the database (embedding only what lacks a vector)."""
    from sqlalchemy import func, select

    from companion.services import library as svc
    from companion.tables.library import LibraryPassage

    total = db.session.scalar(select(func.count()).select_from(LibraryPassage)) or 0
    with _progress(total, "embedding") as progress:
        result = svc.reindex(db.session, _engine(), progress)
    db.session.commit()
    click.echo(json.dumps(result))


def _result_rows(pairs) -> list[dict]:
    return [
        {
            "id": resource.slug,
            "title": resource.title,
            "score": round(hit.score, 6),
            "snippet": hit.snippet_text,
        }
        for resource, hit in pairs
    ]


@click.command("search")
@click.argument("query", required=False)
@click.option("--k", default=10, show_default=True, help="How many results.")
@click.option(
    "--queries", type=click.Path(exists=True, path_type=Path), help='JSONL of {"id","query"}.'
)
@click.option("--json", "as_json", is_flag=True, help="Print JSON (the default for --queries).")
@with_appcontext
def search_command(query: str | None, k: int, queries: Path | None, as_json: bool) -> None:
    """Search the library by meaning and keywords."""
    from companion.services import library as svc

    engine = _engine()
    if queries:
        with open(queries, encoding="utf-8") as fh:
            for n, line in enumerate(fh, start=1):
                if not line.strip():
                    continue
                try:
                    row = json.loads(line)
                    qid, text = row["id"], str(row["query"])
                except (ValueError, KeyError, TypeError) as exc:
                    raise click.ClickException(f"{queries.name}:{n}: bad line ({exc})") from exc
                rows = _result_rows(svc.search(db.session, engine, text, k=k))
                click.echo(json.dumps({"id": qid, "results": rows}, ensure_ascii=False))
        return
    if not query:
        raise click.UsageError("give a QUERY or --queries FILE")
    rows = _result_rows(svc.search(db.session, engine, query, k=k))
    if as_json:
        click.echo(json.dumps({"query": query, "results": rows}, ensure_ascii=False))
        return
    for n, row in enumerate(rows, start=1):
        click.echo(f"{n:2}. {row['title']} [{row['id']}]  {row['score']:.3f}\n    {row['snippet']}")


@click.group("eval")
def eval_group() -> None:
    """Quality evaluations over labelled data."""


@eval_group.command("search")
@click.option(
    "--qmsum", type=click.Path(path_type=Path), help="QMSum jsonl (default: shared/eval)."
)
@click.option("--library-queries", type=click.Path(path_type=Path), help="Corpus query set.")
@click.option("--k", default=10, show_default=True)
@with_appcontext
def eval_search_command(qmsum: Path | None, library_queries: Path | None, k: int) -> None:
    """Report nDCG@k and recall@k of dense, keyword and hybrid search, as JSON."""
    from companion import ROOT
    from companion.engines import get_embedder
    from retrieval.eval_sets import evaluate, fill_from_cache, library_set, qmsum_set
    from retrieval.search import SearchEngine

    qmsum = qmsum or ROOT.parent / "shared" / "eval" / "qmsum" / "product-val.jsonl"
    library_queries = library_queries or ROOT / "bench" / "data" / "library_queries.jsonl"
    sets = []
    if qmsum.exists():
        sets.append(qmsum_set(qmsum))
    if library_queries.exists():
        sets.append(library_set(ROOT / "corpus", library_queries))
    if not sets:
        raise click.ClickException("no labelled query set found")
    embedder = get_embedder(current_app)
    cache = Path(current_app.config["DATA_DIR"]) / "eval-cache"
    out = {}
    for data in sets:
        fill_from_cache(data, embedder, cache / f"{data.name}-vectors.npz")
        engine = SearchEngine(embedder)
        engine.build(data.resources)
        out[data.name] = evaluate(engine, data, k=k)
    click.echo(json.dumps({"model": embedder.name, "k": k, "sets": out}, indent=2))


def register(cli: click.Group) -> None:
    """Attach the library commands."""
    cli.add_command(library_group)
    cli.add_command(search_command)
    cli.add_command(eval_group)
