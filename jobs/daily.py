"""The daily question: at each channel's local time, pick it, record it, queue it, once.

The unique (channel, quiz date) row decides which question a date gets; the outbox key
`post:<id>` decides that it goes out once, whether the schedule or `/study quiz` asks
(`core.publishing.queue_question`); the sender records the Slack ts on the post. Slots before
the channel's `schedule_from` (its subscription) were never due and are not reported late.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from enum import StrEnum

import structlog
from sqlalchemy import select
from sqlalchemy.orm import Session

from core.publishing import queue_question
from jobs import claims
from jobs.context import JobContext, current
from jobs.observe import observed
from jobs.timing import latest_slot
from quiz.clock import local_date, require_aware
from quiz.posts import open_post
from store import outbox
from store.models import Channel, QuizPost

log = structlog.get_logger(__name__)


class PostOutcome(StrEnum):
    POSTED = "posted"
    QUEUED = "queued"  # in the outbox: the sender keeps trying until the grace window ends
    ALREADY_POSTED = "already_posted"
    NOT_DUE = "not_due"
    TOO_LATE = "too_late"


def post_daily_question(ctx: JobContext, channel_id: str, now: datetime) -> PostOutcome:
    """Queue and send the channel's question for its latest slot, if due and not yet out."""
    now = require_aware(now)
    grace = timedelta(minutes=ctx.settings.post_grace_minutes)
    with ctx.database.session() as session:
        prepared = _prepare(session, channel_id, now, grace)
        if isinstance(prepared, PostOutcome):
            return prepared
        post, slot = prepared
        deadline = max(slot + grace - now, timedelta(minutes=1))
        row = queue_question(session, post, ctx.publisher, now, deadline=deadline)
        row_id, status, closes_at = row.id, row.status, post.closes_at
    if status == outbox.Status.SENT:
        return PostOutcome.ALREADY_POSTED
    if status == outbox.Status.FAILED:
        return PostOutcome.TOO_LATE
    sent = ctx.deliver([row_id], now)
    if ctx.schedule_reveal is not None:
        ctx.schedule_reveal(channel_id, closes_at)
    log.info("daily question queued", channel=channel_id, post_id=post.id, sent=sent)
    return PostOutcome.POSTED if sent else PostOutcome.QUEUED


def _prepare(
    session: Session, channel_id: str, now: datetime, grace: timedelta
) -> tuple[QuizPost, datetime] | PostOutcome:
    channel = session.get(Channel, channel_id)
    if channel is None or not channel.active:
        return PostOutcome.NOT_DUE
    slot = latest_slot(channel.post_time, channel.weekdays, channel.timezone, now)
    if slot is None or (channel.schedule_from is not None and slot < channel.schedule_from):
        return PostOutcome.NOT_DUE  # never due: before the channel subscribed
    quiz_date = local_date(slot, channel.timezone)
    existing = session.scalar(
        select(QuizPost).where(QuizPost.channel_id == channel_id, QuizPost.quiz_date == quiz_date)
    )
    if existing is not None and existing.slack_ts:
        return PostOutcome.ALREADY_POSTED
    if now - slot > grace:
        # Logged once per channel and date, not on every catch-up round (weekends, say).
        if claims.first_time(session, f"skipped:{channel_id}:{quiz_date.isoformat()}", now):
            log.warning(
                "daily post skipped: missed by more than the grace window",
                channel=channel_id,
                quiz_date=quiz_date.isoformat(),
                late_minutes=round((now - slot).total_seconds() / 60),
            )
        return PostOutcome.TOO_LATE
    if existing is not None:
        return existing, slot
    # open_post dates the post by the instant it is given: the slot keeps a post made just
    # after midnight (after downtime) on the date it was due.
    post = open_post(session, channel_id, slot)
    if post.posted_at == slot:
        post.posted_at = now
        post.closes_at = now + timedelta(minutes=channel.reveal_delay_minutes)
    session.flush()
    return post, slot


def due_channels(ctx: JobContext) -> list[str]:
    with ctx.database.session() as session:
        return list(session.scalars(select(Channel.id).where(Channel.active).order_by(Channel.id)))


@observed("quiz-post")
def run_daily_post(channel_id: str) -> None:
    """Job `quiz-post:<channel>`."""
    ctx = current()
    outcome = post_daily_question(ctx, channel_id, ctx.clock())
    log.info("daily post job done", channel=channel_id, outcome=str(outcome))
