"""App Home: the member's streaks, standings, mastery and due practice
(`core.usecases.standings.home_data`), published."""

from __future__ import annotations

from slack_sdk import WebClient

from bot.slack.render import home
from bot.slack.services import Services
from core.usecases.standings import home_data

TOP_PER_CHANNEL = 5


def publish_home(client: WebClient, services: Services, member_id: str) -> None:
    data = home_data(
        services,
        member_id,
        services.now(),
        channels=home.HOME_CHANNELS_MAX,
        top=TOP_PER_CHANNEL,
    )
    client.views_publish(user_id=member_id, view=home.home_view(data))
