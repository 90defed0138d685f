"""Leaderboards and mastery: channel standings per week, month and all time, team against
team by mean points per active member, and each member's accuracy per topic and domain.

Weeks (Monday first) and months follow the channel's local calendar of the quiz date. Ties
keep a stable order: points, then name, then member id; tied entries share a rank.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum
from typing import Any

from sqlalchemy import Integer, Select, String, case, cast, func, literal, select
from sqlalchemy.orm import Session

from quiz.clock import local_date, month_start, week_start
from quiz.errors import InvalidPeriod
from quiz.posts import get_channel
from store.models import Channel, Member, Question, QuizAnswer, QuizPost, ScoreTotal, Team


class Period(StrEnum):
    WEEK = "week"
    MONTH = "month"
    ALL = "all"

    @classmethod
    def parse(cls, value: str) -> Period:
        try:
            return cls(value.strip().lower())
        except ValueError:
            raise InvalidPeriod(value) from None


@dataclass(frozen=True)
class Standing:
    rank: int
    member_id: str
    name: str
    points: int
    answers: int
    correct: int


@dataclass(frozen=True)
class TeamStanding:
    rank: int
    team: str
    name: str
    active_members: int
    points: int
    mean_points: float


@dataclass(frozen=True)
class MasteryRow:
    key: str
    answers: int
    accuracy: float


@dataclass(frozen=True)
class Mastery:
    member_id: str
    by_topic: tuple[MasteryRow, ...]
    by_domain: tuple[MasteryRow, ...]


def channel_leaderboard(
    session: Session, channel_id: str, period: Period, now: datetime, limit: int | None = None
) -> list[Standing]:
    today = local_date(now, get_channel(session, channel_id).timezone)
    totals = _member_totals(period, today).where(_channel_column(period) == channel_id)
    per_member = totals.subquery()
    query = (
        select(
            per_member.c.member_id,
            Member.name,
            per_member.c.points,
            per_member.c.answers,
            per_member.c.correct,
        )
        .join(Member, Member.id == per_member.c.member_id)
        .order_by(per_member.c.points.desc(), Member.name, Member.id)
        .limit(limit)
    )
    rows = session.execute(query).all()
    return [
        Standing(rank, row.member_id, row.name, int(row.points), int(row.answers), int(row.correct))
        for rank, row in zip(_ranks([r.points for r in rows]), rows, strict=True)
    ]


def team_leaderboard(
    session: Session, period: Period, now: datetime, timezone: str = "UTC"
) -> list[TeamStanding]:
    """Teams ranked by mean points per member who answered in the period."""
    today = local_date(now, timezone)
    channel_col = _channel_column(period)
    team_key = func.coalesce(
        literal("team:") + cast(Channel.team_id, String(20)),
        literal("channel:") + Channel.id,
    ).label("team")
    team_name = func.coalesce(Team.name, Channel.name).label("team_name")
    base = _member_totals(period, today, extra=(team_key, team_name))
    base = base.join(Channel, Channel.id == channel_col).outerjoin(Team, Team.id == Channel.team_id)
    per_member = base.group_by(team_key, team_name).subquery()
    mean = (func.sum(per_member.c.points) * 1.0 / func.count()).label("mean")
    query = (
        select(
            per_member.c.team,
            func.min(per_member.c.team_name).label("name"),
            func.count().label("members"),
            func.sum(per_member.c.points).label("points"),
            mean,
        )
        .group_by(per_member.c.team)
        .order_by(mean.desc(), per_member.c.team)
    )
    rows = session.execute(query).all()
    means = [round(float(r.mean), 6) for r in rows]
    return [
        TeamStanding(rank, r.team, r.name, int(r.members), int(r.points), m)
        for rank, r, m in zip(_ranks(means), rows, means, strict=True)
    ]


def mastery(session: Session, member_id: str) -> Mastery:
    """Mean score per topic and per domain over every answer the member gave."""

    def rows_by(column: Any) -> tuple[MasteryRow, ...]:
        query = (
            select(column, func.count(), func.avg(QuizAnswer.score))
            .select_from(QuizAnswer)
            .join(QuizPost, QuizAnswer.post_id == QuizPost.id)
            .join(Question, QuizPost.question_id == Question.id)
            .where(QuizAnswer.member_id == member_id)
            .group_by(column)
            .order_by(func.avg(QuizAnswer.score), column)
        )
        return tuple(
            MasteryRow(k, int(n), round(float(a), 4)) for k, n, a in session.execute(query)
        )

    return Mastery(member_id, rows_by(Question.topic), rows_by(Question.domain))


def _channel_column(period: Period) -> Any:
    return QuizPost.channel_id if period is Period.WEEK else ScoreTotal.channel_id


def _member_totals(period: Period, today: date, extra: Sequence[Any] = ()) -> Select[Any]:
    """Per-member sums: weeks from answers, months and all time from the monthly rollup."""
    if period is Period.WEEK:
        start = week_start(today)
        return (
            select(
                QuizAnswer.member_id,
                *extra,
                func.sum(QuizAnswer.points).label("points"),
                func.count().label("answers"),
                func.sum(_as_int(QuizAnswer.correct)).label("correct"),
            )
            .join(QuizPost, QuizAnswer.post_id == QuizPost.id)
            .where(QuizPost.quiz_date >= start, QuizPost.quiz_date < start + timedelta(days=7))
            .group_by(QuizAnswer.member_id)
        )
    query = select(
        ScoreTotal.member_id,
        *extra,
        func.sum(ScoreTotal.points).label("points"),
        func.sum(ScoreTotal.answers).label("answers"),
        func.sum(ScoreTotal.correct).label("correct"),
    ).group_by(ScoreTotal.member_id)
    if period is Period.MONTH:
        query = query.where(ScoreTotal.month == month_start(today))
    return query


def _as_int(column: Any) -> Any:
    return case((column, literal(1, Integer)), else_=literal(0, Integer))


def _ranks(values: Sequence[Any]) -> list[int]:
    """Competition ranks for values already sorted best first: 1, 1, 3."""
    ranks: list[int] = []
    for index, value in enumerate(values):
        ranks.append(ranks[-1] if index and value == values[index - 1] else index + 1)
    return ranks
