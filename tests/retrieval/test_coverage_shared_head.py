"""Two comparison sides ending in one head word ("classification trees vs regression trees")
whose words before it the notes set side by side ("classification and regression") are read
without the head: the notes speak of the two kinds in their own words. Kinds the notes never set
side by side keep the check ("group normalization vs batch normalization")."""

from __future__ import annotations

from retrieval.coverage import NotesVocabulary

NOTES = [
    "Decision trees handle classification and regression: Gini impurity or variance.",
    "Regression trees predict the mean of the rows in each leaf.",
    "Other trees: random forests average many of them.",
    "Comprehend supports multi-class (one label per document) and multi-label modes.",
    "Batch normalization rescales each layer's inputs over the batch.",
    "Users are put in a group with its own permissions.",
    "Normalization of features speeds up training.",
]


def test_sides_with_a_shared_head_are_read_as_the_kinds_the_notes_set_side_by_side() -> None:
    vocabulary = NotesVocabulary(NOTES, set())
    sides = ["classification trees", "regression trees"]
    assert vocabulary.plain_kinds(sides) == ["classification", "regression"]
    assert vocabulary.split_side(sides) is None
    assert vocabulary.absent_side(["multi-class mode", "multi-label mode"]) is None


def test_kinds_the_notes_never_set_side_by_side_keep_the_check() -> None:
    vocabulary = NotesVocabulary(NOTES, set())
    sides = ["group normalization", "batch normalization"]
    assert vocabulary.plain_kinds(sides) == sides
    assert vocabulary.split_side(sides) == "group normalization"
