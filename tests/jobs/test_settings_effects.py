"""The scheduling settings from the README's table, each set through its environment variable
and seen to change what the jobs do."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import pytest
from apscheduler.schedulers.background import BackgroundScheduler

from common.config import Settings, load_settings
from jobs.context import JobContext
from jobs.daily import PostOutcome, post_daily_question
from jobs.nudges import send_practice_nudges
from jobs.scheduler import sync_channel_jobs, weekly_job_id
from quiz.practice import next_item, set_practice_nudges
from tests.jobs.helpers import RecordingPublisher, subscribe, utc


def from_env(monkeypatch: pytest.MonkeyPatch, settings: Settings, **env: str) -> Settings:
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    return load_settings(
        data_dir=settings.data_dir, corpus=settings.corpus, database_url=settings.database_url
    )


@pytest.mark.parametrize(
    ("grace", "expected"), [("20", PostOutcome.TOO_LATE), ("40", PostOutcome.POSTED)]
)
def test_post_grace_minutes_decides_whether_a_late_post_is_made(
    ctx: JobContext,
    publisher: RecordingPublisher,
    monkeypatch: pytest.MonkeyPatch,
    grace: str,
    expected: PostOutcome,
) -> None:
    late_ctx = replace(
        ctx, settings=from_env(monkeypatch, ctx.settings, STUDYBOT_POST_GRACE_MINUTES=grace)
    )
    subscribe(ctx.database, "C1")
    assert post_daily_question(late_ctx, "C1", utc(2025, 3, 4, 9, 30)) is expected
    assert len(publisher.questions) == (1 if expected is PostOutcome.POSTED else 0)


def test_nudge_time_is_when_members_are_nudged(
    ctx: JobContext, publisher: RecordingPublisher, monkeypatch: pytest.MonkeyPatch
) -> None:
    now = utc(2025, 3, 4, 18, 30)
    with ctx.database.session() as session:
        set_practice_nudges(session, "U1", True, now - timedelta(days=1))
        assert next_item(session, "U1", now - timedelta(hours=12)) is not None  # a due card
    evening = replace(
        ctx, settings=from_env(monkeypatch, ctx.settings, STUDYBOT_NUDGE_TIME="18:00")
    )
    assert send_practice_nudges(ctx, now) == 0  # the default 09:00 window is long past
    assert send_practice_nudges(evening, now) == 1
    assert publisher.nudges == [("U1", 1)]


def test_leaderboard_day_and_time_schedule_the_weekly_post(
    ctx: JobContext, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    settings = from_env(
        monkeypatch,
        ctx.settings,
        STUDYBOT_LEADERBOARD_DAY="Tuesday",
        STUDYBOT_LEADERBOARD_TIME="07:45",
    )
    subscribe(ctx.database, "C1", timezone="Europe/Berlin")
    scheduler = BackgroundScheduler(timezone="UTC")  # never started: jobs are only planned
    assert sync_channel_jobs(scheduler, ctx.database, settings, "C1")
    job = scheduler.get_job(weekly_job_id("C1"))
    assert job is not None
    fires = job.trigger.get_next_fire_time(None, utc(2025, 3, 5, 12, 0))  # a Wednesday
    assert fires.isoformat() == "2025-03-11T07:45:00+01:00"  # next Tuesday, Berlin time
