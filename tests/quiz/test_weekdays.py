"""Weekdays: one mask for a channel's days, read and written the same way by every part."""

from __future__ import annotations

from datetime import date

import pytest

from common.weekdays import InvalidWeekdays, Weekdays
from store.models import Channel

MONDAY = date(2025, 3, 3)


def test_bits_follow_date_weekday() -> None:
    days = [date.fromordinal(MONDAY.toordinal() + n) for n in range(7)]
    assert [Weekdays.of(day) for day in days] == list(Weekdays)
    assert Weekdays.WEEKDAYS.runs_on(MONDAY) and not Weekdays.WEEKDAYS.runs_on(days[5])
    assert [day for day in days if Weekdays.EVERY_DAY.runs_on(day)] == days


def test_cron_and_label() -> None:
    assert Weekdays.WEEKDAYS.cron() == "mon,tue,wed,thu,fri"
    assert (Weekdays.MON | Weekdays.SUN).cron() == "mon,sun"
    assert Weekdays(0).cron() is None
    assert Weekdays.EVERY_DAY.label() == "every day"
    assert Weekdays.WEEKDAYS.label() == "Mon, Tue, Wed, Thu, Fri"
    assert (Weekdays.SUN | Weekdays.WED).label() == "Wed, Sun"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("weekdays", Weekdays.WEEKDAYS),
        ("Daily", Weekdays.EVERY_DAY),
        ("fri", Weekdays.FRI),
        ("Friday", Weekdays.FRI),
        ("mon,wed  fri", Weekdays.MON | Weekdays.WED | Weekdays.FRI),
        ("weekdays sat", Weekdays.WEEKDAYS | Weekdays.SAT),
    ],
)
def test_parse(text: str, expected: Weekdays) -> None:
    assert Weekdays.parse(text) == expected
    assert Weekdays.parse(expected.cron() or "") == expected


@pytest.mark.parametrize("text", ["", "someday", "mo", "mon,funday", "fridays"])
def test_parse_refuses_what_is_not_a_day(text: str) -> None:
    with pytest.raises(InvalidWeekdays, match="use weekdays, daily or day names"):
        Weekdays.parse(text)


def test_the_stored_default_is_monday_to_friday() -> None:
    """store/ imports nothing of ours, so the column spells the mask as a number."""
    default = Channel.__table__.c.weekdays.default
    assert default is not None and Weekdays(default.arg) == Weekdays.WEEKDAYS  # type: ignore[attr-defined]
