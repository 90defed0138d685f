"""Reading what members type: mentions out, long questions trimmed, text escaped for mrkdwn."""

from __future__ import annotations

import re
from dataclasses import dataclass

MAX_QUESTION_CHARS = 2000
# <@U123>, <@U123|name>, <!channel>, <!here|here>, <#C123|general>, <!subteam^S1>
SLACK_REFERENCE = re.compile(r"<[@#!][^>]*>")


@dataclass(frozen=True)
class TypedQuestion:
    text: str
    trimmed: bool


def escape(text: str) -> str:
    """Slack mrkdwn control characters as entities: nothing typed can mention or link anyone."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def strip_references(text: str) -> str:
    """The text without user, channel and broadcast references (the bot's mention included)."""
    return " ".join(SLACK_REFERENCE.sub(" ", text).split())


def read_question(text: str) -> TypedQuestion:
    """A question as the tutor should search it: references removed, at most 2,000 characters."""
    cleaned = strip_references(text)
    if len(cleaned) <= MAX_QUESTION_CHARS:
        return TypedQuestion(cleaned, False)
    return TypedQuestion(cleaned[:MAX_QUESTION_CHARS].rstrip(), True)


def mentions(text: str, user_id: str) -> bool:
    return f"<@{user_id}>" in text or f"<@{user_id}|" in text
