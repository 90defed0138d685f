"""A two-word term the notes never write as typed is read in the longer form they write after the
same first word: a number as its Roman numeral ("type 1" for "Type I"), a word as a compound
ending in it ("test set" for "test dataset"), a word the notes never write as the one it is
clipped from ("train val" for "train validation"). A term the notes write as typed, a word of
their own, an English prefix's compound and a small word stay as typed."""

from __future__ import annotations

from retrieval.coverage import NotesVocabulary
from retrieval.spelling import respelled, targets_for

TEXTS = [
    "A false alarm is a Type I error; a missed case is a Type II error.",
    "The test dataset is withheld during training; the training set is what the model learns.",
    "Split into train validation and test parts, usually 80/10/10.",
    "Take a random subset of rows of the data.",
    "Object detection finds objects; Object2Vec learns embeddings.",
]
ENGLISH = {"a", "vs", "which", "is", "the", "what", "usual", "split", "of", "rows", "on"}


def plain(question: str) -> str:
    vocabulary = NotesVocabulary(TEXTS, ENGLISH)
    return respelled(question, vocabulary, targets_for(vocabulary, TEXTS))


def test_a_number_is_read_as_the_roman_numeral_the_notes_write() -> None:
    assert plain("type 1 vs type 2 error") == "type I vs type II error"


def test_a_word_is_read_as_the_compound_the_notes_write_after_the_same_word() -> None:
    assert plain("training set vs test set") == "training set vs test dataset"


def test_a_clipped_word_the_notes_never_write_is_read_in_full() -> None:
    assert plain("usual train val test split") == "usual train validation test split"


def test_a_term_or_word_the_notes_write_stays_as_typed() -> None:
    assert plain("object detection on a random set of rows") == (
        "object detection on a random set of rows"
    )
