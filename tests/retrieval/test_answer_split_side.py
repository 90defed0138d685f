"""A comparison's side of two notes words that the notes never write as that term, and seldom in
one passage ("group normalization" in notes with groups of columns and batch normalization), is
declined by name when another side is one they write: the words found the other side's passages
and a sibling's, never the side asked about. Two words that share most of their passages name a
product and its own part ("polly ssml": the notes write SSML only where they write Polly) and the
comparison is answered."""

from __future__ import annotations

import pytest

from retrieval.coverage import NotesVocabulary
from retrieval.embed import Embedder
from retrieval.service import NotesIndex
from tests.retrieval.conftest import tutor_over

NOTES = """# Training deep networks

## Batch normalization

Batch normalization normalises the inputs to a layer over each mini-batch, to zero mean and unit
variance, so a network trains with higher learning rates.

## Layer normalization

Layer normalization normalises over the features of one example, so it works with any batch size.

## Input scaling

Min-max normalization scales each feature into the range zero to one; columns in one group of
related features share one scale.

## Quantile binning

Quantile binning puts values into bins of equal size, so a linear model learns one weight per group.

## Aggregation

A GROUP BY query sums the rows of each group before training.

## Amazon Polly

Amazon Polly turns text into lifelike speech. SSML tags control how Polly pronounces a word, while
a custom lexicon maps an acronym to how it is read.
"""

EVENTS = """# Pipelines

## Starting a pipeline

An EventBridge rule starts a SageMaker pipeline when new data lands in S3.

## Input modes

Pipe mode streams training data from S3 instead of copying it to the instance first.
"""


@pytest.fixture(scope="module")
def tutor(tmp_path_factory: pytest.TempPathFactory, embedder: Embedder) -> NotesIndex:
    files = {"deep.md": NOTES, "events.md": EVENTS}
    return tutor_over(tmp_path_factory, embedder, "split-side", files)


def test_a_side_whose_words_the_notes_never_join_is_declined_by_name(tutor: NotesIndex) -> None:
    answer = tutor.ask("group normalization vs batch normalization when my gpu fits a batch of 2?")
    assert not answer.covered
    assert answer.missing == "group normalization"


def test_a_side_the_notes_write_is_answered(tutor: NotesIndex) -> None:
    answer = tutor.ask("layer normalization vs batch normalization for a batch of 2?")
    assert answer.covered
    assert not answer.missing


def test_a_product_and_its_own_part_are_answered(tutor: NotesIndex) -> None:
    answer = tutor.ask("polly ssml vs custom lexicon for reading acronyms?")
    assert not answer.missing


def test_no_side_the_notes_write_leaves_the_comparison_alone() -> None:
    vocabulary = NotesVocabulary(NOTES.split("\n## "), set())  # a passage per section
    assert vocabulary.split_side(["group normalization", "batch normalization"]) == (
        "group normalization"
    )
    # neither side is a name the notes write: the sides may be phrased, not named
    assert vocabulary.split_side(["group normalization", "weight standardisation"]) is None


def test_a_last_side_after_a_one_word_side_may_share_its_head() -> None:
    vocabulary = NotesVocabulary(NOTES.split("\n## "), set())
    # "layer vs group normalization" reads as "layer normalization vs group normalization":
    # "group" is all the last side needs the notes to write
    assert vocabulary.split_side(["layer", "group normalization"]) is None
    assert vocabulary.split_side(["group normalization", "layer"]) == "group normalization"


def test_a_capitalised_name_the_notes_never_write_is_declined_by_name(tutor: NotesIndex) -> None:
    # the notes have EventBridge rules, pipe mode and pipelines, never "pipes" after EventBridge
    answer = tutor.ask("What do EventBridge Pipes add to a SageMaker pipeline?")
    assert not answer.covered
    assert answer.missing == "EventBridge Pipes"
    # a name the notes write, capitalised the same way, is answered
    assert not tutor.ask("Does Batch Normalization allow higher learning rates?").missing
