"""A scenario's stem capitalises the product prefix and goes on in lower case ("Which SageMaker
capability should they turn on?"): the words after the prefix are the sentence's, not a product
name the notes never mention, so the answer is not declined for them."""

from __future__ import annotations

import pytest

from retrieval.embed import Embedder
from retrieval.service import NotesIndex
from tests.retrieval.conftest import tutor_over

NOTES = """# SageMaker Model Monitor

## Bias drift monitoring

Bias drift monitoring is the Model Monitor type, powered by SageMaker Clarify, that checks
whether a deployed model's predictions become unfair to a group over time. You define the facet
(a sensitive attribute such as age group or gender), and Clarify computes bias metrics on live
traffic. A credit model that was fair at launch can drift into bias when the population
changes. Use bias drift monitoring in regulated decisions such as lending, to alert compliance
on rising disparity between groups.

## Data quality monitoring

Data quality monitoring compares the statistics of live input data with a baseline from
training and raises a violation when a feature's distribution drifts.
"""


@pytest.fixture(scope="module")
def tutor(tmp_path_factory: pytest.TempPathFactory, embedder: Embedder) -> NotesIndex:
    return tutor_over(tmp_path_factory, embedder, "stem-words-notes", {"monitor.md": NOTES})


def test_the_asked_kind_after_the_prefix_does_not_decline_the_stem(tutor: NotesIndex) -> None:
    answer = tutor.ask(
        "A lender's credit model was fair when it launched. Compliance now wants an automatic "
        "alert if approval rates on live traffic drift apart for one age group. Which SageMaker "
        "capability should they turn on?"
    )
    assert answer.kind == "scenario" and answer.covered, answer.missing
    assert "bias drift" in answer.text.lower()


@pytest.mark.parametrize(
    "question",
    [
        "Should we switch on SageMaker HyperPod to alert on bias drift for one age group?",
        "should we switch on sagemaker hyperpod to alert on bias drift for one age group",
    ],
)
def test_a_product_name_the_notes_lack_is_still_declined(tutor: NotesIndex, question: str) -> None:
    answer = tutor.ask(question)
    assert not answer.covered
    assert "hyperpod" in (answer.missing or "").lower()
