"""A compared side the notes never write is declined by name in two more shapes: a side with a
hyphenated word whose parts the notes never join ("one-class svm" in notes with SVMs, "one" and
"class" apart) set against a longer name they write ("random cut forest"), and a question asking
whether two things are the same ("is the gini coefficient the same thing as gini impurity"), whose
two things are sides as a comparison's are."""

from __future__ import annotations

import pytest

from retrieval.coverage import NotesVocabulary
from retrieval.embed import Embedder
from retrieval.service import NotesIndex
from retrieval.understand import equated_sides, understand
from tests.retrieval.conftest import tutor_over

NOTES = """# Models

## Support vector machines

A support vector machine (SVM) separates each class from the rest with the widest margin it can
find; a kernel lets it draw curved boundaries. Train one model per label when there are many.

## Random Cut Forest

Random Cut Forest (RCF) gives every record an anomaly score: points that are easy to isolate in
random trees score high, so spikes in sensor readings stand out without labels.

## Decision trees

A decision tree splits the data on the feature that most reduces Gini impurity, the chance that a
random item would be mislabelled by the class mix of its node. Entropy is the other split measure.

## Correlation

The correlation coefficient measures how strongly two columns move together, from -1 to 1.

## Metrics

F1 is reported with macro or micro averaging; accuracy is the share of labels predicted right.
"""


@pytest.fixture(scope="module")
def tutor(tmp_path_factory: pytest.TempPathFactory, embedder: Embedder) -> NotesIndex:
    return tutor_over(tmp_path_factory, embedder, "split-side-named", {"models.md": NOTES})


def test_a_hyphenated_side_the_notes_never_join_is_declined_by_name(tutor: NotesIndex) -> None:
    answer = tutor.ask("one-class svm vs random cut forest for spotting odd sensor readings")
    assert not answer.covered
    assert answer.missing == "one-class svm"


def test_a_side_the_notes_write_beside_a_long_name_is_answered(tutor: NotesIndex) -> None:
    assert not tutor.ask("svm vs random cut forest for spotting odd sensor readings").missing


def test_a_long_name_the_notes_write_counts_as_a_written_side() -> None:
    vocabulary = NotesVocabulary(NOTES.split("\n## "), set())
    assert vocabulary.split_side(["one-class svm", "random cut forest"]) == "one-class svm"
    # a hyphenated word the notes write apart in another form ("micro averaging") is theirs
    assert vocabulary.split_side(["micro-averaged f1", "accuracy"]) is None
    # a long side the notes never write in that order is no name they give
    assert vocabulary.split_side(["one-class svm", "forest cut random"]) is None


def test_two_things_asked_to_be_the_same_are_sides() -> None:
    ask = understand("is the gini coefficient the same thing as gini impurity in decision trees?")
    assert equated_sides(ask) == ("gini coefficient", "gini impurity")
    assert equated_sides(understand("what is gini impurity")) == ()


def test_an_equated_side_the_notes_never_write_is_declined_by_name(tutor: NotesIndex) -> None:
    answer = tutor.ask("is the gini coefficient the same thing as gini impurity in decision trees?")
    assert not answer.covered
    assert answer.missing == "gini coefficient"
    assert not tutor.ask("is gini impurity the same thing as entropy in decision trees?").missing
