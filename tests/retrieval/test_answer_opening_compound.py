"""A hyphenated term the notes never write is declined by that term though its parts find a
passage: a compound the question's lead opens with ("one-cycle learning rate policy - how does it
...", "g-mean as the metric ..., how do i compute it"), and a technique named by what it does
after a word the notes never write ("pseudo-labeling with our own model"). A compound the notes
write, a verb's compound before its object, a notes word made again with a prefix or one
described ("kernel-based") is no such term, and a lead that opens with a notes term is answered."""

from __future__ import annotations

import pytest

from retrieval.compound import coined_compound, opening_compound
from retrieval.coverage import NotesVocabulary
from retrieval.embed import Embedder
from retrieval.service import NotesIndex
from tests.retrieval.conftest import tutor_over

NOTES = """# Training

## Learning rate

The learning rate sets the size of each update step. Learning-rate schedules start larger and
shrink over time: step decay cuts the rate by a factor every few epochs, and a cosine schedule
lowers it smoothly.

## Labelling

Automated data labeling in Ground Truth labels the easy images with a model trained on human
labels and sends the rest to people. Supervised learning needs labelled examples.

## Seasonality

A seasonal cycle repeats every year; one season follows another.

## Encoding

One-hot encoding turns a categorical column into one binary column per category. A kernel-based
model maps points into a higher dimension. Cross validation holds out a fold of the data.
"""
ENGLISH = {"one", "cycle", "semi", "pseudo", "kernel", "mean", "policy", "learning"}


@pytest.fixture(scope="module")
def vocabulary() -> NotesVocabulary:
    return NotesVocabulary(NOTES.split("\n\n"), ENGLISH)


def test_a_lead_opening_with_an_unjoined_compound_names_it(vocabulary: NotesVocabulary) -> None:
    question = "one-cycle learning rate policy - how does it ramp the rate"
    assert opening_compound(vocabulary, question) == "one-cycle learning"
    question = "semi-supervised learning when few images have labels, how does that work"
    assert opening_compound(vocabulary, question) == "semi-supervised learning"
    assert opening_compound(vocabulary, "the g-mean as a metric, how do i compute it") == "g-mean"


def test_a_lead_opening_with_no_unwritten_term_names_none(vocabulary: NotesVocabulary) -> None:
    assert opening_compound(vocabulary, "one-hot encoding - when do i use it") is None  # written
    assert opening_compound(vocabulary, "cross-validate a model: how many folds") is None
    assert opening_compound(vocabulary, "kernel-based models - are they slow") is None
    assert opening_compound(vocabulary, "learning rate - how does it shrink") is None
    assert opening_compound(vocabulary, "how does one-cycle work") is None  # no lead


def test_a_technique_named_by_an_unwritten_word_and_its_action(
    vocabulary: NotesVocabulary,
) -> None:
    question = "ground truth labeling or pseudo-labeling with our own model?"
    assert coined_compound(vocabulary, question) == "pseudo-labeling"
    assert coined_compound(vocabulary, "is re-labeling the images worth it") is None  # prefix
    assert coined_compound(vocabulary, "one-hot encoding or labeling") is None


@pytest.fixture(scope="module")
def tutor(tmp_path_factory: pytest.TempPathFactory, embedder: Embedder) -> NotesIndex:
    return tutor_over(tmp_path_factory, embedder, "opening-compound", {"train.md": NOTES})


def test_a_lead_compound_the_notes_lack_is_declined(tutor: NotesIndex) -> None:
    answer = tutor.ask("one-cycle learning rate policy - how does it ramp the rate up and down")
    assert not answer.covered
    assert answer.missing == "one-cycle learning"


def test_a_coined_technique_is_declined(tutor: NotesIndex) -> None:
    answer = tutor.ask("ground truth automated labeling or pseudo-labeling with our own model?")
    assert not answer.covered
    assert answer.missing == "pseudo-labeling"


def test_a_lead_the_notes_write_is_answered(tutor: NotesIndex) -> None:
    answer = tutor.ask("learning rate schedules - how do they shrink the rate")
    assert answer.covered
    assert "decay" in answer.text or "shrink" in answer.text
