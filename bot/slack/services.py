"""What the listeners work with: the core (`core.bootstrap.Core`: settings, the database, the
tutor, the grader, the clock, the publisher and sender) and the pool answers run in."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from core.bootstrap import Core

if TYPE_CHECKING:
    from bot.slack.workers import WorkPool


@dataclass
class Services(Core):
    """The core as the Slack bot holds it, handed to every listener."""

    # Answers run here when set (bounded, CPU-bound work); inline in the listener otherwise.
    answer_pool: WorkPool | None = None

    def __post_init__(self) -> None:
        if self.publisher is None:  # the bot's own messages look the Slack way
            from bot.slack.publisher import SlackPublisher

            self.publisher = SlackPublisher()

    @classmethod
    def of(cls, core: Core) -> Services:
        """The bot's services over a core built by `build_core`."""
        return cls(
            core.settings,
            core.database,
            core.notes_index,
            core.grader,
            now=core.now,
            publisher=core.publisher,
            sender=core.sender,
        )
