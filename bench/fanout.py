"""Fan-out of the daily question: N channels subscribed for the same minute, posted through
the Slack app's publisher against FakeSlack enforcing 1 message/s per channel and a workspace
budget per rolling minute. Checks each channel is posted exactly once and no 429 is left
unhandled, and reports the wall time next to the minimum the budget allows. A naive baseline
in the same process posts unpaced and relies on slack_sdk's 429 retries alone.

Run: .venv/bin/python -m bench.fanout [--channels 500] [--budget 60] [--workers 10]
"""

from __future__ import annotations

import argparse
import math
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import UTC, datetime
from datetime import time as clock_time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from slack_sdk import WebClient  # noqa: E402
from slack_sdk.http_retry.builtin_handlers import RateLimitErrorRetryHandler  # noqa: E402
from sqlalchemy import func, select  # noqa: E402

from bot.config import Settings  # noqa: E402
from bot.logs import configure_logging  # noqa: E402
from bot.slack.publisher import SlackPublisher  # noqa: E402
from jobs.context import JobContext  # noqa: E402
from jobs.daily import Outcome, post_daily_question  # noqa: E402
from jobs.fanout import paced_client  # noqa: E402
from quiz.posts import subscribe_channel  # noqa: E402
from quiz.sync import load_corpus, sync_bank  # noqa: E402
from store.db import Database  # noqa: E402
from store.migrate import upgrade  # noqa: E402
from store.models import QuizPost  # noqa: E402
from tests.fakeslack import FakeSlack  # noqa: E402

NOW = datetime(2025, 3, 4, 9, 0, 5, tzinfo=UTC)
EVERY_DAY = 0b1111111
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
            subscribe_channel(session, channel, post_time=clock_time(9, 0), weekdays=EVERY_DAY)
    return database


def fan_out(
    name: str,
    client_for: Callable[[str], WebClient],
    channels: list[str],
    budget: int,
    workers: int,
    folder: Path,
) -> RunResult:
    database = prepared_database(folder, channels)
    with FakeSlack(per_channel_per_second=1, workspace_per_minute=budget) as slack:
        settings = Settings(data_dir=folder, corpus=[ROOT / "corpus"])
        ctx = JobContext(
            database=database,
            publisher=SlackPublisher(client_for(slack.api_url)),
            settings=settings,
            holder=name,
            retry_delays=(),  # one attempt: a 429 not handled below the job counts as failed
        )
        failures = 0

        def job(channel: str) -> Outcome | None:
            nonlocal failures
            try:
                return post_daily_question(ctx, channel, NOW)
            except Exception:
                failures += 1
                return None

        started = time.perf_counter()
        with ThreadPoolExecutor(workers) as pool:  # as APScheduler's executor runs them
            list(pool.map(job, channels))
        wall = time.perf_counter() - started
        per_channel = Counter(c.body["channel"] for c in slack.calls("chat.postMessage", ok=True))
        with database.session() as session:
            unpublished = session.scalar(select(func.count()).where(QuizPost.slack_ts.is_(None)))
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
    args = parser.parse_args()
    configure_logging("WARNING")
    channels = [f"C{n:05d}" for n in range(args.channels)]
    minimum = (math.ceil(args.channels / args.budget) - 1) * 60.0
    print(
        f"{args.channels} channels due at 09:00; FakeSlack limits: 1 post/s per channel, "
        f"{args.budget} posts per rolling minute; {args.workers} job threads"
    )
    print(f"minimum wall time the workspace budget allows: {minimum:.1f} s")

    def paced(url: str) -> WebClient:
        return paced_client("xoxb-bench", per_minute=args.budget, base_url=url)

    def naive(url: str) -> WebClient:
        handler = RateLimitErrorRetryHandler(max_retry_count=NAIVE_RETRIES)
        return WebClient(token="xoxb-bench", base_url=url, retry_handlers=[handler])

    results = []
    for name, client_for in (("paced", paced), ("naive (retries only)", naive)):
        with tempfile.TemporaryDirectory() as folder:
            results.append(
                fan_out(name, client_for, channels, args.budget, args.workers, Path(folder))
            )
    header = f"{'run':<22}{'wall s':>8}{'posted':>8}{'once':>7}{'dupes':>7}{'429s':>6}"
    print(header + f"{'failed':>8}{'unposted':>10}")
    for r in results:
        print(
            f"{r.name:<22}{r.wall_s:>8.1f}{r.posted:>8}{r.channels_posted_once:>7}"
            f"{r.duplicates:>7}{r.rate_limited:>6}{r.failed_jobs:>8}{r.unpublished_rows:>10}"
        )
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
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
