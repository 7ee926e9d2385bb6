import numpy as np
import pytest

from retrieval.index import VectorIndex, knn
from retrieval.keyword import KeywordIndex


def _unit(rng, n, dim=16):
    v = rng.normal(size=(n, dim)).astype(np.float32)
    return v / np.linalg.norm(v, axis=1, keepdims=True)


@pytest.mark.parametrize("threshold", [10_000, 50])
def test_vector_index_add_update_remove(threshold):
    rng = np.random.default_rng(0)
    vecs = _unit(rng, 100)
    index = VectorIndex(16, hnsw_threshold=threshold)
    index.add(np.arange(1000, 1100), vecs)
    assert len(index) == 100
    assert index.kind == ("hnsw" if threshold == 50 else "flat")
    scores, ids = index.search(vecs[:3], 1)
    assert ids[:, 0].tolist() == [1000, 1001, 1002]
    assert scores[0, 0] == pytest.approx(1.0, abs=1e-5)
    # Update: id 1000 now holds the vector of row 50; removal hides 1001.
    index.add([1000], vecs[50:51])
    assert index.remove([1001, 424242]) == 1
    assert len(index) == 99
    _, ids = index.search(vecs[1:2], 5)
    assert 1001 not in ids[0].tolist()
    _, ids = index.search(vecs[50:51], 2)
    assert set(ids[0].tolist()) == {1000, 1050}


def test_vector_index_save_load_roundtrip_and_corrupt_file(tmp_path):
    rng = np.random.default_rng(1)
    vecs = _unit(rng, 20)
    index = VectorIndex(16, hnsw_threshold=10)
    index.add(range(20), vecs)
    index.remove([3])
    path = tmp_path / "v.faiss"
    index.save(path)
    loaded = VectorIndex.load(path, 16)
    assert len(loaded) == 19 and loaded.kind == "hnsw"
    assert 3 not in loaded.search(vecs[3:4], 19)[1][0].tolist()
    with pytest.raises(ValueError):
        VectorIndex.load(path, 32)
    path.write_bytes(b"garbage")
    with pytest.raises(ValueError):
        VectorIndex.load(path, 16)


def test_vector_index_pads_when_asked_for_more_than_held():
    index = VectorIndex(4)
    index.add([7], np.eye(4, dtype=np.float32)[:1])
    scores, ids = index.search(np.eye(4, dtype=np.float32)[:1], 3)
    assert ids[0].tolist() == [7, -1, -1]


def test_knn_excludes_self():
    vecs = np.eye(3, dtype=np.float32)
    vecs[2] = vecs[0] * 0.9 + vecs[1] * 0.1
    scores, ids = knn(vecs / np.linalg.norm(vecs, axis=1, keepdims=True), 2)
    assert ids[0, 0] == 2 and 0 not in ids[0].tolist()
    assert ids.shape == (3, 2)


def test_keyword_index_bm25_update_and_remove():
    kw = KeywordIndex()
    kw.add([1, 2, 3], ["giving feedback well", "setting goals", "feedback on goals and feedback"])
    scores, ids = kw.search("feedback", 10)
    assert set(ids.tolist()) == {1, 3}
    assert scores[0] >= scores[1]
    kw.add([1], ["nothing relevant here"])
    assert kw.search("feedback", 10)[1].tolist() == [3]
    kw.remove([3])
    assert kw.search("feedback", 10)[1].tolist() == []
    assert kw.search("goals", 10)[1].tolist() == [2]
    assert len(kw) == 2


def test_keyword_index_survives_compaction():
    kw = KeywordIndex()
    kw.add(range(100), [f"doc number {i} about topic{i % 3}" for i in range(100)])
    kw.remove(range(0, 80))
    scores, ids = kw.search("topic1", 50)
    assert sorted(ids.tolist()) == [i for i in range(80, 100) if i % 3 == 1]
