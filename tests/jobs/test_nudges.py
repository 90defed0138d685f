"""Practice nudges: only opted-in members with due cards, at their own local nudge time,
once per local day."""

from __future__ import annotations

from datetime import timedelta

from jobs.context import JobContext
from jobs.nudges import send_practice_nudges
from quiz.posts import ensure_member
from quiz.practice import set_practice_nudges
from store.models import PracticeCard
from tests.jobs.helpers import RecordingPublisher, utc

BEFORE = utc(2025, 3, 1, 0, 0)


def member(ctx: JobContext, member_id: str, tz: str, *, due: int, opted_in: bool) -> None:
    with ctx.database.session() as session:
        ensure_member(session, member_id, BEFORE, timezone=tz)
        for n in range(due):
            session.add(
                PracticeCard(
                    member_id=member_id,
                    item_kind="card",
                    item_key=f"k{n}",
                    state={},
                    due=BEFORE,
                    created_at=BEFORE,
                )
            )
        set_practice_nudges(session, member_id, opted_in, BEFORE)


def test_nudges_at_each_members_local_time(ctx: JobContext, publisher: RecordingPublisher) -> None:
    member(ctx, "U_TOKYO", "Asia/Tokyo", due=3, opted_in=True)  # 09:00 JST = 00:00 UTC
    member(ctx, "U_NY", "America/New_York", due=2, opted_in=True)  # 09:00 EST = 14:00 UTC
    member(ctx, "U_OUT", "Asia/Tokyo", due=5, opted_in=False)
    member(ctx, "U_DONE", "Asia/Tokyo", due=0, opted_in=True)
    day = utc(2025, 3, 4, 0, 0)
    assert send_practice_nudges(ctx, day - timedelta(minutes=1)) == 0
    assert send_practice_nudges(ctx, day + timedelta(minutes=2)) == 1
    assert publisher.nudges == [("U_TOKYO", 3)]
    assert send_practice_nudges(ctx, day + timedelta(minutes=7)) == 0  # once a day
    assert send_practice_nudges(ctx, day + timedelta(hours=14, minutes=3)) == 1
    assert publisher.nudges[-1] == ("U_NY", 2)
    assert send_practice_nudges(ctx, day + timedelta(days=1, minutes=1)) == 1  # next day
    assert [m for m, _ in publisher.nudges] == ["U_TOKYO", "U_NY", "U_TOKYO"]


def test_a_zone_this_machine_does_not_know_is_nudged_at_utc_and_stops_nobody(
    ctx: JobContext, publisher: RecordingPublisher
) -> None:
    """Slack can name a zone newer than the server's tz database; the round used to raise on
    it, and every member's nudge failed with it every few minutes."""
    member(ctx, "U_ODD", "America/Atlantis_New", due=1, opted_in=True)
    member(ctx, "U_TOKYO", "Asia/Tokyo", due=3, opted_in=True)
    assert send_practice_nudges(ctx, utc(2025, 3, 4, 0, 2)) == 1  # 09:02 in Tokyo
    assert send_practice_nudges(ctx, utc(2025, 3, 4, 9, 2)) == 1  # 09:02 UTC
    assert publisher.nudges == [("U_TOKYO", 3), ("U_ODD", 1)]


def test_opting_out_stops_nudges(ctx: JobContext, publisher: RecordingPublisher) -> None:
    member(ctx, "U1", "UTC", due=1, opted_in=True)
    with ctx.database.session() as session:
        set_practice_nudges(session, "U1", False, BEFORE)
    assert send_practice_nudges(ctx, utc(2025, 3, 4, 9, 1)) == 0
    assert publisher.nudges == []


def test_no_nudge_hours_after_the_local_time(
    ctx: JobContext, publisher: RecordingPublisher
) -> None:
    member(ctx, "U1", "UTC", due=1, opted_in=True)
    assert send_practice_nudges(ctx, utc(2025, 3, 4, 13, 0)) == 0


def test_a_failed_nudge_is_retried_next_round(
    ctx: JobContext, publisher: RecordingPublisher
) -> None:
    member(ctx, "U1", "UTC", due=1, opted_in=True)
    publisher.failures = 1
    nine = utc(2025, 3, 4, 9, 0)
    assert send_practice_nudges(ctx, nine) == 1  # queued; the first send fails
    assert publisher.nudges == []
    assert send_practice_nudges(ctx, nine + timedelta(minutes=5)) == 0  # queued once only
    assert ctx.sender is not None
    ctx.sender.drain_once(nine + timedelta(minutes=5))
    assert publisher.nudges == [("U1", 1)]
