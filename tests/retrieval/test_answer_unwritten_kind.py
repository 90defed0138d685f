"""A kind of a notes term named by an English word the notes seldom or never write before it
("spatial dropout", "balanced accuracy", "population based training") is declined by that term
where the question names what it asks about, though the answer its head word finds names the head
word: the notes cover the plain kind, not the term. A name's word ("GloVe embeddings"), a term the
notes write, a rare head word and an aside ("besides dropout, ...") are no such kind."""

from __future__ import annotations

import pytest

from retrieval.coverage import NotesVocabulary
from retrieval.embed import Embedder
from retrieval.modified import modified_term
from retrieval.service import NotesIndex
from retrieval.understand import understand
from tests.retrieval.conftest import tutor_over

NOTES = """# Regularisation

## Dropout

Dropout randomly switches off a fraction of the neurons in each training step, so the network
cannot rely on co-dependent neurons. At inference time every neuron is active.

## Early stopping

Early stopping ends training when the validation loss stops improving.

## Metrics

Accuracy is the share of predictions that are right; on an imbalanced set accuracy misleads, so
report precision and recall too.

## Embeddings

GloVe vectors are word embeddings learned from co-occurrence counts.

## Data

Keep a balanced mix of sources when you collect training data.
"""
# Enough other words that a word written once in the notes is rare (`NotesVocabulary.rare`).
PADDING = " ".join(["filler"] * 8_000)
ENGLISH = {
    "spatial",
    "balanced",
    "population",
    "glove",
    "early",
    "pyramid",
    "besides",
    "add",
    "adding",
}


@pytest.fixture(scope="module")
def vocabulary() -> NotesVocabulary:
    return NotesVocabulary([*NOTES.split("\n\n"), PADDING], ENGLISH)


def test_a_seldom_written_word_before_a_notes_term_names_a_kind(
    vocabulary: NotesVocabulary,
) -> None:
    assert vocabulary.unwritten_kind(["spatial", "dropout", "in"]) == "spatial dropout"
    assert vocabulary.unwritten_kind(["balanced", "accuracy"]) == "balanced accuracy"
    assert vocabulary.unwritten_kind(["population", "based", "training"]) == (
        "population based training"
    )


def test_a_name_a_written_term_or_a_rare_head_is_no_kind(vocabulary: NotesVocabulary) -> None:
    assert vocabulary.unwritten_kind(["glove", "embeddings"]) is None  # "GloVe": a name's word
    assert vocabulary.unwritten_kind(["early", "stopping"]) is None  # the notes write it
    assert vocabulary.unwritten_kind(["spatial", "pyramid"]) is None  # no notes term after it
    assert vocabulary.unwritten_kind(["dropout", "rate"]) is None  # no English word first
    assert vocabulary.unwritten_kind(["adding", "dropout"]) is None  # the student's action


def test_the_kind_is_read_where_the_question_names_its_subject(
    vocabulary: NotesVocabulary,
) -> None:
    def term(question: str) -> str | None:
        return modified_term(vocabulary, understand(question))

    assert term("spatial dropout in a cnn, what does it drop") == "spatial dropout"
    assert term("what is balanced accuracy") == "balanced accuracy"
    assert term("how does population based training tune the models") == (
        "population based training"
    )
    assert term("besides dropout, what else stops overfitting") is None  # an aside
    assert term("how do i keep spatial dropout") is None  # the student's verb: no subject named


@pytest.fixture(scope="module")
def tutor(tmp_path_factory: pytest.TempPathFactory, embedder: Embedder) -> NotesIndex:
    return tutor_over(tmp_path_factory, embedder, "unwritten-kind", {"reg.md": NOTES})


def test_a_kind_the_notes_lack_is_declined_by_name(tutor: NotesIndex) -> None:
    answer = tutor.ask("spatial dropout in a cnn, what does it actually drop")
    assert not answer.covered
    assert answer.missing == "spatial dropout"


def test_the_plain_kind_is_answered(tutor: NotesIndex) -> None:
    answer = tutor.ask("dropout in a cnn, what does it actually drop")
    assert answer.covered
    assert "neurons" in answer.text
