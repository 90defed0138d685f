"""The front door over real HTTP: forged, oversized and malformed requests, bots, slow Slack.

A request that fails verification must do nothing at all: no call to Slack, no reply to its
response_url, no database row, no traceback in the log.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import socket
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any
from urllib.parse import urlencode

import pytest
from sqlalchemy import func, select

from bot.slack.app import create_app, make_client
from bot.slack.delivery import OutboxSender
from bot.slack.runner import check_token
from bot.slack.server import HealthCheck, create_wsgi_app
from bot.slack.services import Services
from bot.slack.workers import WorkPool
from common.config import Settings
from store.models import AskLog, Member, ProcessedEvent
from tests.fakeslack import command_body, event_body, signed_headers
from tests.slack.conftest import BOSS, SECRET, Running, http

MENTION = {"type": "app_mention", "user": "U1", "text": "<@UBOT> what is RMSE?", "ts": "1.0"}


def forged(bot: Running) -> tuple[str, str]:
    """The attack from the report: a /study command whose response_url we watch."""
    response_url = bot.fake.new_response_url()
    body = command_body("/study", "help", response_url=response_url)
    return body, response_url


def rows(bot: Running) -> int:
    with bot.services.database.session() as session:
        tables = (AskLog, Member, ProcessedEvent)
        return sum(session.scalar(select(func.count()).select_from(t)) or 0 for t in tables)


def assert_nothing_happened(bot: Running, response_url: str | None = None) -> None:
    bot.settle()
    time.sleep(0.05)  # a stray reply would arrive within this
    # Only the bot's own start-up auth.test reached Slack.
    assert [c.method for c in bot.fake.calls() if c.method != "auth.test"] == []
    if response_url is not None:
        assert bot.fake.responses(response_url) == []
    assert rows(bot) == 0


def headers_with(body: str, **changes: str | None) -> dict[str, str]:
    headers = signed_headers(SECRET, body)
    for name, value in changes.items():
        key = {"timestamp": "X-Slack-Request-Timestamp", "signature": "X-Slack-Signature"}[name]
        if value is None:
            headers.pop(key)
        else:
            headers[key] = value
    return headers


@pytest.mark.parametrize(
    "timestamp",
    ["now", "1.5", "", " 1700000000", "-5", "1e9", "\u00b2\u00b3", "9" * 40, None],
    ids=[
        "word",
        "decimal",
        "empty",
        "space",
        "negative",
        "exponent",
        "superscript",
        "huge",
        "missing",
    ],
)
def test_a_forged_timestamp_is_a_plain_401_that_does_nothing(
    bot: Running, timestamp: str | None, capsys: pytest.CaptureFixture[str]
) -> None:
    body, response_url = forged(bot)
    reply = http(
        f"{bot.url}/slack/events", body, headers_with(body, timestamp=timestamp, signature="v0=00")
    )
    assert reply.status == 401
    assert_nothing_happened(bot, response_url)
    assert "Traceback" not in capsys.readouterr().err


@pytest.mark.parametrize(
    "signature",
    ["v0=00", "", None, "v1=" + "0" * 64, "v0=" + "0" * 64],
    ids=["short", "empty", "missing", "other-version", "wrong"],
)
def test_a_bad_signature_with_a_good_timestamp_is_refused(
    bot: Running, signature: str | None
) -> None:
    body, response_url = forged(bot)
    reply = http(f"{bot.url}/slack/events", body, headers_with(body, signature=signature))
    assert reply.status == 401
    assert_nothing_happened(bot, response_url)


def test_a_body_signed_then_changed_is_refused(bot: Running) -> None:
    body, response_url = forged(bot)
    headers = signed_headers(SECRET, body)
    reply = http(f"{bot.url}/slack/events", body.replace("help", "quiz"), headers)
    assert reply.status == 401
    assert_nothing_happened(bot, response_url)


def raw_status(url: str, request: bytes) -> int:
    """Send `request` as it is; the status code of the answer (the body may still be unsent)."""
    host, port = url.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=10) as connection:
        connection.sendall(request)
        answer = connection.recv(4096).decode("latin-1")
    return int(answer.split()[1])


@pytest.mark.parametrize("declared", [1024 * 1024 + 1, 64 * 1024 * 1024])
def test_a_body_over_one_mebibyte_is_refused_unread(bot: Running, declared: int) -> None:
    stamp = str(int(time.time()))
    head = (
        f"POST /slack/events HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
        f"X-Slack-Request-Timestamp: {stamp}\r\nX-Slack-Signature: v0={'0' * 64}\r\n"
        f"Content-Length: {declared}\r\n\r\n"
    )
    assert raw_status(bot.url, head.encode() + b'{"type": "event_callback"') == 413
    assert_nothing_happened(bot)


MALFORMED = {
    "invalid-json": ("{not json", "application/json"),
    "json-list": ("[1, 2]", "application/json"),
    "json-null": ("null", "application/json"),
    "json-number": ("42", "application/json"),
    "json-string": ('"hello"', "application/json"),
    "huge-number": ('{"type": "event_callback", "n": ' + "9" * 5000 + "}", "application/json"),
    "deep-nesting": ('{"a": ' * 100_000 + "1" + "}" * 100_000, "application/json"),
    "lone-surrogate": (
        json.dumps({"type": "event_callback", "event_id": "E1", "event": MENTION})[:-1]
        + ', "x": "\\ud800"}',
        "application/json",
    ),
    "event-null": (json.dumps({"type": "event_callback", "event_id": "E1", "event": None}), None),
    "event-string": (json.dumps({"type": "event_callback", "event_id": "E1", "event": "x"}), None),
    "no-event-id": (json.dumps({"type": "event_callback", "event": MENTION}), None),
    "broken-payload": (urlencode({"payload": "{oops"}), None),
    "list-payload": (urlencode({"payload": "[]"}), None),
    "empty-actions": (
        urlencode({"payload": json.dumps({"type": "block_actions", "user": {"id": "U1"}})}),
        None,
    ),
    "action-without-id": (
        urlencode(
            {
                "payload": json.dumps(
                    {"type": "block_actions", "user": {"id": "U1"}, "actions": [{"value": "1"}]}
                )
            }
        ),
        None,
    ),
    "command-without-user": (urlencode({"command": "/study", "channel_id": "C1"}), None),
    # slack-bolt reads view["type"] to match a listener: without it, a 500 and a traceback.
    "view-without-type": (
        urlencode(
            {
                "payload": json.dumps(
                    {
                        "type": "view_submission",
                        "user": {"id": "U1"},
                        "view": {"id": "V1", "callback_id": "quiz_report_modal"},
                    }
                )
            }
        ),
        None,
    ),
}


@pytest.mark.parametrize("name", list(MALFORMED))
def test_a_malformed_signed_body_is_a_400(bot: Running, name: str) -> None:
    body, content_type = MALFORMED[name]
    headers = signed_headers(SECRET, body)
    if content_type:
        headers["Content-Type"] = content_type
    reply = http(f"{bot.url}/slack/events", body, headers)
    assert reply.status == 400, reply.body
    assert_nothing_happened(bot)


def test_invalid_utf8_is_a_400(bot: Running) -> None:
    raw = b'{"type": "event_callback", "x": "\xff\xfe"}'
    stamp = str(int(time.time()))
    base = b"v0:" + stamp.encode() + b":" + raw
    signature = "v0=" + hmac.new(SECRET.encode(), base, hashlib.sha256).hexdigest()
    request = urllib.request.Request(
        f"{bot.url}/slack/events",
        data=raw,
        headers={
            "Content-Type": "application/json",
            "X-Slack-Request-Timestamp": stamp,
            "X-Slack-Signature": signature,
        },
    )
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(request, timeout=10)
    assert refused.value.code == 400
    assert_nothing_happened(bot)


@pytest.mark.parametrize(
    "event",
    [
        {"type": "app_mention", "text": "<@UBOT> hi", "ts": "1.0", "channel": "C1"},
        {"type": "app_mention", "user": "U1", "ts": "1.0", "channel": "C1", "text": 5},
        {"type": "app_mention", "user": "U1", "text": "<@UBOT> hi", "channel": "C1"},
        {"type": "app_mention", "user": ["U1"], "text": "hi", "ts": "1.0", "channel": "C1"},
        {"type": "message", "channel_type": "im", "text": "hi", "ts": "1.0"},
        {"type": "app_home_opened", "tab": "home"},
        {"type": "reaction_added", "user": "U1"},
    ],
    ids=["no-user", "text-number", "no-ts", "user-list", "dm-no-user", "home-no-user", "unknown"],
)
def test_events_missing_what_we_need_are_acked_and_ignored(
    bot: Running, event: dict[str, Any], capsys: pytest.CaptureFixture[str]
) -> None:
    assert bot.event(event).status == 200
    bot.settle()
    assert bot.fake.count("chat.postMessage") == 0
    assert bot.fake.count("chat.postEphemeral") == 0
    assert "Traceback" not in capsys.readouterr().err


@pytest.mark.parametrize(
    "fields",
    [{"bot_id": "B999"}, {"subtype": "bot_message"}, {"bot_id": "B1", "subtype": "bot_message"}],
)
def test_another_bots_mention_is_not_answered(bot: Running, fields: dict[str, str]) -> None:
    event = {**MENTION, "channel": "C1", **fields}
    assert bot.event(event).status == 200
    bot.settle()
    assert bot.fake.count("chat.postMessage") == 0


def test_an_error_reply_escapes_what_the_member_typed(bot: Running) -> None:
    _reply, response_url = bot.command("subscribe 09:00 <!channel>", user=BOSS)
    (reply,) = bot.fake.wait_for_response(response_url)
    assert "<!channel>" not in json.dumps(reply)
    assert "&lt;!channel&gt;" in reply["text"]


def test_healthz_does_not_wait_for_a_slow_slack(bot: Running) -> None:
    bot.fake.slow("auth.test", 3.0)
    started = time.perf_counter()
    with ThreadPoolExecutor(20) as probes:
        replies = list(probes.map(lambda _: http(f"{bot.url}/healthz"), range(20)))
    assert time.perf_counter() - started < 2.0
    assert {r.json()["checks"]["slack"] for r in replies} == {"checking"}
    assert bot.event({**MENTION, "channel": "C1"}).seconds < 1.0
    bot.fake.slow("auth.test", 0)


def test_commands_and_clicks_ack_at_once_while_answers_are_queued(bot: Running) -> None:
    bot.fake.slow("chat.postMessage", 0.5)  # every answer holds a worker for half a second
    for n in range(40):
        bot.mention(f"<@UBOT> what is RMSE, take {n}?", channel=f"C{n % 5}")
    command, _url = bot.command("help")
    response_url = bot.fake.new_response_url()
    click = bot.send(
        urlencode(
            {
                "payload": json.dumps(
                    {
                        "type": "block_actions",
                        "user": {"id": "U1"},
                        "response_url": response_url,
                        "actions": [{"action_id": "ask_helpful", "value": "1"}],
                    }
                )
            }
        )
    )
    assert command.status == 200 and command.seconds < 1.0
    assert click.status == 200 and click.seconds < 1.0
    bot.fake.slow("chat.postMessage", 0)
    bot.settle(timeout=60)


def test_a_signed_event_still_reaches_the_app(bot: Running) -> None:
    body = event_body({**MENTION, "channel": "C1"}, event_id="EvOk")
    assert http(f"{bot.url}/slack/events", body, signed_headers(SECRET, body)).status == 200
    bot.fake.wait_for("chat.postMessage", ok=True)


def test_idle_half_sent_requests_do_not_block_the_server(bot: Running) -> None:
    host, port = bot.url.removeprefix("http://").split(":")
    idle = [socket.create_connection((host, int(port)), timeout=10) for _ in range(120)]
    try:
        for connection in idle:
            connection.sendall(b"POST /slack/events HTTP/1.1\r\nHost: x\r\nContent-Length: 99\r\n")
        reply = bot.event({**MENTION, "channel": "C1"})
        assert reply.status == 200 and reply.seconds < 2.0
    finally:
        for connection in idle:
            connection.close()


def test_with_slack_unreachable_the_bot_still_acks_and_starts(
    settings: Settings, services: Services, serve: Callable[[Any], str], caplog: Any
) -> None:
    closed = socket.socket()
    closed.bind(("127.0.0.1", 0))
    away = settings.model_copy(
        update={"slack_api_url": f"http://127.0.0.1:{closed.getsockname()[1]}/api/"}
    )
    closed.close()
    client = make_client(away)
    check_token(client, away)  # logs and returns instead of exiting
    assert "cannot reach Slack" in caplog.text
    pool = WorkPool(2)
    services.answer_pool = pool
    app = create_app(away, services=services, client=client, listener_executor=pool)
    url = serve(create_wsgi_app(app, HealthCheck(services, client), signing_secret=SECRET))
    body = event_body({**MENTION, "channel": "C1"}, event_id="EvAway")
    reply = http(f"{url}/slack/events", body, signed_headers(SECRET, body))
    assert reply.status == 200 and reply.seconds < 2.0
    pool.wait_idle(timeout=30)  # the answer could not be delivered; nothing is left running
    if isinstance(services.sender, OutboxSender):
        services.sender.stop()
