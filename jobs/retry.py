"""Retry a Slack call with growing waits; the last failure propagates. `publish_claimed` does
that for a job holding a claim, and hands the claim back when Slack refuses for good."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, TypeVar

import structlog
from sqlalchemy.orm import Session

from jobs import claims

if TYPE_CHECKING:
    from jobs.context import JobContext

T = TypeVar("T")
log = structlog.get_logger(__name__)


def with_retries(
    call: Callable[[], T],
    *,
    delays: Sequence[float],
    sleep: Callable[[float], object],
    what: str,
) -> T:
    """`call()`, retried after each of `delays` (seconds) when it raises."""
    for attempt, delay in enumerate(delays, start=1):
        try:
            return call()
        except Exception as exc:  # any Slack or network failure is worth another try
            log.warning("retrying", what=what, attempt=attempt, wait_s=delay, error=repr(exc))
            sleep(delay)
    return call()


def publish_claimed(
    ctx: JobContext,
    key: str,
    call: Callable[[], T],
    *,
    what: str,
    undo: Callable[[Session], object] | None = None,
) -> T:
    """`call()` with retries, under the claim `key` this job holds. When every try fails the
    claim is released (and `undo` runs in the same transaction) so a later run can try again;
    the failure propagates. Marking the claim done is the caller's, with its own writes."""
    try:
        return with_retries(call, delays=ctx.retry_delays, sleep=ctx.sleep, what=what)
    except Exception:
        with ctx.database.session() as session:
            claims.release(session, key, ctx.holder)
            if undo is not None:
                undo(session)
        raise
