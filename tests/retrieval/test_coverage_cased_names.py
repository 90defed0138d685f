"""A word the question writes as a name, capitalised inside a sentence or in capitals ("How
does the Theta method ...", "OPTICS or k-means", "Amazon Detective"), is known only when the
notes write it or one of its inflected forms: not through a stem it shares with another notes
word ("optical", "detection"), nor, for an English word, a letter away from one ("defective").
Unknown, it names the subject even as an everyday word, when it stands alone as a name."""

from __future__ import annotations

import pytest

from retrieval.coverage import NotesVocabulary, cased_names

NOTES = [
    "Optical character recognition (OCR) reads text in images.",
    "k-means is unsupervised clustering; each point joins its nearest centroid.",
    "Outlier detection flags defective parts; detecting them early saves money.",
    "Classic forecasting methods such as ARIMA fit one model per monthly series.",
    "An LSTM layer keeps a cell state across the steps of a sequence.",
    "Amazon GuardDuty is a managed threat detection service; it adds a finding per threat.",
    "Athena queries data in a data lake on S3.",
    "Comprehend finds the sentiment of reviews; each feature is a column.",
]
# English words with their rank by frequency (the model's vocabulary lists them so): "spanish"
# is among the commonest, "theta" and "optics" are not.
ENGLISH = {
    "spanish": 1101,
    "add": 1200,
    "series": 1300,
    "method": 1400,
    "monthly": 2500,
    "forecast": 3000,
    "finding": 3500,
    "detective": 3945,
    "tables": 4000,
    "lake": 4100,
    "delta": 6000,
    "optics": 15875,
    "theta": 18044,
}


@pytest.fixture(scope="module")
def vocabulary() -> NotesVocabulary:
    return NotesVocabulary(NOTES, ENGLISH)


def test_names_are_words_capitalised_inside_a_sentence_or_in_capitals() -> None:
    names = cased_names(
        "OPTICS or k-means? How does the Theta method fit an LSTM in Amazon Forecast"
    )
    assert names == {"optics", "theta", "lstm", "forecast"}  # not "How", "Amazon", "an"
    assert cased_names("I'm asking about A/B tests and Cramér's V") == set()


def test_a_name_known_only_through_another_words_stem_is_unknown(
    vocabulary: NotesVocabulary,
) -> None:
    question = "OPTICS or k-means for clustering?"
    assert vocabulary.unknown_subject(question, ("OPTICS", "k-means")) == "optics"
    # in small letters a stem the notes share still counts: a student may mean their word
    assert vocabulary.unknown_subject("optics or k-means for text in images?", ()) is None


def test_an_english_name_is_no_slip_of_a_notes_word(vocabulary: NotesVocabulary) -> None:
    question = "What does Amazon Detective add when GuardDuty adds a finding?"
    assert vocabulary.unknown_subject(question) == "amazon detective"


def test_a_lone_unknown_name_is_the_subject_though_an_everyday_word(
    vocabulary: NotesVocabulary,
) -> None:
    assert vocabulary.unknown_subject("How does the Theta method forecast a monthly series?") == (
        "theta"
    )
    # in small letters an everyday word the notes lack may be chat, as before
    assert vocabulary.unknown_subject("how does the theta method forecast a monthly series") is None


def test_inflected_names_and_longer_names_are_left_alone(vocabulary: NotesVocabulary) -> None:
    assert vocabulary.unknown_subject("Can LSTMs keep a cell state across a sequence?") is None
    # two capitalised words are a longer name, declined whole by the checks of such names
    assert vocabulary.unknown_subject("Can Athena query Delta Lake data on S3?") is None


def test_a_common_capitalised_word_is_the_setting_not_the_subject(
    vocabulary: NotesVocabulary,
) -> None:
    # a language, a month, a place: the commonest English words, capitalised as names always are
    assert (
        vocabulary.unknown_subject("Can Comprehend find the sentiment of Spanish reviews?") is None
    )


def test_a_name_that_is_no_english_word_may_be_a_notes_words_other_form(
    vocabulary: NotesVocabulary,
) -> None:
    assert vocabulary.knows_name("featurization")  # the notes' "feature", as a noun
    assert not vocabulary.knows_name("optics")  # an English word of its own
