"""One clock: every container and sender falls back to quiz.clock.utc_now, aware UTC."""

from __future__ import annotations

import dataclasses
import inspect
from datetime import UTC, datetime

from bot.slack.delivery import OutboxSender
from bot.slack.services import Services
from jobs.context import JobContext
from quiz.clock import utc_now


def test_utc_now_is_aware_utc() -> None:
    before = datetime.now(UTC)
    now = utc_now()
    assert now.tzinfo is UTC and before <= now <= datetime.now(UTC)


def test_every_container_defaults_to_the_one_clock() -> None:
    defaults = {f.name: f.default for f in dataclasses.fields(JobContext)}
    factories = {f.name: f.default for f in dataclasses.fields(Services)}
    sender = inspect.signature(OutboxSender.__init__).parameters["clock"].default
    assert defaults["clock"] is factories["now"] is sender is utc_now
