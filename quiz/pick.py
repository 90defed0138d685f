"""Chooses a channel's question for a date.

Deterministic for the same channel, date and stored state; no repeats in a channel until every
question was used; the domain posted least recently goes next; within it, topics where the
channel scores lowest are more likely; quarantined questions never come up.
"""

from __future__ import annotations

import hashlib
import random
from collections import Counter
from collections.abc import Sequence
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from quiz.errors import NoQuestionAvailable
from store.models import Question, QuizAnswer, QuizPost

UNSEEN_TOPIC_ACCURACY = 0.5
# Even a topic the channel has mastered keeps some chance of coming up.
MIN_TOPIC_WEIGHT = 0.25


def pick_question(session: Session, channel_id: str, quiz_date: date) -> Question:
    candidates = list(
        session.scalars(
            select(Question)
            .where(Question.is_current, Question.quarantined.is_(False))
            .order_by(Question.bank_id)
        )
    )
    if not candidates:
        raise NoQuestionAvailable(channel_id)
    history = _history(session, channel_id, quiz_date)
    pool = _least_used(candidates, Counter(bank_id for _, bank_id, _ in history))
    domain = _next_domain(pool, history)
    in_domain = [q for q in pool if q.domain == domain]
    rng = random.Random(_seed(channel_id, quiz_date))
    accuracy = topic_accuracy(session, channel_id)
    topics = sorted({q.topic for q in in_domain})
    weights = [topic_weight(accuracy.get(t)) for t in topics]
    topic = rng.choices(topics, weights=weights)[0]
    return rng.choice([q for q in in_domain if q.topic == topic])


def topic_weight(accuracy: float | None) -> float:
    value = UNSEEN_TOPIC_ACCURACY if accuracy is None else accuracy
    return MIN_TOPIC_WEIGHT + (1.0 - value)


def _history(session: Session, channel_id: str, before: date) -> list[tuple[date, str, str]]:
    rows = session.execute(
        select(QuizPost.quiz_date, Question.bank_id, Question.domain)
        .join(Question, QuizPost.question_id == Question.id)
        .where(QuizPost.channel_id == channel_id, QuizPost.quiz_date < before)
        .order_by(QuizPost.quiz_date)
    )
    return [(d, b, dom) for d, b, dom in rows]


def _least_used(candidates: Sequence[Question], uses: Counter[str]) -> list[Question]:
    fewest = min(uses.get(q.bank_id, 0) for q in candidates)
    return [q for q in candidates if uses.get(q.bank_id, 0) == fewest]


def _next_domain(pool: Sequence[Question], history: Sequence[tuple[date, str, str]]) -> str:
    last_posted = {domain: day for day, _, domain in history}
    return min({q.domain for q in pool}, key=lambda d: (last_posted.get(d, date.min), d))


def topic_accuracy(session: Session, channel_id: str) -> dict[str, float]:
    """Mean answer score per topic in the channel."""
    rows = session.execute(
        select(Question.topic, func.avg(QuizAnswer.score))
        .join(QuizPost, QuizAnswer.post_id == QuizPost.id)
        .join(Question, QuizPost.question_id == Question.id)
        .where(QuizPost.channel_id == channel_id)
        .group_by(Question.topic)
    )
    return {topic: float(mean) for topic, mean in rows}


def _seed(channel_id: str, quiz_date: date) -> int:
    digest = hashlib.sha256(f"{channel_id}|{quiz_date.isoformat()}".encode()).digest()
    return int.from_bytes(digest[:8], "big")
