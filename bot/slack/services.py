"""What the listeners work with: settings, the database, the tutor, the grader, the clock and
the pool answers run in."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from core.config import Settings
from quiz.clock import Clock, utc_now

if TYPE_CHECKING:
    from bot.slack.workers import WorkPool
    from quiz.grade import FreeTextGrader
    from retrieval.service import Tutor
    from store.db import Database


@dataclass
class Services:
    """One container handed to every listener; time is a parameter (`now`)."""

    settings: Settings
    database: Database
    tutor: Tutor
    grader: FreeTextGrader | None = None
    now: Clock = field(default=utc_now)
    # Answers run here when set (bounded, CPU-bound work); inline in the listener otherwise.
    answer_pool: WorkPool | None = None
    # The outbox sender (bot.slack.delivery.sender_of makes it on first use).
    sender: object | None = None

    @property
    def notes_roots(self) -> list[Path]:
        return list(self.settings.corpus)
