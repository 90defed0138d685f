"""A scenario stem's suggested option ("Redshift was proposed.", "A colleague wants to push them
through Kinesis Video Streams") is the plausible wrong answer: it is not a requirement, and its
name does not pull the answer to that service's passage."""

from __future__ import annotations

import pytest

from retrieval.embed import Embedder
from retrieval.rejected import split_rejected, without_rejected
from retrieval.service import NotesIndex
from retrieval.understand import understand
from tests.retrieval.conftest import tutor_over

NOTES = """# Analytics services

## Amazon Redshift

Amazon Redshift is a provisioned data warehouse: you size a cluster, load tables into it and
run SQL over the loaded data. Redshift suits repeated reporting over data already loaded.

## Amazon Athena

Amazon Athena runs SQL straight over files in S3 with no servers to manage and no load step;
you pay per query for the data scanned, which makes it the pick for ad hoc questions.
"""


@pytest.fixture(scope="module")
def tutor(tmp_path_factory: pytest.TempPathFactory, embedder: Embedder) -> NotesIndex:
    return tutor_over(tmp_path_factory, embedder, "rejected-notes", {"services.md": NOTES})


@pytest.mark.parametrize(
    ("clause", "rejected"),
    [
        ("Someone suggested Rekognition", True),
        ("Redshift was proposed", True),
        ("Training from random weights was the first plan", True),
        ("A colleague wants to push them through Kinesis Video Streams first", True),
        ("The team lead recommended a nightly Glue job", True),
        ("Our team wants to use SageMaker for training", False),
        ("We planned to switch on Firehose's record format conversion", False),
        ("They do not want to manage any servers", False),
    ],
)
def test_a_suggested_option_is_not_a_requirement(clause: str, rejected: bool) -> None:
    kept, found = split_rejected((clause,))
    assert (found == (clause,)) is rejected and (kept == (clause,)) is not rejected


def test_the_question_is_searched_without_the_suggested_option() -> None:
    ask = understand(
        "Analysts keep CSV files in S3 and want ad hoc SQL without managing servers or loading "
        "a warehouse first. Redshift was proposed. What should they use?"
    )
    assert ask.kind == "scenario" and ask.rejected == ("Redshift was proposed",)
    assert "Redshift" not in " ".join(ask.constraints)
    assert without_rejected(ask.text, ask.rejected) == (
        "Analysts keep CSV files in S3 and want ad hoc SQL without managing servers or loading "
        "a warehouse first. What should they use?"
    )


def test_the_proposed_warehouse_is_not_the_answer(tutor: NotesIndex) -> None:
    answer = tutor.ask(
        "Our analysts keep CSV and Parquet files in S3 and want to run ad hoc SQL over them. "
        "They will not manage servers and do not want to load a warehouse first. Redshift was "
        "proposed. What should they use?"
    )
    assert answer.covered
    assert "Athena" in " ".join(answer.sentences)
    assert answer.passages[0].heading.endswith("Amazon Athena")


def test_a_stem_that_opens_with_the_suggested_option_is_searched_from_its_first_requirement() -> (
    None
):
    text = "Someone suggested Redshift. We want ad hoc SQL over files in S3 without servers."
    assert without_rejected(text, ("Someone suggested Redshift",)) == (
        "We want ad hoc SQL over files in S3 without servers."
    )
