"""Fan-out fault runs in real time against real processes (issue 10's Checks): a real PostgreSQL
stopped and started in the middle of a fan-out, and a `studybot jobs` process SIGKILLed while
Slack holds one of its posts, with a second process taking over. Each is run through the outbox
and through a naive "blind" sender (re-sends an unknown outcome without looking in the channel)
in the same run; each prints delivered / duplicates / lost.

Durations are divided by `scale` (1: a 30 s outage and Slack holding a reply for 30 s), so the
runs stay at minutes. The PostgreSQL server is our own, on `--pg-port`, started afresh for each
run and restarted on the same data (scripts/postgres.sh, through tests/pgserver.py).

Run: .venv/bin/python -m bench.fanout_real --pg-port 55441 [--channels 40] [--scale 10]
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from datetime import time as clock_time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sqlalchemy import select  # noqa: E402

from bench.blind import BlindTransport  # noqa: E402
from bot.slack.delivery import (  # noqa: E402
    OutboxSender,
    SlackTransport,
    sender_client,
    start_sender,
)
from bot.slack.pacing import Pacer  # noqa: E402
from bot.slack.publisher import SlackPublisher  # noqa: E402
from common.config import Settings  # noqa: E402
from common.logs import configure_logging  # noqa: E402
from common.weekdays import Weekdays  # noqa: E402
from jobs import lease  # noqa: E402
from jobs.catchup import catch_up  # noqa: E402
from jobs.context import JobContext  # noqa: E402
from quiz.posts import subscribe_channel  # noqa: E402
from quiz.sync import load_corpus, sync_bank  # noqa: E402
from store import outbox  # noqa: E402
from store.db import Database  # noqa: E402
from store.migrate import upgrade  # noqa: E402
from store.models import QuizPost  # noqa: E402
from tests.fakeslack import FakeSlack  # noqa: E402
from tests.pgserver import PostgresServerError, ThrowawayPostgres  # noqa: E402

STUDYBOT = Path(sys.executable).parent / "studybot"
OUTAGE_S = 30.0  # the database outage, at scale 1
HELD_REPLY_S = 30.0  # how long Slack holds the reply to the post in flight at the kill
LEASE_TTL_S = 2.0
IN_FLIGHT = 4  # posts Slack has taken but not answered when the database goes down
TAKEOVER_LIMIT_S = 60.0


@dataclass
class RealResult:
    fault: str
    sender: str
    delivered: int
    duplicates: int
    lost: int
    lookups: int
    wall_s: float
    after_lease_s: float | None = None


def _prepared(url: str, channels: list[str], slot: clock_time) -> Database:
    upgrade(url)
    database = Database(url)
    questions, cards = load_corpus([ROOT / "corpus"])
    subscribed_at = datetime.now(UTC) - timedelta(days=1)
    with database.session() as session:
        sync_bank(session, questions, cards, subscribed_at)
        for channel in channels:
            subscribe_channel(
                session,
                channel,
                post_time=slot,
                weekdays=Weekdays.EVERY_DAY,
                now=subscribed_at,
            )
    return database


def _slot(minutes_ago: int) -> clock_time:
    at = datetime.now(UTC) - timedelta(minutes=minutes_ago)
    return at.time().replace(second=0, microsecond=0)


def _sender(database: Database, api_url: str, holder: str, *, blind: bool) -> OutboxSender:
    transport_class = BlindTransport if blind else SlackTransport
    transport = transport_class(sender_client("xoxb-bench", base_url=api_url))
    sender = OutboxSender(
        database, transport, Pacer(per_minute=600), holder=holder, poll_s=0.2, workers=4
    )
    sender.hold = timedelta(seconds=2)
    return sender


def _quietly(work: Callable[..., object], *args: object) -> None:
    """The fan-out's first round dies with the database; the next rounds finish it."""
    with contextlib.suppress(Exception):
        work(*args)


def _recorded(database: Database) -> dict[str, str | None]:
    try:
        with database.session() as session:
            return {p.channel_id: p.slack_ts for p in session.scalars(select(QuizPost))}
    except Exception:  # the database is down or coming back
        return {}


def _poll(done: Callable[[], bool], limit_s: float, interval_s: float = 0.2) -> bool:
    deadline = time.monotonic() + limit_s
    while not done():
        if time.monotonic() >= deadline:
            return False
        time.sleep(interval_s)
    return True


