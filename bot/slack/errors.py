"""The one error handler: domain errors become their own polite message, anything else a
generic apology; every failure is logged with its context (never with tokens or bodies).

Only verified requests get here (the front door answers 401 before slack-bolt sees anything
else), and nothing here trusts the body's shape: odd fields are skipped, never raised on."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from slack_bolt import BoltContext
from slack_sdk.errors import SlackApiError
from sqlalchemy.exc import SQLAlchemyError

from bot.slack.render import general, shared
from bot.slack.text import escape
from quiz.errors import QuizError

if TYPE_CHECKING:
    from bot.slack.services import Services

logger = logging.getLogger(__name__)


class UserError(Exception):
    """A request the bot cannot carry out as asked; the message tells the member what to do."""


def handle_error(error: Exception, body: dict[str, Any], context: BoltContext) -> None:
    """slack-bolt's global error handler (it passes arguments by name: no `services` here)."""
    report_error(error, body, context, None)


def report_error(
    error: Exception, body: dict[str, Any], context: BoltContext, services: Services | None
) -> None:
    """Log and tell the member; with `services` the note goes through the outbox (retried)."""
    where = request_context(body)
    if isinstance(error, QuizError | UserError):
        # The message may quote what the member typed: it goes to them, not to the log.
        logger.info("refused %s: %s", where, type(error).__name__)
        text = shared.clip(escape(str(error)), shared.SECTION_MAX)
    else:
        logger.error("failed %s: %s", where, _describe(error), exc_info=error)
        text = general.ERROR_GENERIC
    _tell_user(context, body, text, services)


@contextmanager
def reported(
    body: dict[str, Any], context: BoltContext, services: Services | None = None
) -> Iterator[None]:
    """Run a listener's work after its ack, sending any failure to `handle_error` here.

    slack_bolt's thread runner undoes an ack (and answers 404 after 3 s) when an acked command
    or action listener raises before the ack has been sent, so failures must not escape.
    """
    try:
        yield
    except Exception as error:
        report_error(error, body, context, services)


def request_context(body: Any) -> str:
    """What the request was about: its kind, the user, the channel, the event or action id."""
    body = _mapping(body)
    event = _mapping(body.get("event"))
    parts = {
        "type": event.get("type") or body.get("type") or ("command" if "command" in body else ""),
        "command": body.get("command"),
        "action": _action_id(body),
        "event_id": body.get("event_id"),
        "team": body.get("team_id") or _mapping(body.get("team")).get("id"),
        "user": body.get("user_id") or event.get("user") or _mapping(body.get("user")).get("id"),
        "channel": body.get("channel_id") or event.get("channel"),
    }
    return " ".join(f"{k}={_short(v)}" for k, v in parts.items() if isinstance(v, str) and v)


def _mapping(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _short(value: str) -> str:
    return value[:64]


def _action_id(body: dict[str, Any]) -> str | None:
    actions = body.get("actions")
    if isinstance(actions, list) and actions:
        return _mapping(actions[0]).get("action_id")
    return _mapping(body.get("view")).get("callback_id")


def _describe(error: Exception) -> str:
    if isinstance(error, SlackApiError):
        return (
            f"Slack API error {error.response.get('error')!r} (HTTP {error.response.status_code})"
        )
    return f"{type(error).__name__}: {error}"


def _tell_user(
    context: BoltContext, body: dict[str, Any], text: str, services: Services | None
) -> None:
    """Reply privately where we can; a reply that fails too is only logged. The outbox is the
    database: when that is what failed, the note goes straight to Slack instead."""
    try:
        if services is not None and _told_by_outbox(services, body, text):
            return
    except SQLAlchemyError as error:
        logger.warning("could not queue the failure note (%s); replying directly", _describe(error))
    try:
        if context.respond is not None and context.response_url:
            context.respond(text=text, response_type="ephemeral", replace_original=False)
            return
        event = _mapping(_mapping(body).get("event"))
        channel, user = event.get("channel"), event.get("user")
        if context.client is not None and isinstance(channel, str) and isinstance(user, str):
            context.client.chat_postEphemeral(channel=channel, user=user, text=text)
    except Exception as reply_error:  # the apology itself failed: log, never raise
        logger.error("could not report the failure: %s", _describe(reply_error))


def _told_by_outbox(services: Services, body: dict[str, Any], text: str) -> bool:
    """The note as an outbox row (retried until its deadline); False when there is nowhere
    to send it (no response_url, no event channel and user)."""
    from bot.slack.delivery import EPHEMERAL_METHOD, send_reply
    from bot.slack.responding import responder

    respond = responder(services, _mapping(body), tag="error")
    if respond is not None:
        respond(text=text, response_type="ephemeral", replace_original=False)
        return True
    event = _mapping(_mapping(body).get("event"))
    channel, user, event_id = event.get("channel"), event.get("user"), body.get("event_id")
    if not all(isinstance(v, str) and v for v in (channel, user, event_id)):
        return False
    payload = {"user": user, "text": text}
    send_reply(services, f"error:{event_id}", str(channel), payload, method=EPHEMERAL_METHOD)
    return True
