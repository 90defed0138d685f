"""What the scheduled jobs need from a chat front end, and the plain data they hand it.

`jobs/` computes what to say (domain logic); a publisher (the Slack one in `bot/slack/`) decides
how it looks and sends it. Neither side imports the other.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Protocol

from quiz.leaderboard import Standing, TeamStanding
from store.models import QuizPost


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


class QuizPublisher(Protocol):
    def post_question(self, question: QuestionView) -> str:
        """Post the daily question to its channel; returns the message ts."""
        ...

    def post_reveal(self, reveal: Reveal) -> None:
        """Post the answer in the question's thread and a short summary in the channel."""
        ...

    def post_weekly_leaderboard(self, board: WeeklyBoard, chart_png: bytes | None) -> None: ...

    def send_practice_nudge(self, member_id: str, due_cards: int) -> None:
        """A direct message with the number of due cards and a button to start."""
        ...
