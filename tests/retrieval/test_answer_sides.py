"""A comparison's sides are named by what sets each apart: a sentence about a third service whose
spelled-out name shares the sides' common words ("Simple ... Service") names neither side."""

from __future__ import annotations

from pathlib import Path

import pytest

from retrieval.build import BuildOptions, build_index
from retrieval.embed import Embedder
from retrieval.service import NotesIndex
from tests.retrieval.conftest import MODEL

NOTES = """# AWS services in the pipeline

## Storage and messaging

Simple Storage Service (Amazon S3) is an object storage service for files of any size.
SQS (Simple Queue Service) is a message queue: consumers poll it and each message is handled once.
SNS (Simple Notification Service) pushes every message to all its subscribers by mail, SMS or HTTP.
"""


@pytest.fixture(scope="module")
def tutor(tmp_path_factory: pytest.TempPathFactory, embedder: Embedder) -> NotesIndex:
    root = tmp_path_factory.mktemp("sides")
    (root / "services.md").write_text(NOTES, encoding="utf-8")
    index_dir = tmp_path_factory.mktemp("sides-data") / "index"
    build_index(BuildOptions([root], index_dir, MODEL), embedder_factory=lambda _n: embedder)
    return NotesIndex(Path(index_dir), MODEL, embedder=embedder)


def test_a_third_service_sharing_the_sides_common_words_names_neither(tutor: NotesIndex) -> None:
    quoted = " ".join(tutor.ask("sqs vs sns").sentences)
    assert "message queue" in quoted and "subscribers" in quoted
    assert "Simple Storage Service" not in quoted
