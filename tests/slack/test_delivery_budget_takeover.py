"""The workspace budget across a takeover or a restart: a successor sender with a fresh pacer
starts from the broadcasts the outbox records as landed in the last minute, over real HTTP
against FakeSlack holding the workspace to the budget, on SQLite and PostgreSQL. Time is
simulated: FakeSlack, the pacers and the senders read one clock."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

import pytest

from bot.slack.delivery import OutboxSender, SlackTransport, pending_of, sender_client
from bot.slack.pacing import Pacer
from store import outbox
from store.db import Database
from store.models import OutboxMessage
from tests.fakeslack import FakeSlack
from tests.simclock import SimClock
from tests.slack.conftest import NOW

BUDGET = 6
STEP_S = 0.25


@pytest.fixture
def clock() -> SimClock:
    return SimClock()


@pytest.fixture
def slack(clock: SimClock) -> Iterator[FakeSlack]:
    with FakeSlack(clock=clock, per_channel_per_second=1, workspace_per_minute=BUDGET) as fake:
        yield fake


def _sender(db: Database, slack: FakeSlack, clock: SimClock, holder: str) -> OutboxSender:
    pacer = Pacer(per_minute=BUDGET, margin_s=0.0, clock=clock, sleep=clock.sleep)
    client = sender_client("xoxb-test", base_url=slack.api_url)
    at = lambda: NOW + timedelta(seconds=clock.t)  # noqa: E731
    return OutboxSender(db, SlackTransport(client), pacer, holder=holder, clock=at)


def _queue(db: Database, prefix: str, count: int) -> list[int]:
    with db.session() as session:
        rows = [
            outbox.enqueue(
                session, f"{prefix}:C{n}", channel=f"C{n}", payload={"text": "q"}, now=NOW
            )
            for n in range(count)
        ]
        return [row.id for row in rows]


def _drain(sender: OutboxSender, clock: SimClock, until_s: float = 600.0) -> None:
    while clock.t < until_s:
        sender.drain_once(NOW + timedelta(seconds=clock.t))
        with sender.database.session() as session:
            if outbox.pending_count(session) == 0:
                return
        clock.t += STEP_S
    raise AssertionError("rows left pending")


def _posts_at(slack: FakeSlack) -> list[float]:
    return sorted(call.at for call in slack.calls("chat.postMessage", ok=True))


def test_a_successor_does_not_spend_its_predecessors_minute_again(
    db: Database, slack: FakeSlack, clock: SimClock
) -> None:
    """A posts a full minute's budget and dies; B, started 10 s later with a fresh pacer,
    waits for the minute to pass: no 429, never more than the budget in any minute."""
    _queue(db, "post", 2 * BUDGET)
    dead = _sender(db, slack, clock, "A")
    assert dead.drain_once(NOW) == BUDGET  # its pacer holds the rest
    clock.t = 10.0
    _drain(_sender(db, slack, clock, "B"), clock)
    assert slack.rate_limited_count == 0
    times = _posts_at(slack)
    assert len(times) == 2 * BUDGET
    assert all(times[n + BUDGET] - times[n] >= 60.0 for n in range(BUDGET))
    assert times[BUDGET] >= 60.0  # B's first post waited for A's minute


def test_a_send_cut_off_by_a_crash_counts_until_it_is_found(
    db: Database, slack: FakeSlack, clock: SimClock
) -> None:
    """A sends a minute's budget, the last send taken by Slack but A killed before recording
    it (its hold freed by the takeover): B counts it too, finds it, posts nothing twice."""
    ids = _queue(db, "post", 2 * BUDGET)
    dead = _sender(db, slack, clock, "A")
    for row_id in ids[: BUDGET - 1]:
        dead.attempt(row_id, NOW)
    with db.session() as session:
        assert outbox.claim(session, ids[BUDGET - 1], "A", NOW, timedelta(minutes=15))
        outbox.begin_send(session, ids[BUDGET - 1])
        row = session.get(OutboxMessage, ids[BUDGET - 1])
        assert row is not None
        cut_off = pending_of(row)
    dead.transport.send(cut_off)
    clock.t = 10.0
    with db.session() as session:
        outbox.release_claims_of(session, {"A"})
    _drain(_sender(db, slack, clock, "B"), clock)
    assert slack.rate_limited_count == 0
    channels = [call.body["channel"] for call in slack.calls("chat.postMessage", ok=True)]
    assert sorted(channels) == sorted(f"C{n}" for n in range(2 * BUDGET))  # each once
    assert slack.count("conversations.history") == 1


def test_replies_sent_before_a_takeover_leave_the_budget_whole(
    db: Database, slack: FakeSlack, clock: SimClock
) -> None:
    """Answers take no place in the broadcast budget (Slack paces them per channel: the fake
    counts only the broadcasts here), so a seed does not count them."""
    slack.limit_posts(per_channel_per_second=1)
    _queue(db, "answer", BUDGET)
    _drain(_sender(db, slack, clock, "A"), clock)
    slack.limit_posts(per_channel_per_second=1, workspace_per_minute=BUDGET)
    start = clock.t = clock.t + 2.0
    _queue(db, "post", BUDGET)
    _drain(_sender(db, slack, clock, "B"), clock)
    assert slack.rate_limited_count == 0
    assert clock.t - start < 5.0  # B posted the whole budget at once
