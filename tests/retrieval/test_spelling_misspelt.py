"""A name misspelt past a dropped letter is read as the notes word when no other notes word is as
near: British "-ise" for the notes' "-ize" ("personalise"), a letter added or changed in a long
word ("wrangeler"), vowels left out ("sagemkr"). A short word a letter from a notes word, and a
long one as near two notes words, stay as typed."""

from __future__ import annotations

from retrieval.coverage import NotesVocabulary
from retrieval.spelling import respelled, targets_for

TEXTS = [
    "Amazon Personalize serves real time recommendations.",
    "SageMaker Data Wrangler gives a quick model with feature importance.",
    "Decide on the lineage of each artifact; track the lineage of models.",
    "Tune the regularizer and the regularized weights.",
]
ENGLISH = {"amazon", "or", "batch", "data", "quick", "model", "what", "the", "of", "top", "a"}


def plain(question: str) -> str:
    vocabulary = NotesVocabulary(TEXTS, ENGLISH)
    return respelled(question, vocabulary, targets_for(vocabulary, TEXTS))


def test_a_british_spelling_is_read_as_the_notes_american_one() -> None:
    assert plain("amazon personalise or batch") == "amazon personalize or batch"


def test_a_letter_added_to_a_long_word_is_read_as_the_notes_word() -> None:
    assert plain("data wrangeler quick model") == "data wrangler quick model"


def test_a_word_typed_without_vowels_is_read_as_the_notes_word() -> None:
    assert plain("what sagemkr model") == "what sagemaker model"


def test_a_short_word_a_letter_from_a_notes_word_stays_as_typed() -> None:
    assert plain("the top decile") == "the top decile"
    assert plain("the linkage of a model") == "the linkage of a model"


def test_a_long_word_as_near_two_notes_words_stays_as_typed() -> None:
    assert plain("the regularizerd model") == "the regularizerd model"
