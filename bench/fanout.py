"""Fan-out of the daily question: N channels subscribed for the same minute, posted through
the Slack app's publisher against FakeSlack enforcing 1 message/s per channel and a workspace
budget per rolling minute. Checks each channel is posted exactly once and no 429 is left
unhandled, and reports the wall time next to the minimum the budget allows. A naive baseline
in the same process posts unpaced and relies on slack_sdk's 429 retries alone.

Run: .venv/bin/python -m bench.fanout [--channels 500] [--budget 60] [--workers 10] [--scale 10]

The same faults with real processes in real time (PostgreSQL stopped mid fan-out, `studybot
jobs` SIGKILLed mid post): bench/fanout_real.py.
"""

from __future__ import annotations

import argparse
import logging
import math
import random
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from datetime import time as clock_time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from slack_sdk import WebClient  # noqa: E402
from slack_sdk.http_retry.builtin_handlers import RateLimitErrorRetryHandler  # noqa: E402
from sqlalchemy import func, select  # noqa: E402

from bench.blind import BlindTransport  # noqa: E402
from bot.slack.delivery import (  # noqa: E402
    OutboxSender,
    SlackTransport,
    pending_of,
    sender_client,
    start_sender,
)
from bot.slack.pacing import Pacer  # noqa: E402
from bot.slack.publisher import SlackPublisher  # noqa: E402
from common.config import Settings  # noqa: E402
from common.logs import configure_logging  # noqa: E402
from common.weekdays import Weekdays  # noqa: E402
from jobs.context import JobContext  # noqa: E402
from jobs.daily import PostOutcome, post_daily_question  # noqa: E402
from quiz.posts import subscribe_channel  # noqa: E402
from quiz.sync import load_corpus, sync_bank  # noqa: E402
from store.db import Database  # noqa: E402
from store.migrate import upgrade  # noqa: E402
from store.models import OutboxMessage, QuizPost  # noqa: E402
from tests.fakeslack import FakeSlack  # noqa: E402
from tests.simclock import SimClock as BaseClock  # noqa: E402

NOW = datetime(2025, 3, 4, 9, 0, 5, tzinfo=UTC)
NAIVE_RETRIES = 2  # slack_sdk's RateLimitErrorRetryHandler, as a client would configure it


@dataclass
class RunResult:
    name: str
    wall_s: float
    posted: int
    channels_posted_once: int
    duplicates: int
    rate_limited: int
    failed_jobs: int
    unpublished_rows: int


def prepared_database(folder: Path, channels: list[str]) -> Database:
    url = f"sqlite:///{folder / 'studybot.db'}"
    upgrade(url)
    database = Database(url)
    questions, cards = load_corpus([ROOT / "corpus"])
    with database.session() as session:
        sync_bank(session, questions, cards, NOW)
        for channel in channels:
            subscribe_channel(
                session,
                channel,
                post_time=clock_time(9, 0),
                weekdays=Weekdays.EVERY_DAY,
                now=NOW - timedelta(days=1),
            )
    return database


def _no_pacing() -> Pacer:
    return Pacer(per_minute=1_000_000, channel_spacing_s=0.0, margin_s=0.0)


class ScaledRetries(RateLimitErrorRetryHandler):
    """slack_sdk's 429 retries, sleeping Retry-After in Slack's (scaled) seconds."""

    def __init__(self, scaled: ScaledTime, max_retry_count: int) -> None:
        super().__init__(max_retry_count=max_retry_count)
        self.scaled = scaled

    def prepare_for_next_attempt(self, **kwargs: Any) -> None:
        response, state = kwargs.get("response"), kwargs["state"]
        if response is None:
            raise kwargs["error"]
        headers = {k.lower(): v for k, v in response.headers.items()}
        retry_after = headers.get("retry-after", ["1"])
        state.next_attempt_requested = True
        self.scaled.sleep(int(retry_after[0]) + random.random())
        state.increment_current_attempt()


class _OneShot(SlackTransport):
    """The sender's transport over the run's own client (its retry handlers kept)."""

    def __init__(self, client: WebClient) -> None:
        handlers = list(client.retry_handlers)
        super().__init__(client)
        client.retry_handlers = handlers  # the naive baseline keeps slack_sdk's retries


