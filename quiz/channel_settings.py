"""A subscribed channel's settings beyond its schedule: stopping the quiz, showing results early."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session

from common.clock import utc_now
from quiz.posts import get_channel
from store.models import Channel
from store.schedule_changes import mark_schedule_changed


def unsubscribe_channel(session: Session, channel_id: str, now: datetime | None = None) -> Channel:
    """Stop the daily question in the channel (its jobs are dropped); history and scores stay."""
    channel = get_channel(session, channel_id)
    channel.active = False
    channel.paused_reason = channel.paused_at = None  # stopped by an admin, not by Slack
    mark_schedule_changed(session, channel.id, now or utc_now())
    return channel


def set_results_early(session: Session, channel_id: str, early: bool) -> Channel:
    """Whether a member sees right or wrong when answering, or only at the reveal."""
    channel = get_channel(session, channel_id)
    channel.show_results_early = early
    return channel
