"""Tests of FakeSlack and the signing helpers, through a real slack_sdk WebClient over HTTP."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from typing import Any
from urllib.parse import parse_qs

import pytest
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from slack_sdk.http_retry.builtin_handlers import RateLimitErrorRetryHandler
from slack_sdk.signature import SignatureVerifier
from slack_sdk.webhook import WebhookClient

from tests.fakeslack import (
    BOT_USER_ID,
    FakeSlack,
    FakeUser,
    PostRateLimiter,
    WaitTimeout,
    action_body,
    command_body,
    event_body,
    signed_headers,
    url_verification_body,
)

SECRET = "test-signing-secret"
# slack_sdk warns when text is missing; the no_text tests send none on purpose.
ALLOW_MISSING_TEXT = pytest.mark.filterwarnings("ignore:The top-level `text` argument:UserWarning")
PNG_BYTES = (
    bytes.fromhex("89504e470d0a1a0a0000000d4948445200000001000000010806000000") + b"\x00" * 16
)


@pytest.fixture
def fake() -> Iterator[FakeSlack]:
    with FakeSlack(
        users=[
            FakeUser("U1", real_name="Ada Lovelace", tz="Europe/London", tz_offset=3600),
            FakeUser("U2", real_name="Grace Hopper", tz="America/New_York", is_admin=True),
        ]
    ) as server:
        yield server


@pytest.fixture
def client(fake: FakeSlack) -> WebClient:
    return fake.client()


def section(text: str) -> dict[str, Any]:
    return {"type": "section", "text": {"type": "mrkdwn", "text": text}}


def slack_error(excinfo: pytest.ExceptionInfo[SlackApiError]) -> str:
    return str(excinfo.value.response["error"])


# -- recording -----------------------------------------------------------------------


def test_post_is_recorded_with_its_blocks(fake: FakeSlack, client: WebClient) -> None:
    blocks = [section("What is a star schema?")]

    response = client.chat_postMessage(channel="C1", text="Daily question", blocks=blocks)

    call = fake.last("chat.postMessage")
    assert call.body["blocks"] == blocks
    assert call.body["text"] == "Daily question"
    assert call.headers["authorization"] == "Bearer xoxb-test-token"
    assert call.ok
    assert response["channel"] == "C1"
    assert response["message"]["blocks"] == blocks
    assert fake.messages("C1")[0]["ts"] == response["ts"]


def test_form_encoded_blocks_are_decoded_from_json(fake: FakeSlack, client: WebClient) -> None:
    client.api_call(
        "chat.postMessage",
        params={"channel": "C1", "text": "t", "blocks": json.dumps([{"type": "divider"}])},
    )

    assert fake.last("chat.postMessage").body["blocks"] == [{"type": "divider"}]


def test_ts_values_increase(client: WebClient) -> None:
    first = client.chat_postMessage(channel="C1", text="one")["ts"]
    second = client.chat_postMessage(channel="C1", text="two")["ts"]

    assert abs(float(first) - time.time()) < 60  # epoch seconds, as at Slack
    assert float(second) > float(first)


def test_calls_count_and_reset(fake: FakeSlack, client: WebClient) -> None:
    client.auth_test()
    client.chat_postMessage(channel="C1", text="hi")

    assert [call.method for call in fake.calls()] == ["auth.test", "chat.postMessage"]
    assert fake.count("chat.postMessage") == 1
    fake.reset()
    assert fake.count() == 0
    assert fake.messages("C1") == []


# -- auth ----------------------------------------------------------------------------


def test_auth_test_describes_the_bot(client: WebClient) -> None:
    response = client.auth_test()

    assert response["user_id"] == BOT_USER_ID
    assert response["team_id"] == "T1"
    assert response["bot_id"]


@pytest.mark.parametrize(("token", "error"), [(None, "not_authed"), ("bad-token", "invalid_auth")])
def test_bad_tokens_are_refused(fake: FakeSlack, token: str | None, error: str) -> None:
    with pytest.raises(SlackApiError) as excinfo:
        WebClient(token=token, base_url=fake.api_url).chat_postMessage(channel="C1", text="x")

    assert slack_error(excinfo) == error


def test_configured_tokens_are_the_only_ones_accepted() -> None:
    with FakeSlack(tokens={"xoxb-right"}) as fake:
        assert fake.client("xoxb-right").auth_test()["ok"]
        with pytest.raises(SlackApiError) as excinfo:
            fake.client("xoxb-wrong").auth_test()
    assert slack_error(excinfo) == "invalid_auth"


def test_unknown_method(client: WebClient) -> None:
    with pytest.raises(SlackApiError) as excinfo:
        client.api_call("chat.teleport")

    assert slack_error(excinfo) == "unknown_method"


# -- validation ------------------------------------------------------------------------


def test_fifty_one_blocks_are_invalid(client: WebClient) -> None:
    with pytest.raises(SlackApiError) as excinfo:
        client.chat_postMessage(channel="C1", text="x", blocks=[{"type": "divider"}] * 51)

    assert slack_error(excinfo) == "invalid_blocks"
    assert excinfo.value.response["response_metadata"]["messages"] == [
        "[ERROR] no more than 50 items allowed [json-pointer:/blocks]"
    ]


@ALLOW_MISSING_TEXT
@pytest.mark.parametrize(
    ("kwargs", "error", "pointer"),
    [
        ({"text": "x", "blocks": [section("a" * 3001)]}, "invalid_blocks", "/blocks/0/text/text"),
        (
            {
                "text": "x",
                "blocks": [{"type": "header", "text": {"type": "plain_text", "text": "h" * 151}}],
            },
            "invalid_blocks",
            "/blocks/0/text/text",
        ),
        (
            {
                "text": "x",
                "blocks": [
                    {
                        "type": "actions",
                        "elements": [
                            {
                                "type": "button",
                                "text": {"type": "plain_text", "text": "A"},
                                "action_id": "answer",
                                "value": "v" * 2001,
                            }
                        ],
                    }
                ],
            },
            "invalid_blocks",
            "/blocks/0/elements/0/value",
        ),
        (
            {
                "text": "x",
                "blocks": [
                    {
                        **section("pick"),
                        "accessory": {
                            "type": "button",
                            "text": {"type": "plain_text", "text": "A"},
                            "action_id": "a" * 256,
                        },
                    }
                ],
            },
            "invalid_blocks",
            "/blocks/0/accessory/action_id",
        ),
        ({"text": "t" * 40_001}, "msg_too_long", None),
        ({}, "no_text", None),
    ],
)
def test_message_limits(
    client: WebClient, kwargs: dict[str, Any], error: str, pointer: str | None
) -> None:
    with pytest.raises(SlackApiError) as excinfo:
        client.chat_postMessage(channel="C1", **kwargs)

    assert slack_error(excinfo) == error
    if pointer is not None:
        (message,) = excinfo.value.response["response_metadata"]["messages"]
        assert message.endswith(f"[json-pointer:{pointer}]")


def test_channel_is_required(client: WebClient) -> None:
    with pytest.raises(SlackApiError) as excinfo:
        client.api_call("chat.postMessage", json={"text": "x"})

    assert slack_error(excinfo) == "channel_not_found"


@ALLOW_MISSING_TEXT
def test_update_and_ephemeral_are_validated_too(client: WebClient) -> None:
    ts = client.chat_postMessage(channel="C1", text="q")["ts"]

    with pytest.raises(SlackApiError) as update_error:
        client.chat_update(channel="C1", ts=ts, blocks=[section("a" * 3001)])
    with pytest.raises(SlackApiError) as ephemeral_error:
        client.chat_postEphemeral(channel="C1", user="U1", text="")

    assert slack_error(update_error) == "invalid_blocks"
    assert slack_error(ephemeral_error) == "no_text"


def test_home_view_allows_a_hundred_blocks_not_more(client: WebClient) -> None:
    hundred = {"type": "home", "blocks": [{"type": "divider"}] * 100}

    assert client.views_publish(user_id="U1", view=hundred)["view"]["type"] == "home"
    with pytest.raises(SlackApiError) as excinfo:
        client.views_publish(user_id="U1", view={**hundred, "blocks": hundred["blocks"] * 2})

    assert slack_error(excinfo) == "invalid_arguments"
    assert (
        "[json-pointer:/view/blocks]" in excinfo.value.response["response_metadata"]["messages"][0]
    )


# -- programmed failures ------------------------------------------------------------------


def test_429_then_success_with_the_retry_handler(fake: FakeSlack) -> None:
    client = fake.client(retry_handlers=[RateLimitErrorRetryHandler(max_retry_count=1)])
    fake.fail_next("chat.postMessage", status=429, retry_after=1)

    started = time.monotonic()
    response = client.chat_postMessage(channel="C1", text="hello")
    elapsed = time.monotonic() - started

    assert response["ok"]
    assert elapsed >= 1.0
    first, second = fake.calls("chat.postMessage")
    assert (first.status, first.response["error"]) == (429, "ratelimited")
    assert second.ok


def test_429_without_retry_handler_surfaces_retry_after(fake: FakeSlack, client: WebClient) -> None:
    fake.fail_next("chat.postMessage", retry_after=7)

    with pytest.raises(SlackApiError) as excinfo:
        client.chat_postMessage(channel="C1", text="hello")

    assert excinfo.value.response.status_code == 429
    assert excinfo.value.response.headers["Retry-After"] == "7"


def test_500_is_an_error(fake: FakeSlack, client: WebClient) -> None:
    fake.fail_next("chat.postMessage", status=500)

    with pytest.raises(SlackApiError) as excinfo:
        client.chat_postMessage(channel="C1", text="hello")

    assert excinfo.value.response.status_code == 500
    assert client.chat_postMessage(channel="C1", text="hello again")["ok"]


def test_programmed_error_answers_ok_false(fake: FakeSlack, client: WebClient) -> None:
    fake.fail_next("chat.postMessage", error="channel_not_found", times=2)

    for _ in range(2):
        with pytest.raises(SlackApiError) as excinfo:
            client.chat_postMessage(channel="C1", text="x")
        assert excinfo.value.response.status_code == 200
        assert slack_error(excinfo) == "channel_not_found"
    assert client.chat_postMessage(channel="C1", text="x")["ok"]
    assert fake.count("chat.postMessage", ok=True) == 1


# -- rate limits ----------------------------------------------------------------------------


def test_per_channel_limit_answers_429_with_retry_after() -> None:
    with FakeSlack(per_channel_per_second=1.0) as fake:
        client = fake.client()
        assert client.chat_postMessage(channel="C1", text="first")["ok"]
        with pytest.raises(SlackApiError) as excinfo:
            client.chat_postMessage(channel="C1", text="too soon")
        assert client.chat_postMessage(channel="C2", text="other channel")["ok"]

    assert excinfo.value.response.status_code == 429
    assert slack_error(excinfo) == "ratelimited"
    assert int(excinfo.value.response.headers["Retry-After"]) == 1
    assert fake.rate_limited_count == 1


def test_rate_limiter_retry_after_follows_the_clock() -> None:
    now = [100.0]
    limiter = PostRateLimiter(
        per_channel_per_second=0.25, workspace_per_minute=3, clock=lambda: now[0]
    )

    assert limiter.check("C1") is None
    now[0] = 101.5
    assert limiter.check("C1") == 3  # 4 s spacing, 2.5 s left, rounded up
    assert limiter.check("C2") is None
    assert limiter.check("C3") is None
    assert limiter.check("C4") == 59  # the workspace budget of 3 per minute is spent
    now[0] = 160.5
    assert limiter.check("C4") is None


# -- users, threads, views, reactions ------------------------------------------------------


def test_users_info_returns_the_configured_timezone(client: WebClient) -> None:
    ada = client.users_info(user="U1")["user"]
    grace = client.users_info(user="U2")["user"]

    assert (ada["tz"], ada["tz_offset"], ada["real_name"]) == (
        "Europe/London",
        3600,
        "Ada Lovelace",
    )
    assert grace["tz"] == "America/New_York"
    assert grace["tz_offset"] in (-18000, -14400)
    assert grace["is_admin"] and not grace["is_owner"]


def test_unknown_user_is_not_found(client: WebClient) -> None:
    with pytest.raises(SlackApiError) as excinfo:
        client.users_info(user="U404")

    assert slack_error(excinfo) == "user_not_found"


def test_thread_replies_history_and_permalink(fake: FakeSlack, client: WebClient) -> None:
    parent = client.chat_postMessage(channel="C1", text="Question 1")["ts"]
    answer = fake.add_message("C1", "B", user="U1", thread_ts=parent)
    client.chat_postMessage(channel="C1", text="Noted", thread_ts=parent)

    replies = client.conversations_replies(channel="C1", ts=parent)["messages"]
    history = client.conversations_history(channel="C1")["messages"]
    link = client.chat_getPermalink(channel="C1", message_ts=answer)["permalink"]

    assert [m["text"] for m in replies] == ["Question 1", "B", "Noted"]
    assert replies[0]["reply_count"] == 2
    assert [m["ts"] for m in history] == [parent]
    assert link.endswith(f"/archives/C1/p{answer.replace('.', '')}?thread_ts={parent}&cid=C1")


def test_update_delete_and_react(fake: FakeSlack, client: WebClient) -> None:
    ts = client.chat_postMessage(channel="C1", text="Question")["ts"]
    someone_elses = fake.add_message("C1", "my answer", user="U1")

    assert client.chat_update(channel="C1", ts=ts, text="Revealed")["message"]["text"] == "Revealed"
    assert client.reactions_add(channel="C1", timestamp=someone_elses, name="white_check_mark")[
        "ok"
    ]
    with pytest.raises(SlackApiError) as cant_update:
        client.chat_update(channel="C1", ts=someone_elses, text="edited")
    assert client.chat_delete(channel="C1", ts=ts)["ok"]
    with pytest.raises(SlackApiError) as gone:
        client.chat_update(channel="C1", ts=ts, text="again")

    assert slack_error(cant_update) == "cant_update_message"
    assert slack_error(gone) == "message_not_found"
    assert fake.messages("C1")[0]["reactions"][0]["users"] == [BOT_USER_ID]


def test_ephemeral_and_dm(client: WebClient) -> None:
    ephemeral = client.chat_postEphemeral(channel="C1", user="U1", text="only you")
    opened = client.conversations_open(users="U1")
    again = client.conversations_open(users="U1")

    assert ephemeral["message_ts"]
    assert opened["channel"]["id"].startswith("D")
    assert again["channel"]["id"] == opened["channel"]["id"]
    assert again["already_open"]
    assert client.conversations_info(channel=opened["channel"]["id"])["channel"]["is_im"]


def test_modal_open_and_update(client: WebClient) -> None:
    modal = {
        "type": "modal",
        "title": {"type": "plain_text", "text": "Practice"},
        "blocks": [section("Card 1")],
    }
    view = client.views_open(trigger_id="1.2.abc", view=modal)["view"]
    updated = client.views_update(
        view_id=view["id"], hash=view["hash"], view={**modal, "blocks": [section("Card 2")]}
    )["view"]

    assert updated["id"] == view["id"]
    assert updated["blocks"][0]["text"]["text"] == "Card 2"
    with pytest.raises(SlackApiError) as stale:
        client.views_update(view_id=view["id"], hash=view["hash"], view=modal)
    assert slack_error(stale) == "hash_conflict"


# -- files -----------------------------------------------------------------------------------


def test_files_upload_v2_end_to_end(fake: FakeSlack, client: WebClient) -> None:
    response = client.files_upload_v2(
        channel="C1",
        content=PNG_BYTES,
        filename="leaderboard.png",
        title="Leaderboard",
        initial_comment="This week",
    )

    file_id = response["file"]["id"]
    assert response["file"]["title"] == "Leaderboard"
    assert response["file"]["mimetype"] == "image/png"
    assert fake.uploaded(file_id) == PNG_BYTES
    assert fake.last("files.getUploadURLExternal").body["length"] == str(len(PNG_BYTES))
    completed = fake.last("files.completeUploadExternal").body
    assert completed["files"] == [{"id": file_id, "title": "Leaderboard"}]
    shared = fake.messages("C1")[-1]
    assert shared["text"] == "This week"
    assert shared["files"][0]["id"] == file_id


# -- waiting -----------------------------------------------------------------------------------


def test_wait_for_sees_calls_from_another_thread(fake: FakeSlack, client: WebClient) -> None:
    worker = threading.Thread(
        target=lambda: [client.chat_postMessage(channel="C1", text=str(n)) for n in range(3)]
    )
    worker.start()

    calls = fake.wait_for("chat.postMessage", count=3, timeout=5.0)
    worker.join()

    assert [call.body["text"] for call in calls] == ["0", "1", "2"]


def test_wait_for_times_out_with_a_clear_message(fake: FakeSlack, client: WebClient) -> None:
    client.auth_test()

    with pytest.raises(WaitTimeout) as excinfo:
        fake.wait_for("chat.postMessage", count=1, timeout=0.2)

    message = str(excinfo.value)
    assert "waiting for 1 chat.postMessage call(s); got 0" in message
    assert "Calls received: auth.test x1." in message


def test_last_without_calls_says_what_arrived(fake: FakeSlack) -> None:
    with pytest.raises(AssertionError, match="No calls were received"):
        fake.last("chat.postMessage")


# -- response_url --------------------------------------------------------------------------------


def test_response_url_records_posts_and_allows_five(fake: FakeSlack) -> None:
    url = fake.new_response_url()
    webhook = WebhookClient(url)

    first = webhook.send(text="Working on it", response_type="ephemeral")
    for n in range(4):
        webhook.send(text=f"update {n}", replace_original=True)
    sixth = webhook.send(text="one too many")

    assert first.status_code == 200
    posts = fake.wait_for_response(url, count=5)
    assert posts[0] == {"text": "Working on it", "response_type": "ephemeral"}
    assert posts[1]["replace_original"] is True
    assert sixth.status_code == 404
    assert json.loads(sixth.body)["error"] == "used_url"


def test_response_url_validates_blocks(fake: FakeSlack) -> None:
    url = fake.new_response_url()

    response = WebhookClient(url).send(blocks=[{"type": "divider"}] * 51)

    assert response.status_code == 400
    assert fake.responses(url) == []


# -- signing ---------------------------------------------------------------------------------------


def test_signed_headers_pass_verification() -> None:
    body = event_body({"type": "app_mention", "text": "<@UBOT> hi"}, event_id="Ev1")

    headers = signed_headers(SECRET, body)

    assert SignatureVerifier(SECRET).is_valid_request(body, headers)
    assert headers["Content-Type"] == "application/json"


def test_signed_headers_fail_with_a_wrong_secret_or_an_old_timestamp() -> None:
    body = command_body(text="ask what is a fact table")
    stale = signed_headers(SECRET, body, timestamp=int(time.time()) - 301)

    assert not SignatureVerifier("another-secret").is_valid_request(
        body, signed_headers(SECRET, body)
    )
    assert not SignatureVerifier(SECRET).is_valid_request(body, stale)
    assert not SignatureVerifier(SECRET).is_valid_request(
        body + "&x=1", signed_headers(SECRET, body)
    )


def test_retry_headers() -> None:
    headers = signed_headers(SECRET, "{}", retry_num=1, retry_reason="http_timeout")

    assert headers["X-Slack-Retry-Num"] == "1"
    assert headers["X-Slack-Retry-Reason"] == "http_timeout"


def test_event_body_is_an_event_callback_envelope() -> None:
    envelope = json.loads(
        event_body({"type": "message", "text": "hi"}, event_id="Ev9", team_id="T7")
    )

    assert envelope["type"] == "event_callback"
    assert envelope["event_id"] == "Ev9"
    assert envelope["team_id"] == "T7"
    assert envelope["authorizations"][0]["user_id"] == BOT_USER_ID
    assert isinstance(envelope["event_time"], int)


def test_command_and_action_bodies_are_form_encoded() -> None:
    command = parse_qs(command_body("/study", "quiz me", user_id="U1", response_url="http://x/r/1"))
    action = parse_qs(action_body({"type": "block_actions", "actions": [{"action_id": "answer"}]}))

    assert command["command"] == ["/study"]
    assert command["text"] == ["quiz me"]
    assert command["response_url"] == ["http://x/r/1"]
    assert json.loads(action["payload"][0])["type"] == "block_actions"
    assert signed_headers(SECRET, command_body())["Content-Type"] == (
        "application/x-www-form-urlencoded"
    )


def test_url_verification_body() -> None:
    assert json.loads(url_verification_body("abc")) == {
        "token": "legacy-verification-token",
        "challenge": "abc",
        "type": "url_verification",
    }
