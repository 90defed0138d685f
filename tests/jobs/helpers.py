"""Test publishers for the jobs: one that records in memory, one that posts over real HTTP."""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from datetime import time as clock_time
from typing import Any

from slack_sdk import WebClient

from bot.publisher import QuestionView, Reveal, WeeklyBoard
from quiz.posts import subscribe_channel
from store.db import Database

EVERY_DAY = 0b1111111


class SlackDown(RuntimeError):
    """What the recording publisher raises while told to fail."""


@dataclass
class RecordingPublisher:
    """Keeps what the jobs published; `failures` makes the next calls raise."""

    questions: list[QuestionView] = field(default_factory=list)
    reveals: list[Reveal] = field(default_factory=list)
    boards: list[tuple[WeeklyBoard, bytes | None]] = field(default_factory=list)
    nudges: list[tuple[str, int]] = field(default_factory=list)
    failures: int = 0
    delay_s: float = 0.0
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def _call(self) -> None:
        if self.delay_s:
            time.sleep(self.delay_s)
        with self._lock:
            if self.failures:
                self.failures -= 1
                raise SlackDown("slack is down")

    def post_question(self, question: QuestionView) -> str:
        self._call()
        with self._lock:
            self.questions.append(question)
            return f"1700000000.{len(self.questions):06d}"

    def post_reveal(self, reveal: Reveal) -> None:
        self._call()
        self.reveals.append(reveal)

    def post_weekly_leaderboard(self, board: WeeklyBoard, chart_png: bytes | None) -> None:
        self._call()
        self.boards.append((board, chart_png))

    def send_practice_nudge(self, member_id: str, due_cards: int) -> None:
        self._call()
        self.nudges.append((member_id, due_cards))


class HttpPublisher:
    """A thin publisher over a real WebClient: one chat.postMessage per question."""

    def __init__(self, client: WebClient) -> None:
        self.client = client

    def post_question(self, question: QuestionView) -> str:
        response = self.client.chat_postMessage(channel=question.channel_id, text=question.stem)
        return str(response["ts"])

    def post_reveal(self, reveal: Reveal) -> None:
        self.client.chat_postMessage(
            channel=reveal.question.channel_id,
            thread_ts=reveal.question.thread_ts,
            text=f"Answer: {reveal.question.answer}",
        )

    def post_weekly_leaderboard(self, board: WeeklyBoard, chart_png: bytes | None) -> None:
        self.client.chat_postMessage(channel=board.channel_id, text="Weekly leaderboard")

    def send_practice_nudge(self, member_id: str, due_cards: int) -> None:
        self.client.chat_postMessage(channel=member_id, text=f"{due_cards} cards due")


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
    weekdays: int = EVERY_DAY,
    **kwargs: Any,
) -> None:
    with db.session() as session:
        subscribe_channel(
            session,
            channel_id,
            timezone=timezone,
            post_time=post_time,
            weekdays=weekdays,
            **kwargs,
        )
