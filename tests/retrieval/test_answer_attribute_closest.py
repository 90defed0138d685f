"""The asked attribute in other words than the notes': "which frameworks ship with EMR besides
Spark" holds no word of the EMR card's "Includes Spark, HBase, Presto, Flink, Hive & more", the
sentence that answers it; the quote (EMR's overview) holds the rest of the ask. That sentence,
in the quoted passage and clearly closer by embedding to the asking clause than the quote, is
added after it (`attribute.closest`)."""

from __future__ import annotations

import pytest

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
