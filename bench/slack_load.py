"""Slack load: 200 signed mentions from 20 concurrent senders against the HTTP server (waitress)
and FakeSlack, plus 20 retried deliveries. Reports ack latency p50/p99, answers/s and duplicate
answers, next to a naive baseline in the same process that answers inline before the ack
(`process_before_response=True`). Target: p99 ack ≤ 300 ms, every mention answered once.

Run: .venv/bin/python bench/slack_load.py [--mentions 200] [--senders 20]
"""

from __future__ import annotations

import argparse
import logging
import sys
import tempfile
import threading
import time
import urllib.request
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.common import percentile  # noqa: E402
from bot.config import DEFAULT_EMBED_MODEL, Settings  # noqa: E402
from bot.slack.app import create_app, listener_pool, make_client  # noqa: E402
from bot.slack.server import HealthCheck, create_wsgi_app, make_server, serve_until  # noqa: E402
from bot.slack.services import Services  # noqa: E402
from retrieval.build import BuildOptions, build_index  # noqa: E402
from retrieval.embed import Embedder, load_embedder  # noqa: E402
from retrieval.service import Tutor  # noqa: E402
from store.db import Database  # noqa: E402
from store.migrate import upgrade  # noqa: E402
from tests.fakeslack import FakeSlack, event_body, signed_headers  # noqa: E402

CORPUS = ROOT / "tests" / "quiz" / "fixtures" / "corpus"
SECRET = "bench-signing-secret"
QUESTIONS = (
    "Which service loads records into S3 as Parquet without consumer code?",
    "What limits the write throughput of a Kinesis shard?",
    "When should I use MAE instead of RMSE?",
    "How do I handle imbalanced classes in XGBoost?",
    "What does Random Cut Forest do?",
    "How does XGBoost control overfitting?",
)


@dataclass
class Result:
    name: str
    acks: list[float]
    seconds: float
    answered: int
    duplicates: int
    statuses: Counter[int]


def run(
    name: str, embedder: Embedder, index_dir: Path, mentions: int, senders: int, *, inline: bool
) -> Result:
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
        tutor = Tutor(index_dir, DEFAULT_EMBED_MODEL, embedder=embedder)
        services = Services(settings, database, tutor, now=lambda: datetime.now(UTC))
        client = make_client(settings)
        listeners = listener_pool()
        _prestart(listeners, listeners._max_workers)
        app = create_app(
            settings,
            services=services,
            client=client,
            process_before_response=inline,
            listener_executor=listeners,
        )
        server = make_server(
            create_wsgi_app(app, HealthCheck(services, client)), host="127.0.0.1", port=0
        )
        stop = threading.Event()
        thread = threading.Thread(target=serve_until, args=(server, stop), daemon=True)
        thread.start()
        endpoint = f"http://127.0.0.1:{server.effective_port}/slack/events"
        try:
            return _load(name, fake, endpoint, mentions, senders)
        finally:
            stop.set()
            thread.join(timeout=5)
            database.dispose()


def _prestart(pool: ThreadPoolExecutor, workers: int) -> None:
    """Start every thread of a pool now, so the timed burst does not pay for thread creation
    (a pool starts threads lazily, one per submit, inside the first requests' latency)."""
    barrier = threading.Barrier(workers)
    for future in [pool.submit(barrier.wait, 30) for _ in range(workers)]:
        future.result()


def _send(endpoint: str, body: str, retry: bool) -> tuple[float, int]:
    headers = signed_headers(SECRET, body, retry_num=1 if retry else None)
    request = urllib.request.Request(endpoint, data=body.encode(), headers=headers)
    started = time.perf_counter()
    with urllib.request.urlopen(request, timeout=30) as response:
        response.read()
        return time.perf_counter() - started, response.status


def _load(name: str, fake: FakeSlack, endpoint: str, mentions: int, senders: int) -> Result:
    bodies = []
    for i in range(mentions):
        ts = fake.add_message("C1", f"<@UBOT> {QUESTIONS[i % len(QUESTIONS)]}")
        event = {
            "type": "app_mention",
            "user": f"U{i % 50}",
            "text": f"<@UBOT> {QUESTIONS[i % len(QUESTIONS)]}",
            "ts": ts,
            "channel": "C1",
        }
        bodies.append(event_body(event, event_id=f"Ev{i:05d}"))
    retries = bodies[:: max(1, mentions // 20)][:20]
    warm_ts = fake.add_message("C1", "<@UBOT> warm up")
    warm = {"type": "app_mention", "user": "U0", "text": "<@UBOT> warm up", "ts": warm_ts}
    _send(endpoint, event_body({**warm, "channel": "C1"}, event_id="EvWarm"), False)
    fake.wait_for("chat.postMessage", 1, timeout=30)
    with ThreadPoolExecutor(max_workers=senders) as pool:
        _prestart(pool, senders)
        started = time.perf_counter()
        results = list(pool.map(lambda b: _send(endpoint, b, False), bodies))
        results += list(pool.map(lambda b: _send(endpoint, b, True), retries))
    fake.wait_for("chat.postMessage", mentions + 1, timeout=300)
    seconds = time.perf_counter() - started
    threads = Counter(c.body.get("thread_ts") for c in fake.calls("chat.postMessage", ok=True))
    answered = len(threads) - 1  # minus the warm-up mention
    return Result(
        name,
        [r[0] for r in results],
        seconds,
        answered,
        sum(n - 1 for n in threads.values() if n > 1),
        Counter(r[1] for r in results),
    )


def main() -> None:
    logging.getLogger("waitress.queue").setLevel(logging.ERROR)
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mentions", type=int, default=200)
    parser.add_argument("--senders", type=int, default=20)
    args = parser.parse_args()
    embedder = load_embedder(DEFAULT_EMBED_MODEL)
    with tempfile.TemporaryDirectory() as tmp:
        index_dir = Path(tmp) / "index"
        build_index(
            BuildOptions(roots=[CORPUS], index_dir=index_dir, model=DEFAULT_EMBED_MODEL),
            embedder_factory=lambda _name: embedder,
        )
        rows = [
            run(
                "ack first, answer after (studybot)",
                embedder,
                index_dir,
                args.mentions,
                args.senders,
                inline=False,
            ),
            run(
                "answer inline, then ack (baseline)",
                embedder,
                index_dir,
                args.mentions,
                args.senders,
                inline=True,
            ),
        ]
    print(f"{args.mentions} mentions + 20 retries from {args.senders} senders")
    print(f"{'mode':38} {'ack p50':>9} {'ack p99':>9} {'answers/s':>10} {'answered':>9} dups")
    for r in rows:
        print(
            f"{r.name:38} {percentile(r.acks, 50) * 1000:7.1f}ms "
            f"{percentile(r.acks, 99) * 1000:7.1f}ms {r.answered / r.seconds:10.1f} "
            f"{r.answered:9d} {r.duplicates:5d}  http {dict(r.statuses)}"
        )
    ours = rows[0]
    ok = (
        percentile(ours.acks, 99) <= 0.300
        and ours.answered == args.mentions
        and ours.duplicates == 0
    )
    print(
        "target p99 ack <= 300 ms, each mention answered exactly once:", "met" if ok else "NOT met"
    )


if __name__ == "__main__":
    main()
