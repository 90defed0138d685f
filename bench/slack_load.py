"""Slack load over real HTTP (waitress) against FakeSlack, with signed requests.

1. Mentions: 200 signed mentions from 20 concurrent senders, plus 20 retried deliveries: ack
   latency p50/p99, answers/s and duplicate answers.
2. Acks under load: while 1,000 mentions from 50 senders are being answered, 30 `/study help`
   commands and 30 button clicks arrive one by one: their ack latency, and how many were acked
   within Slack's 3 s deadline.

Each runs for studybot (acks from the request's thread, answers in a bounded pool of one worker
per core) and for the old design as the baseline in the same process (every listener, ack
included, queued in one shared pool of 4 threads). Senders are started before the timed burst.
Targets: mentions p99 ack <= 100 ms and each answered once; under load 100 % of commands and
clicks acked within 3 s, p99 <= 300 ms. Both designs share the process with the senders and
FakeSlack, so every figure is read next to the baseline's and the load average printed with it.
Our design settles the heap once start-up is done, as `studybot serve` does (common/heap.py).

3. Fault runs (issue 10): 40 mentions in 10 channels while FakeSlack drops replies, answers
   500/503, refuses connections for 60 s, or answers 429 for 200 s (those two durations are
   multiplied by --fault-scale, 0.05 by default, so the run takes seconds: 3 s and 10 s). Each
   prints delivered / duplicates / lost for the outbox sender and for a blind re-sender (the
   same sender that never looks in the channel before sending again) as the baseline.

Answers are queued in the outbox by the answer workers and sent by the sender's own threads;
the workspace budget (STUDYBOT_SLACK_POSTS_PER_MINUTE, 60) is left at its default: replies do
not use it.

Run: .venv/bin/python -m bench.slack_load [--mentions 200] [--senders 20] [--load 1000]
     [--fault-mentions 40] [--fault-scale 0.05]
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import tempfile
import threading
import time
import urllib.error
import urllib.request
from collections import Counter
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlencode

from bench.blind import BlindTransport
from bench.common import ROOT, percentile
from bot.slack.app import create_app, make_client
from bot.slack.delivery import (
    SENDER_WORKERS,
    OutboxSender,
    sender_client,
)
from bot.slack.pacing import Pacer
from bot.slack.server import HealthCheck, create_wsgi_app, make_server, serve_until
from bot.slack.services import Services
from bot.slack.workers import WorkPool, answer_pool, listener_pool
from common import heap
from common.config import DEFAULT_EMBED_MODEL, Settings
from retrieval.build import BuildOptions, build_index
from retrieval.embed import Embedder, load_embedder
from retrieval.service import NotesIndex
from store.db import Database
from store.migrate import upgrade
from tests.fakeslack import FakeSlack, command_body, event_body, signed_headers

CORPUS = ROOT / "tests" / "quiz" / "fixtures" / "corpus"
SECRET = "bench-signing-secret"
OLD_POOL_WORKERS = 4
ACK_DEADLINE = 3.0
QUESTIONS = (
    "Which service loads records into S3 as Parquet without consumer code?",
    "What limits the write throughput of a Kinesis shard?",
    "When should I use MAE instead of RMSE?",
    "How do I handle imbalanced classes in XGBoost?",
    "What does Random Cut Forest do?",
    "How does XGBoost control overfitting?",
)


@dataclass(frozen=True)
class Design:
    name: str
    ours: bool


STUDYBOT = Design("studybot: ack on request thread", True)
BASELINE = Design("baseline: ack queued in one pool", False)


@dataclass
class Bot:
    fake: FakeSlack
    endpoint: str
    pools: list[WorkPool]
    services: Services


@dataclass
class MentionResult:
    design: Design
    acks: list[float]
    seconds: float
    answered: int
    duplicates: int
    statuses: Counter[int]


@dataclass
class LoadResult:
    design: Design
    acks: list[float]  # commands and clicks; inf for one never acked


@contextmanager
def running(
    design: Design, embedder: Embedder, index_dir: Path, *, blind: bool = False
) -> Iterator[Bot]:
    with tempfile.TemporaryDirectory() as tmp, FakeSlack() as fake:
        url = f"sqlite:///{Path(tmp) / 'bench.db'}"
        upgrade(url)
        database = Database(url)
        settings = Settings(
            data_dir=Path(tmp),
            corpus=[CORPUS],
            database_url=url,
            slack_bot_token="xoxb-bench",
            slack_signing_secret=SECRET,
            slack_api_url=fake.api_url,
        )
        tutor = NotesIndex(index_dir, DEFAULT_EMBED_MODEL, embedder=embedder)
        listeners = listener_pool() if design.ours else WorkPool(OLD_POOL_WORKERS)
        answers = answer_pool() if design.ours else None
        services = Services(
            settings, database, tutor, now=lambda: datetime.now(UTC), answer_pool=answers
        )
        if blind:
            services.sender = blind_sender(services)
        client = make_client(settings)
        app = create_app(
            settings,
            services=services,
            client=client,
            listener_executor=listeners,
            ack_on_request_thread=design.ours,
        )
        wsgi = create_wsgi_app(app, HealthCheck(services, client), signing_secret=SECRET)
        server = make_server(wsgi, host="127.0.0.1", port=0)
        stop = threading.Event()
        thread = threading.Thread(target=serve_until, args=(server, stop), daemon=True)
        thread.start()
        endpoint = f"http://127.0.0.1:{server.effective_port}/slack/events"
        pools = [listeners] + ([answers] if answers is not None else [])
        for pool in pools:
            prestart(pool, pool._max_workers)
        if design.ours:
            heap.settle()  # as run_bot does once start-up is done
        try:
            yield Bot(fake, endpoint, pools, services)
        finally:
            heap.unsettle()
            for pool in pools:
                pool.wait_idle(timeout=600)
            if isinstance(services.sender, OutboxSender):
                services.sender.stop()
            stop.set()
            thread.join(timeout=5)
            database.dispose()


def prestart(pool: ThreadPoolExecutor, workers: int) -> None:
    """Start every thread of a pool now, so the timed burst does not pay for thread creation
    (a pool starts threads lazily, one per submit, inside the first requests' latency)."""
    barrier = threading.Barrier(workers)
    for future in [pool.submit(barrier.wait, 30) for _ in range(workers)]:
        future.result()


def send(endpoint: str, body: str, *, retry: bool = False) -> tuple[float, int]:
    headers = signed_headers(SECRET, body, retry_num=1 if retry else None)
    request = urllib.request.Request(endpoint, data=body.encode(), headers=headers)
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            response.read()
            return time.perf_counter() - started, response.status
    except urllib.error.HTTPError as error:
        return time.perf_counter() - started, error.code


def mention_bodies(fake: FakeSlack, count: int, *, prefix: str, channels: int = 1) -> list[str]:
    bodies = []
    for i in range(count):
        channel = f"C{i % channels + 1}"
        text = f"<@UBOT> {QUESTIONS[i % len(QUESTIONS)]}"
        ts = fake.add_message(channel, text)
        event = {"type": "app_mention", "user": f"U{i % 50}", "text": text, "ts": ts}
        bodies.append(event_body({**event, "channel": channel}, event_id=f"{prefix}{i:05d}"))
    return bodies


def warm_up(bot: Bot) -> None:
    (body,) = mention_bodies(bot.fake, 1, prefix="EvWarm")
    send(bot.endpoint, body)
    bot.fake.wait_for("chat.postMessage", 1, timeout=60)


def mentions(design: Design, bot: Bot, count: int, senders: int) -> MentionResult:
    warm_up(bot)
    bodies = mention_bodies(bot.fake, count, prefix="Ev", channels=50)
    retries = bodies[:: max(1, count // 20)][:20]
    with ThreadPoolExecutor(max_workers=senders) as pool:
        prestart(pool, senders)
        started = time.perf_counter()
        results = list(pool.map(lambda b: send(bot.endpoint, b), bodies))
        results += list(pool.map(lambda b: send(bot.endpoint, b, retry=True), retries))
    bot.fake.wait_for("chat.postMessage", count + 1, timeout=600)
    seconds = time.perf_counter() - started
    calls = bot.fake.calls("chat.postMessage", ok=True)
    threads = Counter(c.body.get("thread_ts") for c in calls)
    return MentionResult(
        design,
        [r[0] for r in results],
        seconds,
        len(threads) - 1,  # minus the warm-up mention
        sum(n - 1 for n in threads.values() if n > 1),
        Counter(r[1] for r in results),
    )


def click_body(response_url: str, n: int) -> str:
    payload = {
        "type": "block_actions",
        "user": {"id": f"U{n}", "name": f"u{n}"},
        "team": {"id": "T1"},
        "channel": {"id": "C1"},
        "response_url": response_url,
        "actions": [{"action_id": "ask_helpful", "block_id": "b", "value": "1"}],
    }
    return urlencode({"payload": json.dumps(payload)})


def acks_under_load(design: Design, bot: Bot, load: int, senders: int, probes: int) -> LoadResult:
    warm_up(bot)
    bodies = mention_bodies(bot.fake, load, prefix="EvLoad", channels=50)
    interactive = []
    for n in range(probes):
        url = bot.fake.new_response_url()
        interactive.append(command_body("/study", "help", user_id=f"U{n}", response_url=url))
        interactive.append(click_body(bot.fake.new_response_url(), n))
    acks: list[float] = []
    with ThreadPoolExecutor(max_workers=senders) as pool:
        prestart(pool, senders)
        flood = [pool.submit(send, bot.endpoint, body) for body in bodies]
        time.sleep(0.5)  # the flood is in flight
        for body in interactive:
            seconds, status = send(bot.endpoint, body)
            acks.append(seconds if status == 200 else float("inf"))
            time.sleep(0.05)
        for future in flood:
            future.result()
    bot.fake.wait_for("chat.postMessage", load + 1, timeout=1800)  # every question answered
    return LoadResult(design, acks)


# -- fault runs -------------------------------------------------------------------------------


def blind_sender(services: Services) -> OutboxSender:
    settings = services.settings
    client = sender_client("xoxb-bench", base_url=settings.slack_api_url)
    sender = OutboxSender(
        services.database,
        BlindTransport(client),
        Pacer(per_minute=settings.slack_posts_per_minute),
        holder="blind",
        workers=SENDER_WORKERS,
    )
    sender.start()
    return sender


@dataclass
class FaultResult:
    fault: str
    sender: str
    mentions: int
    delivered: int
    duplicates: int
    seconds: float

    @property
    def lost(self) -> int:
        return self.mentions - self.delivered


Fault = Callable[[FakeSlack], Callable[[], None] | None]


def fault_run(
    bot: Bot, name: str, sender: str, fault: Fault, count: int, hold_s: float
) -> FaultResult:
    """`count` mentions in 10 channels with `fault` applied first; it is undone (if it returns
    an undo) after `hold_s`. Waits until the outbox is empty, then counts answers per thread."""
    bodies = mention_bodies(bot.fake, count, prefix=f"EvF{name[:3]}", channels=10)
    undo = fault(bot.fake)
    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=10) as pool:
        statuses = list(pool.map(lambda b: send(bot.endpoint, b)[1], bodies))
    assert all(status == 200 for status in statuses), Counter(statuses)
    if undo is not None:
        time.sleep(max(hold_s - (time.perf_counter() - started), 0.0))
        undo()
    for pool in bot.pools:
        pool.wait_idle(timeout=600)
    outbox_sender = bot.services.sender
    assert isinstance(outbox_sender, OutboxSender)
    outbox_sender.wake()
    outbox_sender.wait_idle(timeout=600)
    seconds = time.perf_counter() - started
    asked = {(e["channel"], e["ts"]) for e in (json.loads(b)["event"] for b in bodies)}
    per_thread: Counter[tuple[str, str]] = Counter()
    for channel in {c for c, _ts in asked}:
        for message in bot.fake.messages(channel):
            where = (channel, str(message.get("thread_ts")))
            if message.get("bot_id") and where in asked:
                per_thread[where] += 1
    return FaultResult(
        name,
        sender,
        count,
        len(per_thread),
        sum(n - 1 for n in per_thread.values() if n > 1),
        seconds,
    )


def faults(scale: float) -> list[tuple[str, Fault, float]]:
    refused_s, storm_s = 60.0 * scale, 200.0 * scale

    def dropped(fake: FakeSlack) -> None:
        fake.drop_reply_next("chat.postMessage", times=10)

    def server_errors(fake: FakeSlack) -> None:
        fake.fail_next("chat.postMessage", status=500, times=5)
        fake.fail_next("chat.postMessage", status=503, times=5)

    def refused(fake: FakeSlack) -> Callable[[], None]:
        fake.refuse_connections()
        return fake.accept_connections

    def storm(fake: FakeSlack) -> None:
        fake.rate_limit_until(time.monotonic() + storm_s, retry_after=max(1, round(30 * scale)))

    return [
        ("10 replies dropped", dropped, 0.0),
        ("5 x 500 + 5 x 503", server_errors, 0.0),
        (f"refused {refused_s:.0f} s", refused, refused_s),
        (f"429 for {storm_s:.0f} s", storm, 0.0),
    ]


def print_faults(rows: list[FaultResult], scale: float) -> None:
    print(f"\n3. fault runs (durations x {scale}): mentions answered through the outbox")
    print(f"{'fault':22} {'sender':>8} {'mentions':>9} {'delivered':>10} {'dups':>5} {'lost':>5}")
    for r in rows:
        print(
            f"{r.fault:22} {r.sender:>8} {r.mentions:9d} {r.delivered:10d} {r.duplicates:5d} "
            f"{r.lost:5d}   {r.seconds:6.1f} s"
        )


def build(embedder: Embedder, index_dir: Path) -> None:
    options = BuildOptions(roots=[CORPUS], index_dir=index_dir, model=DEFAULT_EMBED_MODEL)
    build_index(options, embedder_factory=lambda _name: embedder)


def print_mentions(rows: list[MentionResult], count: int, senders: int) -> None:
    print(f"\n1. {count} mentions + 20 retries from {senders} senders")
    print(f"{'design':36} {'ack p50':>9} {'ack p99':>9} {'answers/s':>10} {'answered':>9} dups")
    for r in rows:
        print(
            f"{r.design.name:36} {percentile(r.acks, 50) * 1000:7.1f}ms "
            f"{percentile(r.acks, 99) * 1000:7.1f}ms {r.answered / r.seconds:10.1f} "
            f"{r.answered:9d} {r.duplicates:5d}  http {dict(r.statuses)}"
        )


def print_load(rows: list[LoadResult], load: int, senders: int, probes: int) -> None:
    print(f"\n2. {probes} commands + {probes} clicks while {load} mentions ({senders} senders)")
    print(f"{'design':36} {'p50':>9} {'p99':>9} {'max':>9} {'in 3 s':>8}")
    for r in rows:
        within = sum(a <= ACK_DEADLINE for a in r.acks)
        finite = [min(a, 60.0) for a in r.acks]
        print(
            f"{r.design.name:36} {percentile(finite, 50) * 1000:7.1f}ms "
            f"{percentile(finite, 99) * 1000:7.1f}ms {max(finite) * 1000:7.0f}ms "
            f"{within:4d}/{len(r.acks)}"
        )


def main() -> None:
    logging.getLogger("waitress.queue").setLevel(logging.ERROR)
    logging.getLogger("bot.slack.bolt").setLevel(logging.ERROR)  # baseline's missed-ack warnings
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mentions", type=int, default=200)
    parser.add_argument("--senders", type=int, default=20)
    parser.add_argument("--load", type=int, default=1000)
    parser.add_argument("--load-senders", type=int, default=50)
    parser.add_argument("--probes", type=int, default=30)
    parser.add_argument("--fault-mentions", type=int, default=40)
    parser.add_argument("--fault-scale", type=float, default=0.05)
    parser.add_argument("--faults-only", action="store_true", help="run part 3 alone")
    parser.add_argument("--mentions-only", action="store_true", help="run part 1 alone")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        index_dir = Path(tmp) / "index"
        embedder = load_embedder(DEFAULT_EMBED_MODEL, index_dir)
        build(embedder, index_dir)
        first, second = [], []
        for design in (STUDYBOT, BASELINE) if not args.faults_only else ():
            with running(design, embedder, index_dir) as bot:
                first.append(mentions(design, bot, args.mentions, args.senders))
            if args.mentions_only:
                continue
            with running(design, embedder, index_dir) as bot:
                second.append(
                    acks_under_load(design, bot, args.load, args.load_senders, args.probes)
                )
        fault_rows = []
        logging.getLogger("slack_sdk").setLevel(logging.CRITICAL)  # refused connections
        for name, fault, hold_s in faults(args.fault_scale) if args.fault_mentions else []:
            for blind in (False, True):
                with running(STUDYBOT, embedder, index_dir, blind=blind) as bot:
                    warm_up(bot)
                    who = "blind" if blind else "outbox"
                    fault_rows.append(fault_run(bot, name, who, fault, args.fault_mentions, hold_s))
    met = all(r.duplicates == 0 and r.lost == 0 for r in fault_rows if r.sender == "outbox")
    if first:
        print_mentions(first, args.mentions, args.senders)
        ours = first[0]
        met = (
            met
            and percentile(ours.acks, 99) <= 0.100
            and ours.answered == args.mentions
            and ours.duplicates == 0
        )
    if second:
        print_load(second, args.load, args.load_senders, args.probes)
        loaded = second[0]
        met = met and all(a <= ACK_DEADLINE for a in loaded.acks)
        met = met and percentile(loaded.acks, 99) <= 0.300
    if fault_rows:
        print_faults(fault_rows, args.fault_scale)
    print(
        f"\nload average {os.getloadavg()[0]:.1f}; targets (mentions p99 <= 100 ms, each answered"
        " once; under load every command and click acked within 3 s, p99 <= 300 ms;"
        " faults: 0 duplicates, 0 lost):",
        "met" if met else "NOT met",
    )


if __name__ == "__main__":
    main()
