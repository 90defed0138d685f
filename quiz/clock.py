"""Calendar arithmetic in a place's own time zone (local dates, week and month windows). The one
clock (`utc_now`, `Clock`) is `common.clock`."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from quiz.errors import QuizError


class InvalidTimeZone(QuizError):
    def __init__(self, name: str) -> None:
        self.name = name
        super().__init__(f"Unknown time zone {name!r}: use an IANA name like Europe/Berlin.")


class NaiveDatetime(QuizError):
    def __init__(self, value: datetime) -> None:
        super().__init__(f"{value.isoformat()} has no time zone; pass an aware datetime.")


def zone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise InvalidTimeZone(name) from exc


def require_aware(now: datetime) -> datetime:
    if now.tzinfo is None or now.utcoffset() is None:
        raise NaiveDatetime(now)
    return now.astimezone(UTC)


def local_date(now: datetime, tz: str) -> date:
    """The calendar date at `now` where the clock reads time zone `tz`."""
    return require_aware(now).astimezone(zone(tz)).date()


def at_local_time(day: date, clock: time, tz: str) -> datetime:
    """The UTC instant when the wall clock in `tz` shows `clock` on `day` (DST-aware)."""
    return datetime.combine(day, clock, tzinfo=zone(tz)).astimezone(UTC)


def week_start(day: date) -> date:
    return day - timedelta(days=day.weekday())


def month_start(day: date) -> date:
    return day.replace(day=1)
