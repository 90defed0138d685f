"""A comparison's sides are named by what sets each apart: a sentence about a third service whose
spelled-out name shares the sides' common words ("Simple ... Service") names neither side."""

from __future__ import annotations

import pytest

from retrieval.embed import Embedder
from retrieval.service import NotesIndex
from tests.retrieval.conftest import tutor_over

NOTES = """# AWS services in the pipeline

## Storage and messaging

Simple Storage Service (Amazon S3) is an object storage service for files of any size.
SQS (Simple Queue Service) is a message queue: consumers poll it and each message is handled once.
SNS (Simple Notification Service) pushes every message to all its subscribers by mail, SMS or HTTP.

## Data warehouses

Redshift is a columnar data warehouse for OLAP queries over loaded tables.
Redshift Spectrum queries files in S3 in place, without loading them first.
Athena or Redshift Spectrum can both read the Glue Data Catalog.
"""


@pytest.fixture(scope="module")
def tutor(tmp_path_factory: pytest.TempPathFactory, embedder: Embedder) -> NotesIndex:
    return tutor_over(tmp_path_factory, embedder, "sides", {"services.md": NOTES})


def test_a_third_service_sharing_the_sides_common_words_names_neither(tutor: NotesIndex) -> None:
    quoted = " ".join(tutor.ask("sqs vs sns").sentences)
    assert "message queue" in quoted and "subscribers" in quoted
    assert "Simple Storage Service" not in quoted


def test_a_side_within_another_is_answered_by_a_sentence_about_it_alone(tutor: NotesIndex) -> None:
    answer = tutor.ask("redshift vs redshift spectrum")
    quoted = " ".join(answer.sentences)
    assert "columnar data warehouse" in quoted and "in place" in quoted
    assert "Data Catalog" not in quoted  # names Spectrum alone: it contrasts nothing
