"""How listeners are registered: the ack is sent from the request's own thread the moment the
request is verified, and the work runs afterwards as a slack-bolt lazy listener, so no amount of
queued work can make Slack's 3-second ack deadline slip. Answers go one step further, into the
bounded answer pool."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from slack_bolt import Ack, BoltContext, Respond

from bot.slack import messages
from bot.slack.errors import UserError, report_error, reported
from bot.slack.responding import responder
from bot.slack.services import Services
from common.metrics import ANSWERS_DROPPED

Listener = Callable[..., None]


def ack_now(ack: Ack) -> None:
    ack()


def acked(route: Callable[..., Any]) -> Callable[[Listener], Listener]:
    """`@acked(app.command("/study"))`: ack at once, then run the decorated function as lazy work
    (slack-bolt injects its arguments by name, as for any listener)."""

    def register(work: Listener) -> Listener:
        route(ack=ack_now, lazy=[work])
        return work

    return register


def outbox_respond(services: Services, body: dict[str, Any], respond: Respond) -> Respond:
    """The listener's `respond`, through the outbox when the interaction has a response_url
    (retried until Slack's deadline); slack-bolt's own otherwise."""
    return responder(services, body) or respond  # type: ignore[return-value]


def answer_later(
    services: Services, body: dict[str, Any], context: BoltContext, work: Callable[[], None]
) -> None:
    """Run `work` (an answer from the notes) in the answer pool, reporting its failures; when the
    pool is full, tell the asker to try again instead of queueing without end."""

    def run() -> None:
        with reported(body, context, services):
            work()

    pool = services.answer_pool
    if pool is None:
        run()
    elif not pool.offer(run):
        ANSWERS_DROPPED.inc()
        report_error(UserError(messages.BUSY), body, context, services)
