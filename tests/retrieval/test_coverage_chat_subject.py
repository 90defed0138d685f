"""A casual ask whose only words the notes lack are chat words ("besides dropout what else stops
overfitting", "what do the exam scenarios throw at you") is about a term the notes hold: its chat
words are no missing subject, and the gate decides. An off-topic ask names no notes term, and a
name (capitalised, or with a word that is no chat word) stays missing."""

from __future__ import annotations

import pytest

import retrieval.answer as answering
from retrieval.coverage import COMMON_WORDS, NotesVocabulary
from retrieval.embed import Embedder
from retrieval.service import NotesIndex
from tests.retrieval.conftest import tutor_over

NOTES = [
    "Dropout: randomly remove neurons during training to curb overfitting.",
    "The exam scenarios name a budget and a deadline.",
    "Amazon Textract returns the text and the forms of a scanned page.",
]
# English words by rank (the model's vocabulary lists its commonest first); "exam" is rarer than
# `COMMON_WORDS`, "dropout" and "textract" are no English words at all.
RANKS = {"plus": 10, "throw": 20, "else": 30, "besides": 40, "guitar": 50, "learn": 60, "ray": 70}
RANKS |= {"give": 110, "back": 120, "text": 80, "the": 1, "exam": COMMON_WORDS + 1}


def test_chat_words_about_a_notes_term_name_no_subject() -> None:
    vocabulary = NotesVocabulary(NOTES, RANKS)
    assert vocabulary.chat_about_term("textract gives back the text plus what", "plus")
    assert vocabulary.chat_about_term("what do the exam scenarios throw at you", "throw")


def test_an_off_topic_ask_or_a_name_stays_missing() -> None:
    vocabulary = NotesVocabulary(NOTES, RANKS)
    assert not vocabulary.chat_about_term("how long to learn guitar", "guitar")  # no notes term
    assert not vocabulary.chat_about_term("Ray or dropout for overfitting", "ray")  # capitalised
    # "zanzibar", no chat word, is what is asked about
    assert not vocabulary.chat_about_term("dropout plus zanzibar", "plus")


NOTES_MD = """# Neural networks

## Regularisation

A network that overfits generalises badly.
- Dropout: randomly remove neurons during training.
- Early stopping: cease training early, at epoch 6 instead of 10.
- Reduce complexity: fewer layers and fewer neurons.

## Activations

ReLU is the default activation for hidden layers; softmax turns the last layer's scores into
probabilities.
"""


@pytest.fixture(scope="module")
def tutor(tmp_path_factory: pytest.TempPathFactory, embedder: Embedder) -> NotesIndex:
    return tutor_over(tmp_path_factory, embedder, "chat-subject", {"notes.md": NOTES_MD})


def test_a_chatty_ask_about_a_notes_term_is_answered(
    tutor: NotesIndex, monkeypatch: pytest.MonkeyPatch
) -> None:
    question = "besides dropout what else stops overfitting"
    answer = tutor.ask(question)
    assert answer.covered, answer.missing
    assert "Dropout" in answer.text
    assert answering.calibrated(answer.features[:3]) < answering.ENDING_CONFIDENCE  # gate decides
    monkeypatch.setattr(NotesVocabulary, "chat_about_term", lambda _self, _q, _word: False)
    assert not tutor.ask(question).covered  # "besides" read as a subject the notes lack


def test_a_chat_word_the_gate_declines_anyway_is_still_named(tutor: NotesIndex) -> None:
    answer = tutor.ask("dropout and the letter l in greek")
    assert not answer.covered
    assert answer.missing == "greek"  # off topic: the decline says what the notes lack
    # asked as "the same as", the two things are the sides: the side the notes lack is named
    equated = tutor.ask("is dropout the same as the letter l in greek")
    assert not equated.covered
    assert equated.missing in {"letter", "greek"}
