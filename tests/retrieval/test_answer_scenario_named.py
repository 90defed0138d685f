"""A scenario's answer names the service or approach it recommends (its deepest heading that
names a product), and holds what its ask names ("what must we set?")."""

from __future__ import annotations

import pytest

from retrieval.documents import Chunk
from retrieval.embed import Embedder
from retrieval.scenario import named
from retrieval.service import NotesIndex
from tests.retrieval.conftest import tutor_over

NOTES = """# Study notes

## DeepAR

DeepAR forecasts one-dimensional time series with a recurrent network. One model learns from
many related series, so it finds the seasonality that products share.

## XGBoost instance types

XGBoost uses CPUs only for multiple-instance training; it is memory-bound, so M5 is a good choice.
As of XGBoost 1.2, single-instance GPU training is available.
It trains more quickly and can be more cost effective.
Must set tree_method to gpu_hist.

## Data lakes

### AWS Lake Formation

Row-level security works through data filters: a filter expression on a table, such as
region = 'DE', is granted to a group, so each team of analysts sees only its own rows of the
same table.
"""


@pytest.fixture(scope="module")
def tutor(tmp_path_factory: pytest.TempPathFactory, embedder: Embedder) -> NotesIndex:
    return tutor_over(tmp_path_factory, embedder, "scenario-named", {"notes.md": NOTES})


def test_the_answer_names_the_service_under_its_section(tutor: NotesIndex) -> None:
    answer = tutor.ask(
        "Analysts query the same sales table in S3 through Athena. Each team may only see the "
        "rows for its own region, and we do not want to split the table. What should we use?"
    )
    assert answer.kind == "scenario"
    assert answer.text.startswith("AWS Lake Formation: Row-level security")


def test_the_reasons_hold_what_the_ask_names(tutor: NotesIndex) -> None:
    answer = tutor.ask(
        "We have to train XGBoost quickly on a single instance with a GPU; what must we set?"
    )
    assert answer.kind == "scenario"
    assert "GPU training is available" in answer.text and "gpu_hist" in answer.text


def test_the_lead_is_the_deepest_heading_only_when_it_names_a_product() -> None:
    def note(*heading: str) -> Chunk:
        return Chunk("notes.md", heading, "note", 0, 1, "...")

    assert named(note("Storage", "Data lakes", "AWS Lake Formation")) == "AWS Lake Formation"
    monitor = note("Deployment", "SageMaker Model Monitor", "Model quality monitoring")
    assert named(monitor) == "SageMaker Model Monitor"


def test_a_made_up_name_in_a_one_sentence_ask_is_what_it_asks_about(tutor: NotesIndex) -> None:
    # one sentence: the unknown name is a side of what is asked, not the scene's setting
    answer = tutor.ask(
        "efficientnet vs xgboost as a model for forecasting many series, which one trains more "
        "quickly on a gpu?"
    )
    assert answer.kind == "scenario"
    assert not answer.covered and answer.missing == "efficientnet"
    # a stem of its own: the made-up word is the company the scene is set in
    answer = tutor.ask(
        "Fabrikamcloud sells thousands of related products that share seasonality. We need one "
        "model that forecasts demand for all of them. What should we use?"
    )
    assert answer.kind == "scenario" and answer.covered and not answer.missing


def test_an_option_a_one_sentence_scenario_compares_is_checked_against_the_notes(
    tutor: NotesIndex,
) -> None:
    # "XGBoost on DeepAR" is no name the notes give, though each of its words is theirs
    answer = tutor.ask(
        "XGBoost on DeepAR vs XGBoost for forecasting many related series, which one is more "
        "cost effective?"
    )
    assert answer.kind == "scenario"
    assert not answer.covered and answer.missing == "XGBoost on DeepAR"
