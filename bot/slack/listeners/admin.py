"""The admin subcommands of /study: subscribe, unsubscribe and settings (checked server-side)."""

from __future__ import annotations

import functools
import re
import zoneinfo
from collections.abc import Callable
from datetime import time
from typing import Any

from slack_bolt import Respond
from slack_sdk import WebClient

from bot.slack.errors import UserError
from bot.slack.permissions import bot_in_channel, is_quiz_admin, user_profile
from bot.slack.render import schedule
from bot.slack.services import Services
from common.weekdays import Weekdays
from core.usecases import channels

CLOCK = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)$")
SCHEDULES = {"weekdays": Weekdays.WEEKDAYS, "daily": Weekdays.EVERY_DAY}
AdminHandler = Callable[[Services, WebClient, Respond, dict[str, Any], list[str]], None]


def admins_only(handler: AdminHandler) -> AdminHandler:
    @functools.wraps(handler)
    def checked(
        services: Services,
        client: WebClient,
        respond: Respond,
        command: dict[str, Any],
        args: list[str],
    ) -> None:
        if not is_quiz_admin(client, services.settings, command["user_id"]):
            respond(text=schedule.NOT_ADMIN, response_type="ephemeral")
            return
        handler(services, client, respond, command, args)

    return checked


def parse_schedule(args: list[str]) -> tuple[time, str | None, Weekdays]:
    """`HH:MM [tz] [weekdays|daily]` as (time, time zone or None, weekday mask)."""
    if not args or not (match := CLOCK.match(args[0])):
        raise UserError(schedule.SUBSCRIBE_USAGE)
    at = time(int(match.group(1)), int(match.group(2)))
    timezone, weekdays = None, Weekdays.WEEKDAYS
    for word in args[1:]:
        if word.lower() in SCHEDULES:
            weekdays = SCHEDULES[word.lower()]
        elif timezone is None:
            timezone = canonical_zone(word)
        else:
            raise UserError(schedule.SUBSCRIBE_USAGE)
    return at, timezone, weekdays


def canonical_zone(name: str) -> str:
    """The IANA name as the tz database spells it ("utc" is UTC, "europe/berlin"
    Europe/Berlin); a name it does not know is left for the use case to refuse."""
    if name in _zone_names():
        return name
    return {zone.lower(): zone for zone in _zone_names()}.get(name.lower(), name)


@functools.cache
def _zone_names() -> frozenset[str]:
    return frozenset(zoneinfo.available_timezones())


@admins_only
def subscribe(
    services: Services,
    client: WebClient,
    respond: Respond,
    command: dict[str, Any],
    args: list[str],
) -> None:
    if command["channel_id"].startswith("D"):  # a DM is no channel to post a quiz in
        raise UserError(schedule.SUBSCRIBE_IN_DM)
    at, timezone, weekdays = parse_schedule(args)
    if timezone is None:
        timezone = user_profile(client, command["user_id"])[1] or "UTC"
    subscribed = channels.subscribe(
        services,
        command["channel_id"],
        name=command.get("channel_name", ""),
        timezone=timezone,
        post_time=at,
        weekdays=weekdays,
        # The scheduler's posts here go out with this workspace's token (OAuth installs).
        team_id=command.get("team_id", ""),
        now=services.now(),
    )
    text = schedule.subscription_text(
        subscribed.schedule, first=subscribed.first, today=subscribed.today
    )
    if not bot_in_channel(client, command["channel_id"]):
        text = f"{text}\n{schedule.NOT_INVITED}"
    respond(text=text, response_type="in_channel")


@admins_only
def unsubscribe(
    services: Services,
    client: WebClient,
    respond: Respond,
    command: dict[str, Any],
    args: list[str],
) -> None:
    channels.unsubscribe(services, command["channel_id"], services.now())
    respond(text=schedule.UNSUBSCRIBED, response_type="in_channel")


@admins_only
def settings(
    services: Services,
    client: WebClient,
    respond: Respond,
    command: dict[str, Any],
    args: list[str],
) -> None:
    words = [a.lower() for a in args]
    if not words:
        shown = channels.schedule(services, command["channel_id"])
    elif len(words) == 2 and words[0] == "results" and words[1] in {"early", "reveal"}:
        shown = channels.show_results(services, command["channel_id"], early=words[1] == "early")
    else:
        raise UserError(schedule.SETTINGS_USAGE)
    respond(text=schedule.subscription_text(shown), response_type="ephemeral")
