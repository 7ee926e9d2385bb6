import logging

import pytest

from retrieval.search import Passage, ResourceDoc, SearchEngine
from tests.fakes import HashEmbedder


def _library():
    return [
        ResourceDoc(1, "Giving feedback", [Passage(10, "Use situation, behaviour and impact.")]),
        ResourceDoc(
            2,
            "SMART goals",
            [
                Passage(20, "Goals should be specific and measurable."),
                Passage(21, "Review goals with your mentor every month."),
            ],
        ),
        ResourceDoc(3, "Обратна връзка", [Passage(30, "Как да дадем обратна връзка на колега.")]),
        ResourceDoc(4, "First meeting", [Passage(40, "Agree ground rules and give feedback.")]),
    ]


@pytest.fixture
def engine(tmp_path):
    eng = SearchEngine(HashEmbedder(), index_path=tmp_path / "idx" / "passages.faiss")
    eng.build(_library())
    return eng


def test_hybrid_search_groups_passages_by_resource(engine):
    hits = engine.search("review goals with a mentor", k=5)
    assert hits[0].resource_id == 2
    assert hits[0].passage_id == 21
    assert [h.resource_id for h in hits].count(2) == 1
    assert ("goals", True) in hits[0].snippet


def test_exact_title_and_phrase_rank_first(engine):
    assert engine.search("first meeting", k=3)[0].resource_id == 4
    assert engine.search("first meeting", k=3)[0].exact == "title"
    hits = engine.search("give feedback", k=3)
    assert hits[0].resource_id == 4 and hits[0].exact == "phrase"


def test_bulgarian_query_finds_bulgarian_resource(engine):
    hits = engine.search("обратната връзка", k=2)
    assert hits[0].resource_id == 3
    assert any(hit for _, hit in hits[0].snippet)


def test_filter_restricts_results(engine):
    hits = engine.search("feedback", k=5, allowed={4})
    assert [h.resource_id for h in hits] == [4]


def test_modes_and_unknown_mode(engine):
    assert engine.search("measurable", mode="keyword")[0].resource_id == 2
    assert engine.search("measurable", mode="dense")
    with pytest.raises(ValueError):
        engine.search("x", mode="bogus")


def test_upsert_and_remove_are_reflected_immediately(engine):
    engine.upsert(ResourceDoc(2, "Planning", [Passage(22, "Quarterly planning of budgets.")]))
    assert 2 not in [h.resource_id for h in engine.search("measurable goals", mode="keyword")]
    assert engine.search("budgets", k=1)[0].resource_id == 2
    engine.remove(1)
    assert 1 not in [h.resource_id for h in engine.search("situation behaviour impact")]
    assert engine.passage_count == 3


def test_related_excludes_itself(engine):
    related = engine.related(1, k=3)
    assert related and all(h.resource_id != 1 for h in related)


def test_restore_loads_saved_index_without_reembedding(tmp_path):
    path = tmp_path / "passages.faiss"
    first = SearchEngine(HashEmbedder(), index_path=path)
    first.build(_library())
    first.save()
    embedder = HashEmbedder()
    second = SearchEngine(embedder, index_path=path)
    docs = [
        ResourceDoc(r.id, r.title, [Passage(p.id, p.text) for p in r.passages]) for r in _library()
    ]
    assert second.restore(docs, load_vectors=dict) == "loaded"
    assert embedder.texts_embedded == 0
    assert second.search("measurable", k=1)[0].resource_id == 2


def test_restore_rebuilds_corrupt_or_stale_index_with_a_warning(tmp_path, caplog):
    path = tmp_path / "passages.faiss"
    first = SearchEngine(HashEmbedder(), index_path=path)
    first.build(_library())
    first.save()
    cached = {p.id: p.vector for r in _library() for p in first_vectors(first, r)}
    path.write_bytes(b"not a faiss file")
    embedder = HashEmbedder()
    second = SearchEngine(embedder, index_path=path)
    docs = [
        ResourceDoc(r.id, r.title, [Passage(p.id, p.text) for p in r.passages]) for r in _library()
    ]
    with caplog.at_level(logging.WARNING, logger="retrieval.search"):
        assert second.restore(docs, load_vectors=lambda: cached) == "rebuilt"
    assert "rebuilding vector index" in caplog.text
    # Cached vectors were used: nothing embedded again.
    assert embedder.texts_embedded == 0
    assert second.search("measurable", k=1)[0].resource_id == 2
    # A library edited while the process was down is caught by the manifest digest.
    docs[0].passages[0].text = "Completely different words now."
    third = SearchEngine(HashEmbedder(), index_path=path)
    assert third.restore(docs, load_vectors=dict) == "rebuilt"


def first_vectors(engine, resource):
    return [Passage(p.id, p.text, engine._vectors.reconstruct(p.id)) for p in resource.passages]


def test_exact_phrase_ranks_first_even_when_the_dense_side_misses_it():
    import numpy as np

    embedder = HashEmbedder()
    eng = SearchEngine(embedder)
    query = "zebra striped onboarding rituals"
    # Many resources whose vectors sit right on the query, and one holding the phrase whose
    # vector points away from it: dense ranking alone would bury it.
    qvec = embedder.embed([query])[0]
    docs = [
        ResourceDoc(r, f"resource {r}", [Passage(r * 10, f"generic onboarding text {r}", qvec)])
        for r in range(1, 80)
    ]
    docs.append(
        ResourceDoc(
            999, "Team habits", [Passage(9990, f"Our {query} help newcomers.", -qvec.copy())]
        )
    )
    eng.build(docs)
    hits = eng.search(query, k=3)
    assert hits[0].resource_id == 999 and hits[0].exact == "phrase"
    assert np.isfinite(hits[0].score)
