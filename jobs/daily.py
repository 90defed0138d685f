"""The daily question's job: at each channel's slot, publish it through the use case
(`core.usecases.quiz_day.publish_due`, the path `/study quiz` takes too), send it now and
schedule its reveal. Which slot is due, the claim on the post and its outbox row are the
use case's; this module only triggers, sends and reports.
"""

from __future__ import annotations

from datetime import datetime

import structlog

from core.usecases.quiz_day import PostOutcome, publish_due, subscribed_channels
from jobs.context import JobContext, current
from jobs.observe import observed
from quiz.clock import require_aware

__all__ = ["PostOutcome", "due_channels", "post_daily_question", "run_daily_post"]

log = structlog.get_logger(__name__)


def post_daily_question(ctx: JobContext, channel_id: str, now: datetime) -> PostOutcome:
    """Queue and send the channel's question for its latest slot, if due and not yet out."""
    now = require_aware(now)
    due = publish_due(ctx.core(), channel_id, now)
    if isinstance(due, PostOutcome):
        return due
    if due.outcome is not PostOutcome.QUEUED or due.queued is None:
        return due.outcome
    sent = ctx.deliver([due.queued], now)
    if ctx.schedule_reveal is not None:
        ctx.schedule_reveal(channel_id, due.closes_at)
    log.info("daily question queued", channel=channel_id, post_id=due.question.post_id, sent=sent)
    return PostOutcome.POSTED if sent else PostOutcome.QUEUED


def due_channels(ctx: JobContext) -> list[str]:
    return subscribed_channels(ctx.core())


@observed("quiz-post")
def run_daily_post(channel_id: str) -> None:
    """Job `quiz-post:<channel>`."""
    ctx = current()
    outcome = post_daily_question(ctx, channel_id, ctx.clock())
    log.info("daily post job done", channel=channel_id, outcome=str(outcome))
