"""Assembles the scheduler service of a process from settings, a database, and the publisher and
outbox sender the caller brings (the CLI brings Slack's, from `bot.slack.scheduling`). Used by
`studybot jobs` and `studybot run`."""

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
    from core.config import Settings
    from core.publishing import Deliverer, QuizPublisher
    from store.db import Database


def open_database(settings: Settings) -> Database:
    from store.db import Database
    from store.migrate import upgrade

    settings.data_dir.mkdir(parents=True, exist_ok=True)
    upgrade(settings.effective_database_url)
    return Database(settings.effective_database_url)


def scheduler_service(
    settings: Settings,
    database: Database,
    publisher: QuizPublisher,
    *,
    make_sender: Callable[[str], Deliverer] | None = None,
    ttl: timedelta = DEFAULT_TTL,
) -> SchedulerService:
    """The service with its job context; `make_sender(holder)` makes the outbox sender, if any."""
    holder = holder_name()
    sender = make_sender(holder) if make_sender is not None else None
    ctx = JobContext(
        database=database, publisher=publisher, settings=settings, holder=holder, sender=sender
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
