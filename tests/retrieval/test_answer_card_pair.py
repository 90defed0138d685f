"""A comparison whose two sides each have a "Term: fact" line on one card listing such lines (an
overview card: "Glue Data Catalog & Crawlers: Metadata repositories ...", "Athena: Serverless
Query of your data") is answered with those two lines (`Composer._paired`) when they score as well
as the sides' own picks and answer as much of the ask: not with a line for one side from a passage
about something else ("Glue ETL - Run Apache Spark code ..." under "AWS Data Pipeline vs Glue")."""

from __future__ import annotations

import pytest

from retrieval.embed import Embedder
from retrieval.service import NotesIndex
from tests.retrieval.conftest import filler_topics, tutor_over

NOTES = f"""# Services overview

Amazon S3: Object Storage for your data

Kinesis Data Streams: real-time data streams, need capacity planning

Glue Data Catalog & Crawlers: Metadata repositories for schemas and datasets in your account

Glue ETL: ETL Jobs as Spark programs, run on a serverless Spark Cluster

DynamoDB: NoSQL store

Redshift: Data Warehousing for OLAP, SQL language

RDS / Aurora: Relational Data Store for OLTP, SQL language

EMR: Managed Hadoop Clusters

Athena: Serverless Query of your data

# AWS Data Pipeline vs Glue

Data Pipeline orchestrates jobs between RDS, DynamoDB and S3 on EC2 instances.
Glue Data Catalog to make the data available to Athena or Redshift Spectrum.
Glue ETL - Run Apache Spark code, Scala or Python based, focus on the ETL.

# Serverless analytics

Athena is serverless, so there is no infrastructure to manage, and you pay only for the queries
that you run.

# Databases

RDS, Aurora: Online transactional processing (OLTP) relational store, store data at the row level.

Redshift: Data organized in columns. Load data from S3 to Redshift.

{filler_topics(12)}
"""


@pytest.fixture(scope="module")
def tutor(tmp_path_factory: pytest.TempPathFactory, embedder: Embedder) -> NotesIndex:
    return tutor_over(tmp_path_factory, embedder, "card-pair", {"notes.md": NOTES})


def test_each_sides_line_of_one_card_answers_both(tutor: NotesIndex) -> None:
    answer = tutor.ask(
        "Glue Data Catalog vs Athena on the overview card - which one holds the schemas and "
        "which one runs the queries?"
    )
    assert answer.covered, answer.missing
    assert "Metadata repositories for schemas" in answer.text
    assert "Serverless Query of your data" in answer.text


def test_a_cards_lines_holding_less_of_the_ask_leave_the_picks(tutor: NotesIndex) -> None:
    answer = tutor.ask("RDS/Aurora vs Redshift: does each one store its data by row or by column?")
    assert answer.covered, answer.missing
    assert "row level" in answer.text  # not "Relational Data Store for OLTP"
    assert "organized in columns" in answer.text  # not "Data Warehousing for OLAP"
