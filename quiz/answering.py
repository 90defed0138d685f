"""Takes a member's answer to a post: reads it, grades it, scores it and stores it once.

The first answer per member and post is scored; the unique (post, member) constraint settles
races between replicas. Later answers are acknowledged, answers after closing are refused.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from functools import partial
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from quiz.bank import KeyPoint
from quiz.choice import button_choice, read_choice
from quiz.clock import month_start, require_aware
from quiz.feedback import Feedback, feedback_of
from quiz.grade import Choices, FreeTextGrader, Grade, grade_choice, words
from quiz.posts import ensure_member, get_post, is_open
from quiz.scoring import points_for, streak_through
from store.models import Question, QuizAnswer, QuizPost, ScoreTotal
from store.unique import insert_unique

MIN_FREE_TEXT_WORDS = 4


class AnswerStatus(StrEnum):
    SCORED = "scored"
    ALREADY_ANSWERED = "already_answered"
    CLOSED = "closed"
    NEEDS_CHOICE = "needs_choice"
    WRONG_CHANNEL = "wrong_channel"


@dataclass(frozen=True)
class AnswerResult:
    """What became of an answer; `feedback` (when scored) is what the member is told, as data."""

    status: AnswerStatus
    answer: QuizAnswer | None = None
    grade: Grade | None = None
    feedback: Feedback | None = None


def key_points_of(question: Question) -> tuple[KeyPoint, ...]:
    return tuple(KeyPoint(kp["point"], tuple(kp["terms"])) for kp in question.key_points)


def submit_answer(
    session: Session,
    post_id: int,
    member_id: str,
    now: datetime,
    *,
    text: str | None = None,
    button_value: str | None = None,
    grader: FreeTextGrader | None = None,
    notes_roots: Sequence[Path] = (),
    member_name: str = "",
    channel_id: str | None = None,
) -> AnswerResult:
    """Grade and store the member's answer; free text is graded only when `grader` is given.
    With `channel_id` (where the answer was given) a post of another channel is refused."""
    now = require_aware(now)
    post = get_post(session, post_id)
    refused = _refusal(session, post, member_id, channel_id, now)
    if refused is not None:
        return _reply(refused)
    grade = _grade(post.question, text, button_value, grader)
    if grade is None:
        return _reply(AnswerStatus.NEEDS_CHOICE)
    ensure_member(session, member_id, now, name=member_name)
    answer, feedback = _scored(session, post, member_id, grade, text, now, notes_roots)
    add_totals = partial(_add_to_totals, session, post, member_id, answer.points, grade.correct)
    if not insert_unique(session, answer, then=add_totals):
        return _reply(AnswerStatus.ALREADY_ANSWERED)
    return AnswerResult(AnswerStatus.SCORED, answer, grade, feedback)


def _scored(
    session: Session,
    post: QuizPost,
    member_id: str,
    grade: Grade,
    text: str | None,
    now: datetime,
    notes_roots: Sequence[Path],
) -> tuple[QuizAnswer, Feedback]:
    """The answer row (its points count the member's streak through this post) and what the
    member is told, which the row keeps as data."""
    streak = streak_through(session, post, member_id)
    points = points_for(grade.score, streak)
    feedback = feedback_of(post.question, grade, points, streak, notes_roots)
    row = QuizAnswer(
        post_id=post.id,
        member_id=member_id,
        choice=grade.choice,
        text=text,
        score=grade.score,
        correct=grade.correct,
        points=points,
        streak=streak,
        feedback=json.dumps(feedback.as_dict(), ensure_ascii=False),
        answered_at=now,
    )
    return row, feedback


def _refusal(
    session: Session, post: QuizPost, member_id: str, channel_id: str | None, now: datetime
) -> AnswerStatus | None:
    """Why the answer is not taken at all (another channel's post, closed, a second answer)."""
    if channel_id is not None and post.channel_id != channel_id:
        return AnswerStatus.WRONG_CHANNEL
    if not is_open(post, now):
        return AnswerStatus.CLOSED
    if _existing(session, post.id, member_id):
        return AnswerStatus.ALREADY_ANSWERED
    return None


def _reply(status: AnswerStatus) -> AnswerResult:
    return AnswerResult(status)


def _existing(session: Session, post_id: int, member_id: str) -> bool:
    found = session.scalar(
        select(QuizAnswer.id).where(
            QuizAnswer.post_id == post_id, QuizAnswer.member_id == member_id
        )
    )
    return found is not None


def _grade(
    question: Question, text: str | None, button_value: str | None, grader: FreeTextGrader | None
) -> Grade | None:
    if button_value is not None:
        letter = button_choice(button_value)
        return grade_choice(letter, question.answer) if letter else None
    if not text or not text.strip():
        return None
    reading = read_choice(text)
    if reading.letter is not None:
        return grade_choice(reading.letter, question.answer)
    if reading.ambiguous or grader is None or len(words(text)) < MIN_FREE_TEXT_WORDS:
        return None
    choices = Choices.of(question.options, question.answer, question.stem)
    return grader.grade(key_points_of(question), text, choices=choices)


def _add_to_totals(
    session: Session, post: QuizPost, member_id: str, points: int, correct: bool
) -> None:
    """Add the answer to the monthly rollup with one upsert (safe under concurrency)."""
    dialect = session.get_bind().dialect.name
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    values = {
        "channel_id": post.channel_id,
        "month": month_start(post.quiz_date),
        "member_id": member_id,
        "points": points,
        "answers": 1,
        "correct": int(correct),
    }
    statement = insert(ScoreTotal).values(**values)
    statement = statement.on_conflict_do_update(
        index_elements=["channel_id", "month", "member_id"],
        set_={
            "points": ScoreTotal.points + statement.excluded.points,
            "answers": ScoreTotal.answers + 1,
            "correct": ScoreTotal.correct + statement.excluded.correct,
        },
    )
    session.execute(statement)
