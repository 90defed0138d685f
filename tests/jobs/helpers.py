"""Test publishers for the jobs: one that records in memory, one that posts over real HTTP."""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from datetime import time as clock_time
from typing import Any

from bot.slack.delivery import (
    Delivered,
    NotSent,
    OutboxSender,
    Pending,
    SlackTransport,
    sender_client,
)
from bot.slack.pacing import Pacer
from bot.slack.publisher import SlackPublisher
from common.weekdays import Weekdays
from core.publishing import Outgoing, QuestionView, Reveal, WeeklyBoard
from quiz.posts import subscribe_channel
from store.db import Database

EVERY_DAY = Weekdays.EVERY_DAY
SUBSCRIBED_AT = datetime(2025, 1, 1, tzinfo=UTC)


class SlackDown(NotSent):
    """What the recording publisher raises while told to fail (Slack never got it)."""


@dataclass
class RecordingPublisher:
    """Renders the jobs' messages and, as the sender's transport, keeps what was delivered
    (a Slack that answers in memory); `failures` makes the next sends raise `failure`."""

    questions: list[QuestionView] = field(default_factory=list)
    reveals: list[Reveal] = field(default_factory=list)
    boards: list[tuple[WeeklyBoard, bytes | None]] = field(default_factory=list)
    nudges: list[tuple[str, int]] = field(default_factory=list)
    failures: int = 0
    failure: type[Exception] = SlackDown
    delay_s: float = 0.0
    delivered: dict[str, str] = field(default_factory=dict)
    _refs: dict[int, tuple[str, Any]] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def _ref(self, kind: str, value: Any) -> int:
        with self._lock:
            ref = len(self._refs) + 1
            self._refs[ref] = (kind, value)
            return ref

    # -- QuizPublisher ---------------------------------------------------------------

    def question(self, question: QuestionView) -> Outgoing:
        ref = self._ref("question", question)
        return Outgoing(question.channel_id, {"text": question.stem, "ref": ref})

    def reveal(self, reveal: Reveal) -> list[Outgoing]:
        channel = reveal.question.channel_id
        ref = self._ref("reveal", reveal)
        thread = {"thread_ts": reveal.question.thread_ts, "text": "answer", "ref": ref}
        return [Outgoing(channel, thread), Outgoing(channel, {"text": "summary"})]

    def weekly_leaderboard(self, board: WeeklyBoard, chart_png: bytes | None) -> list[Outgoing]:
        ref = self._ref("board", (board, chart_png))
        return [Outgoing(board.channel_id, {"text": "board", "ref": ref})]

    def practice_nudge(self, member_id: str, due_cards: int) -> Outgoing:
        ref = self._ref("nudge", (member_id, due_cards))
        return Outgoing(member_id, {"text": f"{due_cards} due", "ref": ref})

    # -- Transport -------------------------------------------------------------------

    def send(self, message: Pending) -> Delivered:
        if self.delay_s:
            time.sleep(self.delay_s)
        with self._lock:
            if self.failures:
                self.failures -= 1
                raise self.failure("slack is down")
            kind, value = self._refs.get(message.payload.get("ref", 0), ("", None))
            if kind == "question":
                self.questions.append(value)
            elif kind == "reveal":
                self.reveals.append(value)
            elif kind == "board":
                self.boards.append(value)
            elif kind == "nudge":
                self.nudges.append(value)
            ts = f"1700000000.{len(self.delivered) + 1:06d}"
            self.delivered[message.key] = ts
            return Delivered(ts, message.channel)

    def find(self, message: Pending) -> Delivered | None:
        with self._lock:
            ts = self.delivered.get(message.key)
            return Delivered(ts, message.channel) if ts else None


def unpaced() -> Pacer:
    """A pacer that never waits (the recording publisher has no limits)."""
    return Pacer(per_minute=1_000_000, channel_spacing_s=0.0, margin_s=0.0)


def recording_sender(
    database: Database, publisher: RecordingPublisher, holder: str
) -> OutboxSender:
    return OutboxSender(database, publisher, unpaced(), holder=holder)


class HttpPublisher(SlackPublisher):
    """The Slack app's own rendering (its messages go to FakeSlack over real HTTP)."""


def http_sender(
    database: Database, api_url: str, holder: str, pacer: Pacer | None = None
) -> OutboxSender:
    """A sender over real HTTP to FakeSlack."""
    client = sender_client("xoxb-test", base_url=api_url)
    return OutboxSender(database, SlackTransport(client), pacer or unpaced(), holder=holder)


# FakeSlack and a pacer can share a clock running SPEED times faster than the wall: Slack's
# 60-second window then takes 2 real seconds; Retry-After stays in that clock's seconds.
SPEED = 30.0


def fast_clock() -> float:
    return time.monotonic() * SPEED


def fast_sleep(seconds: float) -> None:
    time.sleep(seconds / SPEED)


def utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)  # type: ignore[misc]


def subscribe(
    db: Database,
    channel_id: str,
    *,
    timezone: str = "UTC",
    post_time: clock_time = clock_time(9, 0),
    weekdays: Weekdays = EVERY_DAY,
    now: datetime = SUBSCRIBED_AT,
    **kwargs: Any,
) -> None:
    """Subscribe the channel (by default long before the times the tests post at)."""
    with db.session() as session:
        subscribe_channel(
            session,
            channel_id,
            timezone=timezone,
            post_time=post_time,
            weekdays=weekdays,
            now=now,
            **kwargs,
        )
