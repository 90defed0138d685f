"""The asked attribute in other words than the notes': "which frameworks ship with EMR besides
Spark" holds no word of the EMR card's "Includes Spark, HBase, Presto, Flink, Hive & more", the
sentence that answers it; the quote (EMR's overview) holds the rest of the ask. That sentence,
in the quoted passage, clearly closer by embedding to the asking clause than the quote and
naming things (the asked kind: "which frameworks") the quote does not, is added after it
(`attribute.closest`). An ask of no kind read there ("bias-variance trade-off in one or two
lines") gains no sentence merely near it ("A small σ means values cluster near the mean"), nor
does an ask from a passage whose heading names more than its subject."""

from __future__ import annotations

import pytest

from retrieval.asked_kind import asked_kind, states_kind
from retrieval.embed import Embedder
from retrieval.service import NotesIndex
from tests.retrieval.conftest import tutor_over

NOTES = """# Big data on AWS

## Amazon EMR

Amazon EMR is a cloud big data platform for running large-scale distributed data processing
jobs, interactive SQL queries, and machine learning (ML) applications using open-source
analytics frameworks such as Apache Spark, Apache Hive, and Presto.

Managed Hadoop framework on EC2 instances.

Includes Spark, HBase, Presto, Flink, Hive & more.

EMR Notebooks give several integration points with AWS.

## Spot instances

Spot instances are a good choice for task nodes. Only use them on core and master nodes if
you are testing or very cost-sensitive; you risk partial data loss.

## Amazon Athena

Athena is serverless, so there is no infrastructure to manage, and you pay only for the
queries that you run. Runs standard SQL over data in S3.

## AWS Glue

Glue is a serverless extract, transform and load service; crawlers fill the Data Catalog with
table definitions discovered in S3.
"""


@pytest.fixture(scope="module")
def team(tmp_path_factory: pytest.TempPathFactory, embedder: Embedder) -> NotesIndex:
    return tutor_over(tmp_path_factory, embedder, "closest-attribute", {"big-data.md": NOTES})


def test_the_frameworks_besides_spark_come_from_the_emr_card(team: NotesIndex) -> None:
    answer = team.ask("which frameworks ship with emr besides spark")
    assert answer.sentences[0].startswith("Amazon EMR is a cloud big data platform")
    assert "HBase" in answer.text


def test_an_ask_of_no_kind_gains_no_sentence_merely_near_it(shipped: NotesIndex) -> None:
    answer = shipped.ask("bias-variance trade-off in one or two lines?")
    assert answer.text.startswith("The bias-variance trade-off: making a model more flexible")
    assert "σ" not in answer.text  # "A small σ means values cluster near the mean ..."


def test_a_passage_headed_by_more_than_the_subject_is_about_another(shipped: NotesIndex) -> None:
    answer = shipped.ask(
        "augmented ai - which aws services does it plug into out of the box for human review?"
    )
    assert answer.text.startswith("Amazon Augmented AI (A2I) adds human review")
    assert "AWS AI services are fully managed" not in answer.text  # "Choosing an AI service ..."


def test_the_asked_kind_is_a_name_or_an_amount() -> None:
    assert asked_kind("athena runs on which query engine under the hood") == "name"
    assert asked_kind("what sizes do elastic inference accelerators come in") == "amount"
    assert asked_kind("how much cheaper can EI get?") == "amount"
    assert asked_kind("regularization in general - what is it meant to do?") is None


def test_a_sentence_states_the_kind_only_with_something_not_read_already() -> None:
    ask = "athena runs on which engine Athena is serverless, you pay only for the queries you run."
    assert states_kind("name", "Built on Presto.", ask)
    assert not states_kind("name", "You pay only for the queries that you run.", ask)
    assert states_kind("amount", "ml.eia1.medium / large / xlarge", "what sizes do EI come in")
    assert states_kind("amount", "EI can cut the cost by up to 75%.", "how much cheaper is EI")
    assert not states_kind("amount", "Its notebooks are run on EC2 instances", "what does it cost")
