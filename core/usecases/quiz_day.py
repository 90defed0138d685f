"""Today's question: open it for a channel, queue it for posting once, take a member's answer."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from common.metrics import ANSWERS_GRADED
from core.bootstrap import Core
from core.publishing import QuestionView, question_view, queue_question
from quiz.answering import AnswerResult, AnswerStatus, submit_answer
from quiz.channel_settings import unsubscribe_channel
from quiz.clock import zone
from quiz.posts import get_channel, get_post, open_post
from store.models import Channel, QuizPost


@dataclass(frozen=True)
class TodaysPost:
    """Today's question of a channel: `queued` is the outbox row to send now, None when it is
    already in the channel (`posted_ts`)."""

    question: QuestionView
    posted_ts: str | None
    queued: int | None


def publish_today(
    core: Core, channel_id: str, now: datetime, *, queued_at: datetime | None = None
) -> TodaysPost | None:
    """Today's question queued for the channel, by the schedule's own path (one outbox row
    per post, so members racing post it once); None when the channel is not subscribed.
    `queued_at`: the outbox's own clock, when the sender keeps another than the domain's."""
    assert core.publisher is not None, "publishing needs a core with a publisher"
    with core.database.session() as session:
        if not get_channel(session, channel_id).active:
            return None
        post = open_post(session, channel_id, now)
        posted_ts = post.slack_ts
        if posted_ts:
            return TodaysPost(question_view(post), posted_ts, None)
        row = queue_question(session, post, core.publisher, queued_at or now)
        return TodaysPost(question_view(post), None, row.id)


def posted_ts(core: Core, post_id: int) -> str | None:
    """Where the post is in its channel, once sent."""
    with core.database.session() as session:
        return get_post(session, post_id).slack_ts


def question_of(core: Core, post_id: int) -> QuestionView:
    with core.database.session() as session:
        return question_view(get_post(session, post_id))


def open_today(core: Core, channel_id: str, now: datetime) -> QuestionView:
    """Today's question of a channel, opened if it is not yet (the console asks it itself)."""
    with core.database.session() as session:
        return question_view(open_post(session, channel_id, now))


def local_channel(core: Core, channel_id: str, timezone: str, now: datetime, *, own: str) -> None:
    """A channel of the console's own, created unsubscribed: the scheduler never posts to it
    in Slack. The active channel `own` left by an older version is unsubscribed here."""
    zone(timezone)  # an unknown zone is refused before anything is stored
    with core.database.session() as session:
        row = session.get(Channel, channel_id)
        if row is None:
            session.add(Channel(id=channel_id, name=channel_id, timezone=timezone, active=False))
            session.flush()
        elif row.active and channel_id == own:
            unsubscribe_channel(session, channel_id, now)


@dataclass(frozen=True)
class Submitted:
    result: AnswerResult
    show_now: bool  # the channel shows results at once, not at the reveal
    reveal_at: datetime


def post_for_thread(core: Core, channel_id: str, thread_ts: str) -> int | None:
    """The quiz post whose message starts this thread, if any."""
    query = select(QuizPost.id).where(
        QuizPost.channel_id == channel_id, QuizPost.slack_ts == thread_ts
    )
    with core.database.session() as session:
        return session.scalar(query)


def submit(
    core: Core,
    post_id: int,
    member_id: str,
    *,
    member_name: str = "",
    text: str | None = None,
    button_value: str | None = None,
    channel_id: str | None = None,
) -> Submitted:
    """Submit the member's answer; `channel_id` is where it was given (checked against the
    post's own channel, so a crafted block_id cannot score another channel's post)."""
    with core.database.session() as session:
        result = submit_answer(
            session,
            post_id,
            member_id,
            core.now(),
            text=text,
            button_value=button_value,
            grader=core.grader,
            notes_roots=core.notes_roots,
            member_name=member_name,
            channel_id=channel_id,
        )
        post = get_post(session, post_id)
        show_now, reveal_at = post.channel.show_results_early, post.closes_at
    if result.status is AnswerStatus.SCORED:
        kind = "button" if button_value is not None else _kind(result)
        ANSWERS_GRADED.labels(kind=kind).inc()
    return Submitted(result, show_now, reveal_at)


def _kind(result: AnswerResult) -> str:
    return "letter" if result.grade is not None and result.grade.choice else "free_text"
