"""A question asking whether two things are the same ("is Kedro basically the same thing as
SageMaker Pipelines") asks about each of them, as a comparison asks about its sides: a thing whose
name the notes never use is declined by that name, not answered from the other thing's passage.
An aside in brackets after the question ("(akaike information criterion, ...)") leaves the two
things as they are."""

from __future__ import annotations

import pytest

from retrieval.embed import Embedder
from retrieval.service import NotesIndex
from retrieval.understand import equated_sides, understand
from tests.retrieval.conftest import tutor_over

NOTES = """# MLOps

## SageMaker Pipelines

SageMaker Pipelines is the native CI/CD workflow service for ML: a pipeline is a directed acyclic
graph of processing, training and registration steps defined with the Python SDK.

## Metrics

AUC is the area under the ROC curve: it measures how well a classifier ranks positives above
negatives, whatever threshold is chosen later.
"""


@pytest.fixture(scope="module")
def tutor(tmp_path_factory: pytest.TempPathFactory, embedder: Embedder) -> NotesIndex:
    return tutor_over(tmp_path_factory, embedder, "equated-unknown", {"mlops.md": NOTES})


def test_a_thing_the_notes_never_name_set_beside_one_they_cover_is_declined(
    tutor: NotesIndex,
) -> None:
    answer = tutor.ask("Is Kedro the same thing as SageMaker Pipelines for ML workflows?")
    assert not answer.covered
    assert answer.missing == "kedro"


def test_two_things_the_notes_cover_are_still_answered(tutor: NotesIndex) -> None:
    answer = tutor.ask("is the ROC curve the same thing as AUC?")
    assert not answer.missing


def test_an_aside_after_the_question_leaves_its_two_things() -> None:
    ask = understand("is AIC the same thing as AUC? (akaike information criterion, for my models)")
    assert equated_sides(ask) == ("AIC", "AUC")
