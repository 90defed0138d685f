"""A scenario's reasons: the restriction that the stem's plan breaks ("format conversion only
accepts JSON input" for a plan that sends CSV) is quoted, not the sentence restating the plan."""

from __future__ import annotations

import pytest

from retrieval.embed import Embedder
from retrieval.service import NotesIndex
from tests.retrieval.conftest import tutor_over

NOTES = """# Study notes

## Kinesis Data Firehose

### Firehose record format conversion

Kinesis Data Firehose can convert incoming JSON records to Apache Parquet before writing them to
Amazon S3. The schema comes from a table in the AWS Glue Data Catalog. Format conversion only
accepts JSON input; if the producers send CSV or syslog lines, add a Lambda transform that turns
them into JSON first. Use format conversion when analysts query the landed data with Athena,
because columnar Parquet cuts the data each query scans.

## EMR clusters

### Transient and long-running clusters

A transient cluster runs its steps, writes results to S3 and terminates, so you pay only while
the work runs. A long-running cluster stays up for interactive notebooks and ad hoc Spark jobs.
"""


@pytest.fixture(scope="module")
def tutor(tmp_path_factory: pytest.TempPathFactory, embedder: Embedder) -> NotesIndex:
    return tutor_over(tmp_path_factory, embedder, "scenario-restriction", {"notes.md": NOTES})


def test_the_restriction_the_plan_breaks_is_quoted(tutor: NotesIndex) -> None:
    answer = tutor.ask(
        "Sensors write CSV lines into Kinesis Data Firehose, and analysts query the results with "
        "Athena, so we want Parquet in S3. We planned on Firehose's own format conversion. What "
        "is missing?"
    )
    assert answer.kind == "scenario" and answer.covered
    assert "Lambda transform" in answer.text
