"""The matching engine: parsing, scores, hard rules, optimisers, groups and reasons."""

import itertools
import random

import networkx as nx
import numpy as np
import pytest

from retrieval.matching import describe, score_pairs, suggest
from retrieval.matching_config import MatchConfig
from retrieval.matching_explain import format_reason, format_reasons
from retrieval.matching_groups import group_sizes
from retrieval.matching_optimise import greedy_pairs, max_weight_pairs
from retrieval.matching_people import person_from_dict, split_phrases
from tests.fakes import HashEmbedder

EMB = HashEmbedder()


def P(pid, skills, goals, **kw):
    return person_from_dict(
        {"id": pid, "name": str(pid).title(), "skills": skills, "goals": goals, **kw}
    )


def test_split_phrases_accepts_strings_and_lists():
    assert split_phrases("SQL; Python,\n public speaking ;;") == [
        "SQL",
        "Python",
        "public speaking",
    ]
    assert split_phrases(["a  b", "A B", " c "]) == ["a b", "c"]
    with pytest.raises(ValueError):
        split_phrases(3)


@pytest.mark.parametrize(
    "row, message",
    [
        ({"name": "x", "skills": "", "goals": ""}, '"id" is required'),
        ({"id": 1, "goals": ""}, '"skills" is required'),
        ({"id": 1, "skills": "", "goals": "", "career_level": "boss"}, "career_level"),
        ({"id": 1, "skills": "", "goals": "", "avoid": "2"}, '"avoid" must be a list'),
        ({"id": 1, "skills": [1], "goals": ""}, "expected text"),
    ],
)
def test_person_from_dict_names_the_bad_field(row, message):
    with pytest.raises(ValueError, match=message):
        person_from_dict(row)


def _cohort():
    return [
        P("ana", "SQL queries; data modelling", "public speaking", languages=["bg", "en"]),
        P("boris", "public speaking coaching", "faster SQL queries", languages=["bg"]),
        P("chen", "kubernetes clusters", "salary negotiation", languages=["en"]),
        P("dora", "negotiation of salary", "learn kubernetes", languages=["en"]),
    ]


def test_complementary_people_are_paired_with_named_links():
    result = suggest(_cohort(), EMB)
    pairs = {frozenset(s.members) for s in result.suggestions}
    assert pairs == {frozenset({"ana", "boris"}), frozenset({"chen", "dora"})}
    ab = next(s for s in result.suggestions if "ana" in s.members)
    text = format_reasons(ab.reasons)
    assert any(
        r.startswith("Ana can help with: SQL queries → Boris's goal: faster SQL queries")
        for r in text
    )
    assert "both speak Bulgarian" in text
    assert ab.breakdown["complementarity"] > 0.5 and result.unmatched == {}


def test_hard_rules_block_pairs():
    people = _cohort()
    people[0].avoid = {"boris"}
    result = suggest(people, EMB)
    assert frozenset({"ana", "boris"}) not in {frozenset(s.members) for s in result.suggestions}
    # Ana and Boris cannot pair and Boris shares no language with Chen or Dora: he is flagged.
    assert "boris" in result.unmatched
    line = P("x", "a", "b", email="x@e.org", manager_email="y@e.org")
    boss = P("y", "b", "a", email="y@e.org")
    (s,) = score_pairs([(line, boss)], EMB)
    assert s.score == 0.0 and format_reasons(s.reasons) == ["cannot be matched: X reports to Y"]


def test_earlier_partners_are_excluded_and_kept_groups_stay():
    people = _cohort()
    result = suggest(people, EMB, exclude=[("ana", "boris")], keep=[["chen", "dora"]])
    kept = [s for s in result.suggestions if s.kept]
    assert [set(s.members) for s in kept] == [{"chen", "dora"}]
    assert all(frozenset(s.members) != {"ana", "boris"} for s in result.suggestions)


def test_odd_person_joins_a_trio_not_dropped():
    people = _cohort() + [P("eve", "SQL tuning", "speaking in public", languages=["bg", "en"])]
    result = suggest(people, EMB)
    members = sorted(x for s in result.suggestions for x in s.members)
    assert members == ["ana", "boris", "chen", "dora", "eve"]
    assert any(len(s.members) == 3 for s in result.suggestions)


def test_every_suggestion_has_reasons_even_without_links():
    people = [P(k, f"topic{k}", f"other{k}") for k in range(6)]
    for s in suggest(people, EMB).suggestions:
        assert format_reasons(s.reasons)


def _random_graph(n, m, seed):
    rng = random.Random(seed)
    edges = {(a, b) for a, b in (sorted(rng.sample(range(n), 2)) for _ in range(m))}
    i, j = map(np.array, zip(*edges, strict=True))
    return i, j, np.array([rng.random() for _ in edges])


