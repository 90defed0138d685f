"""The Slack side of the scheduler: how its messages look and the sender that delivers them.

The CLI hands these to `jobs.wiring.scheduler_service`, so the jobs never import the bot.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from core.config import Settings
    from core.publishing import Deliverer, QuizPublisher
    from store.db import Database


def slack_publisher() -> QuizPublisher:
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
