"""The "schedule dirty" marks: a channel whose subscription changed, for the scheduler to pick up.

Written in the same transaction as the change itself (by any bot replica or the console), read
and cleared by the one scheduler holding the lease (jobs/service.py), which reschedules the
channel's jobs within seconds. A mark, not a write to the APScheduler job store: that store is
the running scheduler's alone, and it would not notice a job added behind its back until its
next wake-up, which can be hours away.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from store.db import Database
from store.models import ScheduleChange


def mark_schedule_changed(session: Session, channel_id: str, now: datetime) -> None:
    """Upsert the mark; a later change of the same channel moves its time forward."""
    insert = postgresql.insert if session.get_bind().dialect.name == "postgresql" else sqlite.insert
    statement = insert(ScheduleChange).values(channel_id=channel_id, requested_at=now)
    session.execute(
        statement.on_conflict_do_update(
            index_elements=["channel_id"], set_={"requested_at": statement.excluded.requested_at}
        )
    )


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
