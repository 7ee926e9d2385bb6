import json

from sqlalchemy import func, select

from companion.db import db
from companion.tables.library import LibraryPassage, Resource

MD = """---
title: "Running a retrospective"
kind: guide
topics: [meetings]
level: beginner
language: en
---
# Retrospective

Ask what went well, what did not, and what to try next.
"""


def _write_corpus(tmp_path):
    folder = tmp_path / "lib"
    folder.mkdir()
    (folder / "retro.md").write_text(MD, encoding="utf-8")
    (folder / "broken.md").write_text("---\ntitle: [unclosed\n---\nbody", encoding="utf-8")
    (folder / "README.md").write_text("not a resource", encoding="utf-8")
    return folder


def test_import_folder_reports_bad_files_and_is_idempotent(app, runner, tmp_path):
    folder = _write_corpus(tmp_path)
    result = runner.invoke(args=["library", "import", str(folder)])
    report = json.loads(result.stdout.splitlines()[-1])
    assert report["created"] == 1 and report["errors"][0]["file"] == "broken.md"
    embedder = app.extensions["companion.embedder"]
    before = embedder.texts_embedded
    again = json.loads(
        runner.invoke(args=["library", "import", str(folder)]).stdout.splitlines()[-1]
    )
    assert again["unchanged"] == 1 and again["created"] == 0
    assert embedder.texts_embedded == before
    assert db.session.scalar(select(func.count()).select_from(Resource)) == 1


def test_import_jsonl_updates_by_id_without_reembedding_unchanged_passages(app, runner, tmp_path):
    path = tmp_path / "items.jsonl"
    rows = [
        {
            "id": "a",
            "title": "Обратна връзка",
            "text": "Как да дадем обратна връзка.",
            "language": "bg",
        },
        {"id": "b", "title": "Goals", "text": "Para one about goals.\n\nPara two."},
        {"title": "no id"},
    ]
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\nnot json\n")
    report = json.loads(
        runner.invoke(args=["library", "import", str(path)]).stdout.splitlines()[-1]
    )
    assert report["created"] == 2 and len(report["errors"]) == 2
    rows[1]["kind"] = "checklist"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows[:2]))
    embedder = app.extensions["companion.embedder"]
    before = embedder.texts_embedded
    report = json.loads(
        runner.invoke(args=["library", "import", str(path)]).stdout.splitlines()[-1]
    )
    assert report["updated"] == 1 and report["unchanged"] == 1
    assert embedder.texts_embedded == before  # metadata change only: same passages
    assert db.session.scalar(select(Resource.kind).where(Resource.slug == "b")) == "checklist"


def test_search_json_and_batch_queries(app, runner, tmp_path):
    runner.invoke(args=["library", "import", str(_write_corpus(tmp_path))])
    out = json.loads(runner.invoke(args=["search", "what went well", "--k", "3", "--json"]).stdout)
    assert out["query"] == "what went well"
    assert out["results"][0]["id"] == "retro"
    assert set(out["results"][0]) == {"id", "title", "score", "snippet"}
    queries = tmp_path / "q.jsonl"
    queries.write_text('{"id": "q1", "query": "retrospective"}\n{"id": "q2", "query": "zzz"}\n')
    lines = runner.invoke(
        args=["search", "--queries", str(queries), "--k", "5"]
    ).stdout.splitlines()
    parsed = [json.loads(line) for line in lines]
    assert parsed[0]["id"] == "q1" and parsed[0]["results"][0]["title"] == "Running a retrospective"
    assert parsed[1] == {"id": "q2", "results": []}


def test_reindex_rebuilds_from_database(app, runner, tmp_path):
    runner.invoke(args=["library", "import", str(_write_corpus(tmp_path))])
    db.session.execute(LibraryPassage.__table__.update().values(vector=None))
    db.session.commit()
    result = json.loads(runner.invoke(args=["library", "reindex"]).stdout.splitlines()[-1])
    assert result["resources"] == 1 and result["embedded"] == result["passages"] >= 1
    assert db.session.scalar(select(func.count()).where(LibraryPassage.vector.is_(None))) == 0


def test_demo_seeds_corpus_once(app, demo):
    from companion.demo import seed_demo

    count = db.session.scalar(select(func.count()).select_from(Resource))
    assert count >= 90
    lines = seed_demo(db.session)
    assert any("0 resources added" in line for line in lines)
    assert db.session.scalar(select(func.count()).select_from(Resource)) == count