def _tally(
    fault: str, sender: str, slack: FakeSlack, channels: list[str], database: Database
) -> RealResult:
    per_channel = {c: sum(1 for m in slack.messages(c) if m.get("bot_id")) for c in channels}
    recorded = _recorded(database)
    return RealResult(
        fault=fault,
        sender=sender,
        delivered=sum(1 for c in channels if per_channel[c] >= 1),
        duplicates=sum(n - 1 for n in per_channel.values() if n > 1),
        lost=sum(1 for c in channels if per_channel[c] == 0 or not recorded.get(c)),
        lookups=slack.count("conversations.history"),
        wall_s=0.0,
    )


def database_outage_run(
    server: ThrowawayPostgres, channels: list[str], scale: float, *, blind: bool
) -> RealResult:
    """The fan-out runs; a quarter in, two posts are taken by Slack and answered late, and the
    database stops while they are on their way; it comes back after the outage and the next
    catch-up rounds finish the fan-out."""
    url = server.start_fresh()
    database = _prepared(url, channels, _slot(5))
    settings = Settings(data_dir=Path(tempfile.mkdtemp()), corpus=[ROOT / "corpus"])
    began = time.monotonic()
    with FakeSlack() as slack:
        sender = _sender(database, slack.api_url, "fanout", blind=blind)
        ctx = JobContext(
            database=database,
            publisher=SlackPublisher(),
            settings=settings,
            holder="fanout",
            sender=sender,
        )
        stop = threading.Event()
        drain = start_sender(sender, stop)
        fan_out = threading.Thread(
            target=_quietly, args=(catch_up, ctx, datetime.now(UTC)), daemon=True
        )
        fan_out.start()
        quarter = max(len(channels) // 4, 1)
        slack.wait_for("chat.postMessage", quarter, timeout=120, ok=True)
        slack.delay_reply_next("chat.postMessage", max(2.0, 4.0 / scale), times=IN_FLIGHT)
        slack.wait_for("chat.postMessage", quarter + IN_FLIGHT, timeout=120)
        server.stop()
        time.sleep(OUTAGE_S / scale)
        server.restart()
        fan_out.join(timeout=120)

        def finished() -> bool:
            recorded = _recorded(database)
            if len(recorded) == len(channels) and all(recorded.values()):
                return True
            with contextlib.suppress(Exception):  # still reconnecting
                catch_up(ctx, datetime.now(UTC))
            return False

        _poll(finished, 300, 0.5)
        wall = time.monotonic() - began
        stop.set()
        drain.join(timeout=10)
        sender.stop()
        result = _tally(
            f"PG down {OUTAGE_S / scale:.0f} s",
            "blind" if blind else "outbox",
            slack,
            channels,
            database,
        )
    result.wall_s = wall
    database.dispose()
    return result


class Worker:
    """`studybot jobs` in a process of its own, logging JSON lines to a file."""

    def __init__(self, env: dict[str, str], log_path: Path) -> None:
        self.log_path = log_path
        self._log = log_path.open("wb")
        self.proc = subprocess.Popen(
            [str(STUDYBOT), "jobs", "--lease-ttl", str(LEASE_TTL_S)],
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=self._log,
            env={**os.environ, **env},
        )

    @property
    def pid_tag(self) -> str:
        return f":{self.proc.pid}:"

    def logged(self, event: str) -> bool:
        text = self.log_path.read_text(encoding="utf-8", errors="replace")
        return any(
            json.loads(line).get("event") == event
            for line in text.splitlines()
            if line.startswith("{")
        )

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=10)
        self._log.close()


