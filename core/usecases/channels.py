"""A channel's subscription to the daily question: subscribe, unsubscribe, its schedule and
whether members see their result at once; the plan the scheduler keeps its jobs by."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from apscheduler.triggers.cron import CronTrigger
from sqlalchemy import or_, select

from common.weekdays import Weekdays
from core.bootstrap import Core
from quiz.channel_settings import set_results_early, unsubscribe_channel
from quiz.clock import local_date, zone
from quiz.posts import first_post_date, get_channel, subscribe_channel
from quiz.slots import daily_trigger
from store import outbox
from store.models import Channel, QuizPost

if TYPE_CHECKING:
    from store.db import Database


@dataclass(frozen=True)
class Schedule:
    """A channel's subscription as a front end shows it."""

    channel_id: str
    active: bool
    post_time: time
    timezone: str
    weekdays: Weekdays
    reveal_delay_minutes: int
    show_results_early: bool
    paused_reason: str | None = None  # Slack refused its posts for good (inactive till then)
    paused_at: datetime | None = None
    name: str = ""


def schedule_of(channel: Channel) -> Schedule:
    return Schedule(
        channel_id=channel.id,
        active=channel.active,
        post_time=channel.post_time,
        timezone=channel.timezone,
        weekdays=Weekdays(channel.weekdays),
        reveal_delay_minutes=channel.reveal_delay_minutes,
        show_results_early=channel.show_results_early,
        paused_reason=channel.paused_reason,
        paused_at=channel.paused_at,
        name=channel.name,
    )


@dataclass(frozen=True)
class Subscribed:
    schedule: Schedule
    first: date  # the date of the first question (the channel's own)
    today: date  # today in the channel's zone


def subscribe(
    core: Core,
    channel_id: str,
    *,
    name: str,
    timezone: str,
    post_time: time,
    weekdays: Weekdays,
    team_id: str,
    now: datetime,
) -> Subscribed:
    """Subscribe (or reschedule) the channel; its posts go out with `team_id`'s token."""
    zone(timezone)  # an unknown zone is refused before anything is stored
    with core.database.session() as session:
        channel = subscribe_channel(
            session,
            channel_id,
            name=name,
            timezone=timezone,
            post_time=post_time,
            weekdays=weekdays,
            now=now,
        )
        outbox.remember_team(session, channel.id, team_id, now)
        today = local_date(now, channel.timezone)
        return Subscribed(schedule_of(channel), first_post_date(channel, now), today)


def unsubscribe(core: Core, channel_id: str, now: datetime) -> None:
    with core.database.session() as session:
        unsubscribe_channel(session, channel_id, now)


def schedule(core: Core, channel_id: str) -> Schedule:
    with core.database.session() as session:
        return schedule_of(get_channel(session, channel_id))


def show_results(core: Core, channel_id: str, *, early: bool) -> Schedule:
    """Members see right or wrong when answering (`early`), or only at the reveal."""
    with core.database.session() as session:
        return schedule_of(set_results_early(session, channel_id, early))


@dataclass(frozen=True)
class ChannelPlan:
    """What a subscribed channel's jobs need, read from the database."""

    tz: ZoneInfo
    daily: CronTrigger  # the same trigger `quiz.slots.latest_slot` reads the due post from
    open_until: datetime | None


def channel_plan(database: Database, channel_id: str) -> ChannelPlan | None:
    """The channel's schedule, or None when it is not subscribed (or has no weekday)."""
    with database.session() as session:
        channel = session.get(Channel, channel_id)
        if channel is None or not channel.active:
            return None
        daily = daily_trigger(channel.post_time, channel.weekdays, channel.timezone)
        if daily is None:
            return None
        open_until = session.scalar(
            select(QuizPost.closes_at)
            .where(QuizPost.channel_id == channel_id, QuizPost.closed_at.is_(None))
            .order_by(QuizPost.closes_at)
            .limit(1)
        )
        return ChannelPlan(zone(channel.timezone), daily, open_until)


def all_schedules(core: Core) -> list[Schedule]:
    """Every channel ever subscribed, with its state (subscribed, paused, stopped), by id; the
    console's local quiz channels, never subscribed, are left out."""
    subscribed = Channel.schedule_from.is_not(None), Channel.paused_reason.is_not(None)
    ever = or_(Channel.active, *subscribed)
    query = select(Channel).where(ever).order_by(Channel.id)
    with core.database.session() as session:
        return [schedule_of(channel) for channel in session.scalars(query)]


def all_channel_ids(database: Database) -> list[str]:
    """Every channel ever seen, subscribed or not (the scheduler drops the jobs of the rest)."""
    with database.session() as session:
        return list(session.scalars(select(Channel.id)))
