"""A scenario that names two notes subjects and asks the same of both ("a DeepAR forecaster and a
semantic segmentation model. Can both endpoints run on CPU?") is answered for each, from the line
each side's notes file for the ask; when a side's notes hold nothing of the ask, the ask is
answered as first read."""

from __future__ import annotations

import pytest

from retrieval.embed import Embedder
from retrieval.service import NotesIndex
from tests.retrieval.conftest import filler_topics, tutor_over

CARDS = """# Built-in algorithms

## DeepAR: What's it for?

Forecasting one-dimensional time series with a recurrent neural network.

Trains one model over many related time series.

## DeepAR: Instance Types

Can use CPU or GPU

Single or multi machine

Start with CPU (C4.2xlarge, C4.4xlarge)

CPU-only for inference

## Semantic Segmentation: What's it for?

Pixel-level object classification: every pixel of an image gets a class.

## Semantic Segmentation: Instance Types

Only GPU supported for training (P2 or P3) on a single machine only

- Inference on CPU (C5 or M5) or GPU (P2 or P3)

## DeepAR: What training input does it expect?

JSON Lines format, Gzip or Parquet

## Linear Learner input formats and hyperparameters

`feature_dim`: the number of features in each record.

## Linear Learner: What's it for?

Fits a linear model for regression or classification.

## Linear Learner: Instance Types

Single or multi-machine CPU or GPU training

Multi-GPU does not seem to help
"""

# Other notes, so that "cpu" and "instance" are words few of the notes' sentences hold, as in
# real notes.
FILLER = filler_topics(40)


@pytest.fixture(scope="module")
def tutor(tmp_path_factory: pytest.TempPathFactory, embedder: Embedder) -> NotesIndex:
    files = {"cards.md": CARDS, "other.md": f"# Other notes\n\n{FILLER}\n"}
    return tutor_over(tmp_path_factory, embedder, "two-asked", files)


def test_both_subjects_a_scenario_names_are_answered(tutor: NotesIndex) -> None:
    answer = tutor.ask(
        "Our team ships two models next week on a small budget: a DeepAR forecaster and a "
        "semantic segmentation model. Can both endpoints be served from CPU instances?"
    )
    assert answer.kind == "comparison"
    assert "CPU-only for inference" in answer.text
    assert "Inference on CPU (C5 or M5)" in answer.text


def test_sides_whose_notes_hold_nothing_of_the_ask_keep_the_first_reading(
    tutor: NotesIndex,
) -> None:
    answer = tutor.ask(
        "Two datasets arrive this week: sales rows for Linear Learner and sensor series for "
        "DeepAR. Which of the two needs its rows shuffled first?"
    )
    assert answer.kind == "scenario"


def test_a_heading_holding_more_than_the_ask_answers_nothing_for_its_side(
    tutor: NotesIndex,
) -> None:
    """ "Linear Learner input formats and hyperparameters" holds the asked "input format" beside
    what it also files: a hyperparameter line under it says nothing of the input format."""
    answer = tutor.ask(
        "Two teams start this week, one with a Linear Learner model and one with a DeepAR "
        "model. Which input format does each of them want?"
    )
    assert answer.kind == "scenario"


def test_a_vague_ask_is_answered_for_the_detail_its_stem_gives(tutor: NotesIndex) -> None:
    """ "Which one can still be trained" names no detail of its own: the stem's "only CPU capacity
    is free" is what each side's instance card is read for."""
    answer = tutor.ask(
        "This month only CPU capacity is free. Of a DeepAR forecaster and a semantic "
        "segmentation model, which one can still be trained?"
    )
    assert answer.kind == "comparison"
    assert "Only GPU supported for training" in answer.text
    assert "CPU" in answer.text.split("Semantic Segmentation")[0]
