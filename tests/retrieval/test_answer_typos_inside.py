"""Typos inside a long word that a dropped letter does not explain: a letter changed that leaves
the word's stem ("inferance" stems as "inference"), or a letter typed twice that reads as a rare
English word's form ("tunning" as "tun" + "ning"). Both are read as the notes word before search
and the gate, as the coverage check already reads them; another form of a notes word
("statistic" beside "statistical") stays as typed."""

from __future__ import annotations

import pytest

from retrieval.embed import Embedder
from retrieval.service import NotesIndex
from tests.retrieval.conftest import tutor_over

NOTES = """# Study notes

## Amazon Elastic Inference

Elastic Inference attaches low-cost GPU acceleration to CPU instances. Accelerators come in
the ml.eia1 and ml.eia2 families, in medium, large and xlarge sizes.

## Automatic model tuning

SageMaker automatic model tuning learns as it goes: Bayesian search picks the next
hyperparameters from the results of the training jobs run so far.

## Hypothesis tests

A statistical test compares a p-value with the significance level.
"""


@pytest.fixture(scope="module")
def tutor(tmp_path_factory: pytest.TempPathFactory, embedder: Embedder) -> NotesIndex:
    return tutor_over(tmp_path_factory, embedder, "typos-inside", {"notes.md": NOTES})


def test_a_changed_letter_that_keeps_the_stem_is_read_as_the_notes_word(
    tutor: NotesIndex,
) -> None:
    answer = tutor.ask("elastic inferance accelerator sizes")
    assert answer.searched == "elastic inference accelerator sizes"
    assert answer.covered and "ml.eia1" in answer.text


def test_a_doubled_letter_is_read_as_the_notes_word(tutor: NotesIndex) -> None:
    answer = tutor.ask("does sagemaker auto tunning learn as it goes")
    # "auto", a word the notes never write, is also read as the "automatic" they write after
    # "sagemaker" (`spelling._in_notes_form`)
    assert answer.searched == "does sagemaker automatic tuning learn as it goes"
    assert answer.covered and "learns as it goes" in answer.text


def test_another_form_of_a_notes_word_stays_as_typed(tutor: NotesIndex) -> None:
    answer = tutor.ask("which statistic does a test compare")
    assert "statistic " in answer.searched
