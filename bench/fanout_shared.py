"""Two senders on one database, as the bot (answers, from its drain) and the scheduler (posts,
delivered by its jobs) run them in two processes, each with its own pacer, against FakeSlack
enforcing 1 message a second per channel over real HTTP. Reports the wall time against the
floor the channel spacing allows, the 429s Slack answered, duplicates and losses, and the gaps
between consecutive posts in a channel. The baseline, in the same process, is the sender as it
was before the channel's turn was shared: each process paced by its own pacer only.

Run: .venv/bin/python -m bench.fanout_shared [--channels 5] [--per-channel 10]
     [--database-url postgresql+psycopg://…]  (a scratch database: its outbox is emptied)
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import threading
import time
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import datetime
from itertools import pairwise
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sqlalchemy import delete, select  # noqa: E402

from bot.slack.delivery import (  # noqa: E402
    Claimed,
    OutboxSender,
    Outcome,
    SlackTransport,
    sender_client,
    utc_now,
)
from bot.slack.pacing import Pacer, Turn  # noqa: E402
from common.logs import configure_logging  # noqa: E402
from store import outbox  # noqa: E402
from store.db import Database  # noqa: E402
from store.migrate import upgrade  # noqa: E402
from store.models import OutboxMessage  # noqa: E402
from tests.fakeslack import FakeSlack  # noqa: E402


class PerProcessSender(OutboxSender):
    """The baseline: the channel's turn is its own pacer's alone (no look at the others)."""

    def _claim(self, row_id: int, now: datetime, turn: Turn | None) -> Claimed | Outcome:
        return super()._claim(row_id, now, None)


@dataclass
class Result:
    name: str
    wall_s: float
    floor_s: float
    rate_limited: int
    duplicates: int
    lost: int
    gap_p50_s: float
    gap_min_s: float
    by_sender: dict[str, int]


def _sender(kind: type[OutboxSender], database: Database, url: str, holder: str) -> OutboxSender:
    transport = SlackTransport(sender_client("xoxb-bench", base_url=url))
    return kind(database, transport, Pacer(per_minute=6000), holder=holder, poll_s=0.05, workers=4)


def run(name: str, kind: type[OutboxSender], database: Database, chans: int, each: int) -> Result:
    with database.session() as session:
        session.execute(delete(OutboxMessage))
    channels = [f"C{n:03d}" for n in range(chans)]
    with FakeSlack(per_channel_per_second=1) as slack:
        bot, jobs = (_sender(kind, database, slack.api_url, h) for h in ("bot", "jobs"))
        bot.start()
        jobs.start()
        started = time.monotonic()
        posts = []
        for n in range(each // 2):
            for channel in channels:
                with database.session() as session:
                    for key in (f"answer:{channel}:{n}", f"post:{channel}:{n}"):
                        row = outbox.enqueue(
                            session, key, channel=channel, payload={"text": key}, now=utc_now()
                        )
                posts.append(row.id)
                bot.wake()
        threads = [threading.Thread(target=jobs.deliver, args=(row_id,)) for row_id in posts]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        bot.wait_idle(timeout=600)
        wall = time.monotonic() - started
        bot.stop()
        jobs.stop()
        calls = slack.calls("chat.postMessage", ok=True)
    with database.session() as session:
        rows = list(session.scalars(select(OutboxMessage)))
    posted = Counter(c.body["text"] for c in calls)
    times: dict[str, list[float]] = defaultdict(list)
    for call in calls:
        times[call.body["channel"]].append(call.at)
    gaps = [b - a for ts in times.values() for a, b in pairwise(sorted(ts))]
    return Result(
        name=name,
        wall_s=wall,
        floor_s=float(each - 1),
        rate_limited=slack.rate_limited_count,
        duplicates=sum(n - 1 for n in posted.values() if n > 1),
        lost=sum(1 for r in rows if posted[r.key] == 0),
        gap_p50_s=statistics.median(gaps),
        gap_min_s=min(gaps),
        by_sender=dict(Counter(str(r.sent_by) for r in rows)),
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--channels", type=int, default=5)
    parser.add_argument("--per-channel", type=int, default=10, help="messages, half answers")
    parser.add_argument("--database-url", default="", help="default: a fresh SQLite file")
    args = parser.parse_args()
    configure_logging("ERROR")
    with tempfile.TemporaryDirectory() as folder:
        url = args.database_url or f"sqlite:///{folder}/studybot.db"
        upgrade(url)
        database = Database(url)
        results = [
            run(name, kind, database, args.channels, args.per_channel)
            for name, kind in (("shared turn", OutboxSender), ("per process", PerProcessSender))
        ]
        database.dispose()
    print(
        f"{args.channels} channels x {args.per_channel} messages (half answers from the bot's "
        f"drain, half posts delivered by the scheduler's jobs), FakeSlack 1 post/s per channel, "
        f"{url.split(':')[0]}"
    )
    print(
        f"{'senders':<14}{'wall s':>8}{'floor s':>9}{'429s':>6}{'dupes':>7}{'lost':>6}"
        f"{'gap p50 s':>11}{'gap min s':>11}  sent by"
    )
    for r in results:
        print(
            f"{r.name:<14}{r.wall_s:>8.1f}{r.floor_s:>9.1f}{r.rate_limited:>6}{r.duplicates:>7}"
            f"{r.lost:>6}{r.gap_p50_s:>11.2f}{r.gap_min_s:>11.2f}  {r.by_sender}"
        )
    ours = results[0]
    sys.exit(0 if ours.rate_limited == ours.duplicates == ours.lost == 0 else 1)


if __name__ == "__main__":
    main()
