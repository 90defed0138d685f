"""A term's own word the notes write often, before other terms, but never in a passage with the
term it modifies in the question ("incremental PCA" in notes with incremental training and plain
PCA) names a technique the notes lack, as a rarely written modifier does: read in the options a
question opens with too ("plain PCA or incremental PCA when ..."), it is declined by that term
when the answer lacks the modifier. An English word or a name's word written apart from the term
("full PCA", "CNN inputs"), or a term word the notes write beside the term, is none."""

from __future__ import annotations

import pytest

from retrieval.coverage import NotesVocabulary
from retrieval.modified import unheld_modifier
from retrieval.understand import understand

PASSAGES = [
    "Principal component analysis (PCA) projects the data onto fewer axes; PCA keeps the "
    "components that explain most variance, and the inputs are scaled first.",
    "PCA needs scaled features; PCA components are uncorrelated and the full inputs are used.",
    "Incremental training resumes from an earlier model; incremental training saves time.",
    "An incremental load copies only new rows, and incremental exports run nightly.",
    "A CNN learns filters over images; CNN layers shrink the image step by step.",
    "Regularised regression adds a penalty; regularised models generalise better with PCA.",
]
ENGLISH = {"full", "plain", "the", "data", "inputs"}
PCA_ANSWER = "PCA projects the data onto fewer axes."


@pytest.fixture(scope="module")
def vocabulary() -> NotesVocabulary:
    return NotesVocabulary(PASSAGES, ENGLISH)


def test_a_term_word_written_often_never_beside_the_term(vocabulary: NotesVocabulary) -> None:
    assert vocabulary.rare < vocabulary.counts["incremental"]  # no rarely written modifier
    assert vocabulary.unwritten_modifier(["incremental", "pca"]) == "incremental pca"


def test_an_english_word_a_name_or_a_word_beside_the_term_is_none(
    vocabulary: NotesVocabulary,
) -> None:
    assert vocabulary.unwritten_modifier(["full", "pca"]) is None  # an English word
    assert vocabulary.unwritten_modifier(["cnn", "inputs"]) is None  # a name's word ("CNN")
    assert vocabulary.unwritten_modifier(["regularised", "pca"]) is None  # in a PCA passage


def test_read_in_the_options_a_question_opens_with(vocabulary: NotesVocabulary) -> None:
    def term(question: str, answer: str = PCA_ANSWER) -> str | None:
        return unheld_modifier(vocabulary, understand(question), [answer])

    asked = (
        "plain PCA or incremental PCA when the training matrix is much too big to fit in memory at "
        "once?"
    )
    assert understand(asked).kind != "comparison"
    assert term(asked) == "incremental pca"
    assert term(asked, "Incremental PCA fits the components batch by batch.") is None
    regularised = asked.replace("incremental", "regularised")
    assert term(regularised) is None
