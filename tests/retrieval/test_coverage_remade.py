"""An everyday word made of a notes word by English morphology ("resample" of "sample",
"quicker" of "quick") speaks of what the notes speak of: it is no subject they lack. A product
named after a word the notes hold once ("redash") and an agent noun ("tuner") stay unknown."""

from __future__ import annotations

import pytest

from retrieval.coverage import NotesVocabulary
from retrieval.embed import Embedder
from retrieval.service import NotesIndex
from tests.retrieval.conftest import tutor_over

# Enough words that a word the notes hold once is rare (`RARE_PER_WORDS`).
FILLER = " ".join(f"filler{i % 50}" for i in range(9_000))
NOTES = [
    "Subsample draws a random sample of the rows; each tree sees a new sample.",
    "Gradient descent is quick after normalisation, and converges quickly.",
    "Tune the learning rate; a dash of regularisation helps.",
    FILLER,
]
ENGLISH = {"sample", "quick", "quickly", "dash", "tune", "rows", "often"}


def test_a_prefixed_notes_word_is_remade() -> None:
    vocabulary = NotesVocabulary(NOTES, ENGLISH)
    assert vocabulary.remade("resample")
    assert vocabulary.remade("resamples")
    assert not vocabulary.remade("redash")  # "dash" once: a product's name, not the notes' word


def test_a_comparative_of_a_notes_adjective_is_remade() -> None:
    vocabulary = NotesVocabulary(NOTES, ENGLISH)
    assert vocabulary.remade("quicker")
    assert not vocabulary.remade("tuner")  # an agent noun names a thing


NOTES_MD = """# Ensembles

## Boosting

Boosting trains its models sequentially: each new model takes into account the errors of the
previous one, so the training is sequential and cannot run in parallel.

## Bagging

In bagging, a random sample of the training set is drawn with replacement for each model, so a
row can be picked several times; the models train in parallel and their votes are averaged.
"""


@pytest.fixture(scope="module")
def tutor(tmp_path_factory: pytest.TempPathFactory, embedder: Embedder) -> NotesIndex:
    return tutor_over(tmp_path_factory, embedder, "remade", {"notes.md": NOTES_MD})


def test_a_remade_word_asked_about_is_answered(
    tutor: NotesIndex, monkeypatch: pytest.MonkeyPatch
) -> None:
    question = (
        "boosting vs bagging - which trains sequentially and which resamples with replacement?"
    )
    answer = tutor.ask(question)
    assert answer.covered, answer.missing
    assert "with replacement" in answer.text
    monkeypatch.setattr(NotesVocabulary, "remade", lambda _self, _word: False)
    assert not tutor.ask(question).covered  # "resample" read as a subject the notes lack
