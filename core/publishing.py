"""What the scheduled jobs need from a chat front end, and the plain data they hand it.

`jobs/` computes what to say (domain logic); a publisher (the Slack one in `bot/slack/`) decides
how it looks, as outgoing messages the outbox delivers. Neither side imports the other.
`queue_question` is the one path by which today's question goes out, scheduled or asked for.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any, Protocol

from sqlalchemy.orm import Session

from quiz.leaderboard import Standing, TeamStanding
from store import outbox
from store.models import OutboxMessage, QuizPost


@dataclass(frozen=True)
class QuestionView:
    """The question of a quiz post, as a front end shows it."""

    post_id: int
    channel_id: str
    quiz_date: date
    bank_id: str
    stem: str
    options: dict[str, str]
    answer: str
    explanation: str
    source_file: str
    source_heading: str
    thread_ts: str | None = None  # the posted message, once posted


def question_view(post: QuizPost) -> QuestionView:
    """The view of a stored post (with its question loaded), as a front end shows it."""
    question = post.question
    return QuestionView(
        post_id=post.id,
        channel_id=post.channel_id,
        quiz_date=post.quiz_date,
        bank_id=question.bank_id,
        stem=question.stem,
        options=dict(question.options),
        answer=question.answer,
        explanation=question.explanation,
        source_file=question.source_file,
        source_heading=question.source_heading,
        thread_ts=post.slack_ts,
    )


@dataclass(frozen=True)
class RevealEntry:
    member_id: str
    name: str
    correct: bool
    choice: str | None
    score: float
    points: int
    streak: int


@dataclass(frozen=True)
class Reveal:
    question: QuestionView
    entries: list[RevealEntry]
    source_text: str = ""  # the cited notes passage, when found


@dataclass(frozen=True)
class Improvement:
    member_id: str
    name: str
    points_this_week: int
    points_last_week: int


@dataclass(frozen=True)
class WeeklyBoard:
    channel_id: str
    week_start: date
    week_end: date
    top: list[Standing]
    most_improved: list[Improvement] = field(default_factory=list)
    teams: list[TeamStanding] = field(default_factory=list)


@dataclass(frozen=True)
class Outgoing:
    """One message as the outbox keeps it: where, by which Web API method, and what."""

    channel: str
    payload: dict[str, Any]
    method: str = "chat.postMessage"


class QuizPublisher(Protocol):
    """Renders what the jobs publish; the outbox sender delivers it."""

    def question(self, question: QuestionView) -> Outgoing:
        """The daily question for its channel."""
        ...

    def reveal(self, reveal: Reveal) -> list[Outgoing]:
        """The answer in the question's thread and a short summary in the channel."""
        ...

    def weekly_leaderboard(self, board: WeeklyBoard, chart_png: bytes | None) -> list[Outgoing]: ...

    def practice_nudge(self, member_id: str, due_cards: int) -> Outgoing:
        """A direct message with the number of due cards and a button to start."""
        ...


def question_key(post_id: int) -> str:
    return f"post:{post_id}"


def queue_question(
    session: Session,
    post: QuizPost,
    publisher: QuizPublisher,
    now: datetime,
    *,
    deadline: timedelta = outbox.DEFAULT_DEADLINE,
) -> OutboxMessage:
    """Today's question into the outbox, once per post whoever asks (the schedule or
    `/study quiz`, on any replica): the key `post:<id>` makes a second call a no-op.
    Sending it records the ts on the post."""
    out = publisher.question(question_view(post))
    return outbox.enqueue(
        session,
        question_key(post.id),
        channel=out.channel,
        method=out.method,
        payload=out.payload,
        now=now,
        deadline=deadline,
        purpose="quiz_post",
        subject=str(post.id),
    )


def queue_all(
    session: Session,
    key: str,
    messages: list[Outgoing],
    now: datetime,
    *,
    deadline: timedelta = outbox.DEFAULT_DEADLINE,
) -> list[int]:
    """Several messages under one key (`key:0`, `key:1`…), delivered in that order."""
    rows = [
        outbox.enqueue(
            session,
            f"{key}:{index}",
            channel=out.channel,
            method=out.method,
            payload=out.payload,
            now=now,
            deadline=deadline,
        )
        for index, out in enumerate(messages)
    ]
    session.flush()
    return [row.id for row in rows]


class Deliverer(Protocol):
    """Sends an outbox row now (bot.slack.delivery.OutboxSender); what fails is retried by
    the sender's own drain, so a job never retries Slack itself."""

    def deliver(self, row_id: int, now: datetime | None = None) -> str: ...

    def run(self, stop: threading.Event) -> None:
        """Drain the outbox until `stop` is set."""
        ...

    def wake(self) -> None:
        """Cut the drain's wait short (a row was queued, or `stop` was set)."""
        ...

    def stop(self, timeout: float = 10.0) -> None:
        """Let attempts in flight finish and release what they hold (at shutdown)."""
        ...
