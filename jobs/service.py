"""The scheduler service: stand by until the lease is ours, then run the jobs while renewing it.

Only the holder builds an APScheduler scheduler on the shared job store (a job store must
never serve two schedulers). It renews the lease every `ttl / 3`, applies schedule changes
the bot requested, and stops its scheduler as soon as it cannot prove it still holds the
lease. A standby polls as often, so it takes over at most `ttl` plus one poll after the
holder died (30 s + 2 s by default); a clean shutdown releases the lease at once.
"""

from __future__ import annotations

import os
import socket
import threading
import uuid
from collections.abc import Callable
from datetime import datetime, timedelta

import structlog
from apscheduler.schedulers.base import BaseScheduler
from sqlalchemy.exc import SQLAlchemyError

from jobs import context, lease
from jobs.context import JobContext
from jobs.schedule import forget_change, pending_changes
from jobs.scheduler import (
    build_scheduler,
    schedule_reveal,
    sync_all,
    sync_channel_jobs,
)

log = structlog.get_logger(__name__)
CHANGES_POLL_S = 2.0


def holder_name() -> str:
    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"


class SchedulerService:
    """Runs jobs while this process holds the lease; waits as standby otherwise."""

    def __init__(
        self,
        ctx: JobContext,
        *,
        ttl: timedelta = lease.DEFAULT_TTL,
        make_scheduler: Callable[[JobContext], BaseScheduler] | None = None,
    ) -> None:
        self.ctx = ctx
        self.ttl = ttl
        self.poll_s = min(ttl.total_seconds() / 3, CHANGES_POLL_S)
        self._make_scheduler = make_scheduler or (lambda c: build_scheduler(c.database, c.settings))
        self.scheduler: BaseScheduler | None = None
        self._renewed_at: datetime | None = None
        self.stopping = threading.Event()

    @property
    def is_holder(self) -> bool:
        return self.scheduler is not None

    def run(self) -> None:
        """Block until `stop()`: stand by, lead, and hand over cleanly at the end."""
        log.info("scheduler service started", holder=self.ctx.holder)
        try:
            while not self.stopping.is_set():
                try:
                    self.tick(self.ctx.clock())
                except Exception:  # the standby loop must outlive any one bad round
                    log.exception("scheduler service round failed")
                self.stopping.wait(self.poll_s)
        finally:
            self.close()

    def stop(self) -> None:
        """Ask `run()` to return (from a signal handler or another thread)."""
        self.stopping.set()

    def close(self) -> None:
        """Stop the scheduler if running and hand the lease back at once."""
        self._step_down(release=True)

    def tick(self, now: datetime) -> None:
        """One round: take or renew the lease, then apply requested schedule changes."""
        try:
            if self.scheduler is None:
                if lease.acquire(self.ctx.database, self.ctx.holder, now, self.ttl):
                    self._lead(now)
            elif lease.renew(self.ctx.database, self.ctx.holder, now, self.ttl):
                self._renewed_at = now
                self._apply_changes()
            else:
                log.warning("lease lost to another scheduler: standing by")
                self._step_down(release=False)
        except SQLAlchemyError:
            log.exception("database unavailable")
            if self._renewed_at is not None and now - self._renewed_at >= self.ttl * 2 / 3:
                self._step_down(release=False)

    def _lead(self, now: datetime) -> None:
        scheduler = self._make_scheduler(self.ctx)
        self.ctx.schedule_reveal = lambda channel, at: schedule_reveal(scheduler, channel, at)
        context.install(self.ctx)
        scheduler.start(paused=True)
        sync_all(scheduler, self.ctx.database, self.ctx.settings, now)
        scheduler.resume()
        self.scheduler = scheduler
        self._renewed_at = now
        log.info("lease acquired: running jobs", holder=self.ctx.holder)

    def _apply_changes(self) -> None:
        assert self.scheduler is not None
        for channel_id, requested_at in pending_changes(self.ctx.database):
            sync_channel_jobs(self.scheduler, self.ctx.database, self.ctx.settings, channel_id)
            forget_change(self.ctx.database, channel_id, requested_at)
            log.info("channel rescheduled", channel=channel_id)

    def _step_down(self, *, release: bool) -> None:
        scheduler, self.scheduler = self.scheduler, None
        self._renewed_at = None
        if scheduler is not None:
            scheduler.shutdown(wait=False)
            context.install(None)
            log.info("scheduler stopped", holder=self.ctx.holder)
        if release:
            try:
                lease.release(self.ctx.database, self.ctx.holder, self.ctx.clock())
            except SQLAlchemyError:
                log.exception("could not release the lease")