def killed_scheduler_run(
    server: ThrowawayPostgres, channels: list[str], scale: float, folder: Path, *, blind: bool
) -> RealResult:
    """`studybot jobs` fans out; a third in, Slack takes a post and holds its reply, and the
    process is SIGKILLed. The successor (a second `studybot jobs`, or the blind baseline in this
    process) takes the lease and finishes; the time from its lease to the last channel posted is
    what the issue bounds at 60 s."""
    url = server.start_fresh()
    database = _prepared(url, channels, _slot(10))
    began = time.monotonic()
    with FakeSlack() as slack:
        env = {
            "DATABASE_URL": url,
            "SLACK_BOT_TOKEN": "xoxb-bench",
            "SLACK_API_URL": slack.api_url,
            "STUDYBOT_CORPUS": str(ROOT / "corpus"),
            "STUDYBOT_DATA_DIR": str(folder / "data"),
            "STUDYBOT_LOG_JSON": "true",
            "STUDYBOT_SLACK_POSTS_PER_MINUTE": "120",
            "HF_HUB_OFFLINE": "1",
        }
        first = Worker(env, folder / "first.log")
        third = max(len(channels) // 3, 1)
        workers = [first]
        try:
            slack.wait_for("chat.postMessage", third, timeout=180, ok=True)
            slack.delay_reply_next("chat.postMessage", HELD_REPLY_S / scale)
            slack.wait_for("chat.postMessage", third + 1, timeout=60)
            first.proc.send_signal(signal.SIGKILL)
            first.proc.wait(timeout=10)
            holder = f"bench:{os.getpid()}"

            def leading() -> bool:
                current = lease.current_holder(database, datetime.now(UTC)) or ""
                if blind:
                    return current == holder
                return workers[-1].pid_tag in current

            if blind:
                sender = _sender(database, slack.api_url, holder, blind=True)
                _poll(lambda: lease.acquire(database, holder, datetime.now(UTC)), 60)
                dead = _dead_holders(database)
                with database.session() as session:
                    outbox.release_claims_of(session, dead)
                leading_at = time.monotonic()
                settings = Settings(data_dir=folder, corpus=[ROOT / "corpus"])
                ctx = JobContext(
                    database=database,
                    publisher=SlackPublisher(),
                    settings=settings,
                    holder=holder,
                    sender=sender,
                )
                stop = threading.Event()
                drain = start_sender(sender, stop)
                catch_up(ctx, datetime.now(UTC))
            else:
                workers.append(Worker(env, folder / "second.log"))
                _poll(leading, 120, 0.05)
                leading_at = time.monotonic()

            def all_posted() -> bool:
                return all(any(m.get("bot_id") for m in slack.messages(c)) for c in channels)

            _poll(all_posted, 180, 0.05)
            after_lease = time.monotonic() - leading_at
            _poll(
                lambda: (
                    all(_recorded(database).get(c) for c in channels)
                    and len(_recorded(database)) == len(channels)
                ),
                60,
            )
            if blind:
                stop.set()
                drain.join(timeout=10)
                sender.stop()
            wall = time.monotonic() - began
            result = _tally(
                "SIGKILL mid post", "blind" if blind else "outbox", slack, channels, database
            )
        finally:
            for worker in workers:
                worker.stop()
    result.wall_s = wall
    result.after_lease_s = after_lease
    database.dispose()
    return result


def _dead_holders(database: Database) -> set[str]:
    from store.models import OutboxMessage

    with database.session() as session:
        held = session.scalars(
            select(OutboxMessage.claimed_by).where(OutboxMessage.claimed_by.is_not(None))
        )
        return {h for h in held if h is not None}


def run_real_faults(port: int, channels: int, scale: float) -> bool:
    names = [f"C{n:04d}" for n in range(channels)]
    server = ThrowawayPostgres(port, "studybot-bench-pg")
    results: list[RealResult] = []
    try:
        for blind in (False, True):
            results.append(database_outage_run(server, names, scale, blind=blind))
        for blind in (False, True):
            with tempfile.TemporaryDirectory() as folder:
                results.append(
                    killed_scheduler_run(server, names, scale, Path(folder), blind=blind)
                )
    except PostgresServerError as error:
        raise SystemExit(f"cannot start PostgreSQL on {port}: {error}") from None
    finally:
        server.remove()
    print(
        f"\nreal-time fault runs: {channels} channels, PostgreSQL on port {port}, time scale "
        f"1/{scale:g} (outage {OUTAGE_S / scale:.1f} s, reply held {HELD_REPLY_S / scale:.1f} s)"
    )
    print(
        f"{'fault':<20}{'sender':>8}{'delivered':>11}{'dupes':>7}{'lost':>6}{'lookups':>9}"
        f"{'wall s':>8}{'after lease s':>15}"
    )
    for r in results:
        lease_s = f"{r.after_lease_s:.1f}" if r.after_lease_s is not None else "-"
        print(
            f"{r.fault:<20}{r.sender:>8}{r.delivered:>11}{r.duplicates:>7}{r.lost:>6}"
            f"{r.lookups:>9}{r.wall_s:>8.1f}{lease_s:>15}"
        )
    ours = [r for r in results if r.sender == "outbox"]
    ok = all(r.duplicates == 0 and r.lost == 0 for r in ours) and all(
        r.after_lease_s is None or r.after_lease_s <= TAKEOVER_LIMIT_S for r in ours
    )
    print(f"outbox: {'0 duplicates, 0 lost, takeover within 60 s' if ok else 'FAILED'}")
    return ok


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pg-port", type=int, required=True, help="a free port for our server")
    parser.add_argument("--channels", type=int, default=40)
    parser.add_argument(
        "--scale", type=float, default=10.0, help="divide the outage and held reply by this"
    )
    args = parser.parse_args()
    configure_logging("CRITICAL")  # the outage logs a warning per round: expected
    sys.exit(0 if run_real_faults(args.pg_port, args.channels, args.scale) else 1)


if __name__ == "__main__":
    main()