def _brute(i, j, w, n):
    best = 0.0
    idx = range(len(w))
    for r in range(1, n // 2 + 1):
        for combo in itertools.combinations(idx, r):
            used = [x for k in combo for x in (i[k], j[k])]
            if len(set(used)) == len(used):
                best = max(best, sum(w[k] for k in combo))
    return best


@pytest.mark.parametrize("seed", range(5))
def test_optimiser_is_exact_on_small_graphs_and_beats_greedy(seed):
    i, j, w = _random_graph(8, 14, seed)
    sol = max_weight_pairs(i, j, w, 8)
    assert sol.total == pytest.approx(_brute(i, j, w, 8))
    weight = {(int(a), int(b)): c for a, b, c in zip(i, j, w, strict=True)}
    assert sol.total >= sum(weight[p] for p in greedy_pairs(i, j, w)) - 1e-9


def test_lp_rounding_path_gives_a_valid_matching_at_least_greedy():
    i, j, w = _random_graph(300, 2500, 7)
    sol = max_weight_pairs(i, j, w, 300, exact_limit=0)
    used = [x for p in sol.pairs for x in p]
    assert len(used) == len(set(used)) and sol.method in ("lp-rounding", "exact", "greedy")
    exact = max_weight_pairs(i, j, w, 300)
    weight = {(int(a), int(b)): c for a, b, c in zip(i, j, w, strict=True)}
    assert sol.total >= sum(weight[p] for p in greedy_pairs(i, j, w)) - 1e-9
    assert exact.total >= sol.total - 1e-9
    assert sol.upper_bound is None or sol.upper_bound >= exact.total - 1e-6


def test_odd_cycles_of_the_relaxation_are_rounded_and_bounded():
    # Two triangles joined by a light edge: the LP takes half of every triangle edge (1.5 each).
    i = np.array([0, 1, 0, 3, 4, 3, 2])
    j = np.array([1, 2, 2, 4, 5, 5, 3])
    w = np.array([1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 0.1])
    lp = max_weight_pairs(i, j, w, 6, exact_limit=0)
    assert lp.method == "lp-rounding" and lp.upper_bound == pytest.approx(3.0)
    assert lp.total == pytest.approx(2.1)
    assert max_weight_pairs(i, j, w, 6).method == "exact"


def test_optimiser_finishes_on_heavily_tied_weights():
    # Many equal weights once made the sparse assignment solver cycle forever.
    i, j, w = _random_graph(54, 839, 6)
    w = np.round(w, 1)
    sol = max_weight_pairs(i, j, w, 54)
    g = nx.Graph()
    g.add_weighted_edges_from(zip(i.tolist(), j.tolist(), w.tolist(), strict=True))
    best = sum(g[u][v]["weight"] for u, v in nx.max_weight_matching(g))
    assert sol.total == pytest.approx(best)


def test_mentor_mode_respects_capacity():
    people = [
        P("m1", "SQL queries", "", role="mentor", capacity=2),
        P("m2", "public speaking", "", role="mentor", capacity=1),
        P("a", "", "SQL queries"),
        P("b", "", "faster SQL queries"),
        P("c", "", "public speaking"),
        P("d", "", "SQL"),
    ]
    result = suggest(people, EMB, MatchConfig.from_settings({}, mode="mentor"))
    by_mentor = {}
    for s in result.suggestions:
        by_mentor.setdefault(s.members[0], []).append(s.members[1])
    assert len(by_mentor["m1"]) == 2 and by_mentor["m2"] == ["c"]
    assert list(result.unmatched) == [
        x for x in ("a", "b", "d") if x not in by_mentor["m1"]
    ] and set(result.unmatched.values()) == {"no_mentor_capacity"}


@pytest.mark.parametrize("n", [3, 5, 6, 7, 9, 11, 13, 22])
def test_group_sizes_are_three_to_five(n):
    sizes = group_sizes(n)
    assert sum(sizes) == n and all(3 <= s <= 5 for s in sizes)


def test_groups_gather_shared_goals():
    goals = ["learn kubernetes"] * 4 + ["salary negotiation"] * 4 + ["public speaking"] * 4
    people = [P(k, "x", g) for k, g in enumerate(goals)]
    result = suggest(people, EMB, MatchConfig.from_settings({}, mode="group"))
    got = sorted(sorted(s.members) for s in result.suggestions)
    assert got == [[0, 1, 2, 3], [4, 5, 6, 7], [8, 9, 10, 11]]
    text = format_reasons(result.suggestions[0].reasons)
    assert "shared goal in the group: learn kubernetes" in text[0]


def test_describe_reports_blocked_rules_and_score():
    a = P("a", "SQL", "speaking", avoid=["b"])
    b = P("b", "speaking", "SQL")
    s = describe([a, b], EMB)
    assert (
        s.score > 0
        and format_reason(s.blocked[0]) == "cannot be matched: A asked not to be matched with B"
    )


def test_every_reason_sentence_is_marked_for_translation():
    from companion.services.matching import _MESSAGES
    from retrieval.matching_explain import LANGUAGE_NAMES, LEVEL_NAMES, TEMPLATES

    marked = {m._args[-1] for m in _MESSAGES}  # the message (after any context)
    needed = set(TEMPLATES.values()) | set(LEVEL_NAMES.values()) | set(LANGUAGE_NAMES.values())
    assert needed <= marked


def test_format_reason_uses_given_translations():
    reason = {"kind": "language", "languages": ["bg"]}
    table = {"both speak {languages}": "и двамата говорят {languages}", "Bulgarian": "български"}
    assert format_reason(reason, gettext=lambda s: table.get(s, s)) == "и двамата говорят български"
    assert format_reason({"kind": "slots", "n": 1}) == "1 shared free slot"
