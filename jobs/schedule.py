"""Schedule changes requested by the bot, applied by the lease holder.

`quiz.posts.subscribe_channel` and `quiz.channel_settings.unsubscribe_channel` mark the channel
in the same transaction as the change (from any bot replica, or the console). The mark is a
"schedule dirty" row, not a write to the APScheduler job store: that store must only be used by
the one scheduler running, and that scheduler would not notice a job added behind its back until
its next wake-up, which can be hours away. The holder polls the marks every couple of seconds
and reschedules the channel's jobs.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from quiz.clock import require_aware
from store.db import Database
from store.models import ScheduleChange
from store.schedule_changes import mark_schedule_changed


def request_reschedule(session: Session, channel_id: str, now: datetime) -> None:
    """Mark the channel's jobs for rescheduling inside the caller's transaction."""
    mark_schedule_changed(session, channel_id, require_aware(now))


def reschedule_channel(database: Database, channel_id: str, now: datetime) -> None:
    """For the Slack side: the channel's subscription changed; its jobs follow within seconds."""
    with database.session() as session:
        request_reschedule(session, channel_id, require_aware(now))


def pending_changes(database: Database) -> list[tuple[str, datetime]]:
    with database.session() as session:
        rows = session.execute(select(ScheduleChange.channel_id, ScheduleChange.requested_at))
        return [(channel_id, requested_at) for channel_id, requested_at in rows]


def forget_change(database: Database, channel_id: str, requested_at: datetime) -> None:
    """Delete the request we applied, unless a newer one arrived meanwhile."""
    with database.session() as session:
        session.execute(
            delete(ScheduleChange).where(
                ScheduleChange.channel_id == channel_id,
                ScheduleChange.requested_at <= requested_at,
            )
        )
