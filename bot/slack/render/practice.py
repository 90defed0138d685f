"""Spaced-repetition practice in Slack: a card's front and back, the rating buttons, what was
rated and when it comes back, the "nothing due" note, and the daily nudge."""

from __future__ import annotations

from typing import TYPE_CHECKING

from slack_sdk.models.blocks import ActionsBlock, Block, DividerBlock

from bot.slack import ids
from bot.slack.render.shared import button, context, escape, fallback, section, slack_time

if TYPE_CHECKING:
    from datetime import datetime

    from quiz.practice import PracticeItem, PracticeStats

PRACTICE_SENT = "Your practice cards are in our direct messages."
PRACTICE_DONE = (
    "Nothing more to practise right now: {total} cards, {due} due, {new_today} new today. "
    "Come back tomorrow!"
)
NUDGE = "You have *{due}* practice card{plural} due. A few minutes now keeps them fresh."
NUDGES_USAGE = "Use `/study nudges on` or `/study nudges off`."
RATING_LABELS = (("again", "Again"), ("hard", "Hard"), ("good", "Good"), ("easy", "Easy"))
NEXT_REVIEW = "{date_short} {time}"  # Slack's date tokens


def nudges_set(enabled: bool, timezone: str | None) -> str:
    if not enabled:
        return "Practice reminders are off."
    where = f" ({timezone})" if timezone else ""
    return f"Practice reminders are on: once a day at your local time{where}, when cards are due."


def practice_text(item: PracticeItem) -> str:
    return fallback(f"Practice: {escape(item.front)}")


def practice_front_blocks(item: PracticeItem) -> list[Block]:
    return [
        context("New card" if item.is_new else "Review"),
        section(escape(item.front)),
        ActionsBlock(
            elements=[button("Show answer", ids.PRACTICE_SHOW, str(item.card_id), "primary")]
        ),
    ]


def practice_back_blocks(item: PracticeItem) -> list[Block]:
    buttons = [
        button(label, ids.practice_rate(key), str(item.card_id)) for key, label in RATING_LABELS
    ]
    return [
        context("New card" if item.is_new else "Review"),
        section(escape(item.front)),
        DividerBlock(),
        section(escape(item.back)),
        context("How well did you know it?"),
        ActionsBlock(elements=buttons),
    ]


def practice_rated_blocks(item: PracticeItem, rating: str, due: datetime) -> list[Block]:
    return [
        section(escape(item.front)),
        section(escape(item.back)),
        context(f"Rated *{rating.title()}* · next review {slack_time(due, NEXT_REVIEW)}"),
    ]


def practice_done(stats: PracticeStats) -> str:
    return PRACTICE_DONE.format(total=stats.total, due=stats.due, new_today=stats.new_today)


def start_practice_actions() -> ActionsBlock:
    return ActionsBlock(elements=[button("Start practice", ids.PRACTICE_START, "start", "primary")])


def nudge_blocks(due: int) -> list[Block]:
    return [
        section(NUDGE.format(due=due, plural="" if due == 1 else "s")),
        start_practice_actions(),
    ]


def nudge_text(due: int) -> str:
    return NUDGE.format(due=due, plural="" if due == 1 else "s").replace("*", "")
