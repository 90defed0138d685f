"""When a channel's daily post is due: its local slots (time zone, weekdays, DST) and lateness."""

from __future__ import annotations

from datetime import datetime, time, timedelta

from quiz.clock import at_local_time, local_date, require_aware
from quiz.weekdays import Weekdays


def latest_slot(post_time: time, weekdays: int, tz: str, now: datetime) -> datetime | None:
    """The last scheduled instant at or before `now` (UTC), looking back at most a week."""
    today = local_date(now, tz)
    for back in range(8):
        day = today - timedelta(days=back)
        if not Weekdays(weekdays).runs_on(day):
            continue
        slot = at_local_time(day, post_time, tz)
        if slot <= require_aware(now):
            return slot
    return None


def parse_clock(value: str) -> time:
    """'HH:MM' as a time (settings such as leaderboard_time and nudge_time)."""
    hours, _, minutes = value.strip().partition(":")
    return time(int(hours), int(minutes or 0))
