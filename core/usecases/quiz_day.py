"""Today's question: open it for a channel, queue it for posting once, take a member's answer."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from enum import StrEnum

import structlog
from sqlalchemy import select
from sqlalchemy.orm import Session

from common.metrics import ANSWERS_GRADED
from core.bootstrap import Core
from core.publishing import QuestionView, question_view, queue_question
from quiz.answering import AnswerResult, AnswerStatus, submit_answer
from quiz.channel_settings import unsubscribe_channel
from quiz.choice import read_choice
from quiz.clock import local_date, require_aware, zone
from quiz.feedback import Verdict as Verdict  # with AnswerStatus, what front ends read
from quiz.posts import get_channel, get_post, is_open, open_post, todays_post
from quiz.slots import latest_slot
from store import claims, outbox
from store.models import Channel, QuizPost

log = structlog.get_logger(__name__)


class PostOutcome(StrEnum):
    POSTED = "posted"
    QUEUED = "queued"  # in the outbox: the sender keeps trying until the grace window ends
    ALREADY_POSTED = "already_posted"
    NOT_DUE = "not_due"
    TOO_LATE = "too_late"


@dataclass(frozen=True)
class TodaysPost:
    """Today's question of a channel: `queued` is the outbox row to send now, None when it is
    already in the channel (`posted_ts`) or given up (`outcome` says which)."""

    question: QuestionView
    outcome: PostOutcome
    posted_ts: str | None
    queued: int | None
    closes_at: datetime


def publish_today(
    core: Core, channel_id: str, now: datetime, *, queued_at: datetime | None = None
) -> TodaysPost | None:
    """Today's question when a member asks for it (`/study quiz`): queued by the schedule's
    own path, so a post the scheduler made, or a member racing, is not posted twice; None
    when the channel is not subscribed. A post the schedule gave up on (Slack down past the
    grace window) is sent again while its answers are open, TOO_LATE once they closed.
    `queued_at`: the outbox's own clock, when the sender keeps another than the domain's."""
    with core.database.session() as session:
        if not get_channel(session, channel_id).active:
            return None
        post = open_post(session, channel_id, now)
        today = _publish(session, core, post, queued_at or now, outbox.DEFAULT_DEADLINE)
        if (
            today.outcome is PostOutcome.TOO_LATE
            and today.queued is not None
            and is_open(post, now)
            and outbox.revive(
                session, today.queued, now=queued_at or now, deadline=outbox.DEFAULT_DEADLINE
            )
        ):
            # The schedule gave up on it (Slack was down past the grace window) but the day's
            # answers are still open: a member asking for it now gets it.
            return replace(today, outcome=PostOutcome.QUEUED)
        return today


def publish_due(core: Core, channel_id: str, now: datetime) -> TodaysPost | PostOutcome:
    """The channel's question for the latest slot of its schedule (`quiz.slots`, the trigger
    the scheduler fires), when due: NOT_DUE or TOO_LATE (logged once per date) otherwise."""
    now = require_aware(now)
    grace = timedelta(minutes=core.settings.post_grace_minutes)
    with core.database.session() as session:
        due = _due_post(session, channel_id, now, grace)
        if isinstance(due, PostOutcome):
            return due
        post, slot = due
        deadline = max(slot + grace - now, timedelta(minutes=1))
        return _publish(session, core, post, now, deadline)


def _publish(
    session: Session, core: Core, post: QuizPost, now: datetime, deadline: timedelta
) -> TodaysPost:
    """The one path by which a question goes out: its outbox row (key `post:<id>`, a no-op
    the second time, whoever asks and on any replica); sending it records the ts."""
    assert core.publisher is not None, "publishing needs a core with a publisher"
    view = question_view(post)
    if post.slack_ts:
        return TodaysPost(view, PostOutcome.ALREADY_POSTED, post.slack_ts, None, post.closes_at)
    row = queue_question(session, post, core.publisher, now, deadline=deadline)
    outcome = _QUEUE_OUTCOMES.get(row.status, PostOutcome.QUEUED)
    return TodaysPost(view, outcome, None, row.id, post.closes_at)


_QUEUE_OUTCOMES = {
    outbox.Status.SENT: PostOutcome.ALREADY_POSTED,
    outbox.Status.FAILED: PostOutcome.TOO_LATE,
}


def _due_post(
    session: Session, channel_id: str, now: datetime, grace: timedelta
) -> tuple[QuizPost, datetime] | PostOutcome:
    channel = session.get(Channel, channel_id)
    if channel is None or not channel.active:
        return PostOutcome.NOT_DUE
    slot = latest_slot(channel.post_time, channel.weekdays, channel.timezone, now)
    if slot is None or (channel.schedule_from is not None and slot < channel.schedule_from):
        return PostOutcome.NOT_DUE  # never due: before the channel subscribed
    existing = todays_post(session, channel_id, slot)
    if existing is not None and existing.slack_ts:
        return PostOutcome.ALREADY_POSTED
    if now - slot > grace:
        _log_skipped(session, channel_id, local_date(slot, channel.timezone), now - slot, now)
        return PostOutcome.TOO_LATE
    if existing is not None:
        return existing, slot
    # open_post dates the post by the instant it is given: the slot keeps a post made just
    # after midnight (after downtime) on the date it was due.
    post = open_post(session, channel_id, slot)
    if post.posted_at == slot:
        post.posted_at = now
        post.closes_at = now + timedelta(minutes=channel.reveal_delay_minutes)
    session.flush()
    return post, slot


def _log_skipped(
    session: Session, channel_id: str, quiz_date: date, late: timedelta, now: datetime
) -> None:
    """Once per channel and date, not on every catch-up round (weekends, say)."""
    if claims.first_time(session, f"skipped:{channel_id}:{quiz_date.isoformat()}", now):
        log.warning(
            "daily post skipped: missed by more than the grace window",
            channel=channel_id,
            quiz_date=quiz_date.isoformat(),
            late_minutes=round(late.total_seconds() / 60),
        )


def subscribed_channels(core: Core) -> list[str]:
    """The channels the schedule posts to."""
    with core.database.session() as session:
        return list(session.scalars(select(Channel.id).where(Channel.active).order_by(Channel.id)))


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
        # Share the post until the answer is in: the reveal takes it FOR UPDATE, so it waits
        # for this answer (and lists it), or this waits for the reveal (and finds it closed).
        session.get(
            QuizPost,
            post_id,
            with_for_update={"read": True, "of": QuizPost},
            populate_existing=True,
        )
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


def submit_typed(core: Core, post_id: int, member_id: str, text: str) -> Submitted:
    """An answer typed at the console: the free-text grader (the model) is loaded only when
    the answer is in the member's own words, not a letter."""
    reading = read_choice(text)
    if reading.letter is None and not reading.ambiguous:
        core.load_grader()
    return submit(core, post_id, member_id, text=text)


def _kind(result: AnswerResult) -> str:
    return "letter" if result.grade is not None and result.grade.choice else "free_text"
