"""Pausing a subscription that Slack refuses for good (the bot removed from the channel, the
channel archived or deleted, the workspace gone): the channel stops getting the daily question
and records why, in the transaction that gives up on the refused post."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session

from store.models import Channel
from store.schedule_changes import mark_schedule_changed

REASON_LENGTH = 64


def pause_channel(
    session: Session, channel_id: str, reason: str, *, queued_at: datetime, now: datetime
) -> bool:
    """Pause the channel's subscription for `reason`; True when this paused it. A channel not
    subscribed (or paused already) is left alone, and so is one subscribed again after the
    refused message was queued (`queued_at`): the new subscription is the admin's answer."""
    channel = session.get(Channel, channel_id, with_for_update=True)
    if channel is None or not channel.active:
        return False
    if channel.schedule_from is not None and channel.schedule_from > queued_at:
        return False
    channel.active = False
    channel.paused_reason = reason[:REASON_LENGTH]
    channel.paused_at = now
    mark_schedule_changed(session, channel_id, now)
    return True
