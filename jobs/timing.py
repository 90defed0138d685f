"""Clock times read from settings ("HH:MM"). A channel's daily slots are `quiz.slots`."""

from __future__ import annotations

from datetime import time


def parse_clock(value: str) -> time:
    """'HH:MM' as a time (settings such as leaderboard_time and nudge_time)."""
    hours, _, minutes = value.strip().partition(":")
    return time(int(hours), int(minutes or 0))
