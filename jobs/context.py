"""What a running job needs (the core: database, publisher, outbox sender, settings, clock),
installed once per process.

APScheduler stores jobs as a reference to a module-level function plus pickled arguments, so
the live objects a job uses cannot travel with it: the lease holder installs them here.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Protocol

from common.clock import Clock
from core.bootstrap import Core

if TYPE_CHECKING:
    from retrieval.embed import Embedder


class RevealScheduler(Protocol):
    def __call__(self, channel_id: str, closes_at: datetime) -> None: ...


@dataclass
class JobContext(Core):
    """The core as the scheduler holds it (one container: the same `now` clock, database,
    notes index, publisher and sender the use cases take), plus what only jobs need: the
    lease holder's name, the embedder a rebuild reuses, the hook that schedules a reveal."""

    holder: str = "local"
    embedder: Embedder | None = None
    schedule_reveal: RevealScheduler | None = None

    def __post_init__(self) -> None:
        if self.publisher is None:
            raise ValueError("jobs need a publisher: how their messages look")

    @property
    def clock(self) -> Clock:
        """The core's clock (`now`), under the name the jobs call it by."""
        return self.now

    def core(self) -> Core:
        """What the use cases in `core.usecases` work with: this context is one."""
        return self

    def deliver(self, row_ids: list[int], now: datetime) -> bool:
        """Send the rows a job just queued, in order; without a sender they wait for one.
        True when all of them are in Slack now."""
        if self.sender is None:
            return False
        outcomes = [self.sender.deliver(row_id, now) for row_id in row_ids]
        return all(outcome in ("sent", "found") for outcome in outcomes)


class NoJobContext(RuntimeError):
    def __init__(self) -> None:
        super().__init__("no job context installed: jobs run only inside the scheduler service")


_current: JobContext | None = None
# Job runs under way in this process (see `job_running`), so a clean step-down can wait for the
# ones that took the context before it was taken away.
_runs = 0
_runs_changed = threading.Condition()


def install(context: JobContext | None) -> None:
    global _current
    _current = context


@contextmanager
def job_running() -> Iterator[None]:
    """Count a job run for `wait_for_runs` (every job runs inside one: jobs.observe)."""
    global _runs
    with _runs_changed:
        _runs += 1
    try:
        yield
    finally:
        with _runs_changed:
            _runs -= 1
            _runs_changed.notify_all()


def wait_for_runs(timeout: float) -> bool:
    """After `install(None)`: block until no job run is under way (a run that starts now finds
    no context and ends at once); False when `timeout` seconds passed first."""
    with _runs_changed:
        return _runs_changed.wait_for(lambda: _runs == 0, timeout=timeout)


def current() -> JobContext:
    if _current is None:
        raise NoJobContext()
    return _current
