"""A yes/no ask's answer stated in its own passage (`retrieval.stated`): the quote is the
subject's overview, which holds the asked words but says neither yes nor no, and the passage
states the answer in a sentence that limits or requires ("only when", "must be stored"). That
sentence is quoted after the overview, or in place of a quoted sentence saying the same thing
without it."""

from __future__ import annotations

import pytest

from retrieval.embed import Embedder
from retrieval.service import NotesIndex
from tests.retrieval.conftest import tutor_over

NOTES = """AWS ML notes

Amazon SageMaker Batch Transform

· To get inferences for an entire dataset, use Amazon SageMaker Batch Transform. With batch transform, you create a batch transform job using a trained model and the dataset, which must be stored in Amazon S3. Amazon SageMaker saves the inferences in an S3 bucket that you specify when you create the batch transform job.

· You can use Amazon SageMaker Batch Transform to exclude attributes before running predictions. You can also join the prediction results with partial or entire input data attributes when using data that is in CSV, text, or JSON format.

Amazon SageMaker Hosting Services is only used for getting inference one at a time and not for an entire dataset.

Amazon S3

Amazon S3 allows people to store objects (files) in "buckets" (directories). Max object size is 5TB.
"""  # noqa: E501  (the team's notes write a paragraph on one line)


@pytest.fixture(scope="module")
def team(tmp_path_factory: pytest.TempPathFactory, embedder: Embedder) -> NotesIndex:
    return tutor_over(tmp_path_factory, embedder, "stated", {"notes.txt": NOTES})


def test_the_limit_is_quoted_after_the_overview(shipped: NotesIndex) -> None:
    answer = shipped.ask("can i warm start a tuning job that tunes more than one algorithm?")
    assert answer.text.startswith("Warm start launches a new tuning job")
    assert "only when tuning a single algorithm" in answer.text


def test_a_stating_twin_takes_the_quoted_sentence_place(team: NotesIndex) -> None:
    answer = team.ask("does the data for a batch transform job have to sit in s3?")
    assert "must be stored in Amazon S3" in answer.text


def test_an_ask_that_is_no_yes_no_question_is_left_as_it_was(team: NotesIndex) -> None:
    answer = team.ask("where does batch transform save the inferences")
    assert "saves the inferences in an S3 bucket" in answer.text


def test_a_terse_yes_no_ask_gets_the_denial_in_the_notes_words(shipped: NotesIndex) -> None:
    """ "... possible?" asks yes or no without "can" or "does"; the notes spell the acronym out
    ("graphics processors" for "gpu"), as their glossary does."""
    answer = shipped.ask("serverless inference w/ a gpu possible?")
    assert "graphics processors are not available" in answer.text
