"""Quiz test fixtures: a database per backend, a copy of the fixture corpus, a fixed clock."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from quiz.sync import load_corpus, sync_bank
from store.db import Database
from tests.dbfixtures import db, db_url

__all__ = ["db", "db_url"]

FIXTURE_CORPUS = Path(__file__).parent / "fixtures" / "corpus"
NOW = datetime(2025, 3, 4, 9, 0, tzinfo=UTC)


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """A writable copy of the fixture corpus (notes, questions, flashcards)."""
    target = tmp_path / "corpus"
    shutil.copytree(FIXTURE_CORPUS, target)
    return target


@pytest.fixture
def synced(db: Database, corpus: Path) -> Iterator[Database]:
    """The database with the fixture bank and flashcards synced in."""
    questions, cards = load_corpus([corpus])
    with db.session() as session:
        sync_bank(session, questions, cards, NOW)
    yield db
