"""Two senders on one database, as the bot (replies) and the scheduler (posts) run them in two
processes, each with a pacer of its own: the channel's turn (1 message a second) holds across
them, over real HTTP against FakeSlack enforcing it, on SQLite and PostgreSQL."""

from __future__ import annotations

import threading
import time
from collections import Counter
from collections.abc import Iterator

import pytest
from sqlalchemy import select

from bot.slack.delivery import OutboxSender, SlackTransport, sender_client, utc_now
from bot.slack.pacing import Pacer
from store import outbox
from store.db import Database
from store.models import OutboxMessage
from tests.fakeslack import FakeSlack

CHANNELS = ["C1", "C2", "C3"]
PER_CHANNEL = 6


@pytest.fixture
def limited() -> Iterator[FakeSlack]:
    with FakeSlack(per_channel_per_second=1) as fake:
        yield fake


def _sender(db: Database, fake: FakeSlack, holder: str) -> OutboxSender:
    client = sender_client("xoxb-test", base_url=fake.api_url)
    pacer = Pacer(per_minute=600)
    return OutboxSender(db, SlackTransport(client), pacer, holder=holder, poll_s=0.05, workers=4)


def _queue(db: Database, key: str, channel: str) -> int:
    with db.session() as session:
        row = outbox.enqueue(session, key, channel=channel, payload={"text": key}, now=utc_now())
        return row.id


def _all_sent(db: Database, expected: int, timeout: float) -> list[OutboxMessage]:
    deadline = time.monotonic() + timeout
    while True:
        with db.session() as session:
            rows = list(session.scalars(select(OutboxMessage)))
        if len(rows) == expected and all(r.status == "sent" for r in rows):
            return rows
        assert time.monotonic() < deadline, Counter(r.status for r in rows)
        time.sleep(0.05)


def test_the_bot_and_the_scheduler_share_each_channels_turn(
    db: Database, limited: FakeSlack
) -> None:
    """The bot's drain sends answers while the scheduler's jobs deliver posts (its drain runs
    too) in the same channels: no 429, every message once, both processes sending."""
    bot, scheduler = _sender(db, limited, "bot"), _sender(db, limited, "jobs")
    bot.start()
    scheduler.start()
    try:
        posts: list[int] = []
        for n in range(PER_CHANNEL):
            for channel in CHANNELS:
                _queue(db, f"answer:{channel}:{n}", channel)
                bot.wake()
                posts.append(_queue(db, f"post:{channel}:{n}", channel))
        jobs = [threading.Thread(target=scheduler.deliver, args=(row_id,)) for row_id in posts]
        for job in jobs:
            job.start()
        rows = _all_sent(db, 2 * PER_CHANNEL * len(CHANNELS), timeout=60)
        for job in jobs:
            job.join(10)
    finally:
        bot.stop()
        scheduler.stop()
    assert limited.rate_limited_count == 0
    posted = Counter(c.body["text"] for c in limited.calls("chat.postMessage", ok=True))
    assert posted == Counter({r.key: 1 for r in rows})
    assert {r.sent_by for r in rows} == {"bot", "jobs"}
