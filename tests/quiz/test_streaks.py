"""Streaks follow the channel's local calendar: across time zones, DST changes and skipped days.

The clock is frozen with time-machine and the frozen `now` is passed in, as the bot does.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

import time_machine

from quiz.answering import AnswerStatus, submit_answer
from quiz.clock import at_local_time
from quiz.posts import open_post
from quiz.scoring import MAX_STREAK_BONUS, current_streak, points_for
from store.db import Database
from tests.quiz.helpers import subscribe


def _days(start: date, count: int) -> list[date]:
    return [start + timedelta(days=n) for n in range(count)]


def _play_day(db: Database, channel: str, member: str, day: date, tz: str, clock: time) -> int:
    """Open the post at local `clock` time on `day`; the member answers 5 minutes later."""
    opened = at_local_time(day, clock, tz)
    with time_machine.travel(opened, tick=False), db.session() as session:
        post = open_post(session, channel, datetime.now(UTC))
        assert post.quiz_date == day
        post_id, answer = post.id, post.question.answer
    with time_machine.travel(opened + timedelta(minutes=5), tick=False), db.session() as session:
        result = submit_answer(session, post_id, member, datetime.now(UTC), text=answer)
    assert result.status is AnswerStatus.SCORED and result.answer is not None
    return result.answer.streak


def test_streak_counts_local_days_across_spring_forward(synced: Database) -> None:
    tz = "America/New_York"  # DST starts 2025-03-09
    subscribe(synced, "C1", timezone=tz)
    days = _days(date(2025, 3, 6), 7)
    streaks = [_play_day(synced, "C1", "U1", day, tz, time(9, 0)) for day in days]
    assert streaks == [1, 2, 3, 4, 5, 6, 7]
    posted_hours = {at_local_time(d, time(9, 0), tz).hour for d in days}
    assert posted_hours == {13, 14}  # the UTC hour moved; the local date did not skip


def test_streak_survives_fall_back_with_posts_after_midnight(synced: Database) -> None:
    tz = "Europe/Berlin"  # DST ends 2025-10-26: that day has 25 hours
    subscribe(synced, "C1", timezone=tz)
    days = _days(date(2025, 10, 24), 5)
    streaks = [_play_day(synced, "C1", "U1", day, tz, time(0, 30)) for day in days]
    assert streaks == [1, 2, 3, 4, 5]


def test_local_date_is_the_channels_not_utc(synced: Database) -> None:
    subscribe(synced, "CNZ", timezone="Pacific/Auckland")
    moment = datetime(2025, 1, 1, 20, 0, tzinfo=UTC)
    with time_machine.travel(moment, tick=False), synced.session() as session:
        post = open_post(session, "CNZ", datetime.now(UTC))
    assert post.quiz_date == date(2025, 1, 2)


def test_member_far_away_keeps_the_channels_calendar(synced: Database) -> None:
    # The channel is in Los Angeles; the member answers from Tokyo, already "tomorrow" there.
    tz = "America/Los_Angeles"
    subscribe(synced, "C1", timezone=tz)
    streaks = [
        _play_day(synced, "C1", "U-TOKYO", day, tz, time(17, 0))
        for day in _days(date(2025, 6, 1), 3)
    ]
    assert streaks == [1, 2, 3]


def test_a_missed_quiz_day_resets_the_streak(synced: Database) -> None:
    tz = "UTC"
    subscribe(synced, "C1", timezone=tz)
    first = [_play_day(synced, "C1", "U1", d, tz, time(9, 0)) for d in _days(date(2025, 5, 5), 2)]
    skipped = date(2025, 5, 7)
    moment = at_local_time(skipped, time(9, 0), tz)
    with time_machine.travel(moment, tick=False), synced.session() as session:
        open_post(session, "C1", datetime.now(UTC))
    after = _play_day(synced, "C1", "U1", date(2025, 5, 8), tz, time(9, 0))
    assert first == [1, 2] and after == 1


def test_days_without_a_post_do_not_break_the_streak(synced: Database) -> None:
    tz = "Asia/Kolkata"
    subscribe(synced, "C1", timezone=tz)
    friday, monday = date(2025, 5, 9), date(2025, 5, 12)
    assert _play_day(synced, "C1", "U1", friday, tz, time(9, 0)) == 1
    assert _play_day(synced, "C1", "U1", monday, tz, time(9, 0)) == 2


def test_current_streak_while_todays_post_is_open_and_after_it_closes(synced: Database) -> None:
    tz = "UTC"
    subscribe(synced, "C1", timezone=tz, reveal_delay_minutes=60)
    for day in _days(date(2025, 5, 5), 3):
        _play_day(synced, "C1", "U1", day, tz, time(9, 0))
    opened = at_local_time(date(2025, 5, 8), time(9, 0), tz)
    with synced.session() as session:
        open_post(session, "C1", opened)
        assert current_streak(session, "C1", "U1", opened + timedelta(minutes=10)) == 3
        assert current_streak(session, "C1", "U1", opened + timedelta(minutes=61)) == 0
        assert current_streak(session, "C1", "U-NEW", opened) == 0


def test_streak_bonus_is_capped_and_needs_points() -> None:
    assert points_for(1.0, 1) == 10
    assert points_for(1.0, 3) == 12
    assert points_for(1.0, 100) == 10 + MAX_STREAK_BONUS
    assert points_for(0.5, 2) == 6
    assert points_for(0.0, 9) == 0
