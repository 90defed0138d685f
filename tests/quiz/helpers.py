"""Small builders shared by the quiz tests."""

from __future__ import annotations

from datetime import datetime, time

from sqlalchemy import select
from sqlalchemy.orm import Session

from quiz.posts import open_post, subscribe_channel
from store.db import Database
from store.models import QuizPost


def subscribe(db: Database, channel_id: str = "C1", **kwargs: object) -> None:
    with db.session() as session:
        subscribe_channel(session, channel_id, **kwargs)  # type: ignore[arg-type]


def open_today(db: Database, channel_id: str, now: datetime) -> QuizPost:
    with db.session() as session:
        return open_post(session, channel_id, now)


def wrong_letter(right: str) -> str:
    return "A" if right != "A" else "B"


def post_answer_letter(session: Session, post_id: int) -> str:
    post = session.scalar(select(QuizPost).where(QuizPost.id == post_id))
    assert post is not None
    return post.question.answer


NINE = time(9, 0)
