"""The one wall clock: `utc_now`, the default every `now` falls back to in every layer."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

Clock = Callable[[], datetime]


def utc_now() -> datetime:
    """The wall clock, aware UTC: the default `Clock` of the core, the jobs and the index build."""
    return datetime.now(UTC)
