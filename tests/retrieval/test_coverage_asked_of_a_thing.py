"""A two-word term whose second word asks for the kinds, the steps or the order of what the first
names ("window types", "build steps", "lex order") is no term the notes must write: the notes list
those kinds or steps in their own words ("tumbling, sliding and stagger windows", "Build process:
Visualise, Explore ..."), so the question is answered, not declined by that pair. A pair whose
second word names a thing of its own ("gradient accumulation", "sagemaker edge manager") is still
declined when the notes never write it."""

from __future__ import annotations

import pytest

from retrieval.coverage import NotesVocabulary

NOTES = [
    *["Training needs data, and training again needs more data."] * 1000,
    "A streaming SQL app runs windowed queries over tumbling, sliding and stagger windows.",
    "Instance types differ in memory; pick one per job.",
    "SageMaker Neo compiles a model for edge devices.",
    "Edge devices decide in milliseconds and work offline.",
    "An edge device such as a Raspberry Pi runs the compiled model.",
    "The project manager signs off each release.",
    "Build process: Visualise, Explore, Synthesize data, Split data.",
    "The next steps are covered by the release notes.",
    "Lex: utterance, then intent, then slot.",
    "Gradient descent follows the gradient of the loss.",
    "Costs accumulate every month a bucket keeps the data.",
    "Sort the rows by time before the split; order matters for time series.",
]
ENGLISH = {
    "window",
    "types",
    "build",
    "steps",
    "lex",
    "order",
    "edge",
    "manager",
    "gradient",
    "accumulation",
    "can",
    "work",
    "on",
    "include",
    "making",
    "synthetic",
}


@pytest.fixture(scope="module")
def vocabulary() -> NotesVocabulary:
    return NotesVocabulary(NOTES, ENGLISH)


def test_the_kinds_of_a_thing_asked_are_no_unwritten_term(vocabulary: NotesVocabulary) -> None:
    # the notes never write "window types" nor "lex order", yet list the windows and Lex's order
    assert vocabulary.unwritten_subject("the window types in the old sql apps") is None
    assert vocabulary.unwritten_lead("lex order of things: utterance then what") is None


def test_a_thing_of_its_own_after_an_everyday_word_is_still_unwritten(
    vocabulary: NotesVocabulary,
) -> None:
    lead = vocabulary.unwritten_lead("gradient accumulation, how does it work")
    assert lead == "gradient accumulation"


def test_the_steps_of_a_product_are_no_longer_product_name(vocabulary: NotesVocabulary) -> None:
    question = "sagemaker build steps include making synthetic data?"
    assert vocabulary.unknown_subject(question) is None
    # "manager" names a product of its own, one the notes lack
    question = "does sagemaker edge manager work on a raspberry pi"
    assert vocabulary.unknown_subject(question) == "sagemaker edge manager"
