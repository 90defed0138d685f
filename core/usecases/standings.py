"""Where members stand: leaderboards, a member's stats and their App Home summary."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from core.bootstrap import Core
from quiz.leaderboard import (
    MasteryRow,
    Period,
    Standing,
    TeamStanding,
    channel_leaderboard,
    mastery,
    team_leaderboard,
)
from quiz.practice import PracticeStats, stats
from quiz.scoring import current_streak
from store.models import Channel, Member


@dataclass(frozen=True)
class Board:
    """A channel's standings, or team against team (`teams` set, `standings` empty)."""

    period: Period
    standings: list[Standing]
    teams: list[TeamStanding] | None = None


def parse_period(words: list[str], default: str = "week") -> tuple[Period, bool]:
    """The period and whether team against team, from words like `month teams`."""
    lowered = [w.lower() for w in words]
    teams = "teams" in lowered
    return Period.parse(next((w for w in lowered if w != "teams"), default)), teams


def leaderboard(
    core: Core,
    channel_id: str,
    period: Period,
    now: datetime,
    *,
    teams: bool = False,
    limit: int | None = None,
) -> Board:
    with core.database.session() as session:
        if teams:
            return Board(period, [], team_leaderboard(session, period, now))
        return Board(period, channel_leaderboard(session, channel_id, period, now, limit=limit))


@dataclass(frozen=True)
class MemberStats:
    streak: int
    standing: Standing | None
    practice: PracticeStats
    domains: tuple[MasteryRow, ...]


def member_stats(core: Core, member_id: str, channel_id: str, now: datetime) -> MemberStats:
    """The member's streak and all-time standing in the channel (none in a DM or a channel
    never subscribed), their practice deck and their mastery by domain."""
    with core.database.session() as session:
        subscribed = not channel_id.startswith("D") and session.get(Channel, channel_id) is not None
        board = channel_leaderboard(session, channel_id, Period.ALL, now) if subscribed else []
        return MemberStats(
            streak=current_streak(session, channel_id, member_id, now) if subscribed else 0,
            standing=next((s for s in board if s.member_id == member_id), None),
            practice=practice_stats(session, member_id, now),
            domains=mastery(session, member_id).by_domain,
        )


def practice_stats(session: Session, member_id: str, now: datetime) -> PracticeStats:
    """The member's deck, "new today" counted in their own time zone (as practice does)."""
    member = session.get(Member, member_id)
    return stats(session, member_id, now, member.timezone if member is not None else "UTC")


@dataclass(frozen=True)
class ChannelSummary:
    channel_id: str
    name: str
    streak: int
    standing: Standing | None
    top: list[Standing]


@dataclass(frozen=True)
class HomeData:
    channels: list[ChannelSummary]
    domains: tuple[MasteryRow, ...]
    practice: PracticeStats


def home_data(core: Core, member_id: str, now: datetime, *, channels: int, top: int) -> HomeData:
    """The member's App Home: up to `channels` active channels with their `top` of the week."""
    with core.database.session() as session:
        query = select(Channel).where(Channel.active).order_by(Channel.name).limit(channels)
        summaries = [
            _summary(session, channel, member_id, now, top) for channel in session.scalars(query)
        ]
        return HomeData(
            channels=summaries,
            domains=mastery(session, member_id).by_domain,
            practice=practice_stats(session, member_id, now),
        )


def _summary(
    session: Session, channel: Channel, member_id: str, now: datetime, top: int
) -> ChannelSummary:
    everyone = channel_leaderboard(session, channel.id, Period.ALL, now)
    return ChannelSummary(
        channel_id=channel.id,
        name=channel.name,
        streak=current_streak(session, channel.id, member_id, now),
        standing=next((s for s in everyone if s.member_id == member_id), None),
        top=channel_leaderboard(session, channel.id, Period.WEEK, now, limit=top),
    )