class ScaledTime:
    """Slack's time run `scale` times faster than the wall clock: FakeSlack's rate windows, the
    pacer and the sender all read it, so a 60 s window passes in 60/scale real seconds."""

    def __init__(self, scale: float) -> None:
        self.scale = scale
        self.begun = time.monotonic()

    def seconds(self) -> float:
        return (time.monotonic() - self.begun) * self.scale

    def sleep(self, seconds: float) -> None:
        time.sleep(seconds / self.scale)

    def now(self) -> datetime:  # anchored at the jobs' NOW
        return NOW + timedelta(seconds=self.seconds())


def fan_out(
    name: str,
    client_for: Callable[[str, ScaledTime], tuple[WebClient, Pacer]],
    channels: list[str],
    budget: int,
    workers: int,
    folder: Path,
    scale: float = 1.0,
) -> RunResult:
    database = prepared_database(folder, channels)
    scaled = ScaledTime(scale)
    limits = {"per_channel_per_second": 1, "workspace_per_minute": budget}
    with FakeSlack(clock=scaled.seconds, **limits) as slack:  # type: ignore[arg-type]
        settings = Settings(data_dir=folder, corpus=[ROOT / "corpus"])
        client, pacer = client_for(slack.api_url, scaled)
        clock = scaled.now
        sender = OutboxSender(
            database, _OneShot(client), pacer, holder=name, clock=clock, poll_s=1.0 / scale
        )
        ctx = JobContext(
            database=database,
            publisher=SlackPublisher(),
            settings=settings,
            holder=name,
            sender=sender,
        )
        failures = 0
        outcomes: Counter[str] = Counter()

        def job(channel: str) -> PostOutcome | None:
            nonlocal failures
            try:
                outcome = post_daily_question(ctx, channel, clock())
                outcomes[str(outcome)] += 1
                return outcome
            except Exception as error:
                failures += 1
                print(f"{channel}: {error!r}"[:300], file=sys.stderr)
                return None

        # As the scheduler service runs it: the drain retries what a job's one attempt left
        # queued (a 429, a 5xx). Without it (last session's real-time run) every such row
        # stayed unposted and was counted as lost.
        stop = threading.Event()
        drain = start_sender(sender, stop)
        started = scaled.seconds()
        with ThreadPoolExecutor(workers) as pool:  # as APScheduler's executor runs them
            list(pool.map(job, channels))
        left_by_jobs = _pending(database)
        sender.wake()
        deadline = time.monotonic() + 600
        while _pending(database) and time.monotonic() < deadline:
            time.sleep(0.01)
        wall = scaled.seconds() - started
        stop.set()
        drain.join(timeout=10)
        print(
            f"{name}: job outcomes {dict(outcomes)}, {failures} raised, "
            f"{left_by_jobs} left to the drain"
        )
        per_channel = Counter(c.body["channel"] for c in slack.calls("chat.postMessage", ok=True))
        with database.session() as session:
            unpublished = session.scalar(select(func.count()).where(QuizPost.slack_ts.is_(None)))
            failures += (
                session.scalar(select(func.count()).where(OutboxMessage.status != "sent")) or 0
            )
        result = RunResult(
            name=name,
            wall_s=wall,
            posted=sum(per_channel.values()),
            channels_posted_once=sum(1 for c in channels if per_channel[c] == 1),
            duplicates=sum(n - 1 for n in per_channel.values() if n > 1),
            rate_limited=slack.rate_limited_count,
            failed_jobs=failures,
            unpublished_rows=int(unpublished or 0),
        )
    database.dispose()
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--channels", type=int, default=500)
    parser.add_argument(
        "--budget",
        type=int,
        default=Settings.model_fields["slack_posts_per_minute"].default,
        help="posts per rolling minute (default: the app's STUDYBOT_SLACK_POSTS_PER_MINUTE)",
    )
    parser.add_argument("--workers", type=int, default=10, help="job threads (APScheduler: 10)")
    parser.add_argument(
        "--fault-channels", type=int, default=100, help="channels per fault run (0: none)"
    )
    parser.add_argument("--pacing-channels", type=int, default=500, help="channels, pacing run")
    parser.add_argument(
        "--scale",
        type=float,
        default=1.0,
        help="run Slack's clock (rate windows, pacer, sender) this many times faster than the "
        "wall clock in the real-time fan-out; times are reported in Slack seconds",
    )
    args = parser.parse_args()
    configure_logging("WARNING")
    channels = [f"C{n:05d}" for n in range(args.channels)]
    minimum = max(math.ceil(args.channels / args.budget) - 1, 0) * 60.0
    print(
        f"{args.channels} channels due at 09:00; FakeSlack limits: 1 post/s per channel, "
        f"{args.budget} posts per rolling minute; {args.workers} job threads"
    )
    print(f"minimum wall time the workspace budget allows: {minimum:.1f} s")
    print(f"time scale: Slack's clock runs {args.scale:g}x the wall clock (figures in Slack s)")

    def paced(url: str, scaled: ScaledTime) -> tuple[WebClient, Pacer]:
        pacer = Pacer(per_minute=args.budget, clock=scaled.seconds, sleep=scaled.sleep)
        return sender_client("xoxb-bench", base_url=url), pacer

    def naive(url: str, scaled: ScaledTime) -> tuple[WebClient, Pacer]:
        handler = ScaledRetries(scaled, max_retry_count=NAIVE_RETRIES)
        client = WebClient(token="xoxb-bench", base_url=url, retry_handlers=[handler])
        return client, _no_pacing()

    results = []
    runs = (("paced", paced), ("naive (retries only)", naive)) if args.channels else ()
    for name, client_for in runs:
        with tempfile.TemporaryDirectory() as folder:
            results.append(
                fan_out(
                    name,
                    client_for,
                    channels,
                    args.budget,
                    args.workers,
                    Path(folder),
                    scale=args.scale,
                )
            )
    header = f"{'run':<22}{'wall s':>8}{'posted':>8}{'once':>7}{'dupes':>7}{'429s':>6}"
    print(header + f"{'failed':>8}{'unposted':>10}")
    for r in results:
        print(
            f"{r.name:<22}{r.wall_s:>8.1f}{r.posted:>8}{r.channels_posted_once:>7}"
            f"{r.duplicates:>7}{r.rate_limited:>6}{r.failed_jobs:>8}{r.unpublished_rows:>10}"
        )
    ok = True
    if results:
        paced_result = results[0]
        ok = (
            paced_result.channels_posted_once == args.channels
            and paced_result.duplicates == 0
            and paced_result.failed_jobs == 0
        )
        print(
            f"paced: {'every channel posted exactly once' if ok else 'FAILED'}; "
            f"wall {paced_result.wall_s:.1f} s vs minimum {minimum:.1f} s "
            f"(+{paced_result.wall_s - minimum:.1f} s)"
        )
    if args.fault_channels:
        ok = run_fault_runs(args.fault_channels, args.pacing_channels, args.budget) and ok
    sys.exit(0 if ok else 1)


