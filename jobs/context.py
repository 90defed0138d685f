"""What a running job needs (database, publisher, outbox sender, settings, clock), installed
once per process.

APScheduler stores jobs as a reference to a module-level function plus pickled arguments, so
the live objects a job uses cannot travel with it: the lease holder installs them here.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Protocol

from core.bootstrap import Core
from quiz.clock import Clock, utc_now

if TYPE_CHECKING:
    from core.config import Settings
    from core.publishing import Deliverer, QuizPublisher
    from retrieval.embed import Embedder
    from retrieval.service import NotesIndex
    from store.db import Database


class RevealScheduler(Protocol):
    def __call__(self, channel_id: str, closes_at: datetime) -> None: ...


@dataclass
class JobContext:
    database: Database
    publisher: QuizPublisher
    settings: Settings
    holder: str = "local"
    clock: Clock = utc_now
    sender: Deliverer | None = None
    notes_index: NotesIndex | None = None
    embedder: Embedder | None = None
    schedule_reveal: RevealScheduler | None = None

    def core(self) -> Core:
        """What the use cases in `core.usecases` work with, made of this context's parts."""
        return Core(
            settings=self.settings,
            database=self.database,
            notes_index=self.notes_index,
            now=self.clock,
            publisher=self.publisher,
            sender=self.sender,
        )

    def deliver(self, row_ids: list[int], now: datetime) -> bool:
        """Send the rows a job just queued, in order; without a sender they wait for one.
        True when all of them are in Slack now."""
        if self.sender is None:
            return False
        outcomes = [self.sender.deliver(row_id, now) for row_id in row_ids]
        return all(outcome in ("sent", "found") for outcome in outcomes)


class NoJobContext(RuntimeError):
    def __init__(self) -> None:
        super().__init__("no job context installed: jobs run only inside the scheduler service")


_current: JobContext | None = None


def install(context: JobContext | None) -> None:
    global _current
    _current = context


def current() -> JobContext:
    if _current is None:
        raise NoJobContext()
    return _current
