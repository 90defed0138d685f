"""The front door of /slack/events: size cap, signature check and body shape check, in that order,
before slack-bolt or any listener sees a byte of the request.

Nothing here trusts the request: a request that is not signed with our signing secret within five
minutes is answered 401 and goes no further; a signed body that is not a shape Slack sends is
answered 400 (or 200 and ignored, for event types we do not listen to).
"""

from __future__ import annotations

import hashlib
import hmac
import json
import re
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qs

MAX_BODY_BYTES = 1024 * 1024  # Slack's payloads are a few KB; a modal state is the largest.
MAX_DEPTH = 32  # Slack nests blocks and view state a handful of levels deep.
MAX_CLOCK_SKEW = 300  # seconds, as Slack documents
TIMESTAMP = re.compile(r"[0-9]{1,12}")
SIGNATURE = re.compile(r"v0=[0-9a-f]{64}")
# The event types this app subscribes to (manifest.json); others are acknowledged and dropped.
HANDLED_EVENTS = frozenset({"app_mention", "message", "app_home_opened"})


@dataclass(frozen=True)
class Verdict:
    """What the front door decided: `status` None means pass the request on to the app."""

    status: int | None
    reason: str = ""

    @property
    def passes(self) -> bool:
        return self.status is None


PASS = Verdict(None)


def unsigned(reason: str) -> Verdict:
    return Verdict(401, reason)


def malformed(reason: str) -> Verdict:
    return Verdict(400, reason)


def ignored(reason: str) -> Verdict:
    return Verdict(200, reason)


def check_signature(
    secret: bytes,
    body: bytes,
    timestamp: str | None,
    signature: str | None,
    *,
    now: Callable[[], float] = time.time,
) -> Verdict:
    """Slack's `v0` HMAC-SHA256 of `v0:{timestamp}:{body}`, the timestamp within five minutes."""
    if timestamp is None or not TIMESTAMP.fullmatch(timestamp):
        return unsigned("missing or malformed X-Slack-Request-Timestamp")
    if abs(now() - int(timestamp)) > MAX_CLOCK_SKEW:
        return unsigned("X-Slack-Request-Timestamp is more than five minutes away")
    if signature is None or not SIGNATURE.fullmatch(signature):
        return unsigned("missing or malformed X-Slack-Signature")
    base = b"v0:" + timestamp.encode() + b":" + body
    expected = "v0=" + hmac.new(secret, base, hashlib.sha256).hexdigest()
    if not hmac.compare_digest(expected, signature):
        return unsigned("signature mismatch")
    return PASS


def check_body(body: bytes, content_type: str) -> Verdict:
    """A verified body must be one of the shapes Slack sends, small and shallow."""
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        return malformed("body is not UTF-8")
    try:
        payload = _payload(text, content_type)
    except (ValueError, RecursionError) as error:  # JSON errors and 4,300+ digit numbers
        return malformed(f"body is not a Slack payload ({type(error).__name__})")
    if not isinstance(payload, dict):
        return malformed("body is not a JSON object")
    problem = _walk_problem(payload)
    if problem:
        return malformed(problem)
    return _shape(payload)


def _payload(text: str, content_type: str) -> Any:
    if content_type.startswith("application/json"):
        return json.loads(text)
    form = parse_qs(text, keep_blank_values=True, max_num_fields=200)
    if "payload" in form:  # interactivity: buttons, modals
        return json.loads(form["payload"][0])
    return {key: values[0] for key, values in form.items()}


def _walk_problem(payload: dict[str, Any]) -> str | None:
    """Depth and text checks without recursion: nesting past MAX_DEPTH, or a lone surrogate
    (valid JSON escapes that no UTF-8 string can hold)."""
    for value, depth in _walk(payload):
        if depth > MAX_DEPTH:
            return f"body nests deeper than {MAX_DEPTH} levels"
        if isinstance(value, str) and _has_surrogate(value):
            return "body holds a lone surrogate"
    return None


def _walk(root: Any) -> Iterator[tuple[Any, int]]:
    stack: list[tuple[Any, int]] = [(root, 1)]
    while stack:
        value, depth = stack.pop()
        yield value, depth
        if isinstance(value, dict):
            stack.extend((k, depth + 1) for k in value)
            stack.extend((v, depth + 1) for v in value.values())
        elif isinstance(value, list):
            stack.extend((v, depth + 1) for v in value)


def _has_surrogate(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def _shape(payload: dict[str, Any]) -> Verdict:
    kind = payload.get("type")
    if "command" in payload:
        return _command_shape(payload)
    if kind == "url_verification":
        return PASS if isinstance(payload.get("challenge"), str) else malformed("no challenge")
    if kind == "event_callback":
        return _event_shape(payload)
    if kind in {"block_actions", "view_submission", "view_closed"}:
        return _interaction_shape(payload)
    if kind == "ssl_check" or payload.get("ssl_check"):
        return PASS
    return ignored(f"unknown request type {str(kind)[:40]!r}")


def _command_shape(payload: dict[str, Any]) -> Verdict:
    for field in ("command", "user_id", "channel_id", "team_id"):
        if not isinstance(payload.get(field), str) or not payload[field]:
            return malformed(f"command without {field}")
    return PASS


def _event_shape(payload: dict[str, Any]) -> Verdict:
    event = payload.get("event")
    if not isinstance(event, dict) or not isinstance(event.get("type"), str):
        return malformed("event_callback without an event object")
    if not isinstance(payload.get("event_id"), str):
        return malformed("event_callback without event_id")
    if event["type"] not in HANDLED_EVENTS:
        return ignored(f"event type {event['type'][:40]!r} is not handled")
    return PASS


def _interaction_shape(payload: dict[str, Any]) -> Verdict:
    user = payload.get("user")
    if not isinstance(user, dict) or not isinstance(user.get("id"), str):
        return malformed("interaction without a user")
    if payload["type"] == "block_actions":
        actions = payload.get("actions")
        if not isinstance(actions, list) or not actions:
            return malformed("block_actions without actions")
        if not all(isinstance(a, dict) and isinstance(a.get("action_id"), str) for a in actions):
            return malformed("block_actions with an action that has no action_id")
        return PASS
    view = payload.get("view")
    if not isinstance(view, dict) or not all(
        isinstance(view.get(field), str) for field in ("callback_id", "type")
    ):
        return malformed("view payload without a view")
    return PASS
