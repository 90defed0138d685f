"""A question asking whether two things are the same ("is Kedro the same as SageMaker
Pipelines") names what it asks about as a comparison names its sides: a made-up word there that
the notes never use is the subject they lack, and the question is declined by its name, not
answered with the other side's passage."""

from __future__ import annotations

import pytest

from retrieval.embed import Embedder
from retrieval.service import NotesIndex
from tests.retrieval.conftest import tutor_over

NOTES = """# MLOps

## SageMaker Pipelines

SageMaker Pipelines is the native workflow service for ML: a pipeline is a directed acyclic graph
of processing, training, evaluation and model registration steps defined with the Python SDK.

## SageMaker Experiments

SageMaker Experiments tracks, organises and compares machine learning runs.
"""


@pytest.fixture(scope="module")
def tutor(tmp_path_factory: pytest.TempPathFactory, embedder: Embedder) -> NotesIndex:
    return tutor_over(tmp_path_factory, embedder, "equated-unknown", {"notes.md": NOTES})


def test_an_unknown_side_of_a_same_as_question_is_declined_by_name(tutor: NotesIndex) -> None:
    answer = tutor.ask("Is Kedro basically the same thing as SageMaker Pipelines for our workflow?")
    assert not answer.covered
    assert answer.missing.lower().startswith("kedro")


def test_a_same_as_question_about_two_notes_subjects_is_answered(tutor: NotesIndex) -> None:
    answer = tutor.ask("is sagemaker experiments the same thing as sagemaker pipelines?")
    assert answer.covered, answer.missing
