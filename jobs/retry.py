"""Retry a Slack call with growing waits; the last failure propagates."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

import structlog

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
