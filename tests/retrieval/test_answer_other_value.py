"""A comparison that sets one subject's two values side by side ("sample variance n or n-1") is
answered when the answer states the first value, though the notes never write the other one as
the student does: like an offered value, a right answer gives one of them. A short last side that
names something ("feast" beside SageMaker Feature Store) is still declined by name."""

from __future__ import annotations

import pytest

from retrieval.embed import Embedder
from retrieval.service import NotesIndex
from tests.retrieval.conftest import tutor_over

NOTES = """# Statistics and features

## Variance

The variance is the average squared distance from the mean. For a sample variance, divide by
n − 1 instead of n, which corrects the bias of estimating the mean from the same sample.

## SageMaker Feature Store

SageMaker Feature Store keeps an online store for low-latency reads at inference time and an
offline store in S3 for training data.
"""


@pytest.fixture(scope="module")
def tutor(tmp_path_factory: pytest.TempPathFactory, embedder: Embedder) -> NotesIndex:
    return tutor_over(tmp_path_factory, embedder, "other-value", {"notes.md": NOTES})


def test_the_other_value_of_one_subject_is_no_missing_subject(tutor: NotesIndex) -> None:
    answer = tutor.ask("sample variance n or n-1")
    assert answer.covered, answer.missing
    assert "n − 1" in answer.text


def test_a_short_side_that_names_something_stays_declined(tutor: NotesIndex) -> None:
    answer = tutor.ask("sagemaker feature store vs feast")
    assert not answer.covered
    assert answer.missing == "feast"
