"""The weekly board: top members, most improved against last week, team against team, and a
PNG chart; posted once per channel and week, skipped when nobody played."""

from __future__ import annotations

from datetime import timedelta

from jobs.context import JobContext
from jobs.daily import post_daily_question
from jobs.weekly import post_weekly_board
from quiz.answering import submit_answer
from store.models import Member
from tests.jobs.helpers import RecordingPublisher, subscribe, utc

# Monday 2025-03-03 and the week before.
LAST_MONDAY = utc(2025, 2, 24, 9, 0)
MONDAY = utc(2025, 3, 3, 9, 0)
FRIDAY_FOUR = utc(2025, 3, 7, 16, 0)


def play(
    ctx: JobContext,
    publisher: RecordingPublisher,
    channel: str,
    day,
    answers: dict[str, bool],  # type: ignore[no-untyped-def]
) -> None:
    post_daily_question(ctx, channel, day)
    question = publisher.questions[-1]
    with ctx.database.session() as session:
        for member, right in answers.items():
            letter = question.answer if right else ("A" if question.answer != "A" else "B")
            submit_answer(session, question.post_id, member, day, button_value=letter)


def test_weekly_board_content_and_chart(ctx: JobContext, publisher: RecordingPublisher) -> None:
    subscribe(ctx.database, "C1", team="Blue")
    subscribe(ctx.database, "C2", team="Red")
    for day in range(2):
        play(
            ctx, publisher, "C1", LAST_MONDAY + timedelta(days=day), {"U_ANN": True, "U_BOB": False}
        )
    for day in range(3):
        play(
            ctx,
            publisher,
            "C1",
            MONDAY + timedelta(days=day),
            {"U_ANN": day == 0, "U_BOB": True, "U_CY": True},
        )
        play(ctx, publisher, "C2", MONDAY + timedelta(days=day), {"U_DEE": day < 1})
    assert post_weekly_board(ctx, "C1", FRIDAY_FOUR)
    [(board, chart)] = publisher.boards
    assert board.week_start.isoformat() == "2025-03-03"
    assert board.week_end.isoformat() == "2025-03-09"
    assert [s.member_id for s in board.top] == ["U_BOB", "U_CY", "U_ANN"]
    # Bob answered (wrongly) both days last week, so his streak bonus runs on: 12 + 13 + 14.
    assert board.top[0].points == 12 + 13 + 14
    improved = [(i.member_id, i.points_last_week) for i in board.most_improved]
    assert improved == [("U_BOB", 0), ("U_CY", 0)]
    assert [t.name for t in board.teams] == ["Blue", "Red"]
    assert chart is not None and chart.startswith(b"\x89PNG\r\n\x1a\n") and len(chart) > 2_000
    # A retry or a second scheduler the same week posts nothing more.
    assert not post_weekly_board(ctx, "C1", FRIDAY_FOUR + timedelta(minutes=1))
    assert len(publisher.boards) == 1


def test_no_board_for_a_quiet_week(ctx: JobContext, publisher: RecordingPublisher) -> None:
    subscribe(ctx.database, "C1")
    assert not post_weekly_board(ctx, "C1", FRIDAY_FOUR)
    assert publisher.boards == []


def test_a_name_with_dollar_signs_is_drawn_as_written(
    ctx: JobContext, publisher: RecordingPublisher
) -> None:
    """Matplotlib reads text between two "$" as maths: a display name such as "$\\frac{$"
    failed to parse and took the channel's whole weekly board down with the chart."""
    subscribe(ctx.database, "C1")
    play(ctx, publisher, "C1", MONDAY, {"U_ANN": True, "U_BOB": True})
    with ctx.database.session() as session:
        session.get(Member, "U_ANN").name = "$\\frac{$ Ann"
        session.get(Member, "U_BOB").name = "Bob $5 or $6"
    assert post_weekly_board(ctx, "C1", FRIDAY_FOUR)
    [(board, chart)] = publisher.boards
    assert {s.name for s in board.top} == {"$\\frac{$ Ann", "Bob $5 or $6"}
    assert chart is not None and chart.startswith(b"\x89PNG")
