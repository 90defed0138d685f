"""A channel whose broadcasts Slack refuses for good: its subscription is paused, with the
reason, and the workspace's admins (STUDYBOT_ADMINS) are told once, in the transaction that
gives up on the refused message. Subscribing the channel again resumes it."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import TYPE_CHECKING

import structlog
from sqlalchemy.orm import Session

from bot.slack.render import schedule
from core.usecases.pausing import pause_refused_channel, stop_refused_nudges

if TYPE_CHECKING:
    from bot.slack.delivery import Pending

log = structlog.get_logger(__name__)

# Slack errors that no retry (today, tomorrow) will cure for the channel: the bot removed,
# the channel archived or deleted, the app's token or workspace gone.
CHANNEL_GONE = frozenset(
    {
        "not_in_channel",
        "channel_not_found",
        "is_archived",
        "account_inactive",
        "token_revoked",
        "team_access_not_granted",
    }
)
BROADCAST_METHODS = ("chat.postMessage", "files.uploadV2")
# Slack errors that mean this member can never get a DM again: deactivated, gone, a bot. (A
# token refused for the whole workspace is not the member's doing: their opt-in stays.)
MEMBER_GONE = frozenset({"user_not_found", "user_disabled", "cannot_dm_bot"})
NUDGE_KEY = "nudge:"  # nudge:<member>:<local date> (jobs.nudges)


def pause_if_gone(
    session: Session,
    message: Pending,
    code: str,
    *,
    broadcast: bool,
    admins: Sequence[str],
    now: datetime,
) -> bool:
    """Pause the channel of a refused `broadcast` (the daily question, a reveal, a board) when
    `code` says it can never go out there, and queue a DM to each admin; True when paused.
    A practice nudge refused for good turns the member's nudges off instead."""
    if message.key.startswith(NUDGE_KEY):
        return code in MEMBER_GONE and _stop_nudges(session, message, code, now)
    if code not in CHANNEL_GONE or not broadcast or message.method not in BROADCAST_METHODS:
        return False
    paused = pause_refused_channel(
        session,
        message.channel,
        code,
        queued_at=message.created_at,
        now=now,
        admins=admins,
        notice=schedule.paused_notice(message.channel, code),
        key=message.key,
        team_id=message.team_id,
    )
    if not paused:
        return False
    log.warning(
        "channel subscription paused: slack refuses its posts",
        channel=message.channel,
        reason=code,
        admins_told=len(admins),
    )
    return True


def _stop_nudges(session: Session, message: Pending, code: str, now: datetime) -> bool:
    member_id = message.key.split(":")[1]
    if not stop_refused_nudges(session, member_id, now):
        return False
    log.warning("practice nudges turned off: slack refuses DMs", member=member_id, reason=code)
    return True
