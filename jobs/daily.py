"""The daily question: at each channel's local time, pick it, record it, publish it, once.

The unique (channel, quiz date) row decides which question a date gets; a claim decides who
publishes it; the Slack ts recorded afterwards marks it published. A post row made earlier
without a ts (by `/study quiz`) is published rather than duplicated. When Slack keeps
failing, a row this run created is deleted again, so nothing is left half-recorded.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

import structlog
from sqlalchemy import delete, exists, select
from sqlalchemy.orm import Session

from bot.publisher import question_view
from jobs import claims
from jobs.context import JobContext, current
from jobs.observe import observed
from jobs.retry import publish_claimed
from jobs.timing import latest_slot
from quiz.clock import local_date, require_aware
from quiz.posts import open_post, record_slack_ts
from store.models import Answer, Channel, QuizPost

log = structlog.get_logger(__name__)


class Outcome(StrEnum):
    POSTED = "posted"
    ALREADY_POSTED = "already_posted"
    NOT_DUE = "not_due"
    TOO_LATE = "too_late"
    IN_PROGRESS = "in_progress"


@dataclass(frozen=True)
class Prepared:
    post_id: int
    created: bool
    closes_at: datetime


def claim_key(post_id: int) -> str:
    return f"post:{post_id}"


def post_daily_question(ctx: JobContext, channel_id: str, now: datetime) -> Outcome:
    """Post the channel's question for its latest slot, if due, within grace and not yet out."""
    now = require_aware(now)
    grace = timedelta(minutes=ctx.settings.post_grace_minutes)
    with ctx.database.session() as session:
        prepared = _prepare(session, channel_id, now, grace)
        if isinstance(prepared, Outcome):
            return prepared
        if not _claim(session, prepared.post_id, ctx.holder, now):
            return Outcome.IN_PROGRESS
    _publish(ctx, prepared, now)
    if ctx.schedule_reveal is not None:
        ctx.schedule_reveal(channel_id, prepared.closes_at)
    return Outcome.POSTED


def _prepare(
    session: Session, channel_id: str, now: datetime, grace: timedelta
) -> Prepared | Outcome:
    channel = session.get(Channel, channel_id)
    if channel is None or not channel.active:
        return Outcome.NOT_DUE
    slot = latest_slot(channel.post_time, channel.weekdays, channel.timezone, now)
    if slot is None:
        return Outcome.NOT_DUE
    quiz_date = local_date(slot, channel.timezone)
    existing = session.scalar(
        select(QuizPost).where(QuizPost.channel_id == channel_id, QuizPost.quiz_date == quiz_date)
    )
    if existing is not None and existing.slack_ts:
        return Outcome.ALREADY_POSTED
    if now - slot > grace:
        # Logged once per channel and date, not on every catch-up round (weekends, say).
        if claims.first_time(session, f"skipped:{channel_id}:{quiz_date.isoformat()}", now):
            log.warning(
                "daily post skipped: missed by more than the grace window",
                channel=channel_id,
                quiz_date=quiz_date.isoformat(),
                late_minutes=round((now - slot).total_seconds() / 60),
            )
        return Outcome.TOO_LATE
    if existing is not None:
        return Prepared(existing.id, False, existing.closes_at)
    # open_post dates the post by the instant it is given: the slot keeps a post made just
    # after midnight (after downtime) on the date it was due.
    post = open_post(session, channel_id, slot)
    created = post.posted_at == slot
    if created:
        post.posted_at = now
        post.closes_at = now + timedelta(minutes=channel.reveal_delay_minutes)
    session.flush()
    return Prepared(post.id, created, post.closes_at)


def _claim(session: Session, post_id: int, holder: str, now: datetime) -> bool:
    """Claim publication while the post row is locked, so a finished one is never re-sent."""
    found = session.execute(
        select(QuizPost.slack_ts).where(QuizPost.id == post_id).with_for_update()
    ).first()
    if found is None or found.slack_ts:
        return False
    return claims.claim(session, claim_key(post_id), holder, now)


def _publish(ctx: JobContext, prepared: Prepared, now: datetime) -> None:
    key = claim_key(prepared.post_id)
    with ctx.database.session() as session:
        post = session.get(QuizPost, prepared.post_id)
        assert post is not None
        view = question_view(post)
    ts = publish_claimed(
        ctx,
        key,
        lambda: ctx.publisher.post_question(view),
        what=f"post question to {view.channel_id}",
        undo=lambda session: _drop_unanswered_new_post(session, prepared),
    )
    with ctx.database.session() as session:
        record_slack_ts(session, prepared.post_id, ts)
        claims.mark_done(session, key, ctx.holder, now)
    log.info("daily question posted", channel=view.channel_id, post_id=prepared.post_id, ts=ts)


def _drop_unanswered_new_post(session: Session, prepared: Prepared) -> None:
    """Slack refused for good: a row this run made (and nobody answered) is not left behind."""
    answered = session.scalar(select(exists().where(Answer.post_id == prepared.post_id)))
    if prepared.created and not answered:
        session.execute(delete(QuizPost).where(QuizPost.id == prepared.post_id))


def due_channels(ctx: JobContext) -> list[str]:
    with ctx.database.session() as session:
        return list(session.scalars(select(Channel.id).where(Channel.active).order_by(Channel.id)))


@observed("quiz-post")
def run_daily_post(channel_id: str) -> None:
    """Job `quiz-post:<channel>`."""
    ctx = current()
    outcome = post_daily_question(ctx, channel_id, ctx.clock())
    log.info("daily post job done", channel=channel_id, outcome=str(outcome))
