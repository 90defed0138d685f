"""An ask offering two values of one subject's attribute ("kcl for producers or consumers") is
answered by a quote that states one of them: the value it does not state is no part of the
question left unanswered, so the gate does not decline the right quote for lacking it."""

from __future__ import annotations

import pytest

from retrieval.embed import Embedder
from retrieval.service import NotesIndex
from retrieval.understand import offered_values, understand
from tests.retrieval.conftest import tutor_over

NOTES = (
    "# Streaming\n\n"
    "## Kinesis Data Streams\n\n"
    "Real-time data streaming service; you write producers and consumers yourself.\n"
    "Data is split into shards, and retention is 24 hours by default.\n\n"
    "### Libraries\n\n"
    "- Kinesis Producer Library (KPL): batching and retries when writing records\n"
    "- Kinesis Client Library (KCL): For developing custom consumer applications.\n"
    "- Kinesis Agent: a Java program on servers that ships log files\n\n"
    "## Kinesis Data Firehose\n\n"
    "Near real time delivery to S3, Redshift, OpenSearch and Splunk.\n"
    "Can output parquet file format.\n\n"
    "## DeepAR\n\n"
    "DeepAR forecasts scalar time series with a recurrent neural network.\n"
    "Can use CPU or GPU. Start with CPU (C4.2xlarge, C4.4xlarge).\n"
)


@pytest.fixture(scope="module")
def tutor(tmp_path_factory: pytest.TempPathFactory, embedder: Embedder) -> NotesIndex:
    return tutor_over(tmp_path_factory, embedder, "offered", {"notes.md": NOTES})


@pytest.mark.parametrize(
    ("question", "values"),
    [
        ("kcl for producers or consumers", ("producers", "consumers")),
        ("deepar start on cpu or gpu box", ("cpu", "gpu box")),
        ("glue or emr for a big spark job?", ()),
    ],
)
def test_the_values_offered(question: str, values: tuple[str, ...]) -> None:
    assert offered_values(understand(question)) == values


def test_a_quote_stating_one_offered_value_is_answered(tutor: NotesIndex) -> None:
    answer = tutor.ask("kcl for producers or consumers")
    assert answer.covered
    assert "custom consumer" in answer.text
    assert answer.features[2] == pytest.approx(1.0)  # the answered share: every asked word held
