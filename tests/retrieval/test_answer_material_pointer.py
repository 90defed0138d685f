"""The student's pointer at their own study material ("on the flashcards", "according to these
notes") names where the answer comes from, not what is asked: it is left out before the question
is searched and checked, so the notes' word for itself is no subject they "don't mention"."""

from __future__ import annotations

import pytest

import retrieval.answer as answering
from retrieval.embed import Embedder
from retrieval.material import without_pointer
from retrieval.service import NotesIndex
from tests.retrieval.conftest import tutor_over
from tests.retrieval.test_answer_terse import NOTES


@pytest.fixture(scope="module")
def tutor(tmp_path_factory: pytest.TempPathFactory, embedder: Embedder) -> NotesIndex:
    return tutor_over(tmp_path_factory, embedder, "material-pointer", {"notes.md": NOTES})


def test_a_pointer_at_the_flashcards_is_no_missing_subject(
    tutor: NotesIndex, monkeypatch: pytest.MonkeyPatch
) -> None:
    question = "what does kinesis data firehose do with incoming records on the flashcards?"
    answer = tutor.ask(question)
    assert answer.covered, answer.missing
    assert "buffers incoming records" in answer.text.lower()
    monkeypatch.setattr(answering, "without_pointer", lambda text: text)
    assert "flashcards" in tutor.ask(question).missing  # read as a subject the notes lack


def test_a_subject_the_notes_lack_is_still_declined(tutor: NotesIndex) -> None:
    answer = tutor.ask("what does kubernetes do according to my notes?")
    assert not answer.covered
    assert "kubernetes" in answer.missing.lower()


@pytest.mark.parametrize(
    ("question", "left"),
    [
        (
            "dynamodb vs s3 on the flashcards - which one is serverless?",
            "dynamodb vs s3 - which one is serverless?",
        ),
        ("How does dropout work, according to these notes?", "How does dropout work?"),
        ("the kms bit of the notes lists SSE and CSE", "the kms bit lists SSE and CSE"),
        (
            "which metric do the cards call 'correct positives'?",
            "which metric do call 'correct positives'?",
        ),
        ("In the flashcards' service list, what is DMS?", "service list, what is DMS?"),
        ("what are sagemaker model cards", "what are sagemaker model cards"),  # a subject
        ("where are the release notes", "where are the release notes"),
        ("my notes", "my notes"),  # nothing else: left as written
    ],
)
def test_without_pointer(question: str, left: str) -> None:
    assert without_pointer(question) == left
