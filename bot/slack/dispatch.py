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

from slack_bolt import BoltContext, BoltRequest, BoltResponse, Respond
from slack_bolt.kwargs_injection import build_required_kwargs
from slack_bolt.util.utils import get_arg_names_of_callable

from bot.slack.errors import UserError, report_error, reported
from bot.slack.render import general
from bot.slack.responding import responder
from bot.slack.services import Services
from bot.slack.workers import WorkPool
from common.logs import Throttle
from common.metrics import ANSWERS_DROPPED, LISTENER_TURNED_AWAY

logger = logging.getLogger(__name__)
Listener = Callable[..., None]
BUSY_RETRY_S = 30
# A flood into a full queue writes one warning a minute (with how many it held back); the
# metric counts every request turned away.
BUSY_LOG = Throttle(60.0)


def acked(route: Callable[..., Any]) -> Callable[[Listener], Listener]:
    """`@acked(app.command("/study"))`: ack at once, then queue the decorated function in the
    listener pool (its arguments are injected by name, as slack-bolt does for any listener)."""

    def register(work: Listener) -> Listener:
        names = get_arg_names_of_callable(work)

        def ack_then_queue(request: BoltRequest) -> BoltResponse | None:
            executor = request.context.listener_runner.listener_executor
            if isinstance(executor, WorkPool) and not executor.has_room():
                return turned_away(request)
            request.context.ack()
            executor.submit(run_work, work, names, request)
            return None

        ack_then_queue.__name__ = f"ack_then_queue_{work.__name__}"
        route(ack_then_queue)
        return work

    return register


def turned_away(request: BoltRequest) -> BoltResponse | None:
    """The listener queue is full: nothing is queued (memory stays bounded) and nothing is
    recorded, so the request can simply come again. A command is answered "busy, try again"
    in its ack (Slack shows it to the member), a modal keeps its input with the same note;
    an event or a click gets 503 with Retry-After: Slack delivers an event again later, and
    marks the clicked button as failed so the member can click again."""
    body = request.body
    kind = "command" if "command" in body else str(body.get("type") or "unknown")
    LISTENER_TURNED_AWAY.labels(kind=kind).inc()
    held = BUSY_LOG.due()
    if held is not None:
        logger.warning(
            "listener queue full: %s turned away (%d more since the last line)", kind, held
        )
    if kind == "command":
        request.context.ack(text=general.BUSY_TRY_AGAIN, response_type="ephemeral")
        return None
    block = _first_input_block(body) if kind == "view_submission" else None
    if block is not None:
        request.context.ack(response_action="errors", errors={block: general.BUSY_TRY_AGAIN})
        return None
    return BoltResponse(status=503, body="busy", headers={"Retry-After": str(BUSY_RETRY_S)})


def _first_input_block(body: dict[str, Any]) -> str | None:
    view = body.get("view")
    blocks = view.get("blocks") if isinstance(view, dict) else None
    for block in blocks if isinstance(blocks, list) else []:
        if isinstance(block, dict) and block.get("type") == "input" and block.get("block_id"):
            return str(block["block_id"])
    return None


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
