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
import time
import uuid
from collections.abc import Callable
from datetime import datetime, timedelta

import structlog
from apscheduler.events import (
    EVENT_JOB_ERROR,
    EVENT_JOB_EXECUTED,
    EVENT_JOB_SUBMITTED,
    JobExecutionEvent,
    JobSubmissionEvent,
)
from apscheduler.schedulers.base import BaseScheduler
from sqlalchemy.exc import SQLAlchemyError

from jobs import context, lease
from jobs.context import JobContext
from jobs.scheduler import (
    build_scheduler,
    schedule_reveal,
    sync_all,
    sync_channel_jobs,
)
from store import claims, outbox
from store.schedule_changes import forget_change, pending_changes

log = structlog.get_logger(__name__)
CHANGES_POLL_S = 2.0
# A clean shutdown waits this long for running jobs before handing the lease back.
DRAIN_S = 15.0
SENDER_JOIN_S = 10.0  # how long a step-down waits for the outbox drain and its sends


class RunningJobs:
    """Waits, with a limit, for the jobs a scheduler is running (APScheduler's own
    `shutdown(wait=True)` has no limit, and one stuck job would hang the shutdown).

    Counted from the scheduler's events: a run is submitted (EVENT_JOB_SUBMITTED) and later
    executed or failed (EVENT_JOB_EXECUTED, EVENT_JOB_ERROR). The executor may report the end
    before the scheduler reports the submission, so runs are matched by (job id, run time).
    """

    def __init__(self, poll_s: float = 0.05) -> None:
        self._poll_s = poll_s
        self._lock = threading.Lock()
        self._running: set[tuple[str, datetime]] = set()
        self._ended_early: set[tuple[str, datetime]] = set()

    def listen(self, scheduler: BaseScheduler) -> None:
        scheduler.add_listener(self._submitted, EVENT_JOB_SUBMITTED)
        scheduler.add_listener(self._ended, EVENT_JOB_EXECUTED | EVENT_JOB_ERROR)

    def _submitted(self, event: JobSubmissionEvent) -> None:
        with self._lock:
            for run_time in event.scheduled_run_times:
                key = (event.job_id, run_time)
                if key in self._ended_early:
                    self._ended_early.discard(key)
                else:
                    self._running.add(key)

    def _ended(self, event: JobExecutionEvent) -> None:
        with self._lock:
            key = (event.job_id, event.scheduled_run_time)
            if key in self._running:
                self._running.discard(key)
            else:
                self._ended_early.add(key)

    def count(self) -> int:
        with self._lock:
            return len(self._running)

    def wait_idle(self, timeout: float) -> bool:
        deadline = time.monotonic() + timeout
        while self.count() > 0:
            if time.monotonic() >= deadline:
                return False
            time.sleep(self._poll_s)
        return True


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
        self._running = RunningJobs()
        self._sender_stop: threading.Event | None = None
        self._sender_thread: threading.Thread | None = None
        self._database_down = False
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
                before = lease.last_holder(self.ctx.database)
                if lease.acquire(self.ctx.database, self.ctx.holder, now, self.ttl):
                    self._take_over(before)
                    self._lead(now)
            elif lease.renew(self.ctx.database, self.ctx.holder, now, self.ttl):
                self._renewed_at = now
                self._apply_changes()
            else:
                log.warning("lease lost to another scheduler: standing by")
                self._step_down(release=False)
        except SQLAlchemyError as error:
            if not self._database_down:  # one line per outage, not one per poll
                log.warning(
                    "database unavailable: the scheduler service retries every poll",
                    error=type(error).__name__,
                    holder=self.is_holder,
                )
            self._database_down = True
            if self._renewed_at is not None and now - self._renewed_at >= self.ttl * 2 / 3:
                self._step_down(release=False)
            return
        if self._database_down:
            self._database_down = False
            log.info("database available again")

    def _take_over(self, before: str | None) -> None:
        """The previous holder's lease expired: its claims and outbox holds are ours at once,
        not when they go stale (its sends were marked uncertain, so they are looked for)."""
        if before is None or before == self.ctx.holder:
            return
        with self.ctx.database.session() as session:
            dropped = claims.release_holder(session, before)
            freed = outbox.release_claims_of(session, {before})
        if dropped or freed:
            log.info("took over claims", previous=before, claims=dropped, messages=freed)

    def _lead(self, now: datetime) -> None:
        scheduler = self._make_scheduler(self.ctx)
        self.ctx.schedule_reveal = lambda channel, at: schedule_reveal(scheduler, channel, at)
        context.install(self.ctx)
        self._running = RunningJobs()
        self._running.listen(scheduler)
        scheduler.start(paused=True)
        sync_all(scheduler, self.ctx.database, self.ctx.settings, now)
        scheduler.resume()
        self.scheduler = scheduler
        self._renewed_at = now
        self._start_sender()
        log.info("lease acquired: running jobs", holder=self.ctx.holder)

    def _apply_changes(self) -> None:
        assert self.scheduler is not None
        for channel_id, requested_at in pending_changes(self.ctx.database):
            sync_channel_jobs(self.scheduler, self.ctx.database, self.ctx.settings, channel_id)
            forget_change(self.ctx.database, channel_id, requested_at)
            log.info("channel rescheduled", channel=channel_id)

    def _start_sender(self) -> None:
        if self.ctx.sender is None:
            return
        stop = self._sender_stop = threading.Event()
        self._sender_thread = threading.Thread(
            target=self.ctx.sender.run, args=(stop,), name="outbox-sender", daemon=True
        )
        self._sender_thread.start()

    def _stop_sender(self, *, final: bool) -> None:
        """End the drain (joined, so no round is left half-done); at the final step-down also
        let sends in flight finish, so nothing of ours holds a database connection after."""
        sender, stop, thread = self.ctx.sender, self._sender_stop, self._sender_thread
        self._sender_stop = self._sender_thread = None
        if sender is None or stop is None:
            return
        stop.set()
        sender.wake()
        if thread is not None:
            thread.join(SENDER_JOIN_S)
        if final:
            sender.stop(SENDER_JOIN_S)

    def _step_down(self, *, release: bool) -> None:
        scheduler, self.scheduler = self.scheduler, None
        self._renewed_at = None
        if scheduler is not None:
            # A clean shutdown lets running jobs finish (within DRAIN_S) before the lease is
            # handed back; a lost lease does not wait (the database constraints keep a late
            # job from doubling up).
            scheduler.pause()
            if release and not self._running.wait_idle(DRAIN_S):
                log.warning("jobs still running at shutdown", waited_s=DRAIN_S)
            scheduler.shutdown(wait=False)
            context.install(None)
            # APScheduler reports a run as submitted only after handing it to a thread, so a
            # run can be under way unseen by `_running`: wait for those too (they hold the
            # database, and the lease must not go to a successor while they run).
            if release and not context.wait_for_runs(DRAIN_S):
                log.warning("jobs still running at shutdown", waited_s=DRAIN_S)
            log.info("scheduler stopped", holder=self.ctx.holder)
        self._stop_sender(final=release)
        if release:
            try:
                lease.release(self.ctx.database, self.ctx.holder, self.ctx.clock())
            except SQLAlchemyError:
                log.exception("could not release the lease")
