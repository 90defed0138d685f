"""A product the question names that none of the passages search found names is declined by
name: the notes have nothing on it to quote, and any answer would be about something else."""

from __future__ import annotations

import pytest

from retrieval.coverage import NotesVocabulary
from retrieval.service import NotesIndex

PASSAGES = [
    "Amazon Machine Learning was AWS's first managed ML service.",
    "SageMaker hyperparameter tuning jobs search the ranges you give.",
    "Q-learning keeps a value for each state and action.",
]
ENGLISH = {"what", "is", "pricing", "services", "machine", "learning", "fit", "lower", "charge"}


def unfound_product(question: str, passages: list[str]) -> str | None:
    return NotesVocabulary(PASSAGES, ENGLISH).unfound_product(question, passages)


def test_a_product_no_passage_names_is_unfound() -> None:
    assert unfound_product("what is amazon q", PASSAGES[:2]) == "amazon q"
    assert unfound_product("what does AWS Trainium do", PASSAGES) == "aws trainium"


def test_a_product_a_passage_names_in_any_form_is_found() -> None:
    assert unfound_product("what is amazon machine learning", PASSAGES) is None
    assert unfound_product("what is amazon q", PASSAGES) is None  # "Q-learning" names a Q
    # a clipped word starts the passage's word; the prefix after the prefix is the name's
    assert unfound_product("how does amazon sagemaker hyperparam tuning work", PASSAGES) is None


def test_words_after_a_prefix_that_name_no_product_are_passed_over() -> None:
    assert unfound_product("which aws services fit", PASSAGES) is None  # offerings in general
    assert unfound_product("can i run it on aws. thanks", PASSAGES) is None  # a sentence end
    assert unfound_product("is aws pricing lower in 2024", PASSAGES) is None  # an English word
    assert unfound_product("does aws charge per second", PASSAGES) is None


@pytest.fixture
def tutor(shipped: NotesIndex) -> NotesIndex:
    """The whole shipped corpus (`conftest.shipped`)."""
    return shipped


def test_amazon_q_is_declined_by_name_not_answered_with_amazon_ml(tutor: NotesIndex) -> None:
    # The notes name Amazon Q once, in passing, in a QuickSight passage search does not find;
    # before, the legacy Amazon Machine Learning sentence was quoted as what Amazon Q is.
    answer = tutor.ask("what is amazon q")
    assert not answer.covered and answer.missing == "amazon q"
    assert answer.confidence < 0.5  # a decline never carries an answer's confidence
    assert answer.passages  # the closest passages are still shown
    for question, named in (("what is amazon kendra", "Kendra"), ("aws glue vs amazon emr", "EMR")):
        found = tutor.ask(question)
        assert found.covered and named in found.text


def test_a_capitalised_everyday_word_the_notes_never_write_names_a_product() -> None:
    # "Detective": the notes only detect, and a stem shared with "detects" names no Detective
    passages = ["GuardDuty detects threats in CloudTrail logs.", "Comprehend finds entities."]
    vocabulary = NotesVocabulary(passages, {"what", "does", "add", "detective", "comprehend"})
    question = "What does Amazon Detective add to a GuardDuty finding"
    assert vocabulary.unfound_product(question, passages) == "amazon detective"
    # in small letters an everyday word after a prefix is no name; a word the notes write is one
    assert vocabulary.unfound_product(question.lower(), passages) is None
    assert vocabulary.unfound_product("What does Amazon Comprehend add", passages) is None
