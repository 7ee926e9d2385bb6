"""The engine with the real packaged model (slow: loads MiniLM)."""

import numpy as np
import pytest

from retrieval.embedder import Embedder
from retrieval.search import Passage, ResourceDoc, SearchEngine

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def embedder():
    return Embedder(backend="torch")


def test_real_model_embeds_normalised_rows(embedder):
    vecs = embedder.embed(["giving feedback to a colleague", "Обратна връзка", ""])
    assert vecs.shape == (3, 384) and vecs.dtype == np.float32
    assert np.allclose(np.linalg.norm(vecs, axis=1), 1.0, atol=1e-5)
    assert embedder.name == "all-MiniLM-L6-v2" and embedder.dim == 384


def test_real_model_ranks_by_meaning(embedder):
    docs = [
        "How to tell a colleague that their behaviour had an impact on the team.",
        "Writing SQL joins across three tables.",
        "Planning your career over the next five years.",
    ]
    vecs = embedder.embed(docs)
    query = embedder.embed(["criticising someone's work constructively"])[0]
    assert int(np.argmax(vecs @ query)) == 0


def test_engine_with_real_model_finds_paraphrase_and_exact_title(embedder, tmp_path):
    engine = SearchEngine(embedder, index_path=tmp_path / "p.faiss")
    engine.build(
        [
            ResourceDoc(
                1, "Giving feedback", [Passage(1, "Describe situation, behaviour, impact.")]
            ),
            ResourceDoc(2, "SQL joins practice", [Passage(2, "Inner and outer joins in SQL.")]),
            ResourceDoc(
                3, "Обратна връзка", [Passage(3, "Как да кажем на колега какво да промени.")]
            ),
        ]
    )
    assert engine.search("how do I criticise a coworker's work", k=1)[0].resource_id == 1
    assert engine.search("SQL joins practice", k=3)[0].exact == "title"
    assert engine.search("обратната връзка", k=1)[0].resource_id == 3
    engine.save()
    reloaded = SearchEngine(embedder, index_path=tmp_path / "p.faiss")
    docs = [
        ResourceDoc(1, "Giving feedback", [Passage(1, "Describe situation, behaviour, impact.")])
    ]
    assert reloaded.restore(docs, load_vectors=dict) == "rebuilt"  # library changed: 1 of 3


def test_onnx_int8_backend_agrees_with_torch(embedder, tmp_path):
    texts = ["setting SMART goals with your mentor", "Как да проведем първата среща"]
    fast = Embedder(backend="onnx-int8", cache_dir=tmp_path)
    cos = (fast.embed(texts) * embedder.embed(texts)).sum(axis=1)
    assert cos.min() > 0.97
    assert fast.name == "all-MiniLM-L6-v2:onnx-int8"


def test_onnx_batches_keep_long_texts_small_and_cover_everything():
    import numpy as np

    from retrieval.onnx_backend import BATCH_TOKENS, _batches

    lengths = [256, 200, 14, 12, 11] + [9] * 100  # tokens
    order = np.argsort([-n for n in lengths], kind="stable")
    batches = _batches(order, lengths, max_items=64)
    assert sorted(int(i) for b in batches for i in b) == list(range(len(lengths)))
    assert len(batches[0]) == BATCH_TOKENS // 256  # long passages: a few per batch
    assert max(len(b) for b in batches) == 64  # short phrases: full batches
