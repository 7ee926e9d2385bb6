"""The matcher with the real sentence model: paraphrased skills and goals still meet."""

import pytest

from retrieval.matching import score_pairs, suggest
from retrieval.matching_explain import format_reasons
from retrieval.matching_people import person_from_dict

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def embedder():
    from retrieval.embedder import Embedder

    return Embedder()


def P(pid, skills, goals):
    return person_from_dict({"id": pid, "name": pid, "skills": skills, "goals": goals})


COHORT = [
    P("Ana", "tuning PostgreSQL queries", "give clear presentations"),
    P("Boris", "public speaking", "write faster database queries"),
    P("Chen", "Kubernetes operations", "plan my department budget"),
    P("Dora", "budget forecasting", "deploy services on containers"),
    P("Emil", "usability testing", "take better pictures"),
    P("Fatima", "photo editing in Lightroom", "run my first usability study"),
]


def test_paraphrased_complements_are_paired(embedder):
    result = suggest(COHORT, embedder)
    got = {frozenset(s.members) for s in result.suggestions}
    assert got == {
        frozenset({"Ana", "Boris"}),
        frozenset({"Chen", "Dora"}),
        frozenset({"Emil", "Fatima"}),
    }
    ab = next(s for s in result.suggestions if "Ana" in s.members)
    text = " | ".join(format_reasons(ab.reasons))
    assert "Boris can help with: public speaking → Ana's goal: give clear presentations" in text


def test_score_orders_true_pair_above_mismatch(embedder):
    good, bad = score_pairs([(COHORT[0], COHORT[1]), (COHORT[0], COHORT[4])], embedder)
    assert good.score > bad.score + 0.1
    assert format_reasons(bad.reasons)


def test_hubness_correction_keeps_real_links_on_a_planted_cohort(embedder):
    from bench.match_cohort import planted_cohort
    from retrieval.matching_config import MatchConfig

    profiles, planted = planted_cohort(60, seed=1)
    people = [person_from_dict(p) for p in profiles]
    result = suggest(people, embedder, MatchConfig())
    got = {frozenset(s.members) for s in result.suggestions}
    # Tuning seed, small cohort: most planted pairs come out, each with a named skill link.
    assert sum(frozenset(p) in got for p in planted) >= 0.75 * len(planted)
    planted_sets = {frozenset(p) for p in planted}
    for s in result.suggestions:
        if frozenset(s.members) in planted_sets:
            helps = [r for r in s.reasons if r["kind"] == "helps"]
            assert helps and all(0.3 <= r["sim"] <= 1.0 for r in helps)


def test_learned_projection_ships_for_the_packaged_model(embedder):
    from retrieval.matching_adapter import for_embedder

    adapter = for_embedder(embedder)
    assert adapter is not None and adapter.dim == embedder.dim


def test_learned_projection_ranks_skill_goal_links_better_on_the_evaluation_bank(embedder):
    """Topics the projection never saw (bench/match_topics.py, another writer's bank): a
    skill meets the goals of its own topic more often than another topic's goals."""
    import numpy as np

    from bench.match_topics import TOPICS
    from retrieval.matching_config import MatchConfig
    from retrieval.matching_scoring import Cohort

    people = [
        person_from_dict({"id": f"{t}-{n}", "skills": [s], "goals": [g]})
        for t, (skills, goals) in TOPICS.items()
        for n, (s, g) in enumerate(zip(skills, goals, strict=False))
    ]
    topic = np.array([p.id.rsplit("-", 1)[0] for p in people])
    same = topic[:, None] == topic[None, :]

    def auc(config: MatchConfig) -> float:
        cohort = Cohort(people, embedder, config)
        s, g = cohort.skills[:, 0], cohort.goals[:, 0]
        sims = cohort.sims(s[None, :], g[None, :], sides=("skills", "goals"))[0]
        pos, neg = sims[same], sims[~same]
        return float((pos[:, None] > neg[None, :]).mean())

    plain = auc(MatchConfig(sim_norm="cosine", lexical_weight=0.0, skill_goal_adapter=False))
    learned = auc(MatchConfig(sim_norm="cosine", lexical_weight=0.0))
    assert learned > plain + 0.005
