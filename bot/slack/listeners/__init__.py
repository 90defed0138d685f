"""Listener families, each registered on the app with `register(app, services)`."""

from __future__ import annotations

from slack_bolt import App

from bot.slack.listeners import actions, commands, events, views
from bot.slack.services import Services


def register_listeners(app: App, services: Services) -> None:
    events.register(app, services)
    commands.register(app, services)
    actions.register(app, services)
    views.register(app, services)
