"""When a channel's daily post is due: its local slots (time zone, weekdays, DST) and lateness."""

from __future__ import annotations

from datetime import datetime, time, timedelta

from quiz.clock import at_local_time, local_date, require_aware

WEEKDAY_NAMES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def runs_on(weekdays: int, weekday: int) -> bool:
    """Whether bit `weekday` (Monday = 0) is set in the channel's weekday mask."""
    return bool(weekdays & (1 << weekday))


def cron_days(weekdays: int) -> str | None:
    """The mask as an APScheduler day_of_week list ("mon,wed"), or None for no day at all."""
    days = [name for bit, name in enumerate(WEEKDAY_NAMES) if runs_on(weekdays, bit)]
    return ",".join(days) or None


def latest_slot(post_time: time, weekdays: int, tz: str, now: datetime) -> datetime | None:
    """The last scheduled instant at or before `now` (UTC), looking back at most a week."""
    today = local_date(now, tz)
    for back in range(8):
        day = today - timedelta(days=back)
        if not runs_on(weekdays, day.weekday()):
            continue
        slot = at_local_time(day, post_time, tz)
        if slot <= require_aware(now):
            return slot
    return None


def parse_clock(value: str) -> time:
    """'HH:MM' as a time (settings such as leaderboard_time and nudge_time)."""
    hours, _, minutes = value.strip().partition(":")
    return time(int(hours), int(minutes or 0))
