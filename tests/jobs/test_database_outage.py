"""A database that refuses connections: the scheduler's rounds end with one log line per
outage, not a traceback per poll or an exception in a thread, and carry on when it is back."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

import pytest
from structlog.testing import capture_logs

from jobs.catchup import catch_up
from jobs.context import JobContext
from jobs.service import SchedulerService
from store.db import Database
from tests.jobs.helpers import RecordingPublisher, utc
from tests.pgserver import free_port

T0 = utc(2025, 3, 4, 12, 0)


@pytest.fixture
def down() -> Iterator[Database]:
    """A PostgreSQL URL nothing listens on: every connection is refused at once."""
    database = Database(f"postgresql+psycopg://postgres@127.0.0.1:{free_port()}/studybot")
    yield database
    database.dispose()


def test_a_catch_up_round_during_an_outage_ends_with_one_line(
    ctx: JobContext, down: Database
) -> None:
    outage = JobContext(database=down, publisher=ctx.publisher, settings=ctx.settings)
    with capture_logs() as logs:
        assert catch_up(outage, T0) == {}
    assert [(e["log_level"], e["event"]) for e in logs] == [
        ("warning", "catch-up stopped: database unavailable; the next round retries")
    ]


def test_the_scheduler_service_notes_an_outage_once_and_leads_when_it_ends(
    ctx: JobContext, publisher: RecordingPublisher, down: Database
) -> None:
    service = SchedulerService(
        JobContext(database=down, publisher=publisher, settings=ctx.settings, holder="s"),
        ttl=timedelta(seconds=30),
    )
    try:
        with capture_logs() as logs:
            for second in range(3):
                service.tick(T0 + timedelta(seconds=second))
            assert not service.is_holder
            service.ctx.database = ctx.database  # the server is back
            service.tick(T0 + timedelta(seconds=3))
        assert service.is_holder
        events = [e["event"] for e in logs if e["log_level"] in ("warning", "error")]
        assert events == ["database unavailable: the scheduler service retries every poll"]
        assert any(e["event"] == "database available again" for e in logs)
    finally:
        service.stop()
        service.close()


def test_a_job_during_an_outage_is_counted_and_logged_in_one_line(
    ctx: JobContext, down: Database
) -> None:
    from common.metrics import JOB_FAILURES
    from jobs import context
    from jobs.daily import run_daily_post

    context.install(JobContext(database=down, publisher=ctx.publisher, settings=ctx.settings))
    before = JOB_FAILURES.labels(job="quiz-post")._value.get()
    with capture_logs() as logs:
        run_daily_post("C1")  # returns: APScheduler sees no error, its thread no traceback
    assert JOB_FAILURES.labels(job="quiz-post")._value.get() == before + 1
    assert [(e["log_level"], e["event"]) for e in logs if e["log_level"] != "info"] == [
        ("warning", "job stopped: database unavailable; the catch-up makes up for it")
    ]
