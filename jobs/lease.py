"""The scheduler lease: a row naming the one process allowed to run jobs, until it expires.

The holder renews it well before expiry; a standby takes it once it has expired. Times come
from the caller's clock (`now`), so hosts sharing a PostgreSQL lease need synchronised clocks.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import or_, select, update

from store.db import Database
from store.models import SchedulerLease
from store.unique import insert_unique

LEASE_NAME = "scheduler"
DEFAULT_TTL = timedelta(seconds=30)


def acquire(database: Database, holder: str, now: datetime, ttl: timedelta = DEFAULT_TTL) -> bool:
    """Take the lease if it is free, expired or already ours; True when we hold it after."""
    with database.session() as session:
        taken = session.execute(
            update(SchedulerLease)
            .where(
                SchedulerLease.name == LEASE_NAME,
                or_(SchedulerLease.holder == holder, SchedulerLease.expires_at < now),
            )
            .values(holder=holder, acquired_at=now, expires_at=now + ttl)
            .execution_options(synchronize_session=False)
        )
        if taken.rowcount == 1:  # type: ignore[attr-defined]
            return True
        if session.get(SchedulerLease, LEASE_NAME) is not None:
            return False
        lease = SchedulerLease(
            name=LEASE_NAME, holder=holder, acquired_at=now, expires_at=now + ttl
        )
        return insert_unique(session, lease)


def renew(database: Database, holder: str, now: datetime, ttl: timedelta = DEFAULT_TTL) -> bool:
    """Extend our lease; False when it expired and someone else took it meanwhile."""
    with database.session() as session:
        renewed = session.execute(
            update(SchedulerLease)
            .where(SchedulerLease.name == LEASE_NAME, SchedulerLease.holder == holder)
            .values(expires_at=now + ttl)
            .execution_options(synchronize_session=False)
        )
        return renewed.rowcount == 1  # type: ignore[attr-defined]


def release(database: Database, holder: str, now: datetime) -> None:
    """Let a standby take over at once (a clean shutdown)."""
    with database.session() as session:
        session.execute(
            update(SchedulerLease)
            .where(SchedulerLease.name == LEASE_NAME, SchedulerLease.holder == holder)
            .values(expires_at=now)
            .execution_options(synchronize_session=False)
        )


def last_holder(database: Database) -> str | None:
    """Whoever holds or last held the lease, expired or not."""
    with database.session() as session:
        row = session.get(SchedulerLease, LEASE_NAME)
        return row.holder if row is not None else None


def current_holder(database: Database, now: datetime) -> str | None:
    """Who holds an unexpired lease, if anyone."""
    with database.session() as session:
        row = session.scalar(select(SchedulerLease).where(SchedulerLease.name == LEASE_NAME))
        if row is None or row.expires_at < now:
            return None
        return row.holder
