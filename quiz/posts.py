"""Channels, members and the daily post: open today's post once, close it, look it up."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from common.clock import utc_now
from common.weekdays import Weekdays
from quiz.clock import local_date, require_aware, zone
from quiz.errors import UnknownChannel, UnknownPost
from quiz.pick import pick_question
from quiz.slots import next_slot
from store.models import Channel, Member, QuizPost, Team
from store.schedule_changes import mark_schedule_changed
from store.unique import get_or_create

DEFAULT_REVEAL_MINUTES = 8 * 60  # the question closes and is revealed 8 hours after posting


def subscribe_channel(
    session: Session,
    channel_id: str,
    *,
    name: str = "",
    timezone: str = "UTC",
    post_time: time = time(9, 0),
    weekdays: Weekdays = Weekdays.WEEKDAYS,
    reveal_delay_minutes: int = DEFAULT_REVEAL_MINUTES,
    team: str | None = None,
    now: datetime | None = None,
) -> Channel:
    """Create or update a channel's subscription; `team` groups it with other channels.
    The scheduler is told in the same transaction (`now` orders the change; default: now).
    The schedule counts from `now`: a time already past today starts tomorrow."""
    zone(timezone)
    now = require_aware(now or utc_now())
    # Two subscribes of a new channel at once (a double submit, two admins): one inserts it,
    # the other finds it and updates it, instead of failing on the primary key.
    channel = get_or_create(
        session, lambda: session.get(Channel, channel_id), lambda: _new_channel(channel_id)
    )
    channel.name = name or channel.name or channel_id
    channel.timezone = timezone
    channel.post_time = post_time
    channel.weekdays = weekdays
    channel.reveal_delay_minutes = reveal_delay_minutes
    channel.active = True
    channel.paused_reason = channel.paused_at = None  # subscribing again resumes a paused one
    channel.schedule_from = now
    channel.team = ensure_team(session, team) if team else None
    session.add(channel)
    session.flush()
    mark_schedule_changed(session, channel.id, now)
    return channel


def _new_channel(channel_id: str) -> Channel:
    return Channel(id=channel_id, name=channel_id, active=False)


def first_post_date(channel: Channel, now: datetime) -> date:
    """The local date of the channel's first scheduled post at or after `now`."""
    slot = next_slot(channel.post_time, channel.weekdays, channel.timezone, now)
    if slot is None:
        return local_date(now, channel.timezone) + timedelta(days=7)
    return local_date(slot, channel.timezone)


def ensure_team(session: Session, name: str) -> Team:
    return get_or_create(
        session,
        lambda: session.scalar(select(Team).where(Team.name == name)),
        lambda: Team(name=name),
    )


def ensure_member(
    session: Session, member_id: str, now: datetime, *, name: str = "", timezone: str | None = None
) -> Member:
    """The member row, created on first sight; safe when two replicas see them at once."""
    member = get_or_create(
        session,
        lambda: session.get(Member, member_id),
        lambda: Member(
            id=member_id,
            name=name or member_id,
            created_at=require_aware(now),
            timezone=timezone or "UTC",
        ),
    )
    member.name = name or member.name
    member.timezone = timezone or member.timezone
    return member


def get_channel(session: Session, channel_id: str) -> Channel:
    channel = session.get(Channel, channel_id)
    if channel is None:
        raise UnknownChannel(channel_id)
    return channel


def get_post(session: Session, post_id: int) -> QuizPost:
    post = session.get(QuizPost, post_id)
    if post is None:
        raise UnknownPost(post_id)
    return post


def todays_post(session: Session, channel_id: str, now: datetime) -> QuizPost | None:
    channel = get_channel(session, channel_id)
    return session.scalar(
        select(QuizPost).where(
            QuizPost.channel_id == channel_id,
            QuizPost.quiz_date == local_date(now, channel.timezone),
        )
    )


def open_post(session: Session, channel_id: str, now: datetime) -> QuizPost:
    """Today's post for the channel (its local date), created at most once."""
    now = require_aware(now)
    # When another replica opens the same post first, theirs stands.
    return get_or_create(
        session,
        lambda: todays_post(session, channel_id, now),
        lambda: _new_post(session, channel_id, now),
    )


def _new_post(session: Session, channel_id: str, now: datetime) -> QuizPost:
    channel = get_channel(session, channel_id)
    quiz_date = local_date(now, channel.timezone)
    return QuizPost(
        channel_id=channel_id,
        quiz_date=quiz_date,
        question=pick_question(session, channel_id, quiz_date),
        posted_at=now,
        closes_at=now + timedelta(minutes=channel.reveal_delay_minutes),
    )


def is_open(post: QuizPost, now: datetime) -> bool:
    return post.closed_at is None and require_aware(now) < post.closes_at


def close_post(session: Session, post_id: int, now: datetime) -> QuizPost:
    post = get_post(session, post_id)
    if post.closed_at is None:
        post.closed_at = require_aware(now)
    return post
