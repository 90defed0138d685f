"""The "schedule dirty" marks: a channel whose subscription changed, for the scheduler to pick up.

Written in the same transaction as the change itself (by any bot replica or the console), read
and cleared by the one scheduler holding the lease (see jobs/schedule.py).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

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
