"""A comparison's aspect may be written in the sides' clause, after the last side ("sqs vs sns on
retention - what about each?", "... when it comes to retention"): it is asked of both sides as
much as the asking clause's words are, and is no part of the last side's name. A side's heading
gives an asked word only whole: "mode" is not the start of "Model" in "Automatic Model Tuning"."""

from __future__ import annotations

from collections import Counter

import pytest

from retrieval.aspect import asked_clauses, singular
from retrieval.embed import Embedder
from retrieval.service import NotesIndex
from retrieval.understand import understand
from tests.retrieval.conftest import filler_topics, tutor_over

QUEUES = """# Messaging

## Amazon SQS

Amazon SQS is a fully managed message queue: each message is processed by one consumer.
- Retention: up to 14 days.
- A visibility timeout hides a message while a consumer works on it.

## Amazon SNS

Amazon SNS is a fully managed pub/sub service that pushes each message to every subscriber.
- Retention: none; a message no subscriber takes is gone.
- Fans out to SQS queues, Lambda functions and HTTP endpoints.
"""

CARDS = """# Built-in algorithms

## Linear Learner

Linear Learner fits linear models for regression or classification.

## Linear Learner: Automatic Model Tuning

The internal tuning mechanism trains many candidate models in parallel.

## Linear Learner: Training input

File or Pipe mode both supported.

## Random Cut Forest

Random Cut Forest finds anomalous data points in a data set.

## Random Cut Forest: Training input

Can use File or Pipe mode on either.
"""

# Other notes, so that "retention", "mode" and "tuning" are words few sentences hold.
FILLER = filler_topics(13)


@pytest.fixture(scope="module")
def tutor(tmp_path_factory: pytest.TempPathFactory, embedder: Embedder) -> NotesIndex:
    files = {
        "queues.md": QUEUES,
        "cards.md": CARDS,
        "other.md": f"# Other notes\n\n{FILLER}\n",
    }
    return tutor_over(tmp_path_factory, embedder, "sides-aspect", files)


@pytest.mark.parametrize(
    "question",
    [
        "sqs vs sns on retention - what does each one do?",
        "sqs vs sns when it comes to retention - what does each one do?",
    ],
)
def test_an_aspect_after_the_last_side_is_asked_of_both(tutor: NotesIndex, question: str) -> None:
    answer = tutor.ask(question)
    assert "up to 14 days" in answer.text
    assert "Retention: none" in answer.text


def test_an_aspect_after_the_last_side_is_no_part_of_its_name() -> None:
    ask = understand("sqs vs sns on retention - what does each one do?")
    assert ask.subjects == ("sqs", "sns")
    assert "retention" in asked_clauses(ask.text)


def test_one_clause_naming_the_sides_and_asking_keeps_its_last_side() -> None:
    """In "how does A compare to B on X" nothing follows the sides' clause to ask: what comes
    after "on" is read as before, with the side."""
    ask = understand("how does sqs compare to sns on small payloads?")
    assert ask.subjects[-1] == "sns on small payloads"


def test_a_pointer_after_the_last_side_is_no_aspect() -> None:
    assert "card" not in asked_clauses("sqs vs sns on the overview card - what is each for?")


def test_a_heading_gives_an_asked_word_only_whole(tutor: NotesIndex) -> None:
    answer = tutor.ask("linear learner vs random cut forest - can both run in pipe mode?")
    assert "File or Pipe mode both supported" in answer.text
    assert "candidate models" not in answer.text


def test_a_plural_the_stemmer_keeps_is_read_as_the_singular_the_notes_write() -> None:
    counts = Counter({"cpu": 17, "cpus": 1, "class": 9})
    assert singular({"cpus", "class", "gpus"}, counts) == {"cpu", "class", "gpus"}
