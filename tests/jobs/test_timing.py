"""Local slots across time zones, weekdays and daylight-saving changes, and the cron trigger
APScheduler gets for them firing at the same instants."""

from __future__ import annotations

from datetime import UTC, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from apscheduler.triggers.cron import CronTrigger

from common.weekdays import Weekdays
from jobs.timing import parse_clock
from quiz.slots import daily_trigger, latest_slot, next_slot
from tests.jobs.helpers import EVERY_DAY, utc

NINE = time(9, 0)


@pytest.mark.parametrize(
    ("tz", "now", "expected"),
    [
        # New York springs forward on Sunday 2025-03-09: 09:00 is EDT (UTC-4), the day before EST.
        ("America/New_York", utc(2025, 3, 9, 13, 0), utc(2025, 3, 9, 13, 0)),
        ("America/New_York", utc(2025, 3, 9, 12, 59), utc(2025, 3, 8, 14, 0)),
        # Berlin falls back on Sunday 2025-10-26: 09:00 is CET (UTC+1), the day before CEST.
        ("Europe/Berlin", utc(2025, 10, 26, 8, 0), utc(2025, 10, 26, 8, 0)),
        ("Europe/Berlin", utc(2025, 10, 26, 7, 59), utc(2025, 10, 25, 7, 0)),
        # Auckland is UTC+13 in March: its 09:00 is the previous UTC day.
        ("Pacific/Auckland", utc(2025, 3, 4, 20, 30), utc(2025, 3, 4, 20, 0)),
    ],
)
def test_latest_slot_follows_local_time(tz: str, now, expected) -> None:  # type: ignore[no-untyped-def]
    assert latest_slot(NINE, EVERY_DAY, tz, now) == expected


def test_latest_slot_skips_days_off() -> None:
    saturday_noon = utc(2025, 3, 8, 12, 0)
    friday_nine = utc(2025, 3, 7, 9, 0)
    assert latest_slot(NINE, Weekdays.WEEKDAYS, "UTC", saturday_noon) == friday_nine
    assert latest_slot(NINE, 0, "UTC", saturday_noon) is None


def test_parse_clock() -> None:
    assert parse_clock("16:05") == time(16, 5)


@pytest.mark.parametrize(
    ("tz", "after", "expected"),
    [
        ("America/New_York", utc(2025, 3, 8, 15, 0), utc(2025, 3, 9, 13, 0)),
        ("Europe/Berlin", utc(2025, 10, 25, 8, 0), utc(2025, 10, 26, 8, 0)),
        # Auckland falls back on 2025-04-06 at 03:00: its 09:00 is then UTC+12.
        ("Pacific/Auckland", utc(2025, 4, 5, 12, 0), utc(2025, 4, 5, 21, 0)),
    ],
)
def test_cron_trigger_fires_at_the_slot_across_dst(tz: str, after, expected) -> None:  # type: ignore[no-untyped-def]
    trigger = CronTrigger(day_of_week=EVERY_DAY.cron(), hour=9, minute=0, timezone=ZoneInfo(tz))
    fire = trigger.get_next_fire_time(None, after)
    assert fire is not None
    assert fire == expected
    assert latest_slot(NINE, EVERY_DAY, tz, fire + timedelta(seconds=1)) == expected


@pytest.mark.parametrize(
    ("tz", "at", "days"),
    [
        ("America/New_York", time(2, 30), Weekdays.EVERY_DAY),  # a time the spring change skips
        ("Europe/Berlin", time(2, 30), Weekdays.WEEKDAYS),  # one the autumn change repeats
        ("Pacific/Auckland", time(9, 0), Weekdays.MON | Weekdays.THU),
    ],
)
def test_the_latest_slot_is_the_schedulers_last_firing_all_year(
    tz: str, at: time, days: Weekdays
) -> None:
    """The post a use case finds due is the one the scheduler's job just fired for, on every
    firing of a year (both read `quiz.slots.daily_trigger`), and the next slot is the next one."""
    trigger = daily_trigger(at, days, tz)
    assert trigger is not None
    fire = trigger.get_next_fire_time(None, utc(2025, 1, 1, 0, 0))
    previous = latest_slot(at, days, tz, utc(2025, 1, 1, 0, 0))
    assert previous is not None
    while fire is not None and fire < utc(2026, 1, 1, 0, 0):
        fire = fire.astimezone(UTC)  # a local time in the spring gap compares unequal as it is
        assert latest_slot(at, days, tz, fire - timedelta(seconds=1)) == previous
        assert latest_slot(at, days, tz, fire) == fire
        assert next_slot(at, days, tz, previous + timedelta(seconds=1)) == fire
        previous = fire
        fire = trigger.get_next_fire_time(fire, fire + timedelta(seconds=1))


def test_no_weekday_has_no_trigger_and_no_slot() -> None:
    assert daily_trigger(NINE, 0, "UTC") is None
    assert next_slot(NINE, 0, "UTC", utc(2025, 3, 8, 12, 0)) is None