# -- fault runs (issue 10): exactly once through the outbox while Slack misbehaves ----------------
#
# Simulated time: the sender, its pacer and FakeSlack share a clock the run moves on in steps,
# so a 200 s 429 storm or a 60 s refusal costs no real waiting. Each fault is run twice in the
# same process: through the outbox sender, and with a naive "blind" sender that re-sends an
# unknown outcome without looking in the channel first.


class SimClock(BaseClock):
    def now(self) -> datetime:
        return NOW + timedelta(seconds=self.t)


class UnseededSender(OutboxSender):
    """The baseline successor: its pacer's budget starts empty, as before the budget was
    seeded from the outbox, so it spends again the minute its predecessor spent."""

    def seed_budget(self) -> None:
        return None


@dataclass
class FaultResult:
    name: str
    sender: str
    sim_s: float
    floor_s: float
    posted: int
    duplicates: int
    lost: int
    rate_limited: int
    lookups: int
    after_lease_s: float | None = None


Fault = Callable[[FakeSlack, SimClock], dict[float, Callable[[], None]]]


def _fault_sender(
    database: Database,
    slack: FakeSlack,
    clock: SimClock,
    budget: int,
    holder: str,
    blind: bool,
    seeded: bool = True,
) -> OutboxSender:
    transport_class = BlindTransport if blind else SlackTransport
    transport = transport_class(sender_client("xoxb-bench", base_url=slack.api_url))
    pacer = Pacer(per_minute=budget, margin_s=0.0, clock=clock, sleep=clock.sleep)
    sender_class = OutboxSender if seeded else UnseededSender
    return sender_class(database, transport, pacer, holder=holder, clock=clock.now)


def _queue_all(database: Database, channels: list[str], folder: Path) -> None:
    settings = Settings(data_dir=folder, corpus=[ROOT / "corpus"])
    ctx = JobContext(database=database, publisher=SlackPublisher(), settings=settings)
    for channel in channels:
        post_daily_question(ctx, channel, NOW)  # no sender: queued only


def _pending(database: Database) -> int:
    with database.session() as session:
        return int(
            session.scalar(select(func.count()).where(OutboxMessage.status == "pending")) or 0
        )


