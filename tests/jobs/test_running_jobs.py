"""A clean scheduler shutdown waits for running jobs, but never longer than its limit."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator

import pytest
from apscheduler.schedulers.background import BackgroundScheduler

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
