"""`companion match suggest|score`: the JSON contract, on hand-written files."""

import json

PROFILES = [
    {
        "id": "ana",
        "name": "Ana",
        "skills": "SQL queries; data modelling",
        "goals": "public speaking",
        "languages": ["bg", "en"],
        "career_level": "senior",
    },
    {
        "id": "boris",
        "name": "Boris",
        "skills": ["public speaking coaching"],
        "goals": "faster SQL queries",
        "languages": ["bg"],
        "career_level": "senior",
    },
    {"id": 3, "name": "Chen", "skills": "kubernetes clusters", "goals": "salary negotiation"},
    {
        "id": 4,
        "name": "Dora",
        "skills": "negotiation of salary",
        "goals": "kubernetes",
        "avoid": [3],
    },
    {"id": 5, "name": "Eve", "skills": "kubernetes", "goals": "negotiation"},
]


def _write(path, rows):
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    return str(path)


def test_suggest_prints_pairs_reasons_and_unmatched(runner, tmp_path):
    f = _write(tmp_path / "p.jsonl", PROFILES)
    result = runner.invoke(args=["match", "suggest", "--profiles", f, "--json"])
    assert result.exit_code == 0, result.output
    out = json.loads(result.stdout)
    groups = [set(p["members"]) for p in out["pairs"]]
    # Five people: the odd one out joins the pair that suits them best, as a trio.
    assert sorted(len(g) for g in groups) == [2, 3] and any({"ana", "boris"} <= g for g in groups)
    assert all(p["reasons"] and isinstance(p["score"], float) for p in out["pairs"])
    # Dora avoids Chen, so they are never together; nobody is silently dropped.
    assert not any({3, 4} <= set(p["members"]) for p in out["pairs"])
    placed = {m for p in out["pairs"] for m in p["members"]} | set(out["unmatched"])
    assert placed == {"ana", "boris", 3, 4, 5}


def test_suggest_group_and_mentor_modes(runner, tmp_path):
    f = _write(tmp_path / "p.jsonl", PROFILES)
    out = json.loads(
        runner.invoke(
            args=["match", "suggest", "--profiles", f, "--mode", "group", "--json"]
        ).stdout
    )
    assert all(3 <= len(p["members"]) <= 5 for p in out["pairs"])
    rows = [dict(PROFILES[0], role="mentor", capacity=1)] + PROFILES[1:3]
    g = _write(tmp_path / "m.jsonl", rows)
    out = json.loads(
        runner.invoke(
            args=["match", "suggest", "--profiles", g, "--mode", "mentor", "--json"]
        ).stdout
    )
    assert [p["members"][0] for p in out["pairs"]] == ["ana"] and len(out["unmatched"]) == 1


def test_score_one_line_per_pair_in_order(runner, tmp_path):
    a, b, c = PROFILES[0], PROFILES[1], PROFILES[2]
    f = _write(
        tmp_path / "pairs.jsonl", [{"a": a, "b": b}, {"a": a, "b": c}, {"a": PROFILES[3], "b": c}]
    )
    result = runner.invoke(args=["match", "score", "--pairs", f, "--json"])
    assert result.exit_code == 0, result.output
    lines = [json.loads(x) for x in result.stdout.splitlines()]
    assert len(lines) == 3 and lines[0]["score"] > lines[1]["score"]
    assert all(x["reasons"] for x in lines)
    assert lines[2] == {
        "score": 0.0,
        "reasons": ["cannot be matched: Dora asked not to be matched with Chen"],
    }


def test_bad_lines_are_named_and_nothing_is_printed(runner, tmp_path):
    good = {"a": PROFILES[0], "b": PROFILES[1]}
    f = tmp_path / "pairs.jsonl"
    f.write_text(json.dumps(good) + "\n" + json.dumps({"a": PROFILES[0]}) + "\n", encoding="utf-8")
    result = runner.invoke(args=["match", "score", "--pairs", str(f), "--json"])
    assert result.exit_code != 0 and result.stdout == ""
    assert 'pairs.jsonl:2: each line needs "a" and "b" profiles' in result.output
    g = tmp_path / "p.jsonl"
    g.write_text(json.dumps(PROFILES[0]) + "\n{oops\n", encoding="utf-8")
    result = runner.invoke(args=["match", "suggest", "--profiles", str(g), "--json"])
    assert result.exit_code != 0 and "p.jsonl:2: not valid JSON" in result.output
    h = _write(tmp_path / "dup.jsonl", [PROFILES[0], PROFILES[0]])
    result = runner.invoke(args=["match", "suggest", "--profiles", h, "--json"])
    assert "dup.jsonl:2: id 'ana' repeats line 1" in result.output
