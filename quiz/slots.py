"""A channel's daily slots: the cron trigger the scheduler runs, and the latest and next slot
read from that same trigger, so the post a use case finds due and the job that fires for it
can never disagree (time zones, days off, daylight-saving gaps included)."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from functools import lru_cache

from apscheduler.triggers.cron import CronTrigger

from common.weekdays import Weekdays
from quiz.clock import local_date, require_aware, zone

LOOK_BACK_DAYS = 8  # a week and a day: the last slot of a once-a-week schedule is always found


@lru_cache(maxsize=4096)
def daily_trigger(post_time: time, weekdays: int, tz: str) -> CronTrigger | None:
    """The trigger of the channel's daily post; None when no weekday is set. Kept per
    schedule: making one costs more than reading a slot from it, and it never changes."""
    days = Weekdays(weekdays).cron()
    if days is None:
        return None
    return CronTrigger(
        day_of_week=days, hour=post_time.hour, minute=post_time.minute, timezone=zone(tz)
    )


def latest_slot(post_time: time, weekdays: int, tz: str, now: datetime) -> datetime | None:
    """The trigger's last firing at or before `now` (UTC), looking back at most a week."""
    trigger = daily_trigger(post_time, weekdays, tz)
    if trigger is None:
        return None
    now = require_aware(now)
    today = local_date(now, tz)
    for back in range(LOOK_BACK_DAYS):
        day = today - timedelta(days=back)
        start = datetime.combine(day, time(0), tzinfo=zone(tz))
        fire = trigger.get_next_fire_time(None, start)
        if fire is not None and fire <= now and local_date(fire, tz) == day:
            return fire.astimezone(UTC)
    return None


def next_slot(post_time: time, weekdays: int, tz: str, now: datetime) -> datetime | None:
    """The trigger's first firing at or after `now` (UTC)."""
    trigger = daily_trigger(post_time, weekdays, tz)
    if trigger is None:
        return None
    fire = trigger.get_next_fire_time(None, require_aware(now))
    return None if fire is None else fire.astimezone(UTC)
