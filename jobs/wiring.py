"""Assembles the scheduler service of a process from settings: database, Slack publisher
(renderer), the outbox sender with its pacer, job context. Used by `studybot jobs` and
`studybot run`."""

from __future__ import annotations

import signal
import threading
from datetime import timedelta
from typing import TYPE_CHECKING

from jobs.context import Deliverer, JobContext
from jobs.lease import DEFAULT_TTL
from jobs.service import SchedulerService, holder_name

if TYPE_CHECKING:
    from bot.config import Settings
    from bot.publisher import QuizPublisher
    from store.db import Database


def slack_publisher(settings: Settings) -> QuizPublisher:
    """How the jobs' messages look in Slack (the outbox sender delivers them)."""
    from bot.slack.publisher import SlackPublisher

    return SlackPublisher()


def outbox_sender(settings: Settings, database: Database, holder: str) -> Deliverer:
    """The sender of this process: paced at the workspace budget, no blind retries."""
    from bot.slack.delivery import OutboxSender, SlackTransport, sender_client
    from bot.slack.pacing import Pacer

    assert settings.slack_bot_token is not None
    client = sender_client(
        settings.slack_bot_token.get_secret_value(), base_url=settings.slack_api_url
    )
    pacer = Pacer(per_minute=settings.slack_posts_per_minute)
    return OutboxSender(database, SlackTransport(client), pacer, holder=holder)


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
    ttl: timedelta = DEFAULT_TTL,
) -> SchedulerService:
    holder = holder_name()
    sender = outbox_sender(settings, database, holder) if settings.slack_bot_token else None
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
