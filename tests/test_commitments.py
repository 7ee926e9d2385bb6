"""The learned commitment model: items for sentences the rules leave alone, and none for
someone else's work, done work or questions."""

from datetime import date

import numpy as np

from models.actions import commitment_views, extract_actions
from models.commitments import CommitmentModel, default_model, item_from_sentence
from models.names import NameIndex
from models.sentences import split_sentences

WEDNESDAY = date(2026, 3, 4)
PAIR = ["Ana", "Boris"]
# A third-person present plan: no modal, so no rule reads it as a commitment.
PLAN = "Boris covers the room booking for the design review by Friday."


def test_shipped_model_loads_and_says_what_it_was_trained_on():
    model = default_model()
    assert model is not None
    # Trained on exactly the sets the training script names (BENCHMARKS.md reports them).
    from bench.train_commitments import DEFAULT_SETS

    assert tuple(model.trained_on) == DEFAULT_SETS
    assert 0.0 < model.threshold < 1.0


def test_model_finds_a_plan_the_rules_miss():
    sentences = split_sentences(PLAN)
    assert extract_actions(sentences, PAIR, WEDNESDAY, "Ana", learned=False) == []
    items = extract_actions(sentences, PAIR, WEDNESDAY, "Ana")
    assert [(a["owner"], a["task"], a["due"], a["detector"]) for a in items] == [
        ("Boris", "Cover the room booking for the design review", "2026-03-06", "model")
    ]
    assert items[0]["sources"] == [0]


def test_rule_items_say_so():
    items = extract_actions(split_sentences("Ana will send the deck by Friday."), PAIR, WEDNESDAY)
    assert [a["detector"] for a in items] == ["rules"]


def test_no_item_for_outsiders_done_work_or_questions():
    index = NameIndex(PAIR)
    assert item_from_sentence("Gareth books the room by Friday.", index, "Ana", "Boris",
                              WEDNESDAY) is None  # fmt: skip
    for line in ("Boris books the room by Friday?", "Boris books the room by Friday → ✅ done"):
        items = extract_actions(split_sentences(line), PAIR, WEDNESDAY, "Ana")
        assert items == []


def test_item_from_sentence_reads_tags_and_both_verbs():
    index = NameIndex(PAIR)
    tagged = item_from_sentence("Boris: pull the churn numbers by Monday", index, "Ana",
                                "Boris", WEDNESDAY)  # fmt: skip
    assert tagged == {"owner": "Boris", "task": "Pull the churn numbers", "due": "2026-03-09"}
    two = item_from_sentence("Boris writes up the incident and gets the draft to me by Monday.",
                             index, "Ana", "Boris", WEDNESDAY)  # fmt: skip
    assert two["task"] == "Write up the incident and get the draft to me"
    # A long reflection is no task.
    long = "I think the way the team handles incidents " * 4
    assert item_from_sentence(long, index, "Ana", "Boris", WEDNESDAY) is None


def test_item_from_sentence_takes_the_later_promise_after_a_verb_that_is_no_task():
    index = NameIndex(PAIR)
    line = ("Boris has a budget template from his old job and said he'll dig it out and "
            "email it to me tomorrow.")  # fmt: skip
    item = item_from_sentence(line, index, "Ana", "Boris", WEDNESDAY)
    assert item["owner"] == "Boris" and item["due"] == "2026-03-05"
    assert item["task"].startswith("Dig ")
    # "... ask you to model things" is no promise of anyone's.
    asked = ("We also talked about how to say no to the architects when they ask you to model "
             "walls that aren't yours.")  # fmt: skip
    assert extract_actions(split_sentences(asked), PAIR, WEDNESDAY, "Ana") == []


def test_save_and_load_give_the_same_probabilities(tmp_path):
    model = default_model()
    sentences = split_sentences(f"We met for an hour. {PLAN} It went well.")
    views = commitment_views(sentences, [], WEDNESDAY)
    index = NameIndex(PAIR)
    model.save(tmp_path / "m.npz")
    again = CommitmentModel.load(tmp_path / "m.npz")
    assert again.trained_on == model.trained_on
    assert np.allclose(again.probabilities(views, index), model.probabilities(views, index))


def test_without_the_model_file_the_rules_work_alone(monkeypatch):
    monkeypatch.setattr("models.actions.default_model", lambda: None)
    assert extract_actions(split_sentences(PLAN), PAIR, WEDNESDAY, "Ana") == []
    items = extract_actions(split_sentences("Ana will send the deck by Friday."), PAIR, WEDNESDAY)
    assert [(a["owner"], a["detector"]) for a in items] == [("Ana", "rules")]


def test_training_learns_from_labelled_sentences():
    from models.commitments import train

    plans = ["Ana sends the budget by Friday.", "Boris drafts the memo tomorrow.",
             "Ana books the venue by Monday.", "Boris calls the supplier this week."]  # fmt: skip
    talk = ["We talked about the reorg.", "It was a good chat overall.",
            "Boris felt tired after the release.", "The team grew to nine people."]  # fmt: skip
    rows = []
    for text, y in [(t, 1) for t in plans] + [(t, 0) for t in talk]:
        sentences = split_sentences(text)
        rows.append((commitment_views(sentences, [], WEDNESDAY), NameIndex(PAIR), [y]))
    model = train(rows, ("toy",), threshold=0.5)
    unseen = split_sentences("Ana writes the summary by Thursday. We chatted about hobbies.")
    p_plan, p_talk = model.probabilities(commitment_views(unseen, [], WEDNESDAY), NameIndex(PAIR))
    assert p_plan > 0.5 > p_talk
