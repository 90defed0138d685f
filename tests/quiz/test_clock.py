"""One clock: every container and sender falls back to common.clock.utc_now,
aware UTC; the jobs' context is the core itself, so it has no clock of its own."""

from __future__ import annotations

import dataclasses
import inspect
from datetime import UTC, datetime

from bot.slack.delivery import OutboxSender
from bot.slack.services import Services
from common.clock import utc_now
from common.clock import utc_now as common_utc_now
from core.bootstrap import Core
from jobs.context import JobContext
from retrieval.build import build_index


def test_utc_now_is_aware_utc() -> None:
    before = datetime.now(UTC)
    now = utc_now()
    assert now.tzinfo is UTC and before <= now <= datetime.now(UTC)


def test_every_container_defaults_to_the_one_clock() -> None:
    defaults = {f.name: f.default for f in dataclasses.fields(JobContext)}
    factories = {f.name: f.default for f in dataclasses.fields(Services)}
    sender = inspect.signature(OutboxSender.__init__).parameters["clock"].default
    build = inspect.signature(build_index).parameters["now"].default
    assert defaults["now"] is factories["now"] is sender is build is utc_now is common_utc_now
    assert issubclass(JobContext, Core) and issubclass(Services, Core)
