"""The App Home tab: streak, points and rank per channel, mastery bars, due practice and each
channel's weekly board."""

from __future__ import annotations

from typing import TYPE_CHECKING

from slack_sdk.models.blocks import Block, DividerBlock
from slack_sdk.models.views import View

from bot.slack.render.boards import mastery_bar, standings_lines
from bot.slack.render.practice import start_practice_actions
from bot.slack.render.shared import escape, header, section, sections

if TYPE_CHECKING:
    from core.usecases.standings import HomeData

HOME_CHANNELS_MAX = 8


def home_view(data: HomeData) -> View:
    """Streak, points and rank per channel, mastery bars, due practice, channel leaderboards."""
    blocks: list[Block] = [header("Your studybot")]
    if not data.channels:
        blocks.append(section("Answer a daily question in a channel to get on the board."))
    for summary in data.channels[:HOME_CHANNELS_MAX]:
        place = (
            f"rank *{summary.standing.rank}*, *{summary.standing.points}* points"
            if summary.standing is not None
            else "no points yet"
        )
        blocks.append(
            section(f"*#{escape(summary.name)}*: streak *{summary.streak}*, {place} (all time)")
        )
    blocks.append(DividerBlock())
    blocks.append(section("*Mastery by domain*"))
    bars = [mastery_bar(row) for row in data.domains] or ["No answers yet."]
    blocks.extend(sections(bars))
    blocks.append(DividerBlock())
    blocks.append(
        section(
            f"*Practice:* {data.practice.due} cards due, {data.practice.new_today} new today, "
            f"{data.practice.total} in all."
        )
    )
    blocks.append(start_practice_actions())
    for summary in data.channels[:HOME_CHANNELS_MAX]:
        blocks.append(DividerBlock())
        blocks.append(section(f"*#{escape(summary.name)} · this week*"))
        blocks.extend(sections(standings_lines(summary.top) or ["Nobody answered this week."]))
    return View(type="home", blocks=blocks)
