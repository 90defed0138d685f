"""A comparison side with no word of its own ("or not" in "is glue serverless or not") is a side
the answer cannot name: the checks that walk the sides beside what the answer names must still
answer, never raise. It was a traceback on notes that never write the other side's words
together."""

from __future__ import annotations

import pytest

from retrieval.confidence import sides_named
from retrieval.embed import Embedder
from retrieval.service import NotesIndex
from tests.retrieval.conftest import tutor_over

NOTES = """# Data preparation

## AWS Glue

Glue is a serverless extract, transform and load service: crawlers fill the Data Catalog with
the tables they find in S3, and jobs run on Spark.

## Amazon Athena

Amazon Athena is serverless: it queries files in S3 with SQL and charges per query.

## Amazon EMR

Amazon EMR runs Spark and Hadoop on clusters of EC2 instances you size yourself.
"""


@pytest.fixture(scope="module")
def tutor(tmp_path_factory: pytest.TempPathFactory, embedder: Embedder) -> NotesIndex:
    return tutor_over(tmp_path_factory, embedder, "wordless-side", {"notes.md": NOTES})


def test_a_side_with_no_word_is_never_named_and_keeps_its_place() -> None:
    assert sides_named(["glue serverless", "not"], "Glue jobs are serverless.", set()) == [
        True,
        False,
    ]


def test_a_yes_or_no_question_read_as_two_sides_is_answered(tutor: NotesIndex) -> None:
    answer = tutor.ask("is glue serverless or not")
    assert answer.sentences
    assert "Glue" in " ".join(answer.sentences)
