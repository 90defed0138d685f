"""One scheduler at a time: the lease row, the service that stands by and takes over, and
two real `studybot jobs` processes handing over on SQLite and PostgreSQL."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import time_machine

from common.weekdays import Weekdays
from jobs import lease
from jobs.context import JobContext
from jobs.service import SchedulerService
from quiz.channel_settings import unsubscribe_channel
from quiz.posts import subscribe_channel
from store.db import Database
from store.models import Channel
from tests.fakeslack import FakeSlack
from tests.jobs.helpers import RecordingPublisher, subscribe, utc

TTL = timedelta(seconds=30)
T0 = utc(2025, 3, 4, 12, 0)
REPO = Path(__file__).parents[2]


def test_lease_is_exclusive_until_it_expires(db: Database) -> None:
    assert lease.acquire(db, "a", T0, TTL)
    assert not lease.acquire(db, "b", T0 + timedelta(seconds=29), TTL)
    assert lease.renew(db, "a", T0 + timedelta(seconds=20), TTL)
    assert not lease.acquire(db, "b", T0 + timedelta(seconds=49), TTL)
    assert lease.current_holder(db, T0 + timedelta(seconds=49)) == "a"
    assert lease.acquire(db, "b", T0 + timedelta(seconds=51), TTL)
    assert not lease.renew(db, "a", T0 + timedelta(seconds=52), TTL)
    lease.release(db, "b", T0 + timedelta(seconds=53))
    assert lease.current_holder(db, T0 + timedelta(seconds=54)) is None


def service(ctx: JobContext, holder: str) -> SchedulerService:
    job_ctx = JobContext(
        database=ctx.database, publisher=ctx.publisher, settings=ctx.settings, holder=holder
    )
    return SchedulerService(job_ctx, ttl=TTL)


def test_standby_takes_over_when_the_holder_stops_renewing(ctx: JobContext) -> None:
    first, second = service(ctx, "first"), service(ctx, "second")
    try:
        first.tick(T0)
        second.tick(T0 + timedelta(seconds=1))
        assert first.is_holder and not second.is_holder
        first.tick(T0 + timedelta(seconds=10))  # renewed until T0 + 40 s
        second.tick(T0 + timedelta(seconds=39))
        assert not second.is_holder
        second.tick(T0 + timedelta(seconds=41))  # the first one went quiet
        assert second.is_holder
        first.tick(T0 + timedelta(seconds=42))
        assert not first.is_holder  # it noticed and stepped down
    finally:
        for svc in (first, second):
            svc.stop()
            svc.close()


def test_holder_schedules_channel_jobs_and_follows_changes(
    ctx: JobContext, publisher: RecordingPublisher
) -> None:
    subscribe(ctx.database, "C1", timezone="America/New_York")
    svc = service(ctx, "holder")
    # Saturday 2025-03-08 at 15:00 UTC: New York springs forward overnight.
    with time_machine.travel(utc(2025, 3, 8, 15, 0), tick=True):
        try:
            now = datetime.now(UTC)
            svc.tick(now)
            assert svc.scheduler is not None
            job = svc.scheduler.get_job("quiz-post:C1")
            assert job is not None and job.next_run_time == utc(2025, 3, 9, 13, 0)
            assert svc.scheduler.get_job("leaderboard-weekly:C1") is not None
            assert {"practice-nudge", "index-refresh", "quiz-catch-up"} <= {
                j.id for j in svc.scheduler.get_jobs()
            }
            with ctx.database.session() as session:
                channel = session.get(Channel, "C1")
                assert channel is not None
                subscribe_channel(  # marks the schedule itself: no separate call needed
                    session,
                    "C1",
                    timezone="America/New_York",
                    post_time=channel.post_time.replace(hour=10),
                    weekdays=Weekdays.EVERY_DAY,
                    now=now,
                )
            svc.tick(now + timedelta(seconds=1))
            job = svc.scheduler.get_job("quiz-post:C1")
            assert job is not None and job.next_run_time == utc(2025, 3, 9, 14, 0)
            with ctx.database.session() as session:
                unsubscribe_channel(session, "C1", now + timedelta(seconds=1))
            svc.tick(now + timedelta(seconds=2))
            assert svc.scheduler.get_job("quiz-post:C1") is None
        finally:
            svc.stop()
            svc.close()


# -- two real processes ------------------------------------------------------------------


def poll(check: Callable[[], object], timeout: float, what: str) -> object:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = check()
        if value:
            return value
        time.sleep(0.05)
    raise AssertionError(f"timed out after {timeout}s waiting for {what}")


STUDYBOT = Path(sys.executable).parent / "studybot"


class Worker:
    """`studybot jobs` in its own process, logging JSON lines to a file."""

    def __init__(self, env: dict[str, str], ttl_s: float, log_path: Path) -> None:
        self.log_path = log_path
        self._log = log_path.open("wb")
        self.proc = subprocess.Popen(
            [str(STUDYBOT), "jobs", "--lease-ttl", str(ttl_s)],
            cwd=REPO,
            stdout=subprocess.DEVNULL,
            stderr=self._log,
            env={**os.environ, **env},
        )

    @property
    def pid_tag(self) -> str:
        return f":{self.proc.pid}:"

    def events(self) -> list[dict[str, object]]:
        lines = self.log_path.read_text(encoding="utf-8", errors="replace").splitlines()
        return [json.loads(line) for line in lines if line.startswith("{")]

    def logged(self, event: str, **fields: object) -> bool:
        return any(
            e.get("event") == event and all(e.get(k) == v for k, v in fields.items())
            for e in self.events()
        )

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
        self.proc.wait(timeout=10)
        self._log.close()


@pytest.fixture
def workers() -> Iterator[list[Worker]]:
    started: list[Worker] = []
    yield started
    for worker in started:
        worker.stop()


def worker_env(ctx: JobContext, slack: FakeSlack, tmp_path: Path) -> dict[str, str]:
    """The environment of a `studybot jobs` child process aimed at this test's database and
    fake Slack."""
    return {
        "DATABASE_URL": ctx.database.url,
        "SLACK_BOT_TOKEN": "xoxb-test",
        "SLACK_API_URL": slack.api_url,
        "STUDYBOT_CORPUS": str(ctx.settings.corpus[0]),
        "STUDYBOT_DATA_DIR": str(tmp_path / "data"),
        "STUDYBOT_LOG_JSON": "true",
        "HF_HUB_OFFLINE": "1",
    }


def test_two_processes_one_posts_then_the_standby_takes_over(
    ctx: JobContext, workers: list[Worker], tmp_path: Path
) -> None:
    ttl_s = 2.0
    now = datetime.now(UTC)
    slot = (now - timedelta(minutes=10)).time().replace(second=0, microsecond=0)
    subscribe(ctx.database, "C1", post_time=slot)
    holder = lambda: lease.current_holder(ctx.database, datetime.now(UTC))  # noqa: E731
    with FakeSlack(per_channel_per_second=1, workspace_per_minute=60) as slack:
        env = worker_env(ctx, slack, tmp_path)
        first = Worker(env, ttl_s, tmp_path / "first.log")
        workers.append(first)
        poll(lambda: (holder() or "").find(first.pid_tag) > 0, 60, "the first process to lead")
        second = Worker(env, ttl_s, tmp_path / "second.log")
        workers.append(second)
        poll(lambda: second.logged("scheduler service started"), 60, "the standby to start")
        # The leader catches up on today's missed slot: one post; the standby posts nothing.
        slack.wait_for("chat.postMessage", 1, timeout=20, ok=True)
        poll(lambda: first.logged("job done", job_id="quiz-catch-up"), 20, "the first catch-up")
        assert not second.logged("lease acquired: running jobs")
        killed_at = time.monotonic()
        first.proc.send_signal(signal.SIGKILL)
        poll(
            lambda: (holder() or "").find(second.pid_tag) > 0,
            ttl_s + 10,
            "the standby to take over",
        )
        takeover_s = time.monotonic() - killed_at
        poll(lambda: second.logged("job done", job_id="quiz-catch-up"), 20, "the second catch-up")
        assert slack.count("chat.postMessage", ok=True) == 1
        assert takeover_s < ttl_s + 3
        second.proc.send_signal(signal.SIGTERM)
        assert second.proc.wait(timeout=10) == 0
        assert holder() is None  # released on a clean stop


def test_a_new_holder_takes_over_the_dead_holders_sends_at_once(
    ctx: JobContext, publisher: RecordingPublisher
) -> None:
    from core.publishing import queue_question
    from quiz.posts import open_post
    from store import claims, outbox
    from store.models import JobClaim, OutboxMessage
    from tests.jobs.helpers import recording_sender

    subscribe(ctx.database, "C1")
    assert lease.acquire(ctx.database, "dead", T0, TTL)
    with ctx.database.session() as session:  # "dead" was sending the post when it was killed
        row = queue_question(session, open_post(session, "C1", T0), publisher, T0)
        assert outbox.claim(session, row.id, "dead", T0, timedelta(minutes=15))
        outbox.begin_send(session, row.id)
        assert claims.claim(session, "some-work", "dead", T0)
    successor = service(ctx, "successor")
    try:
        successor.tick(T0 + TTL + timedelta(seconds=1))
        assert successor.is_holder
        with ctx.database.session() as session:
            assert session.get(JobClaim, "some-work") is None
        sender = recording_sender(ctx.database, publisher, "successor")
        sender.drain_once(T0 + TTL + timedelta(seconds=2))  # not 15 minutes later
        with ctx.database.session() as session:
            sent = session.get(OutboxMessage, row.id)
            assert sent is not None and sent.status == "sent"
        assert len(publisher.questions) == 1
    finally:
        successor.stop()
        successor.close()


def test_a_job_queued_when_the_lease_was_lost_is_cancelled_cleanly() -> None:
    from common.metrics import JOB_FAILURES
    from jobs import context
    from jobs.daily import run_daily_post

    context.install(None)  # what a scheduler that stepped down leaves behind
    before = JOB_FAILURES.labels(job="quiz-post")._value.get()
    run_daily_post("C1")
    assert JOB_FAILURES.labels(job="quiz-post")._value.get() == before


def test_a_scheduler_killed_mid_post_leaves_no_duplicate_and_no_silence(
    ctx: JobContext, workers: list[Worker], tmp_path: Path
) -> None:
    """SIGKILL while Slack has taken a post but not yet answered: the successor finds that
    post by its metadata instead of posting again, and posts the other channels at once."""
    ttl_s = 2.0
    channels = ["C1", "C2", "C3", "C4"]
    slot = (datetime.now(UTC) - timedelta(minutes=10)).time().replace(second=0, microsecond=0)
    for channel in channels:
        subscribe(ctx.database, channel, post_time=slot)
    holder = lambda: lease.current_holder(ctx.database, datetime.now(UTC))  # noqa: E731
    with FakeSlack() as slack:
        slack.delay_reply_next("chat.postMessage", 30.0)
        env = worker_env(ctx, slack, tmp_path)
        first = Worker(env, ttl_s, tmp_path / "first.log")
        workers.append(first)
        slack.wait_for("chat.postMessage", 1, timeout=60)  # taken; the reply is held back
        first.proc.send_signal(signal.SIGKILL)
        first.proc.wait(timeout=10)
        second = Worker(env, ttl_s, tmp_path / "second.log")
        workers.append(second)
        poll(lambda: (holder() or "").find(second.pid_tag) > 0, 60, "the successor to lead")
        leading_at = time.monotonic()
        poll(
            lambda: all(
                sum(1 for m in slack.messages(c) if m.get("bot_id")) >= 1 for c in channels
            ),
            60,
            "every channel to be posted",
        )
        assert time.monotonic() - leading_at < 60

        def recorded() -> dict[str, str | None]:
            from store.models import QuizPost

            with ctx.database.session() as session:
                return {p.channel_id: p.slack_ts for p in session.query(QuizPost)}

        poll(lambda: len(recorded()) == 4 and all(recorded().values()), 30, "the ts recorded")
        bot_posts = {c: [m for m in slack.messages(c) if m.get("bot_id")] for c in channels}
        assert {c: len(p) for c, p in bot_posts.items()} == dict.fromkeys(channels, 1)
        assert slack.count("conversations.history") >= 1  # the killed post was looked for
        assert recorded() == {c: bot_posts[c][0]["ts"] for c in channels}
        second.proc.send_signal(signal.SIGTERM)
        assert second.proc.wait(timeout=60) == 0
