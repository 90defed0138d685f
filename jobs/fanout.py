"""Posting to many channels within Slack's limits: at most one message per second per
channel, a rolling per-minute workspace budget, and 429 `Retry-After` honoured.

`PacedWebClient` is a `WebClient` whose channel-posting calls wait their turn at a shared
`Pacer` first; a 429 that still comes back holds that channel for Retry-After and retries.
The scheduler itself no longer posts through it: its messages go through the outbox sender
(`bot.slack.delivery`), which paces with the same `Pacer` and never re-sends blindly.
"""

from __future__ import annotations

import time
from typing import Any

import structlog
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from slack_sdk.web.slack_response import SlackResponse

from bot.metrics import SLACK_RATE_LIMITED
from bot.slack.pacing import Pacer

__all__ = ["PacedWebClient", "Pacer", "paced_client", "retry_after_s"]

log = structlog.get_logger(__name__)

# Methods that post a message into a channel, and where they name it.
PACED_METHODS = {"chat.postMessage": "channel", "files.completeUploadExternal": "channel_id"}
MAX_RATE_LIMITED_RETRIES = 5


def _channel_of(api_method: str, *payloads: dict[str, Any] | None) -> str | None:
    key = PACED_METHODS.get(api_method)
    if key is None:
        return None
    for payload in payloads:
        if payload and payload.get(key):
            return str(payload[key])
    return ""


def retry_after_s(error: SlackApiError) -> float | None:
    """Retry-After seconds when `error` is a 429, else None."""
    response = error.response
    if response is None or response.status_code != 429:
        return None
    headers = {k.lower(): v for k, v in (response.headers or {}).items()}
    value = headers.get("retry-after", "1")
    if isinstance(value, list):
        value = value[0]
    return float(value)


class PacedWebClient(WebClient):
    """A WebClient that paces channel posts through `pacer` and retries 429s itself."""

    def __init__(self, *args: Any, pacer: Pacer, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.pacer = pacer

    def api_call(  # type: ignore[override]
        self,
        api_method: str,
        *,
        http_verb: str = "POST",
        files: dict[str, Any] | None = None,
        data: dict[str, Any] | None = None,
        params: dict[str, Any] | None = None,
        json: dict[str, Any] | None = None,
        headers: dict[str, Any] | None = None,
        auth: dict[str, Any] | None = None,
    ) -> SlackResponse:
        channel = _channel_of(api_method, json, data, params)
        for attempt in range(MAX_RATE_LIMITED_RETRIES + 1):
            if channel is not None:
                self.pacer.wait_turn(channel)
            try:
                return super().api_call(
                    api_method,
                    http_verb=http_verb,
                    files=files,
                    data=data,
                    params=params,
                    json=json,
                    headers=headers,
                    auth=auth,
                )
            except SlackApiError as error:
                wait = retry_after_s(error)
                if wait is None or attempt == MAX_RATE_LIMITED_RETRIES:
                    raise
                SLACK_RATE_LIMITED.labels(method=api_method).inc()
                log.info("slack rate limited", method=api_method, channel=channel, wait_s=wait)
                if channel is not None:
                    self.pacer.hold(channel, wait)
                else:
                    time.sleep(wait)
        raise AssertionError("unreachable")


def paced_client(
    token: str, *, per_minute: int, base_url: str | None = None, **kwargs: Any
) -> PacedWebClient:
    """A WebClient paced at `per_minute` across the workspace (for direct posting)."""
    if base_url:
        kwargs["base_url"] = base_url
    return PacedWebClient(token=token, pacer=Pacer(per_minute=per_minute), **kwargs)