def _drain(
    sender: OutboxSender, clock: SimClock, hooks: dict[float, Callable[[], None]], limit_s: float
) -> float:
    """Drain in 0.25 s steps, running each hook at its time; the time the last row went."""
    while clock.t <= limit_s:
        for at in [at for at in sorted(hooks) if at <= clock.t]:
            hooks.pop(at)()
        sender.drain_once(clock.now())
        if not hooks and _pending(sender.database) == 0:
            return clock.t
        clock.t += 0.25
    return clock.t


def _count(
    name: str, sender: str, slack: FakeSlack, database: Database, channels: list[str]
) -> FaultResult:
    per_channel = {c: sum(1 for m in slack.messages(c) if m.get("bot_id")) for c in channels}
    with database.session() as session:
        recorded = set(
            session.scalars(select(QuizPost.channel_id).where(QuizPost.slack_ts.is_not(None)))
        )
    return FaultResult(
        name=name,
        sender=sender,
        sim_s=0.0,
        floor_s=0.0,
        posted=sum(per_channel.values()),
        duplicates=sum(n - 1 for n in per_channel.values() if n > 1),
        lost=sum(1 for c in channels if per_channel[c] == 0 or c not in recorded),
        rate_limited=slack.rate_limited_count,
        lookups=slack.count("conversations.history"),
    )


def fault_run(
    name: str, fault: Fault, channels: list[str], budget: int, *, blind: bool, folder: Path
) -> FaultResult:
    database = prepared_database(folder, channels)
    _queue_all(database, channels, folder)
    clock = SimClock()
    limits = {"per_channel_per_second": 1, "workspace_per_minute": budget}
    with FakeSlack(clock=clock, **limits) as slack:  # type: ignore[arg-type]
        sender = _fault_sender(database, slack, clock, budget, "bench", blind)
        hooks = fault(slack, clock)
        finished = _drain(sender, clock, hooks, limit_s=3_600)
        result = _count(name, "blind" if blind else "outbox", slack, database, channels)
    result.sim_s = finished
    result.floor_s = (math.ceil(len(channels) / budget) - 1) * 60.0
    database.dispose()
    return result


