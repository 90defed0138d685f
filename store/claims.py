"""At most once per key, for work that is not a Slack message (messages go through
`store.outbox`): claim, mark done, release on failure; log-once notices use `first_time`.
Old claims, and the Slack event ids the bot has handled (`ProcessedEvent`), are pruned.

The claim row's primary key decides between racing schedulers. A claim left by a process that
died is taken over once it is older than `stale_after`, or at once by the scheduler that takes
over the dead holder's lease (`release_holder`).
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import delete, update
from sqlalchemy.orm import Session

from store.models import JobClaim, ProcessedEvent
from store.unique import insert_unique

DEFAULT_STALE_AFTER = timedelta(minutes=15)


def claim(
    session: Session,
    key: str,
    holder: str,
    now: datetime,
    stale_after: timedelta = DEFAULT_STALE_AFTER,
) -> bool:
    """True when this holder now owns `key`: it was free, or a stale unfinished claim."""
    if insert_unique(session, JobClaim(key=key, holder=holder, claimed_at=now, done_at=None)):
        return True
    taken = session.execute(
        update(JobClaim)
        .where(
            JobClaim.key == key,
            JobClaim.done_at.is_(None),
            JobClaim.claimed_at < now - stale_after,
        )
        .values(holder=holder, claimed_at=now)
        .execution_options(synchronize_session=False)
    )
    return taken.rowcount == 1  # type: ignore[attr-defined]


def mark_done(session: Session, key: str, holder: str, now: datetime) -> None:
    session.execute(
        update(JobClaim)
        .where(JobClaim.key == key, JobClaim.holder == holder)
        .values(done_at=now)
        .execution_options(synchronize_session=False)
    )


def release(session: Session, key: str, holder: str) -> None:
    """Give the key back after a failed call, so a later run can try again."""
    session.execute(
        delete(JobClaim)
        .where(JobClaim.key == key, JobClaim.holder == holder, JobClaim.done_at.is_(None))
        .execution_options(synchronize_session=False)
    )


def release_holder(session: Session, holder: str) -> int:
    """Drop every unfinished claim of `holder` (whose lease expired): its work is ours now."""
    result = session.execute(
        delete(JobClaim)
        .where(JobClaim.holder == holder, JobClaim.done_at.is_(None))
        .execution_options(synchronize_session=False)
    )
    return int(result.rowcount)  # type: ignore[attr-defined]


def prune(session: Session, before: datetime) -> int:
    """Forget finished claims older than `before` (their posts/dates are long past)."""
    result = session.execute(
        delete(JobClaim)
        .where(JobClaim.done_at.is_not(None), JobClaim.done_at < before)
        .execution_options(synchronize_session=False)
    )
    return int(result.rowcount)  # type: ignore[attr-defined]


def prune_events(session: Session, before: datetime) -> int:
    """Forget the Slack event ids received before `before`: Slack retries an event for minutes,
    not days, so older ids only grow the table (one row per question and graded reply)."""
    result = session.execute(
        delete(ProcessedEvent)
        .where(ProcessedEvent.received_at < before)
        .execution_options(synchronize_session=False)
    )
    return int(result.rowcount)  # type: ignore[attr-defined]


def first_time(session: Session, key: str, now: datetime) -> bool:
    """True the first time `key` is seen (a finished claim at once): for log-once notices."""
    if not claim(session, key, "notice", now):
        return False
    mark_done(session, key, "notice", now)
    return True
