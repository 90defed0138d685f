"""What a running job needs (database, publisher, settings, clock), installed once per process.

APScheduler stores jobs as a reference to a module-level function plus pickled arguments, so
the live objects a job uses cannot travel with it: the lease holder installs them here.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from bot.config import Settings
    from bot.publisher import QuizPublisher
    from retrieval.embed import Embedder
    from retrieval.service import Tutor
    from store.db import Database


class RevealScheduler(Protocol):
    def __call__(self, channel_id: str, closes_at: datetime) -> None: ...


def utc_now() -> datetime:
    return datetime.now(UTC)


# Waits between attempts when Slack fails (after slack_sdk's own 429 handling).
DEFAULT_RETRY_DELAYS: tuple[float, ...] = (2.0, 10.0, 30.0)


@dataclass
class JobContext:
    database: Database
    publisher: QuizPublisher
    settings: Settings
    holder: str = "local"
    clock: Callable[[], datetime] = utc_now
    retry_delays: Sequence[float] = DEFAULT_RETRY_DELAYS
    sleep: Callable[[float], None] = time.sleep
    tutor: Tutor | None = None
    embedder: Embedder | None = None
    schedule_reveal: RevealScheduler | None = None


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
