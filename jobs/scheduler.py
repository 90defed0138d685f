"""The APScheduler 3.x scheduler of the lease holder and the jobs it keeps per channel.

Jobs live in a SQLAlchemy job store on the project database, as references to module-level
functions with stable ids, added with `replace_existing=True`:
`quiz-post:<channel>`, `quiz-reveal:<channel>`, `leaderboard-weekly:<channel>`,
`practice-nudge`, `index-refresh`, and `quiz-catch-up` (the safety net that posts and reveals
whatever a restart, a failure or a takeover left due). Only the lease holder starts one.
"""

from __future__ import annotations

import contextlib
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

import structlog
from apscheduler.executors.pool import ThreadPoolExecutor
from apscheduler.jobstores.base import JobLookupError
from apscheduler.jobstores.sqlalchemy import SQLAlchemyJobStore
from apscheduler.schedulers.background import BackgroundScheduler
from apscheduler.schedulers.base import STATE_STOPPED, BaseScheduler
from apscheduler.triggers.cron import CronTrigger
from apscheduler.triggers.date import DateTrigger
from apscheduler.triggers.interval import IntervalTrigger

from common.config import Settings
from core.usecases.channels import all_channel_ids, channel_plan
from jobs.catchup import run_catch_up
from jobs.daily import run_daily_post
from jobs.nudges import run_practice_nudges
from jobs.refresh import run_index_refresh
from jobs.reveal import run_reveal
from jobs.timing import parse_clock
from jobs.weekly import run_weekly_board

if TYPE_CHECKING:
    from store.db import Database

log = structlog.get_logger(__name__)
JOBS_TABLE = "apscheduler_jobs"
WORKERS = 10
NUDGE_EVERY = timedelta(minutes=5)
REFRESH_EVERY = timedelta(minutes=10)
CATCH_UP_EVERY = timedelta(minutes=5)


def post_job_id(channel_id: str) -> str:
    return f"quiz-post:{channel_id}"


def reveal_job_id(channel_id: str) -> str:
    return f"quiz-reveal:{channel_id}"


def weekly_job_id(channel_id: str) -> str:
    return f"leaderboard-weekly:{channel_id}"


class LeaseScheduler(BackgroundScheduler):
    """APScheduler's background scheduler, stopped cleanly when the lease is lost.

    Its main loop removes a one-off job (a reveal) from the store right after handing it to
    the executor. When `shutdown` runs meanwhile (a step-down), APScheduler, once stopped,
    looks for the job among its pending jobs only and raises `JobLookupError` in its own
    thread. A stopped scheduler leaves the shared store to the next holder instead: the job
    stays there and runs again under that holder (a second reveal of a post is a no-op).
    This scheduler's run of it, handed to the executor already, finds no job context and is
    cancelled, or, when it started first, is kept from doubling up by the database."""

    def remove_job(self, job_id: str, jobstore: str | None = None) -> None:
        try:
            super().remove_job(job_id, jobstore)
        except JobLookupError:
            if self.state != STATE_STOPPED:
                raise
            log.info("scheduler stopped: job left to the next holder", job_id=job_id)


def build_scheduler(database: Database, settings: Settings) -> BackgroundScheduler:
    """A scheduler on the project database; missed runs coalesce and keep the grace window."""
    return LeaseScheduler(
        jobstores={"default": SQLAlchemyJobStore(engine=database.engine, tablename=JOBS_TABLE)},
        executors={"default": ThreadPoolExecutor(WORKERS)},
        job_defaults={
            "coalesce": True,
            "max_instances": 1,
            "misfire_grace_time": settings.post_grace_minutes * 60 or 1,
        },
        timezone=UTC,
    )


def sync_global_jobs(scheduler: BaseScheduler, now: datetime) -> None:
    """The jobs that do not belong to a channel. The catch-up runs at once (a new holder
    makes up for the time without one); the others after their first interval."""
    for job_id, func, every, first in (
        ("practice-nudge", run_practice_nudges, NUDGE_EVERY, now + NUDGE_EVERY),
        ("index-refresh", run_index_refresh, REFRESH_EVERY, now + REFRESH_EVERY),
        ("quiz-catch-up", run_catch_up, CATCH_UP_EVERY, now),
    ):
        scheduler.add_job(
            func,
            IntervalTrigger(seconds=every.total_seconds(), timezone=UTC),
            next_run_time=first,
            id=job_id,
            name=job_id,
            replace_existing=True,
        )


def sync_channel_jobs(
    scheduler: BaseScheduler, database: Database, settings: Settings, channel_id: str
) -> bool:
    """Make the channel's jobs match its subscription; False when it has none (jobs removed).

    The plan is read first and the transaction closed before the job store is touched: on
    SQLite the store writes through another connection and would wait for our write lock.
    """
    plan = channel_plan(database, channel_id)
    if plan is None:
        for job_id_of in (post_job_id, weekly_job_id, reveal_job_id):
            _remove(scheduler, job_id_of(channel_id))
        return False
    board_at = parse_clock(settings.leaderboard_time)
    weekly = CronTrigger(
        day_of_week=settings.leaderboard_day,
        hour=board_at.hour,
        minute=board_at.minute,
        timezone=plan.tz,
    )
    for func, job_id, trigger in (
        (run_daily_post, post_job_id(channel_id), plan.daily),
        (run_weekly_board, weekly_job_id(channel_id), weekly),
    ):
        scheduler.add_job(
            func, trigger, args=[channel_id], id=job_id, name=job_id, replace_existing=True
        )
    if plan.open_until is not None:
        schedule_reveal(scheduler, channel_id, plan.open_until)
    return True


def schedule_reveal(scheduler: BaseScheduler, channel_id: str, closes_at: datetime) -> None:
    """The reveal runs at the post's closing time, however late the scheduler gets to it."""
    scheduler.add_job(
        run_reveal,
        DateTrigger(run_date=closes_at, timezone=UTC),
        args=[channel_id],
        id=reveal_job_id(channel_id),
        name=reveal_job_id(channel_id),
        replace_existing=True,
        misfire_grace_time=None,
    )


def sync_all(
    scheduler: BaseScheduler, database: Database, settings: Settings, now: datetime
) -> int:
    """Every channel's jobs plus the global ones; stale channel jobs are removed."""
    sync_global_jobs(scheduler, now)
    channel_ids = set(all_channel_ids(database))
    scheduled = {
        job.args[0] for job in scheduler.get_jobs() if job.id.split(":", 1)[0] in _CHANNEL_KINDS
    }
    active = sum(
        sync_channel_jobs(scheduler, database, settings, channel_id)
        for channel_id in sorted(channel_ids | scheduled)
    )
    log.info("jobs synced", channels=active)
    return active


_CHANNEL_KINDS = {"quiz-post", "quiz-reveal", "leaderboard-weekly"}


def _remove(scheduler: BaseScheduler, job_id: str) -> None:
    with contextlib.suppress(JobLookupError):
        scheduler.remove_job(job_id)
