"""A coined name that varies a name the notes hold is a thing they lack, not their name: a word
one letter from a notes word the question spells right beside it ("DeepARX vs DeepAR"), a
capitalised name ending in a version number whose letters are no English word ("Tacotron2"), and
a letter hyphened to a word ("k-medoids" beside the notes' k-means) name the subject by name."""

from __future__ import annotations

import pytest

from retrieval.coverage import NotesVocabulary

NOTES = [
    "DeepAR forecasts many related time series with one recurrent network.",
    "k-means is unsupervised clustering; each point joins its nearest centroid.",
    "Amazon Polly turns text into lifelike speech; a processing job runs your scripts.",
    "Outlier detection flags unusual points in the sensor data.",
]
ENGLISH = {"python": 3000, "scripts": 2500, "sensor": 4000, "data": 300, "clustering": 9000}


@pytest.fixture(scope="module")
def vocabulary() -> NotesVocabulary:
    return NotesVocabulary(NOTES, ENGLISH)


def test_a_slip_of_a_notes_word_the_question_spells_too_is_another_name(
    vocabulary: NotesVocabulary,
) -> None:
    question = "DeepARX vs DeepAR for related series?"
    assert vocabulary.unknown_subject(question, ("DeepARX", "DeepAR")) == "deeparx"
    # alone it is a typo of the notes' word
    assert vocabulary.unknown_subject("How does DeepARX forecast?", ("DeepARX",)) is None


def test_a_capitalised_name_ending_in_a_version_number_is_coined(
    vocabulary: NotesVocabulary,
) -> None:
    assert vocabulary.unknown_subject("Can I turn text into speech with Tacotron2?") == "tacotron2"
    # an English word's version is a known thing's: the question's other words carry it
    assert vocabulary.unknown_subject("How do I run Python3 scripts in a processing job?") is None


def test_a_letter_hyphened_to_a_word_the_notes_lack_is_coined(vocabulary: NotesVocabulary) -> None:
    question = "should we try k-medoids on the sensor outliers"
    assert vocabulary.unknown_subject(question) == "k-medoids"
    assert vocabulary.unknown_subject("should we try k-means on the sensor outliers") is None
