"""Points for an answer and the member's streak of consecutive quiz days in a channel.

A streak counts the channel's posts (its local quiz dates) in a row that the member answered,
so days without a post (weekends, holidays) do not break it.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from quiz.clock import require_aware
from store.models import QuizAnswer, QuizPost

POINTS_PER_ANSWER = 10
MAX_STREAK_BONUS = 5


def points_for(score: float, streak: int) -> int:
    """Base points scaled by the score, plus one per day of streak beyond the first (capped)."""
    base = round(POINTS_PER_ANSWER * score)
    if base == 0:
        return 0
    return base + min(max(streak - 1, 0), MAX_STREAK_BONUS)


def streak_through(session: Session, post: QuizPost, member_id: str) -> int:
    """The member's streak if they answer `post`: one more than on the channel's previous post."""
    previous = session.scalar(
        select(QuizPost.id)
        .where(QuizPost.channel_id == post.channel_id, QuizPost.quiz_date < post.quiz_date)
        .order_by(QuizPost.quiz_date.desc())
        .limit(1)
    )
    if previous is None:
        return 1
    earlier = session.scalar(
        select(QuizAnswer.streak).where(
            QuizAnswer.post_id == previous, QuizAnswer.member_id == member_id
        )
    )
    return 1 if earlier is None else earlier + 1


def current_streak(session: Session, channel_id: str, member_id: str, now: datetime) -> int:
    """The live streak: through the latest post, or the one before while the latest is open."""
    latest = list(
        session.scalars(
            select(QuizPost)
            .where(QuizPost.channel_id == channel_id)
            .order_by(QuizPost.quiz_date.desc())
            .limit(2)
        )
    )
    for post in latest:
        streak = session.scalar(
            select(QuizAnswer.streak).where(
                QuizAnswer.post_id == post.id, QuizAnswer.member_id == member_id
            )
        )
        if streak is not None:
            return streak
        if not (post.closed_at is None and require_aware(now) < post.closes_at):
            return 0
    return 0
