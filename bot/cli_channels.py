"""`studybot channels`: every channel's daily-question subscription as the scheduler sees it,
with why and since when one is paused (Slack refused its posts for good)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

from bot.cli_errors import translated
from bot.cli_quiz import DatabaseUrl, DataDir
from common.config import load_settings

if TYPE_CHECKING:
    from core.usecases.channels import Schedule

NONE_YET = "No channel is subscribed yet: run `/study subscribe HH:MM` in a Slack channel."
RESUME_HINT = "A paused channel resumes when an admin runs `/study subscribe HH:MM` in it."
out = Console()


def register(app: typer.Typer) -> None:
    app.command("channels")(channels_command)


def channels_command(data_dir: DataDir = None, database_url: DatabaseUrl = None) -> None:
    """List the channels' subscriptions: schedule, and whether each is on, paused or stopped."""
    from bot.cli_quiz import _core
    from core.usecases.channels import all_schedules

    settings = load_settings(data_dir=data_dir, database_url=database_url)
    with translated(), _core(settings) as core:
        shown = all_schedules(core)
    if not shown:
        out.print(NONE_YET, markup=False)
        return
    table = Table("channel", "name", "schedule", "state")
    for channel in shown:
        cells = (channel.channel_id, channel.name, _when(channel), state_of(channel))
        table.add_row(*(Text(cell) for cell in cells))  # names are Slack's: no rich markup
    out.print(table)
    if any(channel.paused_reason for channel in shown):
        out.print(RESUME_HINT, markup=False)


def _when(channel: Schedule) -> str:
    return f"{channel.post_time:%H:%M} {channel.timezone}, {channel.weekdays.label()}"


def state_of(channel: Schedule) -> str:
    if channel.active:
        return "subscribed"
    if channel.paused_reason:
        since = f" since {channel.paused_at:%Y-%m-%d %H:%M} UTC" if channel.paused_at else ""
        return f"PAUSED: Slack refused its posts ({channel.paused_reason}){since}"
    return "unsubscribed"
