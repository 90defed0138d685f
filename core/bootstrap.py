"""The composition root: `build_core(settings)` makes the parts every entry point shares (the
database, the index service, the grader, the clock, the publishing port). The CLI, the Slack
bot, the scheduler and the console commands all build through it, so startup is written once.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from common.clock import Clock, utc_now

if TYPE_CHECKING:
    from common.config import Settings
    from core.publishing import Deliverer, QuizPublisher
    from quiz.grade import FreeTextGrader
    from quiz.sync import SyncReport
    from retrieval.build import BuildOptions
    from retrieval.embed import Embedder
    from retrieval.service import NotesIndex
    from store.db import Database

log = logging.getLogger(__name__)


@dataclass
class Core:
    """What a use case works with; time is a parameter (`now`). The notes index (answers from
    the built index) and the grader are absent in processes that never answer (the scheduler
    alone, the quiz commands)."""

    settings: Settings
    database: Database
    notes_index: NotesIndex | None = None
    grader: FreeTextGrader | None = None
    now: Clock = field(default=utc_now)
    # How queued messages look (the Slack publisher, handed in by the CLI or the bot).
    publisher: QuizPublisher | None = None
    # The outbox sender of this process, once one is made (bot.slack.delivery.sender_of).
    sender: Deliverer | Any | None = None

    @property
    def notes_roots(self) -> list[Path]:
        return list(self.settings.corpus)

    def load_grader(self) -> FreeTextGrader:
        """The free-text grader, loading the model on first use (the console loads it only
        when an answer is in the member's own words)."""
        if self.grader is None:
            from quiz.grade import FreeTextGrader
            from retrieval.embed import load_embedder

            settings = self.settings
            self.grader = FreeTextGrader(load_embedder(settings.embed_model, settings.index_dir))
        return self.grader

    def close(self) -> None:
        self.database.dispose()


def build_core(
    settings: Settings,
    *,
    now: Clock = utc_now,
    publisher: QuizPublisher | None = None,
    answers: bool = True,
    sync_bank: bool = True,
    notes_index: NotesIndex | None = None,
) -> Core:
    """Migrations run, the bank synced (`sync_bank`), and with `answers` the index built if
    missing and the notes index and grader loaded. A `notes_index` already opened (the console's,
    which reports its own index updates) is used as it is."""
    database = open_database(settings)
    if sync_bank:
        sync_corpus(database, settings, now())
    grader = None
    if answers and notes_index is None:
        from quiz.grade import FreeTextGrader
        from retrieval.embed import load_embedder

        embedder = load_embedder(settings.embed_model, settings.index_dir)
        notes_index = load_notes_index(settings, embedder)
        grader = FreeTextGrader(embedder)
    return Core(settings, database, notes_index, grader, now=now, publisher=publisher)


def open_database(settings: Settings) -> Database:
    """The store, migrated (the SQLite folder made first)."""
    from store.db import Database, is_sqlite
    from store.migrate import upgrade

    url = settings.effective_database_url
    if is_sqlite(url):
        settings.data_dir.mkdir(parents=True, exist_ok=True)
    upgrade(url)
    return Database(url)


def sync_corpus(database: Database, settings: Settings, now: datetime) -> SyncReport:
    """The question bank and flashcards of `settings.corpus` stored (edits become versions)."""
    from quiz.sync import load_corpus, sync_bank

    questions, cards = load_corpus(settings.corpus)
    with database.session() as session:
        return sync_bank(session, questions, cards, now)


def load_notes_index(settings: Settings, embedder: Embedder | None = None) -> NotesIndex:
    """The index service over `settings.index_dir`, the index built first when there is none
    (the model is loaded on first use when no `embedder` is given)."""
    from retrieval.build import build_index
    from retrieval.index_store import current_build
    from retrieval.service import NotesIndex

    if current_build(settings.index_dir) is None:
        log.info("no index yet: building it from %s", ", ".join(map(str, settings.corpus)))
        factory = None if embedder is None else (lambda _name: embedder)
        build_index(build_options(settings), embedder_factory=factory)
    return NotesIndex(
        settings.index_dir,
        settings.embed_model,
        embedder=embedder,
        min_confidence=settings.min_confidence,
    )


def build_options(settings: Settings, **choices: bool) -> BuildOptions:
    """The index build the settings ask for; `choices` are `strict` and `force`."""
    from retrieval.build import BuildOptions

    return BuildOptions(
        roots=settings.corpus,
        index_dir=settings.index_dir,
        model=settings.embed_model,
        token_limit=settings.chunk_tokens,
        **choices,
    )
