"""The days of the week a schedule runs on, as one bit mask with its cron, label and parse forms."""

from __future__ import annotations

from datetime import date
from enum import IntFlag

from common.errors import StudybotError

CRON_NAMES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
LABELS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
FULL_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


class InvalidWeekdays(StudybotError):
    def __init__(self, text: str) -> None:
        self.text = text
        super().__init__(
            f"Unknown days {text!r}: use weekdays, daily or day names such as mon,wed,fri."
        )


class Weekdays(IntFlag):
    """Bit `d` is weekday `d` (Monday = 0, as `date.weekday()`); stored as an int per channel."""

    MON = 1
    TUE = 2
    WED = 4
    THU = 8
    FRI = 16
    SAT = 32
    SUN = 64
    WEEKDAYS = MON | TUE | WED | THU | FRI
    EVERY_DAY = WEEKDAYS | SAT | SUN

    @classmethod
    def of(cls, day: date) -> Weekdays:
        """The single day `day` falls on."""
        return cls(1 << day.weekday())

    def runs_on(self, day: date) -> bool:
        return bool(self & Weekdays.of(day))

    def days(self) -> list[int]:
        """The weekday numbers (Monday = 0) in the mask, in week order."""
        return [bit for bit in range(7) if self & (1 << bit)]

    def cron(self) -> str | None:
        """An APScheduler/cron day_of_week list ("mon,wed"), or None for no day at all."""
        return ",".join(CRON_NAMES[bit] for bit in self.days()) or None

    def label(self) -> str:
        """For people: "every day", or the days in week order ("Mon, Wed")."""
        if self == Weekdays.EVERY_DAY:
            return "every day"
        return ", ".join(LABELS[bit] for bit in self.days())

    @classmethod
    def parse(cls, text: str) -> Weekdays:
        """`weekdays`, `daily`, or day names (`mon`, `Friday`) separated by commas or spaces."""
        words = text.lower().replace(",", " ").split()
        if not words:
            raise InvalidWeekdays(text)
        days = cls(0)
        for word in words:
            days |= _word(word, text)
        return days


def _word(word: str, text: str) -> Weekdays:
    if word == "weekdays":
        return Weekdays.WEEKDAYS
    if word in ("daily", "everyday"):
        return Weekdays.EVERY_DAY
    for bit, name in enumerate(FULL_NAMES):
        if len(word) >= 3 and name.startswith(word):
            return Weekdays(1 << bit)
    raise InvalidWeekdays(text)
