"""A clean scheduler shutdown waits for running jobs, but never longer than its limit; a
step-down in the middle of handing a job over ends without an error in the scheduler's thread."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import pytest
from apscheduler.executors.pool import ThreadPoolExecutor
from apscheduler.schedulers.background import BackgroundScheduler
from apscheduler.schedulers.base import STATE_STOPPED
from apscheduler.triggers.date import DateTrigger

from jobs.scheduler import LeaseScheduler
from jobs.service import RunningJobs


@pytest.fixture
def release() -> threading.Event:
    return threading.Event()


@pytest.fixture
def running(release: threading.Event) -> Iterator[RunningJobs]:
    """A scheduler running one job that blocks until `release` is set."""
    scheduler = BackgroundScheduler()
    jobs = RunningJobs()
    jobs.listen(scheduler)
    scheduler.start()
    started = threading.Event()

    def job() -> None:
        started.set()
        release.wait(5)

    scheduler.add_job(job)
    assert started.wait(5)
    # The executor counts the job just after handing it to its thread: wait for that.
    deadline = time.monotonic() + 5
    while jobs.count() == 0 and time.monotonic() < deadline:
        time.sleep(0.01)
    yield jobs
    release.set()
    scheduler.shutdown(wait=True)


def test_wait_idle_returns_once_the_running_job_finishes(
    running: RunningJobs, release: threading.Event
) -> None:
    assert running.wait_idle(0.05) is False
    threading.Timer(0.1, release.set).start()
    assert running.wait_idle(5) is True


def test_wait_idle_gives_up_after_its_limit_when_a_job_is_stuck(running: RunningJobs) -> None:
    assert running.wait_idle(0.2) is False


class _GatedExecutor(ThreadPoolExecutor):
    """APScheduler's executor, holding the scheduler's main loop inside `submit_job` until
    `go` is set: the moment between handing a one-off job over and removing it from the store,
    where a step-down's `shutdown` lands when the two interleave by chance."""

    def __init__(self, submitted: threading.Event, go: threading.Event) -> None:
        super().__init__(2)
        self.submitted, self.go = submitted, go

    def submit_job(self, job: Any, run_times: Any) -> None:
        super().submit_job(job, run_times)
        self.submitted.set()
        self.go.wait(5)


def _noop() -> None:
    pass


def test_a_scheduler_stopped_while_it_hands_over_a_one_off_job_ends_cleanly(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A step-down (`shutdown`) landing while the main loop hands a due reveal to the executor:
    APScheduler's own scheduler then raised JobLookupError in its thread."""
    crashed: list[BaseException | None] = []
    monkeypatch.setattr(threading, "excepthook", lambda args: crashed.append(args.exc_value))
    submitted, go = threading.Event(), threading.Event()
    scheduler = LeaseScheduler(executors={"default": _GatedExecutor(submitted, go)}, timezone=UTC)
    scheduler.start(paused=True)
    scheduler.add_job(_noop, DateTrigger(run_date=datetime.now(UTC)), id="quiz-reveal:C1")
    scheduler.resume()
    assert submitted.wait(5)
    stopping = threading.Thread(target=scheduler.shutdown, kwargs={"wait": False})
    stopping.start()
    deadline = time.monotonic() + 5
    while scheduler.state != STATE_STOPPED and time.monotonic() < deadline:
        time.sleep(0.01)
    go.set()  # the main loop now removes the job it handed over, with the scheduler stopped
    stopping.join(5)
    assert not stopping.is_alive()
    assert crashed == []
