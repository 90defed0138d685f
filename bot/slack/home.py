"""App Home: gathers a member's streaks, standings, mastery and due practice, and publishes it."""

from __future__ import annotations

from dataclasses import dataclass

from slack_sdk import WebClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.slack import messages
from bot.slack.services import Services
from quiz.leaderboard import MasteryRow, Period, Standing, channel_leaderboard, mastery
from quiz.practice import PracticeStats, stats
from quiz.scoring import current_streak
from store.models import Channel

TOP_PER_CHANNEL = 5


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


def home_data(services: Services, member_id: str) -> HomeData:
    now = services.now()
    with services.database.session() as session:
        channels = [_summary(session, channel, member_id, services) for channel in _active(session)]
        return HomeData(
            channels=channels,
            domains=mastery(session, member_id).by_domain,
            practice=stats(session, member_id, now),
        )


def _active(session: Session) -> list[Channel]:
    query = select(Channel).where(Channel.active).order_by(Channel.name)
    return list(session.scalars(query.limit(messages.HOME_CHANNELS_MAX)))


def _summary(
    session: Session, channel: Channel, member_id: str, services: Services
) -> ChannelSummary:
    now = services.now()
    everyone = channel_leaderboard(session, channel.id, Period.ALL, now)
    mine = next((s for s in everyone if s.member_id == member_id), None)
    return ChannelSummary(
        channel_id=channel.id,
        name=channel.name,
        streak=current_streak(session, channel.id, member_id, now),
        standing=mine,
        top=channel_leaderboard(session, channel.id, Period.WEEK, now, limit=TOP_PER_CHANNEL),
    )


def publish_home(client: WebClient, services: Services, member_id: str) -> None:
    client.views_publish(user_id=member_id, view=messages.home_view(home_data(services, member_id)))
