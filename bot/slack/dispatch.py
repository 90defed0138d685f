"""How listeners are registered: the ack is sent from the request's own thread the moment the
request is verified, and the work is queued in the listener pool, so no amount of queued work can
make Slack's 3-second ack deadline slip. Answers go one step further, into the bounded answer pool.

The work is queued by hand rather than as a slack-bolt lazy listener: bolt deep-copies the whole
request for each lazy function (about half the request thread's time in bench/slack_load.py), a
copy made for runtimes that re-invoke the app per function, which a long-running server never does.
The work gets the same arguments, built by bolt's own injection from the original request."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from slack_bolt import BoltContext, BoltRequest, Respond
from slack_bolt.kwargs_injection import build_required_kwargs
from slack_bolt.util.utils import get_arg_names_of_callable

from bot.slack.errors import UserError, report_error, reported
from bot.slack.render import general
from bot.slack.responding import responder
from bot.slack.services import Services
from common.metrics import ANSWERS_DROPPED

logger = logging.getLogger(__name__)
Listener = Callable[..., None]


def acked(route: Callable[..., Any]) -> Callable[[Listener], Listener]:
    """`@acked(app.command("/study"))`: ack at once, then queue the decorated function in the
    listener pool (its arguments are injected by name, as slack-bolt does for any listener)."""

    def register(work: Listener) -> Listener:
        names = get_arg_names_of_callable(work)

        def ack_then_queue(request: BoltRequest) -> None:
            request.context.ack()
            executor = request.context.listener_runner.listener_executor
            executor.submit(run_work, work, names, request)

        ack_then_queue.__name__ = f"ack_then_queue_{work.__name__}"
        route(ack_then_queue)
        return work

    return register


def run_work(work: Listener, names: list[str], request: BoltRequest) -> None:
    """Call `work` with the arguments it names. The listeners report their own failures to the
    member (errors.reported); this catches what escapes, as slack-bolt does for lazy work."""
    try:
        kwargs = build_required_kwargs(
            logger=logger, required_arg_names=list(names), request=request, response=None
        )
        work(**kwargs)
    except Exception:
        logger.exception("listener %s failed", getattr(work, "__name__", "?"))


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
        report_error(UserError(general.BUSY), body, context, services)
