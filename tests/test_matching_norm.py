"""Hubness correction and the lexical signal of the match score (retrieval/matching_norm.py)."""

import numpy as np
import pytest

from retrieval.matching_config import MatchConfig
from retrieval.matching_explain import explain_pair
from retrieval.matching_norm import hub_offsets, lexical_vectors, neighbour_mean
from retrieval.matching_people import person_from_dict
from retrieval.matching_scoring import Cohort
from tests.fakes import HashEmbedder


def _unit(rows):
    v = np.asarray(rows, dtype=np.float32)
    return v / np.linalg.norm(v, axis=1, keepdims=True)


def test_neighbour_mean_skips_the_phrase_itself():
    vecs = _unit([[1, 0], [1, 0.1], [0, 1], [0.1, 1]])
    rows = np.array([0, 2])
    got = neighbour_mean(vecs, rows, np.arange(4), k=1)
    # Each one's nearest other phrase, not itself (which would give exactly 1.0).
    assert got[0] == pytest.approx(float(vecs[0] @ vecs[1]))
    assert got[1] == pytest.approx(float(vecs[2] @ vecs[3]))
    assert (got < 0.999).all()


def test_hub_offsets_are_centred_and_rank_the_hub_first():
    rng = np.random.default_rng(0)
    goals = _unit(rng.normal(size=(40, 16)))
    hub = goals.mean(axis=0, keepdims=True)  # close to every goal at once
    loners = _unit(rng.normal(size=(5, 16)))
    vecs = np.vstack([goals, _unit(hub), loners, np.zeros((1, 16))]).astype(np.float32)
    skills = np.arange(40, 46)
    pad = len(vecs) - 1
    off = hub_offsets(vecs, skills, np.arange(40), k=5, pad=pad)
    assert off[skills].mean() == pytest.approx(0.0, abs=1e-9)
    assert int(np.argmax(off)) == 40 and off[pad] == 0.0
    # Phrases not on the measured side get no correction.
    assert not off[:40].any()


def test_hub_offsets_fade_out_in_tiny_cohorts():
    vecs = _unit(np.eye(6) + 0.1)
    assert not hub_offsets(vecs, np.array([0, 1]), np.array([2, 3, 4]), k=5, pad=5).any()


def test_lexical_vectors_count_shared_stems():
    v = lexical_vectors(["writing SQL queries", "write a SQL query", "public speaking"])
    assert v[0] @ v[1] == pytest.approx(1.0, abs=1e-6)
    assert v[0] @ v[2] == pytest.approx(0.0, abs=1e-6)
    assert np.allclose(np.linalg.norm(v, axis=1), 1.0)


class _HubEmbedder:
    """Topics are axes; every goal also leans on one shared axis, which "management" is."""

    def __init__(self, topics: list[str]):
        self.topics = topics

    def embed(self, texts):
        n = len(self.topics)
        out = np.zeros((len(texts), n + 1), dtype=np.float32)
        for r, text in enumerate(texts):
            if text == "management":
                out[r, n] = 1.0
                continue
            t = self.topics.index(text.split()[-1])
            out[r, t] = 1.0
            if text.startswith("teach"):
                out[r, (t + 1) % n] = 0.3
            else:
                out[r, n] = 0.5
        return out / np.linalg.norm(out, axis=1, keepdims=True)


def test_hub_skill_loses_credit_that_a_real_complement_keeps():
    topics = [f"t{k}" for k in range(30)]
    people = [
        person_from_dict({"id": k, "skills": [f"teach {t}"], "goals": [f"learn {u}"]})
        for k, (t, u) in enumerate(zip(topics, topics[1:] + topics[:1], strict=True))
    ]
    people.append(person_from_dict({"id": "hub", "skills": ["management"], "goals": ["x t0"]}))
    emb = _HubEmbedder(topics)
    plain = Cohort(people, emb, MatchConfig(sim_norm="cosine", lexical_weight=0))
    fixed = Cohort(people, emb, MatchConfig(lexical_weight=0))
    hub, real_giver, taker = len(people) - 1, 1, 0  # person 1 teaches t1, person 0 wants t1
    sg, gs = fixed.offsets("skills", "goals")
    s_hub = fixed.skills[hub]
    assert sg[s_hub[0]] > 0 > sg[fixed.skills[real_giver][0]]
    gap_plain = plain.pair(real_giver, taker)[0] - plain.pair(hub, taker)[0]
    gap_fixed = fixed.pair(real_giver, taker)[0] - fixed.pair(hub, taker)[0]
    assert gap_fixed > gap_plain


def test_config_checks_the_new_settings():
    with pytest.raises(ValueError, match="sim_norm"):
        MatchConfig.from_settings({"sim_norm": "zscore"})
    with pytest.raises(ValueError, match="hub_k"):
        MatchConfig.from_settings({"hub_k": 0})
    with pytest.raises(ValueError, match="lexical_weight"):
        MatchConfig.from_settings({"lexical_weight": 2})
    cfg = MatchConfig.from_settings({"sim_norm": "cosine", "hub_k": 8})
    assert (cfg.sim_norm, cfg.hub_k) == ("cosine", 8)


def test_reasons_show_the_similarity_the_score_used():
    words = [f"topic{k}" for k in range(24)]
    people = [
        person_from_dict(
            {
                "id": k,
                # Every third skill also names a broad area: those phrases become mild hubs.
                "skills": [f"{w} basics" + (" and team leadership" if k % 3 == 0 else "")],
                "goals": [f"{words[(k + 1) % 24]} advanced"],
            }
        )
        for k, w in enumerate(words)
    ]
    cohort = Cohort(people, HashEmbedder(), MatchConfig())
    sg, gs = cohort.offsets("skills", "goals")
    assert np.abs(sg).max() > 0
    reasons = explain_pair(cohort, 1, 0)
    helps = [r for r in reasons if r["kind"] == "helps"]
    assert helps and helps[0]["skill"] == "topic1 basics" and helps[0]["goal"] == "topic1 advanced"
    s_row, g_row = cohort.skills[1][0], cohort.goals[0][0]
    plain = cohort.sims(np.array([[s_row]]), np.array([[g_row]]), sides=("skills", "goals"))
    expected = plain[0, 0, 0] - 0.5 * (sg[s_row] + gs[g_row])
    assert helps[0]["sim"] == round(min(float(expected), 1.0), 2)
