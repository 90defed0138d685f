"""The Slack side of the scheduler: how its messages look and the sender that delivers them.

The CLI hands these to `jobs.wiring.scheduler_service`, so the jobs never import the bot.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from common.config import Settings
    from core.publishing import Deliverer, QuizPublisher
    from store.db import Database


def slack_publisher() -> QuizPublisher:
    """How the jobs' messages look in Slack (the outbox sender delivers them)."""
    from bot.slack.publisher import SlackPublisher

    return SlackPublisher()


def outbox_sender(settings: Settings, database: Database, holder: str) -> Deliverer:
    """The sender of this process: paced at the workspace budget, no blind retries. With OAuth
    installs each row goes out with the token of its workspace (`outbox.team_of`)."""
    from bot.slack.delivery import OutboxSender, SlackTransport, sender_client, workspace_tokens
    from bot.slack.pacing import Pacer

    tokens = workspace_tokens(settings, database)
    assert settings.slack_bot_token is not None or tokens is not None
    token = settings.slack_bot_token.get_secret_value() if settings.slack_bot_token else ""
    client = sender_client(token, base_url=settings.slack_api_url)
    pacer = Pacer(per_minute=settings.slack_posts_per_minute)
    transport = SlackTransport(client, tokens=tokens)
    return OutboxSender(database, transport, pacer, holder=holder, admins=settings.admins)


def token_refusal(settings: Settings) -> str | None:
    """Slack's error when it refuses SLACK_BOT_TOKEN (`invalid_auth`…), else None: the token
    works, OAuth installs bring their own, or Slack cannot be reached now (the sender retries).
    Checked when `studybot jobs` starts: with a refused token every post would fail, quietly."""
    from slack_sdk.errors import SlackApiError

    from bot.slack.delivery import sender_client

    if settings.slack_bot_token is None:
        return None
    client = sender_client(
        settings.slack_bot_token.get_secret_value(), base_url=settings.slack_api_url
    )
    try:
        client.auth_test()
    except SlackApiError as error:
        return str(error.response.get("error") or error.response.status_code)
    except OSError:
        return None
    return None
