"""Answering a question from the notes for Slack: read what was typed, ask the notes
(`core.usecases.asking`), queue the reply."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from bot.slack.delivery import send_reply
from bot.slack.services import Services
from bot.slack.text import read_question
from core.usecases import asking

if TYPE_CHECKING:
    from retrieval.answer import Answer


@dataclass(frozen=True)
class SlackAsk:
    answer: Answer
    ask_id: int
    trimmed: bool


def ask(
    services: Services,
    text: str,
    *,
    member_id: str,
    channel_id: str | None,
    surface: str,
    earlier: str = "",
) -> SlackAsk | None:
    """Answer `text` as typed in Slack (references out, trimmed when long; a follow-up in a
    thread is read against `earlier`, the thread's question); None if empty."""
    question = read_question(text)
    if not question.text:
        return None
    asked = asking.ask(
        services,
        question.text,
        member_id=member_id,
        channel_id=channel_id,
        surface=surface,
        earlier=earlier,
    )
    return SlackAsk(asked.answer, asked.ask_id, question.trimmed)


# -- delivery (issue 10): replies go through the outbox -------------------------------------


def reply(
    services: Services,
    event: dict[str, Any],
    payload: dict[str, Any],
    *,
    team_id: str | None = None,
) -> None:
    """Queue the reply to a mention or DM in the outbox and return (the sender's own threads
    send it): once per event (its channel and ts are the key), retried until its deadline,
    and the asker told if it never goes out. `team_id`: the workspace whose token sends it."""
    key = f"answer:{event['channel']}:{event['ts']}"
    send_reply(services, key, event["channel"], payload, asker=event.get("user"), team_id=team_id)
