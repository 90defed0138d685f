"""Quiz test fixtures: a database per backend, a copy of the fixture corpus, a fixed clock, the
shipped bank by id and a grader."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from store.db import Database
from tests.bankfixtures import corpus, sync_corpus
from tests.dbfixtures import db, db_url
from tests.quiz.grading_kit import bank, grader

__all__ = ["bank", "corpus", "db", "db_url", "grader"]

NOW = datetime(2025, 3, 4, 9, 0, tzinfo=UTC)


@pytest.fixture
def synced(db: Database, corpus: Path) -> Iterator[Database]:
    """The database with the fixture bank and flashcards synced in."""
    sync_corpus(db, corpus, NOW)
    yield db
