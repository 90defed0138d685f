"""A scenario's best fit weighs search's fused score, not the passage's cosine alone: the
passage holding the stem's rare words ("related", "seasonality") ranks first in search, and a
neighbour that only matches the long stem's vector a little more (an outline's "SageMaker
Algorithms: Built in, marketplace, custom") does not take the answer from it."""

from __future__ import annotations

import pytest

from retrieval.embed import Embedder
from retrieval.service import NotesIndex
from tests.retrieval.conftest import tutor_over

NOTES = """# Study notes

## Amazon Forecast

- Amazon Forecast Prophet: good for time series with strong seasonal effects
- Amazon Forecast DeepAR+: large datasets, can work with related time series (many time series \
datasets that are correlated)
- Amazon Forecast ARIMA: simple datasets (less than 100 time series)

## SageMaker overview

- SageMaker API
- SageMaker Python SDK
- Ground truth
- SageMaker Algorithms: Built in, marketplace, custom
- Algorithm Types: eg. BlazingText (AWS-Comprehend), Image classification (AWS-Rekognition)

## Amazon Comprehend

Comprehend finds entities, key phrases and sentiment in text.

## Amazon Polly

Polly turns text into lifelike speech.

## Linear Learner

Linear Learner is a SageMaker built-in algorithm for regression and classification on tabular data.

## K-Means

K-Means is a SageMaker built-in algorithm that groups similar rows into clusters.

## XGBoost

XGBoost is a SageMaker built-in algorithm of gradient boosted trees.
"""


@pytest.fixture(scope="module")
def tutor(tmp_path_factory: pytest.TempPathFactory, embedder: Embedder) -> NotesIndex:
    return tutor_over(tmp_path_factory, embedder, "searched-notes", {"notes.md": NOTES})


def test_a_scenario_keeps_the_passage_search_ranks_first_for_its_rare_words(
    tutor: NotesIndex,
) -> None:
    question = (
        "Forecast weekly demand for thousands of related products that share seasonality, "
        "using a SageMaker built-in algorithm."
    )
    first = tutor.search(question, k=3)[0]
    assert first.chunk.heading[-1] == "Amazon Forecast"
    answer = tutor.ask(question)
    assert answer.kind == "scenario"
    assert "related time series" in answer.text
    assert "marketplace" not in answer.text
