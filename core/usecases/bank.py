"""The question bank as the console keeps it: check it, read it, store it (edited questions
become versions)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from core.bootstrap import Core, sync_corpus

if TYPE_CHECKING:
    from common.config import Settings
    from quiz.check import Problem
    from quiz.sync import SyncReport


@dataclass(frozen=True)
class BankCheck:
    """What `bank check` found: each problem names its file and question; the shares say how
    often the answer is the longest or the shortest option (a give-away when high)."""

    questions: int
    problems: list[Problem]
    longest_share: float
    shortest_share: float


def check_bank(settings: Settings) -> BankCheck:
    """Every check of the bank under `settings.corpus`, all problems collected (the embedding
    checks load the model)."""
    from quiz.bank import flashcard_files, question_files
    from quiz.check import check_files, key_length_extremes
    from retrieval.embed import load_embedder

    questions, problems = check_files(
        question_files(settings.corpus),
        flashcard_files(settings.corpus),
        settings.corpus,
        load_embedder(settings.embed_model, settings.index_dir),
    )
    longest, shortest = key_length_extremes(questions)
    return BankCheck(len(questions), problems, longest, shortest)


def read_bank(settings: Settings) -> None:
    """Read the bank and flashcards without storing them: a file that cannot be read raises
    a BankError naming it, before anything is migrated or stored."""
    from quiz.sync import load_corpus

    load_corpus(settings.corpus)


def store_bank(core: Core, now: datetime) -> SyncReport:
    """The bank and flashcards of the core's corpus stored; edits become new versions."""
    return sync_corpus(core.database, core.settings, now)
