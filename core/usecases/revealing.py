"""The reveal of a post whose closing time has come: close it, and queue the answer and who
got it, in one transaction (outbox keys `reveal:<post>:0` in the thread, `:1` in the channel).

Answers are graded as they arrive (quiz.answering) and refused once `closes_at` has passed,
so at close time the results are settled; streaks and leaderboards already count them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from core.bootstrap import Core
from core.publishing import Reveal, RevealEntry, question_view, queue_all
from quiz.notes import find_section
from quiz.posts import close_post
from store.models import Member, QuizAnswer, QuizPost


def claim_key(post_id: int) -> str:
    return f"reveal:{post_id}"


def due_posts(core: Core, channel_id: str | None, now: datetime) -> list[int]:
    """Open posts whose closing time has come (in one channel, or everywhere)."""
    query = select(QuizPost.id).where(QuizPost.closed_at.is_(None), QuizPost.closes_at <= now)
    if channel_id is not None:
        query = query.where(QuizPost.channel_id == channel_id)
    with core.database.session() as session:
        return list(session.scalars(query.order_by(QuizPost.closes_at, QuizPost.id)))


def build_reveal(session: Session, post: QuizPost, notes_roots: Sequence[Path]) -> Reveal:
    rows = session.execute(
        select(QuizAnswer, Member.name)
        .join(Member, Member.id == QuizAnswer.member_id)
        .where(QuizAnswer.post_id == post.id)
        .order_by(
            QuizAnswer.correct.desc(),
            QuizAnswer.points.desc(),
            QuizAnswer.answered_at,
            QuizAnswer.id,
        )
    )
    entries = [
        RevealEntry(
            member_id=answer.member_id,
            name=name,
            correct=answer.correct,
            choice=answer.choice,
            score=answer.score,
            points=answer.points,
            streak=answer.streak,
        )
        for answer, name in rows
    ]
    question = post.question
    section = find_section(notes_roots, question.source_file, question.source_heading)
    return Reveal(question_view(post), entries, section.text if section else "")


@dataclass(frozen=True)
class Revealed:
    reveal: Reveal
    row_ids: list[int]  # the queued messages, in the order they go out


def reveal_post(core: Core, post_id: int, now: datetime, *, deadline: timedelta) -> Revealed | None:
    """Close one post whose time has come and queue its reveal; None when it is not due, is
    already closed, or never reached Slack (a console post: closed, nothing to reveal)."""
    assert core.publisher is not None, "publishing needs a core with a publisher"
    with core.database.session() as session:
        post = session.get(QuizPost, post_id, with_for_update={"of": QuizPost})
        if post is None or post.closed_at is not None or post.closes_at > now:
            return None
        close_post(session, post_id, now)
        if not post.slack_ts:
            return None
        reveal = build_reveal(session, post, core.notes_roots)
        out = core.publisher.reveal(reveal)
        row_ids = queue_all(session, claim_key(post_id), out, now, deadline=deadline)
    return Revealed(reveal, row_ids)
