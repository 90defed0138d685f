"""Events: mentions and direct messages are answered; quiz thread replies are graded; the App
Home is published when opened. Each event is handled once, whatever Slack retries."""

from __future__ import annotations

import logging
from typing import Any

from slack_bolt import App, BoltContext
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.slack.asking import ask, reply
from bot.slack.dedupe import claim_event
from bot.slack.delivery import EPHEMERAL_METHOD, send_reply
from bot.slack.dispatch import acked, answer_later
from bot.slack.errors import reported
from bot.slack.home import publish_home
from bot.slack.permissions import user_profile
from bot.slack.render import answers, quiz
from bot.slack.services import Services
from bot.slack.text import mentions, strip_references
from core.usecases.quiz_day import post_for_thread, submit

logger = logging.getLogger(__name__)
THREAD_HISTORY = 50


def register(app: App, services: Services) -> None:
    @acked(app.event("app_mention"))
    def on_mention(
        body: dict[str, Any], event: dict[str, Any], client: WebClient, context: BoltContext
    ) -> None:
        with reported(body, context, services):
            if from_a_person(event) and claim_event(
                services.database, body["event_id"], services.now()
            ):
                answer_later(
                    services,
                    body,
                    context,
                    lambda: answer(services, client, event, "mention", _team(body)),
                )

    @acked(app.event("message"))
    def on_message(
        body: dict[str, Any], event: dict[str, Any], client: WebClient, context: BoltContext
    ) -> None:
        with reported(body, context, services):
            if from_a_person(event):  # not edits, joins, other bots (nor our own messages)
                on_person_message(services, client, body, event, context)

    @acked(app.event("app_home_opened"))
    def on_home(
        body: dict[str, Any], event: dict[str, Any], client: WebClient, context: BoltContext
    ) -> None:
        with reported(body, context, services):
            if event.get("tab", "home") == "home" and isinstance(event.get("user"), str):
                publish_home(client, services, event["user"])


def on_person_message(
    services: Services,
    client: WebClient,
    body: dict[str, Any],
    event: dict[str, Any],
    context: BoltContext,
) -> None:
    """A DM is answered; a reply in a quiz post's thread (not to the bot) is graded."""
    if event.get("channel_type") == "im":
        if claim_event(services.database, body["event_id"], services.now()):
            work = lambda: answer(services, client, event, "dm", _team(body))  # noqa: E731
            answer_later(services, body, context, work)
    elif isinstance(event.get("thread_ts"), str) and not mentions(
        event.get("text", ""), context.bot_user_id or ""
    ):
        grade_thread_reply(services, client, body, event)


# Subtypes that are still a member writing: a thread reply also sent to the channel, and a
# message with a file attached (a screenshot with the question). Every other subtype is an
# edit, a join, a bot_message or the like.
PERSON_SUBTYPES = frozenset({"thread_broadcast", "file_share"})


def from_a_person(event: dict[str, Any]) -> bool:
    """A message a member wrote: no subtype but PERSON_SUBTYPES, no bot_id (other bots,
    which could otherwise talk to us in a loop), and the fields an answer needs."""
    if event.get("subtype") not in (None, *PERSON_SUBTYPES) or event.get("bot_id"):
        return False
    fields = ("user", "channel", "ts")
    if not all(isinstance(event.get(f), str) and event[f] for f in fields):
        return False
    return isinstance(event.get("text", ""), str)


def _team(body: dict[str, Any]) -> str | None:
    """The workspace the app received the event in (its token sends the reply)."""
    team = body.get("team_id")
    return team if isinstance(team, str) and team else None


def answer(
    services: Services,
    client: WebClient,
    event: dict[str, Any],
    surface: str,
    team_id: str | None = None,
) -> None:
    """Answer in the event's thread (a mention) or in the DM, citing the notes; the reply is
    queued in the outbox and this answer worker is free again at once."""
    channel = event["channel"]
    in_thread = event.get("thread_ts") if isinstance(event.get("thread_ts"), str) else None
    reply_ts = in_thread or (event["ts"] if surface == "mention" else None)
    earlier = thread_question(client, channel, in_thread, event["ts"]) if in_thread else ""
    asked = ask(
        services,
        event.get("text", ""),
        member_id=event["user"],
        channel_id=channel,
        surface=surface,
        earlier=earlier,
    )
    if asked is None:
        empty = {"thread_ts": reply_ts, "text": answers.EMPTY_QUESTION}
        reply(services, event, empty, team_id=team_id)
        return
    blocks = answers.answer_blocks(asked.answer, asked.ask_id, trimmed=asked.trimmed)
    reply(
        services,
        event,
        {
            "thread_ts": reply_ts,
            "text": answers.answer_text(asked.answer),
            "blocks": blocks,
            "unfurl_links": False,
        },
        team_id=team_id,
    )


def thread_question(client: WebClient, channel: str, thread_ts: str, before_ts: str) -> str:
    """The first question a person asked in this thread, to search a follow-up together with."""
    try:
        replies = client.conversations_replies(channel=channel, ts=thread_ts, limit=THREAD_HISTORY)
    except SlackApiError as error:
        logger.warning("conversations.replies failed in %s: %s", channel, error.response["error"])
        return ""
    for message in replies.get("messages", []):
        if message.get("bot_id") or float(message["ts"]) >= float(before_ts):
            continue
        text = strip_references(message.get("text", ""))
        if text:
            return text
    return ""


def grade_thread_reply(
    services: Services, client: WebClient, body: dict[str, Any], event: dict[str, Any]
) -> None:
    channel = event["channel"]
    post_id = post_for_thread(services, channel, event["thread_ts"])
    if post_id is None or not claim_event(services.database, body["event_id"], services.now()):
        return
    name, _tz = user_profile(client, event["user"])
    submitted = submit(services, post_id, event["user"], member_name=name, text=event.get("text"))
    reply = quiz.answer_recorded(submitted)
    payload = {"user": event["user"], "thread_ts": event["thread_ts"], "text": reply}
    key = f"graded:{body['event_id']}"
    send_reply(services, key, channel, payload, method=EPHEMERAL_METHOD, team_id=_team(body))
