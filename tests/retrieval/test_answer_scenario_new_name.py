"""A scenario whose ask wants a name ("Which required hyperparameter did they leave out?",
"Which request parameter should they raise?"): the names the stem gives are its setting, so the
sentence of the chosen passage naming a thing the question does not name is preferred
(`scenario.names_new`) over those restating the stem's names."""

from __future__ import annotations

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
