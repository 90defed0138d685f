"""A scenario whose ask wants a name ("Which required hyperparameter did they leave out?",
"Which request parameter should they raise?", "What must each call carry?"): the names the stem
gives are its setting, so the sentence of the chosen passage naming a thing the question does not
name is preferred (`scenario.names_new`) over those restating the stem's names."""

from __future__ import annotations

import pytest

from retrieval.scenario import SETTING_ASK
from retrieval.service import NotesIndex


def test_the_hyperparameter_the_stem_does_not_name_is_quoted(shipped: NotesIndex) -> None:
    answer = shipped.ask(
        "Our DeepAR job fails validation as soon as it starts. We gave it prediction_length, "
        "context_length, epochs, learning_rate and num_cells. Which required hyperparameter "
        "is missing?"
    )
    assert "time_freq" in answer.text


def test_the_request_parameter_is_quoted_beside_the_service(shipped: NotesIndex) -> None:
    answer = shipped.ask(
        "A photo-sharing site runs every upload through Rekognition's moderation API and too "
        "many harmless holiday pictures get flagged as unsafe. They want fewer false flags "
        "without training a model. Which request parameter should they raise?"
    )
    assert "MinConfidence" in answer.text


def test_an_ask_for_what_a_request_carries_wants_the_parameter(shipped: NotesIndex) -> None:
    answer = shipped.ask(
        "A TensorFlow model, a PyTorch model and an XGBoost model sit on one SageMaker endpoint, "
        "and the client calls each one by itself, never as a chain. What must each call carry "
        "so it reaches the right model?"
    )
    assert "TargetContainerHostname" in answer.text


@pytest.mark.parametrize(
    ("ask", "wants_setting"),
    [
        ("What should the admin configure on the notebook?", True),
        ("What must each call pass to the endpoint?", True),
        ("What should we turn on for the bucket?", True),
        ("What should we add to the table?", False),  # a step as often as a named thing
        ("What should we change in the pipeline?", False),
        ("What is wrong with the job?", False),
    ],
)
def test_an_ask_for_a_setting_by_what_is_done_with_it(ask: str, wants_setting: bool) -> None:
    assert bool(SETTING_ASK.search(ask)) is wants_setting
