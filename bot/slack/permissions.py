"""Who may change a channel's quiz (workspace admins and owners, and STUDYBOT_ADMINS), who a
member is, and whether the bot may post in a channel."""

from __future__ import annotations

import logging

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.slack.errors import UserError
from bot.slack.render import schedule
from common.config import Settings

logger = logging.getLogger(__name__)
# What Slack answers for a channel the bot was never invited to (a private one it cannot see).
NOT_A_MEMBER = frozenset({"not_in_channel", "channel_not_found"})


def is_quiz_admin(client: WebClient, settings: Settings, user_id: str) -> bool:
    """Checked on the server for every admin command (users.info, never the request body).
    While Slack rate-limits users.info the member is asked to try again (not told they are
    no admin); any other failure counts as not an admin."""
    if user_id in settings.admins:
        return True
    try:
        user = client.users_info(user=user_id)["user"]
    except SlackApiError as error:
        logger.warning("users.info failed for %s: %s", user_id, error.response.get("error"))
        if error.response.status_code == 429:
            raise UserError(schedule.ADMIN_CHECK_BUSY) from None
        return False
    return bool(user.get("is_admin") or user.get("is_owner"))


def user_profile(client: WebClient, user_id: str) -> tuple[str, str | None]:
    """The member's display name and time zone, or their id and None when Slack won't say."""
    try:
        user = client.users_info(user=user_id)["user"]
    except SlackApiError as error:
        logger.warning("users.info failed for %s: %s", user_id, error.response.get("error"))
        return user_id, None
    return str(user.get("real_name") or user.get("name") or user_id), user.get("tz")


def bot_in_channel(client: WebClient, channel_id: str) -> bool:
    """False when Slack says the bot is not in the channel (its posts there would be refused,
    every day, with nobody told); True when it is, or when Slack does not say (an outage)."""
    try:
        client.conversations_history(channel=channel_id, limit=1)
    except SlackApiError as error:
        return error.response.get("error") not in NOT_A_MEMBER
    except OSError:
        return True
    return True
