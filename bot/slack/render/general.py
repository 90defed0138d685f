"""Words that belong to no one feature: the help text, and what a member reads when something
fails on studybot's side or Slack's."""

from __future__ import annotations

ERROR_GENERIC = "Sorry, something went wrong on my side. Please try again in a minute."
BUSY = "I have too many questions queued right now. Please ask again in a minute."
BUSY_TRY_AGAIN = "I am busy right now and could not take that. Please try again in a minute."
UNDELIVERED = (
    "Sorry, Slack did not take my reply to you in time, so it was not delivered. Please ask again."
)
HELP = """*studybot* answers from your team's notes and runs a daily quiz.
• Mention me in a channel or send me a direct message to ask a question.
• `/study ask <question>`: a private answer you can share in the channel
• `/study quiz`: today's question for this channel
• `/study status`: this channel's quiz schedule, or why it is paused
• `/study leaderboard [week|month|all] [teams]`: standings
• `/study stats`: your streak, points and mastery
• `/study practice`: spaced-repetition practice in a direct message
• `/study nudges on|off`: a daily reminder of your due cards, at your local time
• `/study subscribe HH:MM [tz] [weekdays|daily]`, `/study unsubscribe`, `/study settings`: \
for admins"""
