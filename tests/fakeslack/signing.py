"""Requests built and signed exactly as Slack sends them to an app's HTTP endpoint.

Bodies are the raw strings Slack would POST; ``signed_headers`` signs one with
``SignatureVerifier.generate_signature`` so the app's real verification runs in tests.
"""

from __future__ import annotations

import json
import time
from typing import Any
from urllib.parse import urlencode

from slack_sdk.signature import SignatureVerifier

from tests.fakeslack.methods import APP_ID, BOT_USER_ID

JSON_CONTENT_TYPE = "application/json"
FORM_CONTENT_TYPE = "application/x-www-form-urlencoded"


def signed_headers(
    secret: str,
    body: str,
    *,
    timestamp: int | None = None,
    retry_num: int | None = None,
    retry_reason: str | None = None,
) -> dict[str, str]:
    """Slack's request headers for ``body``: timestamp, ``v0=`` signature, content type.

    ``timestamp`` defaults to now; pass an old one to test replay rejection. ``retry_num``
    and ``retry_reason`` add the headers Slack sends when it redelivers an event.
    """
    stamp = str(int(time.time()) if timestamp is None else timestamp)
    signature = SignatureVerifier(secret).generate_signature(timestamp=stamp, body=body)
    if signature is None:
        raise ValueError("SignatureVerifier produced no signature")
    headers = {
        "Content-Type": JSON_CONTENT_TYPE if body.lstrip().startswith("{") else FORM_CONTENT_TYPE,
        "X-Slack-Request-Timestamp": stamp,
        "X-Slack-Signature": signature,
    }
    if retry_num is not None:
        headers["X-Slack-Retry-Num"] = str(retry_num)
        headers["X-Slack-Retry-Reason"] = retry_reason or "http_timeout"
    elif retry_reason is not None:
        headers["X-Slack-Retry-Reason"] = retry_reason
    return headers


def event_body(
    event: dict[str, Any],
    *,
    event_id: str,
    team_id: str = "T1",
    api_app_id: str = APP_ID,
    event_time: int | None = None,
    bot_user_id: str = BOT_USER_ID,
) -> str:
    """An Events API ``event_callback`` envelope around ``event``, as JSON."""
    envelope = {
        "token": "legacy-verification-token",
        "team_id": team_id,
        "context_team_id": team_id,
        "api_app_id": api_app_id,
        "event": event,
        "type": "event_callback",
        "event_id": event_id,
        "event_time": int(time.time()) if event_time is None else event_time,
        "authorizations": [
            {
                "enterprise_id": None,
                "team_id": team_id,
                "user_id": bot_user_id,
                "is_bot": True,
                "is_enterprise_install": False,
            }
        ],
        "is_ext_shared_channel": False,
        "event_context": f"4-{event_id}",
    }
    return json.dumps(envelope)


def command_body(
    command: str = "/study",
    text: str = "",
    *,
    user_id: str = "U1",
    user_name: str = "alice",
    channel_id: str = "C1",
    channel_name: str = "study",
    team_id: str = "T1",
    team_domain: str = "studybot-test",
    api_app_id: str = APP_ID,
    response_url: str = "https://hooks.slack.com/commands/T1/1/fake",
    trigger_id: str = "1700000000.1.fake-trigger",
) -> str:
    """A slash command invocation, form-encoded in the field order Slack uses."""
    return urlencode(
        {
            "token": "legacy-verification-token",
            "team_id": team_id,
            "team_domain": team_domain,
            "channel_id": channel_id,
            "channel_name": channel_name,
            "user_id": user_id,
            "user_name": user_name,
            "command": command,
            "text": text,
            "api_app_id": api_app_id,
            "is_enterprise_install": "false",
            "response_url": response_url,
            "trigger_id": trigger_id,
        }
    )


def action_body(payload: dict[str, Any]) -> str:
    """An interactivity request (block_actions, view_submission…): form-encoded ``payload=``."""
    return urlencode({"payload": json.dumps(payload)})


def url_verification_body(challenge: str) -> str:
    """The handshake Slack sends when the Request URL is saved."""
    return json.dumps(
        {"token": "legacy-verification-token", "challenge": challenge, "type": "url_verification"}
    )
