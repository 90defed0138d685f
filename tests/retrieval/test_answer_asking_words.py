"""The words that ask for a comparison ("what's the difference", "compare") are not what it is
about: a sentence holding "differ" is not a better answer for a side than the one saying what
the side is; and one that asks when to use each is answered by the sentences that say when."""

from __future__ import annotations

import pytest

from retrieval.embed import Embedder
from retrieval.service import NotesIndex
from tests.retrieval.conftest import tutor_over

NOTES = """# Deep learning

## Epochs batches and iterations

An epoch is one full pass of the training job through the entire training dataset.
Shuffle the data between epochs so batches differ.
An iteration is one weight update on one mini-batch.
Too few epochs leave the model underfit; too many let it overfit.

## Scalers

Robust scaling subtracts the median and divides by the interquartile range of each column.
Choose robust scaling when a feature has many outliers that you do not want to remove.
Standardization subtracts the mean and divides by the standard deviation of each column.
Choose standardization when features are roughly bell-shaped.
"""


@pytest.fixture(scope="module")
def tutor(tmp_path_factory: pytest.TempPathFactory, embedder: Embedder) -> NotesIndex:
    return tutor_over(tmp_path_factory, embedder, "asking-words", {"deep.md": NOTES})


def test_a_side_is_said_by_what_it_is_not_by_a_sentence_holding_differ(
    tutor: NotesIndex,
) -> None:
    answer = tutor.ask("epoch vs iteration, what's the difference?")
    assert answer.kind == "comparison"
    assert "one full pass" in answer.text and "one weight update" in answer.text
    assert "batches differ" not in answer.text


def test_when_to_use_each_is_answered_by_the_sentences_that_say_when(tutor: NotesIndex) -> None:
    answer = tutor.ask("robust scaling vs standardization - when do i use each?")
    assert answer.kind == "comparison"
    assert "Choose robust scaling when" in answer.text
    assert "Choose standardization when" in answer.text
