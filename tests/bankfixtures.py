"""The fixture study corpus (notes, question bank, flashcards) shared by the quiz, jobs and Slack
tests, and a helper that syncs it into a store."""

from __future__ import annotations

import shutil
from datetime import datetime
from pathlib import Path

import pytest

from quiz.sync import load_corpus, sync_bank
from store.db import Database

FIXTURE_CORPUS = Path(__file__).parent / "quiz" / "fixtures" / "corpus"


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """A writable copy of the fixture corpus (notes, questions, flashcards)."""
    target = tmp_path / "corpus"
    shutil.copytree(FIXTURE_CORPUS, target)
    return target


def sync_corpus(database: Database, corpus: Path, now: datetime) -> None:
    """Store the corpus's bank and flashcards, as `studybot bank sync` does."""
    questions, cards = load_corpus([corpus])
    with database.session() as session:
        sync_bank(session, questions, cards, now)
