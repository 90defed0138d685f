"""Typos in terse asks: a word the notes and English never hold, one dropped letter or two
swapped neighbours from a notes word, is read as that word before search and the gate; a term
with a letter added or changed (RMSLE beside the notes' RMSE) stays itself and is declined."""

from __future__ import annotations

import pytest

from retrieval.embed import Embedder
from retrieval.service import NotesIndex
from tests.retrieval.conftest import tutor_over

NOTES = """# Study notes

## Amazon Athena

Athena is a serverless interactive query service over data in S3. Under the hood Athena runs
the Presto engine, which you pay for per query by the data it scans.

## Amazon Elastic Inference

Elastic Inference attaches low-cost GPU acceleration to CPU instances. Accelerators come in
the ml.eia1 and ml.eia2 families, in medium, large and xlarge sizes.

## Amazon Transcribe

Transcribe turns speech into text. Its streaming client talks HTTP/2 or WebSockets.

## Regression metrics

RMSE is the square root of the mean squared error; it punishes large errors more than MAE.
"""


@pytest.fixture(scope="module")
def tutor(tmp_path_factory: pytest.TempPathFactory, embedder: Embedder) -> NotesIndex:
    return tutor_over(tmp_path_factory, embedder, "typos", {"notes.md": NOTES})


def test_a_dropped_letter_is_read_as_the_notes_word(tutor: NotesIndex) -> None:
    answer = tutor.ask("elastic infernce accelerator sizes")
    assert answer.searched == "elastic inference accelerator sizes"
    assert answer.covered and "ml.eia1" in answer.text


def test_a_misspelt_question_word_is_no_unknown_subject(tutor: NotesIndex) -> None:
    answer = tutor.ask("athena runs on wich engine")
    assert answer.covered, answer.missing
    assert "Presto" in answer.text


def test_swapped_letters_in_a_product_name_and_a_short_word(tutor: NotesIndex) -> None:
    answer = tutor.ask("transcirbe streaming client protocol teh one")
    assert answer.searched == "transcribe streaming client protocol the one"
    assert "HTTP/2" in answer.text


def test_a_term_one_letter_longer_than_a_notes_acronym_stays_declined(tutor: NotesIndex) -> None:
    answer = tutor.ask("what is rmsle")
    assert answer.searched == "what is rmsle"
    assert not answer.covered
