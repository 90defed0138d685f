"""Pacing against FakeSlack with its limits on: no 429 while paced, 429 Retry-After honoured,
and many channels due in the same minute each posted exactly once."""

from __future__ import annotations

import itertools
import time
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor

from bot.metrics import SLACK_RATE_LIMITED
from jobs.catchup import catch_up
from jobs.context import JobContext
from jobs.fanout import PacedWebClient, Pacer, paced_client
from tests.fakeslack import FakeSlack
from tests.jobs.helpers import (
    SPEED,
    HttpPublisher,
    fast_clock,
    fast_sleep,
    http_sender,
    subscribe,
    utc,
)


def test_pacer_spaces_a_channel_and_keeps_the_workspace_budget() -> None:
    now = [0.0]

    def advance(seconds: float) -> None:
        now[0] += seconds

    pacer = Pacer(per_minute=3, margin_s=0.5, clock=lambda: now[0], sleep=advance)
    starts = []
    for channel in ("C1", "C2", "C1", "C3"):
        pacer.wait_turn(channel)
        starts.append(now[0])
    # C2 goes at once, C1's second post a second (plus margin) after its first, and the
    # fourth post of the minute when the first leaves the window.
    assert starts == [0.0, 0.0, 1.5, 60.5]


def test_a_refused_post_gives_its_budget_slot_back() -> None:
    now = [0.0]
    pacer = Pacer(per_minute=2, margin_s=0.0, clock=lambda: now[0], sleep=lambda s: None)
    assert pacer.try_turn("C1") == 0.0
    assert pacer.try_turn("C2") == 0.0
    assert pacer.try_turn("C3") > 0  # the minute's budget is used up
    pacer.refund()  # C2 was answered 429: Slack did not count it
    assert pacer.try_turn("C3") == 0.0


def test_paced_posts_never_hit_the_limits() -> None:
    with FakeSlack(per_channel_per_second=1, workspace_per_minute=8, clock=fast_clock) as slack:
        client = PacedWebClient(
            token="xoxb-test",
            base_url=slack.api_url,
            # The margin is 0.2 s of real time: more than thread jitter on a loaded 2-core machine.
            pacer=Pacer(per_minute=8, margin_s=0.2 * SPEED, clock=fast_clock, sleep=fast_sleep),
        )
        jobs = [f"C{n % 4}" for n in range(16)]  # four posts per channel, two windows
        with ThreadPoolExecutor(8) as pool:
            list(pool.map(lambda c: client.chat_postMessage(channel=c, text="hi"), jobs))
        calls = slack.calls("chat.postMessage")
        assert slack.rate_limited_count == 0
        assert len(calls) == 16 and all(call.ok for call in calls)
        by_channel: dict[str, list[float]] = defaultdict(list)
        for call in calls:
            by_channel[call.body["channel"]].append(call.at)
        for times in by_channel.values():
            assert all(b - a >= 1.0 for a, b in itertools.pairwise(times))
        times = sorted(call.at for call in calls)
        assert all(later - first >= 60.0 for first, later in zip(times, times[8:], strict=False))


def test_a_429_is_retried_after_retry_after() -> None:
    before = SLACK_RATE_LIMITED.labels(method="chat.postMessage")._value.get()
    with FakeSlack() as slack:
        slack.fail_next("chat.postMessage", retry_after=1)
        client = paced_client("xoxb-test", per_minute=60, base_url=slack.api_url)
        started = time.monotonic()
        response = client.chat_postMessage(channel="C1", text="hi")
        assert response["ok"]
        assert time.monotonic() - started >= 1.0
        assert [call.status for call in slack.calls("chat.postMessage")] == [429, 200]
    assert SLACK_RATE_LIMITED.labels(method="chat.postMessage")._value.get() == before + 1


def test_channels_due_in_the_same_minute_are_each_posted_once(ctx: JobContext) -> None:
    channels = [f"C{n:03d}" for n in range(30)]
    for channel in channels:
        subscribe(ctx.database, channel)
    with FakeSlack(per_channel_per_second=1, workspace_per_minute=600) as slack:
        ctx.publisher = HttpPublisher()
        ctx.sender = http_sender(ctx.database, slack.api_url, ctx.holder, Pacer(per_minute=600))
        outcomes = catch_up(ctx, utc(2025, 3, 4, 9, 0, 20))
        assert set(outcomes) == set(channels)
        posted = [call.body["channel"] for call in slack.calls("chat.postMessage", ok=True)]
        assert sorted(posted) == channels
        assert slack.rate_limited_count == 0
