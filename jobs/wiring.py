"""Assembles the scheduler service of a process from the core (`core.bootstrap.build_core`,
with the publisher the caller brings) and the outbox sender it makes (the CLI brings Slack's,
from `bot.slack.scheduling`). Used by `studybot jobs` and `studybot run`."""

from __future__ import annotations

import signal
import threading
from collections.abc import Callable
from datetime import timedelta
from typing import TYPE_CHECKING

from jobs.context import JobContext
from jobs.lease import DEFAULT_TTL
from jobs.service import SchedulerService, holder_name

if TYPE_CHECKING:
    from core.bootstrap import Core
    from core.publishing import Deliverer


def scheduler_service(
    core: Core,
    *,
    make_sender: Callable[[str], Deliverer] | None = None,
    ttl: timedelta = DEFAULT_TTL,
) -> SchedulerService:
    """The service with its job context; `make_sender(holder)` makes the outbox sender, if any.
    The core must carry a publisher (how the jobs' messages look)."""
    if core.publisher is None:
        raise ValueError("the scheduler needs a publisher: build_core(settings, publisher=...)")
    holder = holder_name()
    sender = make_sender(holder) if make_sender is not None else None
    ctx = JobContext(
        database=core.database,
        publisher=core.publisher,
        settings=core.settings,
        holder=holder,
        now=core.now,
        sender=sender,
    )
    return SchedulerService(ctx, ttl=ttl)


def run_until_signalled(service: SchedulerService) -> None:
    """Run in the foreground; SIGTERM or Ctrl-C hands the lease over cleanly."""
    for signum in (signal.SIGTERM, signal.SIGINT):
        signal.signal(signum, lambda *_: service.stop())
    service.run()


def run_in_background(service: SchedulerService) -> threading.Thread:
    thread = threading.Thread(target=service.run, name="scheduler-service", daemon=True)
    thread.start()
    return thread
