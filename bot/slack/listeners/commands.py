"""The /study command: acked at once, then one subcommand runs and answers via response_url."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from slack_bolt import App, BoltContext, Respond
from slack_sdk import WebClient

from bot.slack.asking import ask
from bot.slack.delivery import Outcome, sender_of
from bot.slack.dispatch import acked, answer_later, outbox_respond
from bot.slack.errors import reported
from bot.slack.listeners import admin
from bot.slack.permissions import bot_in_channel, user_profile
from bot.slack.practicing import send_next_card
from bot.slack.render import answers, boards, general, practice, quiz, schedule
from bot.slack.services import Services
from core.usecases import channels, practising
from core.usecases.quiz_day import PostOutcome, posted_ts, publish_today
from core.usecases.standings import leaderboard, member_stats, parse_period
from quiz.errors import UnknownChannel

Handler = Callable[[Services, WebClient, Respond, dict[str, Any], list[str]], None]

Body = dict[str, Any]


def register(app: App, services: Services) -> None:
    @acked(app.command("/study"))
    def on_study(
        body: Body,
        command: dict[str, Any],
        respond: Respond,
        client: WebClient,
        context: BoltContext,
    ) -> None:
        respond = outbox_respond(services, body, respond)
        with reported(body, context, services):
            name, *args = (command.get("text") or "").split() or ["help"]
            handler = SUBCOMMANDS.get(name.lower(), show_help)
            if handler is ask_privately:
                work = lambda: handler(services, client, respond, command, args)  # noqa: E731
                answer_later(services, body, context, work)
            else:
                handler(services, client, respond, command, args)


def show_help(
    services: Services,
    client: WebClient,
    respond: Respond,
    command: dict[str, Any],
    args: list[str],
) -> None:
    respond(text=general.HELP, response_type="ephemeral")


def ask_privately(
    services: Services,
    client: WebClient,
    respond: Respond,
    command: dict[str, Any],
    args: list[str],
) -> None:
    text = (command.get("text") or "").strip()[len("ask") :]
    asked = ask(
        services,
        text,
        member_id=command["user_id"],
        channel_id=command.get("channel_id"),
        surface="command",
    )
    if asked is None:
        respond(text=answers.EMPTY_QUESTION, response_type="ephemeral")
        return
    respond(
        text=answers.answer_text(asked.answer),
        blocks=answers.answer_blocks(
            asked.answer, asked.ask_id, trimmed=asked.trimmed, shareable=True
        ),
        response_type="ephemeral",
    )


def show_quiz(
    services: Services,
    client: WebClient,
    respond: Respond,
    command: dict[str, Any],
    args: list[str],
) -> None:
    """Today's question for the channel, by the same path as the schedule's post (one outbox
    row per post): posted now unless it is already out; members racing post it once."""
    channel_id = command["channel_id"]
    if channel_id.startswith("D"):
        respond(text=quiz.QUIZ_IN_DM, response_type="ephemeral")
        return
    if not bot_in_channel(client, channel_id):  # no post is opened that could never go out
        respond(text=schedule.NOT_INVITED, response_type="ephemeral")
        return
    sender = sender_of(services)
    today = publish_today(services, channel_id, services.now(), queued_at=sender.clock())
    if today is None:  # not subscribed, or paused: say which
        shown = channels.schedule(services, channel_id)
        respond(text=schedule.subscription_text(shown), response_type="ephemeral")
        return
    if today.outcome is PostOutcome.TOO_LATE:
        respond(text=quiz.QUIZ_GAVE_UP, response_type="ephemeral")
        return
    posted = today.posted_ts
    if today.queued is not None:
        if sender.deliver(today.queued) in (Outcome.SENT, Outcome.FOUND):
            respond(text=quiz.QUIZ_POSTED, response_type="ephemeral")
            return
        posted = posted_ts(services, today.question.post_id)
        if posted is None:
            respond(text=quiz.QUIZ_QUEUED, response_type="ephemeral")
            return
    link = client.chat_getPermalink(channel=channel_id, message_ts=posted)
    text = quiz.QUIZ_ALREADY_POSTED.format(link=link["permalink"])
    respond(text=text, response_type="ephemeral")


def show_status(
    services: Services,
    client: WebClient,
    respond: Respond,
    command: dict[str, Any],
    args: list[str],
) -> None:
    """The channel's subscription as anyone may see it: its schedule, or why it is paused."""
    channel_id = command["channel_id"]
    try:
        shown = channels.schedule(services, channel_id)
    except UnknownChannel:
        respond(text=schedule.NOT_SUBSCRIBED, response_type="ephemeral")
        return
    respond(text=schedule.subscription_text(shown), response_type="ephemeral")


def show_leaderboard(
    services: Services,
    client: WebClient,
    respond: Respond,
    command: dict[str, Any],
    args: list[str],
) -> None:
    period, teams = parse_period(args)
    board = leaderboard(
        services, command["channel_id"], period, services.now(), teams=teams, limit=20
    )
    if board.teams is not None:
        blocks = boards.leaderboard_blocks(period, teams=board.teams)
    else:
        blocks = boards.leaderboard_blocks(period, board.standings)
    respond(text=f"Leaderboard ({period})", blocks=blocks, response_type="ephemeral")


def show_stats(
    services: Services,
    client: WebClient,
    respond: Respond,
    command: dict[str, Any],
    args: list[str],
) -> None:
    mine = member_stats(services, command["user_id"], command["channel_id"], services.now())
    blocks = boards.stats_blocks(
        streak=mine.streak, standing=mine.standing, practice=mine.practice, domains=mine.domains
    )
    respond(text="Your stats", blocks=blocks, response_type="ephemeral")


def start_practice(
    services: Services,
    client: WebClient,
    respond: Respond,
    command: dict[str, Any],
    args: list[str],
) -> None:
    key = f"practice:{command['trigger_id']}"
    send_next_card(services, command["user_id"], key=key, team_id=command.get("team_id"))
    if not command["channel_id"].startswith("D"):
        respond(text=practice.PRACTICE_SENT, response_type="ephemeral")


def set_nudges(
    services: Services,
    client: WebClient,
    respond: Respond,
    command: dict[str, Any],
    args: list[str],
) -> None:
    """Opt in to (or out of) the daily practice nudge, at the member's own local time."""
    choice = args[0].lower() if args else ""
    if choice not in {"on", "off"}:
        respond(text=practice.NUDGES_USAGE, response_type="ephemeral")
        return
    member_id = command["user_id"]
    name, timezone = user_profile(client, member_id)
    # The nudges (DMs the scheduler queues) go out with this workspace's token.
    team_id = command.get("team_id", "")
    practising.set_nudges(
        services,
        member_id,
        choice == "on",
        services.now(),
        name=name,
        timezone=timezone,
        team_id=team_id,
    )
    respond(text=practice.nudges_set(choice == "on", timezone), response_type="ephemeral")


SUBCOMMANDS: dict[str, Handler] = {
    "help": show_help,
    "ask": ask_privately,
    "quiz": show_quiz,
    "status": show_status,
    "leaderboard": show_leaderboard,
    "stats": show_stats,
    "practice": start_practice,
    "nudges": set_nudges,
    "subscribe": admin.subscribe,
    "unsubscribe": admin.unsubscribe,
    "settings": admin.settings,
}
