"""A channel's weekly board: top members, most improved, team against team, for the channel's
local Monday-to-Sunday week containing `now` ("most improved" compares each member's points
with the week before), and queueing it once per channel and week (outbox keys
`weekly:<channel>:<monday>:<n>`, board then chart)."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from core.bootstrap import Core
from core.publishing import Improvement, WeeklyBoard, queue_all
from quiz.clock import local_date, week_start
from quiz.leaderboard import Period, channel_leaderboard, team_leaderboard
from quiz.posts import get_channel
from store import outbox
from store.models import Member, QuizAnswer, QuizPost

TOP_MEMBERS = 5
MOST_IMPROVED = 3


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


def _board(session: Session, channel_id: str, now: datetime) -> tuple[WeeklyBoard, dict[str, int]]:
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


def weekly_board(core: Core, channel_id: str, now: datetime) -> tuple[WeeklyBoard, dict[str, int]]:
    """The board for the channel's current local week, and last week's points per member."""
    with core.database.session() as session:
        return _board(session, channel_id, now)


def board_queued(core: Core, board: WeeklyBoard) -> bool:
    """Whether this channel's board for this week is already in the outbox."""
    with core.database.session() as session:
        key = claim_key(board.channel_id, board.week_start)
        return outbox.by_key(session, f"{key}:0") is not None


def queue_board(
    core: Core, board: WeeklyBoard, chart: bytes | None, now: datetime, *, deadline: timedelta
) -> list[int]:
    """The board (and its chart) rendered by the core's publisher and queued once."""
    assert core.publisher is not None, "publishing needs a core with a publisher"
    with core.database.session() as session:
        out = core.publisher.weekly_leaderboard(board, chart)
        key = claim_key(board.channel_id, board.week_start)
        return queue_all(session, key, out, now, deadline=deadline)
