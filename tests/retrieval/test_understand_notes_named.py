"""Words that point at the notes themselves ("on the flashcards", "according to these notes",
"do the flashcards nickname") say where the student read something, not what they ask about:
they are taken out of the question before its kind is read, it is searched and its subjects are
checked against the notes' words, so "flashcards" is never declined as a subject the notes lack.
The same nouns as content ("model cards", "a deck of cards", "release notes") stay."""

from __future__ import annotations

import pytest

from retrieval.notes_named import without_notes_named
from retrieval.understand import understand


@pytest.mark.parametrize(
    ("question", "plain", "kind"),
    [
        (
            "dynamodb vs s3 on the flashcards - which one needs provisioned capacity?",
            "dynamodb vs s3 - which one needs provisioned capacity?",
            "comparison",
        ),
        (
            "In the flashcards' service list, what does DMS do?",
            "what does DMS do?",
            "definition",
        ),
        (
            "How does dropout reduce overfitting, according to these notes?",
            "How does dropout reduce overfitting?",
            "howto",
        ),
        (
            "which metric do the flashcards nickname 'recall'?",
            "which metric nickname 'recall'?",
            None,
        ),
        (
            "what is a shard when my notes talk about kinesis?",
            "what is a shard about kinesis?",
            None,
        ),
    ],
)
def test_a_pointer_at_the_notes_is_left_out(question: str, plain: str, kind: str | None) -> None:
    ask = understand(question)
    assert ask.text == plain
    assert kind is None or ask.kind == kind


@pytest.mark.parametrize(
    "question",
    [
        "how do sagemaker model cards work",
        "how do i shuffle a deck of cards like a casino dealer",
        "where do release notes for sagemaker get published",
        "the kms bit of the notes lists SSE and CSE - where does each encrypt?",
        "on the notes",
    ],
)
def test_the_same_nouns_as_content_stay(question: str) -> None:
    assert without_notes_named(question) == (question, False)
