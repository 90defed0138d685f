"""A real PostgreSQL server stopped and started again in the middle of a fan-out: posts that
Slack took while the database was down are recorded afterwards by looking them up, never
posted twice. The test starts its own throwaway server (scripts/postgres.sh) on a free port."""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from bot.slack.pacing import Pacer
from bot.slack.publisher import SlackPublisher
from common.config import Settings
from jobs.catchup import catch_up
from jobs.context import JobContext
from store.db import Database
from store.migrate import upgrade
from store.models import OutboxMessage, QuizPost
from tests.bankfixtures import FIXTURE_CORPUS, sync_corpus
from tests.dbfixtures import PG_ENV, _unavailable
from tests.fakeslack import FakeSlack
from tests.jobs.helpers import http_sender, subscribe
from tests.pgserver import SCRIPT, ThrowawayPostgres, free_port

CHANNELS = [f"C{n:02d}" for n in range(40)]

pytestmark = pytest.mark.postgres


@pytest.fixture
def server() -> Iterator[ThrowawayPostgres]:
    if not os.environ.get(PG_ENV) or not SCRIPT.exists():
        _unavailable(f"{PG_ENV} is not set: no PostgreSQL here")  # fails under CI=true
    own = ThrowawayPostgres(free_port(), "studybot-outage")
    yield own
    own.remove()


def test_database_stopped_and_started_mid_fan_out(
    server: ThrowawayPostgres, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    crashed: list[BaseException | None] = []  # a thread's unhandled error (the fan-out's)
    monkeypatch.setattr(threading, "excepthook", lambda args: crashed.append(args.exc_value))
    url = server.start_fresh()
    upgrade(url)
    database = Database(url)
    now = datetime.now(UTC)
    slot = (now - timedelta(minutes=5)).time().replace(second=0, microsecond=0)
    sync_corpus(database, FIXTURE_CORPUS, now)
    for channel in CHANNELS:
        subscribe(database, channel, post_time=slot)
    settings = Settings(data_dir=tmp_path, corpus=[FIXTURE_CORPUS], database_url=url)
    with FakeSlack() as slack:
        # 10 posts a second: the fan-out takes about 4 s; the outage lands in the middle.
        sender = http_sender(database, slack.api_url, "fanout", Pacer(per_minute=600))
        sender.hold = timedelta(seconds=2)
        ctx = JobContext(
            database=database,
            publisher=SlackPublisher(),
            settings=settings,
            holder="fanout",
            sender=sender,
        )
        stop = threading.Event()
        drain = threading.Thread(target=sender.run, args=(stop,), daemon=True)
        drain.start()
        fan_out = threading.Thread(target=catch_up, args=(ctx, now), daemon=True)
        fan_out.start()
        slack.wait_for("chat.postMessage", 10, timeout=30, ok=True)
        # The next posts are taken by Slack but answered late: the database goes down while
        # they are in flight, so their ts cannot be recorded.
        slack.delay_reply_next("chat.postMessage", 2.0, times=2)
        slack.wait_for("chat.postMessage", 12, timeout=30)
        server.stop()
        time.sleep(2.0)
        server.restart()
        fan_out.join(timeout=60)
        catch_up(ctx, datetime.now(UTC))  # the next catch-up round queues what was missed

        def all_recorded() -> bool:
            try:
                with database.session() as session:
                    posts = list(session.scalars(select(QuizPost)))
                    return len(posts) == len(CHANNELS) and all(p.slack_ts for p in posts)
            except Exception:
                return False

        deadline = time.monotonic() + 60
        while not all_recorded():
            assert time.monotonic() < deadline, "posts not all recorded after the outage"
            catch_up(ctx, datetime.now(UTC))
            time.sleep(0.5)
        stop.set()
        drain.join(timeout=10)
        # Nothing of this run may outlive it: it would go on logging against the removed server.
        assert not drain.is_alive() and not fan_out.is_alive()
        assert crashed == []
        stored = {c: [m for m in slack.messages(c) if m.get("bot_id")] for c in CHANNELS}
        assert {c: len(m) for c, m in stored.items()} == dict.fromkeys(CHANNELS, 1)
        with database.session() as session:
            posts = {p.channel_id: p.slack_ts for p in session.scalars(select(QuizPost))}
            rows = list(session.scalars(select(OutboxMessage)))
        assert posts == {c: stored[c][0]["ts"] for c in CHANNELS}
        assert {r.status for r in rows} == {"sent"}
        assert slack.count("conversations.history") >= 1  # in-flight posts were looked up
        assert slack.count("chat.postMessage", ok=True) == len(CHANNELS)
    database.dispose()
