"""The reveal: when a post closes, publish the answer and who got it, then mark it closed.

Answers are graded as they arrive (quiz.answering) and refused once `closes_at` has passed,
so at close time the results are settled; streaks and leaderboards already count them. The
post is closed and its reveal messages queued in the outbox in one transaction (keys
`reveal:<post>:0` in the thread, `:1` in the channel); the sender delivers them once.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta
from pathlib import Path

import structlog
from sqlalchemy import select
from sqlalchemy.orm import Session

from core.publishing import Reveal, RevealEntry, question_view, queue_all
from jobs.context import JobContext, current
from jobs.observe import observed
from quiz.clock import require_aware
from quiz.notes import find_section
from quiz.posts import close_post
from store.models import Member, QuizAnswer, QuizPost

log = structlog.get_logger(__name__)
# A reveal is worth posting hours late (after an outage), not days.
REVEAL_DEADLINE = timedelta(hours=12)


def claim_key(post_id: int) -> str:
    return f"reveal:{post_id}"


def due_posts(session: Session, channel_id: str | None, now: datetime) -> list[int]:
    """Open posts whose closing time has come (in one channel, or everywhere)."""
    query = select(QuizPost.id).where(QuizPost.closed_at.is_(None), QuizPost.closes_at <= now)
    if channel_id is not None:
        query = query.where(QuizPost.channel_id == channel_id)
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


def reveal_post(ctx: JobContext, post_id: int, now: datetime) -> bool:
    """Reveal one closed-by-time post; True when this call queued its reveal."""
    now = require_aware(now)
    with ctx.database.session() as session:
        post = session.get(QuizPost, post_id, with_for_update={"of": QuizPost})
        if post is None or post.closed_at is not None or post.closes_at > now:
            return False
        close_post(session, post_id, now)
        if not post.slack_ts:
            return False  # never reached Slack (a console post): nothing to reveal there
        reveal = build_reveal(session, post, list(ctx.settings.corpus))
        out = ctx.publisher.reveal(reveal)
        row_ids = queue_all(session, claim_key(post_id), out, now, deadline=REVEAL_DEADLINE)
    ctx.deliver(row_ids, now)
    log.info("reveal queued", post_id=post_id, answers=len(reveal.entries))
    return True


def reveal_due(ctx: JobContext, channel_id: str | None, now: datetime) -> int:
    with ctx.database.session() as session:
        post_ids = due_posts(session, channel_id, now)
    return sum(reveal_post(ctx, post_id, now) for post_id in post_ids)


@observed("quiz-reveal")
def run_reveal(channel_id: str) -> None:
    """Job `quiz-reveal:<channel>`, set for the post's closing time."""
    ctx = current()
    reveal_due(ctx, channel_id, ctx.clock())
