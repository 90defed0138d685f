"""Jobs fixtures: a migrated database per backend with the fixture bank, settings pointing at
a copy of the fixture corpus, a recording publisher and a job context that never sleeps."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from common.config import Settings
from jobs import context
from jobs.context import JobContext
from store.db import Database
from tests.bankfixtures import corpus, sync_corpus
from tests.dbfixtures import db, db_url
from tests.jobs.helpers import RecordingPublisher, recording_sender, utc

__all__ = ["corpus", "db", "db_url"]

SYNC_TIME = utc(2025, 1, 1, 0, 0)


@pytest.fixture
def settings(tmp_path: Path, corpus: Path, db_url: str) -> Settings:
    return Settings(data_dir=tmp_path / "data", corpus=[corpus], database_url=db_url)


@pytest.fixture
def synced(db: Database, corpus: Path) -> Database:
    sync_corpus(db, corpus, SYNC_TIME)
    return db


@pytest.fixture
def publisher() -> RecordingPublisher:
    return RecordingPublisher()


@pytest.fixture
def ctx(
    synced: Database, publisher: RecordingPublisher, settings: Settings
) -> Iterator[JobContext]:
    """A job context over the synced database whose sender delivers to the recording
    publisher (a Slack in memory)."""
    job_context = JobContext(
        database=synced,
        publisher=publisher,
        settings=settings,
        holder="test-holder",
        sender=recording_sender(synced, publisher, "test-holder"),
    )
    yield job_context
    context.install(None)
