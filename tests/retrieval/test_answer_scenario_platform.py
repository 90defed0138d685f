"""A scenario is never answered with the platform it is set on: a passage about SageMaker (or
AWS) itself is the stem's setting, as the bucket its data sits in is."""

from __future__ import annotations

from pathlib import Path

import pytest

from retrieval.build import BuildOptions, build_index
from retrieval.embed import Embedder
from retrieval.service import NotesIndex
from tests.retrieval.conftest import MODEL

NOTES = """# Study notes

## SageMaker

SageMaker is built to handle the entire machine learning workflow, from notebooks to training
jobs and endpoints. SageMaker built-in algorithms are chosen in the console or the SDK.

## DeepAR

DeepAR forecasts one-dimensional time series with a recurrent network. One model learns from
many related series, so it finds the seasonality that products share.

## Linear Learner

Linear Learner fits linear models for regression and classification on tabular data.

## K-Means

K-Means groups similar rows into clusters without labels.
"""


@pytest.fixture(scope="module")
def tutor(tmp_path_factory: pytest.TempPathFactory, embedder: Embedder) -> NotesIndex:
    root = tmp_path_factory.mktemp("platform-notes")
    (root / "notes.md").write_text(NOTES, encoding="utf-8")
    index_dir = tmp_path_factory.mktemp("platform-index")
    build_index(BuildOptions([root], index_dir, MODEL), embedder_factory=lambda _n: embedder)
    return NotesIndex(Path(index_dir), MODEL, embedder=embedder)


def test_a_scenario_set_on_sagemaker_names_the_algorithm_not_the_platform(
    tutor: NotesIndex,
) -> None:
    answer = tutor.ask(
        "Forecast weekly demand for thousands of related products that share seasonality, "
        "using a SageMaker built-in algorithm."
    )
    assert answer.kind == "scenario"
    assert "DeepAR" in answer.text and "entire machine learning workflow" not in answer.text
