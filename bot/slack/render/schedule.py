"""A channel's quiz schedule in Slack: the admin-only notes, the usage lines, and the schedule
as a sentence (with when the first question comes after subscribing)."""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING

from bot.slack.render.shared import escape

if TYPE_CHECKING:
    from core.usecases.channels import Schedule

NOT_ADMIN = (
    "Sorry, only workspace admins and studybot admins can change the quiz schedule "
    "or settings of a channel."
)
ADMIN_CHECK_BUSY = (
    "Slack is asking me to slow down, so I cannot check your admin rights right now. "
    "Please try again in a minute."
)
SUBSCRIBE_USAGE = (
    "Usage: `/study subscribe HH:MM [time zone] [weekdays|daily]`, "
    "for example `/study subscribe 09:30 Europe/Berlin weekdays`."
)
SETTINGS_USAGE = "Usage: `/study settings` to see them, `/study settings results early|reveal`."
UNSUBSCRIBED = "This channel no longer gets the daily question. Scores and history stay."
SUBSCRIBE_IN_DM = (
    "The daily question is for a channel: run `/study subscribe` in the channel that should get it."
)
NOT_INVITED = (
    "I am not a member of this channel yet, so its questions cannot be posted: invite me with "
    "`/invite @studybot` (then `/study quiz` posts today's)."
)
NOT_SUBSCRIBED = (
    "This channel is not subscribed to the daily question yet. An admin can run "
    "`/study subscribe 09:00`."
)

# Why Slack refuses a paused channel's posts, by its error code.
PAUSE_REASONS = {
    "not_in_channel": "I was removed from the channel",
    "channel_not_found": "the channel was deleted or I can no longer see it",
    "is_archived": "the channel was archived",
    "account_inactive": "the app's access to the workspace was removed",
    "token_revoked": "the app's access to the workspace was removed",
    "team_access_not_granted": "the app's access to the workspace was removed",
}


def pause_reason(code: str) -> str:
    return PAUSE_REASONS.get(code, f"Slack answered `{escape(code)}`")


def paused_notice(channel_id: str, code: str) -> str:
    """The DM to each admin when a channel's subscription is paused."""
    return (
        f"I stopped posting the daily question in <#{escape(channel_id)}>: Slack refuses my "
        f"posts there ({pause_reason(code)}). Nothing more will be tried there. To resume, "
        "fix that (invite me, unarchive the channel) and run `/study subscribe HH:MM` in it."
    )


def paused_text(code: str) -> str:
    """A paused channel's state, for `/study status` and `/study settings`."""
    return (
        f"The daily question is paused here: Slack refused my posts ({pause_reason(code)}). "
        "An admin can resume it with `/study subscribe HH:MM` once that is fixed."
    )


def subscription_text(
    channel: Schedule, *, first: date | None = None, today: date | None = None
) -> str:
    """The channel's schedule; with `first` and `today`, when the first question comes."""
    if not channel.active:
        return paused_text(channel.paused_reason) if channel.paused_reason else NOT_SUBSCRIBED
    results = "at once" if channel.show_results_early else "at the reveal"
    text = (
        f"This channel gets the daily question at *{channel.post_time:%H:%M}* "
        f"({escape(channel.timezone)}) on {channel.weekdays.label()}; the answer is "
        f"revealed {channel.reveal_delay_minutes} minutes later. Members see their result "
        f"{results}."
    )
    if first is None or today is None:
        return text
    if first == today:
        return f"{text} The first question comes today."
    if first == today + timedelta(days=1):
        return (
            f"{text} Today's {channel.post_time:%H:%M} has passed, so the first question "
            f"comes tomorrow, {first:%a %d %b}."
        )
    return f"{text} The first question comes on {first:%a %d %b}."
