"""Exactly-once delivery through the outbox against a faulty FakeSlack over real HTTP: a post
accepted whose reply is lost, 500/503 answers, connections refused for 60 s, 429 for 200 s.
Time runs on a manual clock shared by the sender, its pacer and the fake (no real waiting).
Each run ends with every message in Slack exactly once and its ts recorded."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from datetime import datetime, timedelta

import pytest
from sqlalchemy import select

from bot.slack.delivery import (
    OutboxSender,
    SlackTransport,
    send_reply,
    sender_client,
)
from bot.slack.pacing import Pacer
from bot.slack.publisher import SlackPublisher
from bot.slack.render.general import UNDELIVERED
from bot.slack.services import Services
from common.config import Settings
from common.metrics import OUTBOX_UNDELIVERED
from jobs.catchup import catch_up
from jobs.context import JobContext
from store.db import Database
from store.models import OutboxMessage, QuizPost
from tests.fakeslack import FakeSlack
from tests.jobs.helpers import http_sender, subscribe, utc
from tests.simclock import SimClock

CHANNELS = [f"C{n}" for n in range(1, 6)]
NINE = utc(2025, 3, 4, 9, 0)


class ManualClock(SimClock):
    """Seconds since NINE, moved on by the test."""

    def now(self) -> datetime:
        return NINE + timedelta(seconds=self.t)

    def pacer(self) -> Pacer:
        return Pacer(per_minute=600, margin_s=0.0, clock=self, sleep=self.sleep)


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock()


@pytest.fixture
def slack(clock: ManualClock) -> Iterator[FakeSlack]:
    with FakeSlack(clock=clock) as fake:
        yield fake


@pytest.fixture
def sender(ctx: JobContext, slack: FakeSlack, clock: ManualClock) -> OutboxSender:
    sender = http_sender(ctx.database, slack.api_url, ctx.holder, clock.pacer())
    sender.clock = clock.now
    ctx.publisher = SlackPublisher()
    ctx.sender = sender
    for channel in CHANNELS:
        subscribe(ctx.database, channel)
    return sender


def run_until_delivered(sender: OutboxSender, clock: ManualClock, limit_s: float) -> None:
    """Drain every simulated second until nothing is pending (or `limit_s` passes)."""
    while clock.t < limit_s:
        sender.drain_once(clock.now())
        with sender.database.session() as session:
            pending = session.scalars(
                select(OutboxMessage).where(OutboxMessage.status == "pending")
            )
            if not list(pending):
                return
        clock.t += 1.0
    raise AssertionError(f"messages still pending after {limit_s} simulated seconds")


def assert_each_channel_posted_once(slack: FakeSlack, db: Database) -> None:
    stored = Counter(
        channel for channel in CHANNELS for m in slack.messages(channel) if m.get("bot_id")
    )
    assert stored == Counter(CHANNELS), stored
    with db.session() as session:
        posts = list(session.scalars(select(QuizPost)))
        assert sorted(p.channel_id for p in posts) == CHANNELS
        for post in posts:
            [message] = [m for m in slack.messages(post.channel_id) if m.get("bot_id")]
            assert post.slack_ts == message["ts"]


def test_a_post_whose_reply_was_lost_is_found_not_resent(
    ctx: JobContext, sender: OutboxSender, slack: FakeSlack, clock: ManualClock
) -> None:
    slack.drop_reply_next("chat.postMessage", times=len(CHANNELS))
    catch_up(ctx, clock.now())
    assert slack.count("conversations.history") == 0  # nothing looked up yet
    run_until_delivered(sender, clock, 30)
    assert_each_channel_posted_once(slack, ctx.database)
    assert slack.count("chat.postMessage") == len(CHANNELS)  # never sent again
    assert slack.count("conversations.history") == len(CHANNELS)


@pytest.mark.parametrize("status", [500, 503])
def test_server_errors_are_looked_up_then_retried(
    ctx: JobContext, sender: OutboxSender, slack: FakeSlack, clock: ManualClock, status: int
) -> None:
    slack.fail_next("chat.postMessage", status=status, times=len(CHANNELS) * 2)
    catch_up(ctx, clock.now())
    run_until_delivered(sender, clock, 60)
    assert_each_channel_posted_once(slack, ctx.database)
    assert slack.count("chat.postMessage", ok=False) == len(CHANNELS) * 2


def test_connections_refused_for_a_minute(
    ctx: JobContext, sender: OutboxSender, slack: FakeSlack, clock: ManualClock
) -> None:
    slack.refuse_connections()
    catch_up(ctx, clock.now())
    while clock.t < 60:
        sender.drain_once(clock.now())
        clock.t += 1.0
    with ctx.database.session() as session:
        rows = list(session.scalars(select(OutboxMessage)))
        assert {r.status for r in rows} == {"pending"} and not any(r.uncertain for r in rows)
    slack.accept_connections()
    run_until_delivered(sender, clock, 200)
    assert_each_channel_posted_once(slack, ctx.database)
    assert slack.count("conversations.history") == 0  # refused: certainly not sent


def test_429_for_200_seconds_waits_without_using_up_the_budget(
    ctx: JobContext, sender: OutboxSender, slack: FakeSlack, clock: ManualClock
) -> None:
    slack.rate_limit_until(200.0, retry_after=30)
    catch_up(ctx, clock.now())
    run_until_delivered(sender, clock, 400)
    assert clock.t >= 200
    assert_each_channel_posted_once(slack, ctx.database)
    with ctx.database.session() as session:
        assert {r.attempts for r in session.scalars(select(OutboxMessage))} == {1}
    # Retry-After was honoured: at most one try per channel per 30 s window.
    assert slack.rate_limited_count <= len(CHANNELS) * (200 // 30 + 1)


def test_an_answer_slack_never_takes_is_given_up_and_the_asker_told(
    ctx: JobContext, settings: Settings, slack: FakeSlack, clock: ManualClock
) -> None:
    services = Services(settings, ctx.database, notes_index=None, now=clock.now)  # type: ignore[arg-type]
    client = sender_client("xoxb-test", base_url=slack.api_url)
    sender = OutboxSender(
        ctx.database,
        SlackTransport(client),
        clock.pacer(),
        holder="bot",
        clock=clock.now,
        sleep=clock.sleep,
    )
    services.sender = sender
    before = OUTBOX_UNDELIVERED.labels(purpose="chat.postMessage")._value.get()
    slack.fail_next("chat.postMessage", status=503, times=10_000)
    row_id = send_reply(services, "answer:C9:1.0", "C9", {"text": "hi"}, asker="U1")
    assert row_id is not None
    assert slack.count("chat.postMessage") == 0  # queued: the answer worker does not wait
    while clock.t < 17 * 60:
        sender.drain_once(clock.now())
        clock.t += 30
    with ctx.database.session() as session:
        rows = {r.key: r for r in session.scalars(select(OutboxMessage))}
    assert rows["answer:C9:1.0"].status == "failed"
    assert rows["answer:C9:1.0:undelivered"].status == "sent"
    [told] = slack.calls("chat.postEphemeral", ok=True)
    assert told.body["user"] == "U1" and told.body["text"] == UNDELIVERED
    assert OUTBOX_UNDELIVERED.labels(purpose="chat.postMessage")._value.get() == before + 1
