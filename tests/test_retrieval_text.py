from retrieval.evaluation import mean_metrics, ndcg_at_k, recall_at_k
from retrieval.hybrid import rrf
from retrieval.passages import split_passages
from retrieval.snippets import snippet, to_text
from retrieval.text import tokenize


def test_tokenize_lowercases_drops_stopwords_and_stems_english():
    assert tokenize("The Mentees are Planning their Goals") == ["ment", "plan", "goal"]
    assert tokenize("goal") == tokenize("goals")


def test_tokenize_handles_cyrillic_and_bulgarian_inflection():
    assert tokenize("Целите на срещата") == tokenize("цели среща")
    assert "и" not in tokenize("обратна връзка и цели")
    assert tokenize("ОБРАТНА") == tokenize("обратна")


def test_split_passages_keeps_sections_and_caps_length():
    text = "# Intro\n\n" + "Short opening paragraph.\n\n" + "## Long part\n\n" + ("word " * 400)
    passages = split_passages(text, target_words=50, max_words=80)
    assert passages[0].startswith("Intro")
    assert all(len(p.split()) <= 80 + 3 for p in passages)
    assert all(p.startswith("Long part") for p in passages[1:])
    assert sum(p.count("word") for p in passages) == 400


def test_split_passages_drops_headings_without_body():
    assert split_passages("# Only a heading\n\n## Another") == []


def test_snippet_marks_query_words_and_windows_long_text():
    text = " ".join(["filler"] * 100) + " the SBI feedback model works " + " ".join(["x"] * 100)
    segs = snippet(text, "feedback", max_words=12)
    assert ("feedback", True) in segs
    assert to_text(segs).startswith("… ")
    assert to_text(segs).endswith(" …")
    assert len(to_text(segs).split()) <= 14


def test_snippet_strips_markdown():
    assert to_text(snippet("**Bold** [link](http://x) text", "text")) == "Bold link text"


def test_rrf_prefers_items_high_in_both_lists():
    fused = rrf([[1, 2, 3], [3, 1, 4]], weights=[1.0, 1.0], k=60)
    assert [item for item, _ in fused][:2] == [1, 3]
    assert rrf([[1], [2]], weights=[1.0, 2.0])[0][0] == 2


def test_ndcg_and_recall():
    assert ndcg_at_k([1, 2, 3], {1}) == 1.0
    assert round(ndcg_at_k([2, 1], {1}), 4) == round(1 / 1.5849625, 4)
    assert ndcg_at_k([5, 6], {1}) == 0.0
    assert recall_at_k([1, 2, 3], {1, 9}, k=10) == 0.5
    means = mean_metrics([([1], {1}), ([2], {1})], k=10)
    assert means["ndcg@10"] == 0.5 and means["recall@10"] == 0.5 and means["queries"] == 2
