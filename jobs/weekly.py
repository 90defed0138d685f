"""The weekly leaderboard per channel: top members, most improved, team against team, chart.

The week is the channel's local Monday-to-Sunday week containing `now`; "most improved"
compares each member's points with the week before. One board per channel and week: the
outbox keys `weekly:<channel>:<monday>:<n>` (board, then chart) make it so.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

import structlog
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from core.publishing import Improvement, WeeklyBoard, queue_all
from jobs.chart import weekly_chart_png
from jobs.context import JobContext, current
from jobs.observe import observed
from quiz.clock import local_date, require_aware, week_start
from quiz.leaderboard import Period, channel_leaderboard, team_leaderboard
from quiz.posts import get_channel
from store import outbox
from store.models import Member, QuizAnswer, QuizPost

log = structlog.get_logger(__name__)
TOP_MEMBERS = 5
MOST_IMPROVED = 3
BOARD_DEADLINE = timedelta(hours=12)


def claim_key(channel_id: str, start: date) -> str:
    return f"weekly:{channel_id}:{start.isoformat()}"


def points_by_member(
    session: Session, channel_id: str, start: date, end: date
) -> dict[str, tuple[str, int]]:
    """Each member's (name, points) over quiz dates in [start, end)."""
    rows = session.execute(
        select(QuizAnswer.member_id, Member.name, func.sum(QuizAnswer.points))
        .join(QuizPost, QuizAnswer.post_id == QuizPost.id)
        .join(Member, Member.id == QuizAnswer.member_id)
        .where(
            QuizPost.channel_id == channel_id,
            QuizPost.quiz_date >= start,
            QuizPost.quiz_date < end,
        )
        .group_by(QuizAnswer.member_id, Member.name)
    )
    return {member: (name, int(points or 0)) for member, name, points in rows}


def most_improved(
    this_week: dict[str, tuple[str, int]], last_week: dict[str, tuple[str, int]]
) -> list[Improvement]:
    gains = [
        Improvement(member, name, points, last_week.get(member, ("", 0))[1])
        for member, (name, points) in this_week.items()
        if points > last_week.get(member, ("", 0))[1]
    ]
    gains.sort(key=lambda g: (-(g.points_this_week - g.points_last_week), g.name, g.member_id))
    return gains[:MOST_IMPROVED]


def weekly_board(
    session: Session, channel_id: str, now: datetime
) -> tuple[WeeklyBoard, dict[str, int]]:
    """The board for the channel's current local week, and last week's points per member."""
    channel = get_channel(session, channel_id)
    start = week_start(local_date(now, channel.timezone))
    end = start + timedelta(days=7)
    this_week = points_by_member(session, channel_id, start, end)
    last_week = points_by_member(session, channel_id, start - timedelta(days=7), start)
    teams = team_leaderboard(session, Period.WEEK, now, channel.timezone)
    board = WeeklyBoard(
        channel_id=channel_id,
        week_start=start,
        week_end=end - timedelta(days=1),
        top=channel_leaderboard(session, channel_id, Period.WEEK, now, limit=TOP_MEMBERS),
        most_improved=most_improved(this_week, last_week),
        teams=teams if len(teams) > 1 else [],
    )
    return board, {member: points for member, (_, points) in last_week.items()}


def post_weekly_board(ctx: JobContext, channel_id: str, now: datetime) -> bool:
    """Queue the channel's board for this week once; False when nobody played or it is out."""
    now = require_aware(now)
    with ctx.database.session() as session:
        board, last_week = weekly_board(session, channel_id, now)
        key = claim_key(channel_id, board.week_start)
        if not board.top:
            log.info("weekly board skipped: no answers this week", channel=channel_id)
            return False
        if outbox.by_key(session, f"{key}:0") is not None:
            return False
    chart = weekly_chart_png(board, last_week)  # drawn outside the transaction: it is slow
    with ctx.database.session() as session:
        out = ctx.publisher.weekly_leaderboard(board, chart)
        row_ids = queue_all(session, key, out, now, deadline=BOARD_DEADLINE)
    ctx.deliver(row_ids, now)
    return True


@observed("leaderboard-weekly")
def run_weekly_board(channel_id: str) -> None:
    """Job `leaderboard-weekly:<channel>`."""
    ctx = current()
    post_weekly_board(ctx, channel_id, ctx.clock())