def takeover_run(
    channels: list[str],
    budget: int,
    *,
    in_flight: int,
    follow_lease: bool,
    folder: Path,
    seeded: bool = True,
) -> FaultResult:
    """Holder A posts part of the fan-out and dies with `in_flight` posts taken by Slack but
    not recorded; B gets the lease at 30 s. With `follow_lease` B frees A's holds at once;
    without, it waits for them to go stale (15 minutes, as claims did before the outbox).
    Without `seeded` B's budget starts empty (the baseline: it draws 429s for A's minute)."""
    from store import outbox

    database = prepared_database(folder, channels)
    _queue_all(database, channels, folder)
    clock = SimClock()
    limits = {"per_channel_per_second": 1, "workspace_per_minute": budget}
    with FakeSlack(clock=clock, **limits) as slack:  # type: ignore[arg-type]
        dead = _fault_sender(database, slack, clock, budget, "A", blind=False)
        dead.hold = timedelta(minutes=15)
        with database.session() as session:
            rows = outbox.ready(session, clock.now())
            half = [(_r.id, _r.channel) for _r in rows[: len(rows) // 2]]
        for row_id, _channel in half[:-in_flight]:
            dead.attempt(row_id, clock.now())
        for row_id, _channel in half[-in_flight:]:  # sent, then A is killed before recording
            with database.session() as session:
                outbox.claim(session, row_id, "A", clock.now(), dead.hold)
                outbox.begin_send(session, row_id)
                row = session.get(OutboxMessage, row_id)
                assert row is not None
                message = pending_of(row)
            dead.transport.send(message)
        clock.t = 30.0  # A's lease expires; B takes it
        if follow_lease:
            with database.session() as session:
                outbox.release_claims_of(session, {"A"})
        successor = _fault_sender(database, slack, clock, budget, "B", blind=False, seeded=seeded)
        finished = _drain(successor, clock, {}, limit_s=3_600)
        name = "takeover, holds freed" if follow_lease else "takeover, holds go stale"
        name = name if seeded else "takeover, unseeded"
        result = _count(name, "outbox", slack, database, channels)
    result.sim_s = finished
    result.after_lease_s = finished - 30.0
    database.dispose()
    return result


def _drop_replies(share: float) -> Fault:
    def fault(slack: FakeSlack, clock: SimClock) -> dict[float, Callable[[], None]]:
        slack.drop_reply_next("chat.postMessage", times=max(1, int(share)))
        return {}

    return fault


def _server_errors(times: int) -> Fault:
    def fault(slack: FakeSlack, clock: SimClock) -> dict[float, Callable[[], None]]:
        slack.fail_next("chat.postMessage", status=500, times=times // 2)
        slack.fail_next("chat.postMessage", status=503, times=times - times // 2)
        return {}

    return fault


def _refused_for(seconds: float) -> Fault:
    def fault(slack: FakeSlack, clock: SimClock) -> dict[float, Callable[[], None]]:
        slack.refuse_connections()
        return {seconds: slack.accept_connections}

    return fault


def _rate_limited_for(seconds: float) -> Fault:
    def fault(slack: FakeSlack, clock: SimClock) -> dict[float, Callable[[], None]]:
        slack.rate_limit_until(seconds, retry_after=30)
        return {}

    return fault


def _no_fault(slack: FakeSlack, clock: SimClock) -> dict[float, Callable[[], None]]:
    return {}


def run_fault_runs(channels: int, pacing_channels: int, budget: int) -> bool:
    """Every fault with the outbox and with the blind baseline; True when the outbox runs
    lose nothing, duplicate nothing, post after a takeover within 60 s of the new lease, and
    the pacing run ends within 5 % of its floor."""
    logging.getLogger("slack_sdk").setLevel(logging.CRITICAL)  # refused connections, expected
    names = [f"C{n:05d}" for n in range(channels)]
    share = channels // 10
    faults: list[tuple[str, Fault, list[str]]] = [
        (f"{share} replies dropped", _drop_replies(share), names),
        (f"{share} x 500/503", _server_errors(share), names),
        ("refused 60 s", _refused_for(60.0), names),
        ("429 for 200 s", _rate_limited_for(200.0), names),
        (
            f"pacing, {pacing_channels} channels",
            _no_fault,
            [f"C{n:05d}" for n in range(pacing_channels)],
        ),
    ]
    results: list[FaultResult] = []
    for name, fault, chans in faults:
        for blind in (False, True):
            with tempfile.TemporaryDirectory() as folder:
                results.append(
                    fault_run(name, fault, chans, budget, blind=blind, folder=Path(folder))
                )
    for follow, seeded in ((True, True), (True, False), (False, True)):
        with tempfile.TemporaryDirectory() as folder:
            results.append(
                takeover_run(
                    names,
                    budget,
                    in_flight=5,
                    follow_lease=follow,
                    folder=Path(folder),
                    seeded=seeded,
                )
            )
    print(f"\nfault runs (simulated time), budget {budget} posts/min, 1 post/s per channel")
    print(
        f"{'fault':<24}{'sender':>8}{'sim s':>9}{'floor s':>9}{'posted':>8}{'dupes':>7}"
        f"{'lost':>6}{'429s':>6}{'lookups':>9}{'after lease s':>15}"
    )
    for r in results:
        lease = f"{r.after_lease_s:.1f}" if r.after_lease_s is not None else "-"
        print(
            f"{r.name:<24}{r.sender:>8}{r.sim_s:>9.1f}{r.floor_s:>9.1f}{r.posted:>8}"
            f"{r.duplicates:>7}{r.lost:>6}{r.rate_limited:>6}{r.lookups:>9}{lease:>15}"
        )
    baselines = ("takeover, holds go stale", "takeover, unseeded")
    ours = [r for r in results if r.sender == "outbox" and r.name not in baselines]
    pacing = next(r for r in ours if r.name.startswith("pacing"))
    takeover = next(r for r in ours if r.name == "takeover, holds freed")
    unseeded = next(r for r in results if r.name == baselines[1])
    ok = (
        all(r.duplicates == 0 and r.lost == 0 for r in ours)
        and takeover.after_lease_s is not None
        and takeover.after_lease_s <= 60.0
        and takeover.rate_limited == 0
        and pacing.sim_s <= pacing.floor_s * 1.05 + 0.25
    )
    over = (pacing.sim_s / max(pacing.floor_s, 1e-9) - 1) * 100
    print(
        f"outbox: {'0 duplicates, 0 lost' if ok else 'FAILED'}; takeover posted "
        f"{takeover.after_lease_s:.1f} s after the new lease with {takeover.rate_limited} x 429 "
        f"(budget seeded from the outbox; unseeded baseline {unseeded.rate_limited} x 429); "
        f"pacing {pacing.sim_s:.1f} s vs floor {pacing.floor_s:.1f} s ({over:+.1f} %)"
    )
    return ok


if __name__ == "__main__":
    main()
