"""Standings in Slack: the channel and team leaderboards, the weekly board, a member's stats
and the mastery bars (the App Home shows the same lines)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from slack_sdk.models.blocks import Block

from bot.slack.render.shared import escape, header, sections

if TYPE_CHECKING:
    from core.publishing import WeeklyBoard
    from quiz.leaderboard import MasteryRow, Standing, TeamStanding
    from quiz.practice import PracticeStats

BAR_WIDTH = 10
PERIOD_TITLES = {"week": "this week", "month": "this month", "all": "all time"}


def standings_lines(standings: Sequence[Standing]) -> list[str]:
    return [
        f"{s.rank}. {escape(s.name)}: *{s.points}* points ({s.correct}/{s.answers} right)"
        for s in standings
    ]


def team_lines(teams: Sequence[TeamStanding]) -> list[str]:
    return [
        f"{t.rank}. {escape(t.name)}: *{t.mean_points:.1f}* points per member "
        f"({t.active_members} members, {t.points} points)"
        for t in teams
    ]


def leaderboard_blocks(
    period: str, standings: Sequence[Standing] = (), teams: Sequence[TeamStanding] | None = None
) -> list[Block]:
    title = PERIOD_TITLES.get(period, period)
    if teams is not None:
        lines = team_lines(teams) or ["No team has answered yet."]
        return [header(f"Teams · {title}"), *sections(lines)]
    lines = standings_lines(standings) or ["Nobody has answered yet."]
    return [header(f"Leaderboard · {title}"), *sections(lines)]


def weekly_text(board: WeeklyBoard) -> str:
    return f"Weekly leaderboard, {board.week_start:%d %b} to {board.week_end:%d %b}"


def weekly_blocks(board: WeeklyBoard) -> list[Block]:
    blocks: list[Block] = [header(weekly_text(board))]
    blocks.extend(sections(standings_lines(board.top) or ["Nobody answered this week."]))
    if board.most_improved:
        lines = [
            f"📈 {escape(i.name)}: {i.points_last_week} → *{i.points_this_week}* points"
            for i in board.most_improved
        ]
        blocks.extend(sections(["*Most improved*", *lines]))
    if board.teams:
        blocks.extend(sections(["*Teams*", *team_lines(board.teams)]))
    return blocks


def mastery_bar(row: MasteryRow) -> str:
    filled = round(row.accuracy * BAR_WIDTH)
    bar = "█" * filled + "░" * (BAR_WIDTH - filled)
    return f"`{bar}` {round(row.accuracy * 100)} % {escape(row.key)} ({row.answers} answers)"


def stats_blocks(
    *,
    streak: int,
    standing: Standing | None,
    practice: PracticeStats,
    domains: Sequence[MasteryRow],
) -> list[Block]:
    place = (
        f"rank *{standing.rank}* with *{standing.points}* points"
        if standing is not None
        else "no points yet"
    )
    lines = [
        f"*Your stats in this channel:* streak *{streak}*, {place}.",
        f"*Practice:* {practice.due} due, {practice.new_today} new today, "
        f"{practice.total} cards in all.",
    ]
    if domains:
        lines.append("*Mastery by domain*")
        lines.extend(mastery_bar(row) for row in domains)
    return sections(lines)
