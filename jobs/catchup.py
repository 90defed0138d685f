"""The safety net: posts and reveals that are due but not done (after downtime, a failure or
a takeover) are made now, within the grace window; old finished claims, sent messages and
handled Slack event ids are forgotten."""

from __future__ import annotations

from datetime import datetime, timedelta

import structlog
from sqlalchemy.exc import SQLAlchemyError

from jobs.context import JobContext, current
from jobs.daily import PostOutcome, due_channels, post_daily_question
from jobs.observe import observed
from jobs.reveal import reveal_due
from quiz.clock import require_aware
from store import claims, outbox

log = structlog.get_logger(__name__)
KEEP_CLAIMS = timedelta(days=30)
KEEP_EVENTS = timedelta(days=7)  # Slack's retries of an event end within the hour


def catch_up(ctx: JobContext, now: datetime) -> dict[str, PostOutcome]:
    """Post every channel's due question (each call is a no-op when done) and due reveals.
    A database outage ends the round with one log line: the next round (every few minutes,
    and at once when a scheduler takes the lease) makes up for it, and what was queued
    already is retried by the outbox sender."""
    now = require_aware(now)
    outcomes: dict[str, PostOutcome] = {}
    try:
        _catch_up(ctx, now, outcomes)
    except SQLAlchemyError as error:
        log.warning(
            "catch-up stopped: database unavailable; the next round retries",
            error=type(error).__name__,
            done=len(outcomes),
        )
    return outcomes


def _catch_up(ctx: JobContext, now: datetime, outcomes: dict[str, PostOutcome]) -> None:
    for channel_id in due_channels(ctx):
        try:
            outcomes[channel_id] = post_daily_question(ctx, channel_id, now)
        except SQLAlchemyError:
            raise  # not this channel's fault: the whole round stops
        except Exception:  # one channel's Slack failure must not starve the others
            log.exception("catch-up post failed", channel=channel_id)
    try:
        reveal_due(ctx, None, now)
    except SQLAlchemyError:
        raise
    except Exception:
        log.exception("catch-up reveal failed")
    with ctx.database.session() as session:
        claims.prune(session, now - KEEP_CLAIMS)
        claims.prune_events(session, now - KEEP_EVENTS)
        outbox.prune(session, now - KEEP_CLAIMS)


@observed("quiz-catch-up")
def run_catch_up() -> None:
    """Job `quiz-catch-up`, every few minutes and whenever a scheduler takes the lease."""
    ctx = current()
    outcomes = catch_up(ctx, ctx.clock()).items()
    posted = [c for c, o in outcomes if o in (PostOutcome.POSTED, PostOutcome.QUEUED)]
    if posted:
        log.info("caught up on daily posts", channels=posted)
