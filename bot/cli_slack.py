"""`studybot serve`: the Slack bot (Socket Mode, or HTTP with --http), added by `register(app)`."""

from __future__ import annotations

from typing import Annotated

import typer

from bot.cli_errors import fail
from common.config import Settings


def register(app: typer.Typer) -> None:
    app.command("serve")(serve_command)


def serve_command(
    http: Annotated[
        bool, typer.Option("--http", help="Serve HTTP (/slack/events, /healthz, /metrics).")
    ] = False,
    port: Annotated[int, typer.Option("--port", min=1, max=65535, help="HTTP port.")] = 3000,
) -> None:
    """Run the Slack bot: Socket Mode when SLACK_APP_TOKEN is set, else HTTP."""
    settings = Settings()
    if not settings.slack_enabled:
        raise fail("set SLACK_BOT_TOKEN (or SLACK_CLIENT_ID and SLACK_CLIENT_SECRET)")
    from bot.slack.app import SlackConfigError
    from bot.slack.runner import run_bot

    try:
        run_bot(settings, http=http, port=port)
    except SlackConfigError as error:
        raise fail(str(error)) from None
