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
"""


@pytest.fixture(scope="module")
def tutor(tmp_path_factory: pytest.TempPathFactory, embedder: Embedder) -> NotesIndex:
    return tutor_over(tmp_path_factory, embedder, "sides", {"services.md": NOTES})


def test_a_third_service_sharing_the_sides_common_words_names_neither(tutor: NotesIndex) -> None:
    quoted = " ".join(tutor.ask("sqs vs sns").sentences)
    assert "message queue" in quoted and "subscribers" in quoted
    assert "Simple Storage Service" not in quoted
