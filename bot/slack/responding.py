"""Replies to a command or a click through its response_url, by way of the outbox.

`OutboxRespond` stands in for slack-bolt's `respond`: each call is written to the outbox
and sent by the sender's threads, retried on 5xx, 429 and connection errors until Slack's
30-minute response_url deadline. The ack itself stays slack-bolt's.
"""

from __future__ import annotations

import hashlib
import itertools
from datetime import timedelta
from typing import Any

from bot.slack.delivery import RESPONSE_METHOD, jsonable, send_reply
from bot.slack.services import Services

# Slack accepts posts to a response_url for 30 minutes after the interaction; keep a margin
# for the time between the interaction and the row being written.
RESPONSE_URL_DEADLINE = timedelta(minutes=29)


class OutboxRespond:
    """`respond(text=..., blocks=..., response_type=..., ...)` for one interaction."""

    def __init__(self, services: Services, response_url: str, *, tag: str = "") -> None:
        self.services = services
        self.response_url = response_url
        digest = hashlib.sha256(response_url.encode()).hexdigest()[:24]
        # Slack does not retry a command or a click, and each listener run has its own
        # OutboxRespond: the n-th reply of a run is one message (`tag` keeps an error
        # handler's reply apart from the listener's own).
        self._prefix = f"respond:{digest}:{tag}"
        self._channel = f"url:{digest}"  # fits the 32 characters of outbox.channel
        self._count = itertools.count(1)

    def __call__(
        self,
        text: str | None = None,
        blocks: list[Any] | None = None,
        attachments: list[Any] | None = None,
        response_type: str | None = None,
        replace_original: bool | None = None,
        delete_original: bool | None = None,
        unfurl_links: bool | None = None,
        unfurl_media: bool | None = None,
        thread_ts: str | None = None,
        metadata: dict[str, Any] | None = None,
    ) -> None:
        body = jsonable(
            {
                "text": text,
                "blocks": blocks,
                "attachments": attachments,
                "response_type": response_type,
                "replace_original": replace_original,
                "delete_original": delete_original,
                "unfurl_links": unfurl_links,
                "unfurl_media": unfurl_media,
                "thread_ts": thread_ts,
                "metadata": metadata,
            }
        )
        send_reply(
            self.services,
            f"{self._prefix}{next(self._count)}",
            self._channel,
            {"url": self.response_url, "body": body},
            deadline=RESPONSE_URL_DEADLINE,
            method=RESPONSE_METHOD,
        )


def responder(services: Services, body: dict[str, Any], *, tag: str = "") -> OutboxRespond | None:
    """The interaction's outbox-backed `respond`, or None when it came without a response_url."""
    url = body.get("response_url")
    if not isinstance(url, str) or not url:
        return None
    return OutboxRespond(services, url, tag=tag)
