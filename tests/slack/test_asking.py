"""Asking over Slack: mentions, retries, DMs, follow-ups, /study ask, escaping, rate limits."""

from __future__ import annotations

import json
import time
from typing import Any

from sqlalchemy import select

from store.models import AskLog
from tests.fakeslack import BOT_ID, BOT_USER_ID
from tests.slack.conftest import Running

FIREHOSE = "streaming.md › Streaming ingestion > Kinesis Data Firehose"


def blocks_text(payload: dict[str, Any]) -> str:
    return json.dumps(payload.get("blocks", []), ensure_ascii=False)


def test_mention_is_answered_once_in_its_thread_citing_the_note(bot: Running) -> None:
    ts = bot.mention(
        "<@UBOT> Which service loads records into S3 as Parquet without consumer code?",
        event_id="EvMention1",
    )
    (call,) = bot.fake.wait_for("chat.postMessage", ok=True)
    assert call.body["thread_ts"] == ts
    assert call.body["channel"] == "C1"
    assert "Kinesis Data Firehose" in blocks_text(call.body)
    assert "streaming.md" in blocks_text(call.body)


def test_a_retried_event_is_answered_only_once(bot: Running) -> None:
    bot.mention("<@UBOT> What does Random Cut Forest do?", event_id="EvSame")
    bot.fake.wait_for("chat.postMessage", ok=True)
    event = bot.fake.messages("C1")[0]
    retry = {
        "type": "app_mention",
        "user": "U1",
        "text": event["text"],
        "ts": event["ts"],
        "channel": "C1",
    }
    assert (
        bot.event(retry, event_id="EvSame", retry_num=1, retry_reason="http_timeout").status == 200
    )
    bot.settle()
    assert bot.fake.count("chat.postMessage") == 1


def test_a_bad_signature_is_refused(bot: Running) -> None:
    from tests.fakeslack import event_body, signed_headers
    from tests.slack.conftest import http

    body = event_body(
        {"type": "app_mention", "user": "U1", "text": "hi", "ts": "1.0"}, event_id="E1"
    )
    headers = signed_headers("not-the-secret", body)
    assert http(f"{bot.url}/slack/events", body, headers).status == 401
    bot.settle()
    assert bot.fake.count("chat.postMessage") == 0


def test_a_stale_timestamp_is_refused(bot: Running) -> None:
    stale = int(time.time()) - 600
    reply = bot.event(
        {"type": "app_mention", "user": "U1", "text": "<@UBOT> hi", "ts": "1.0", "channel": "C1"},
        timestamp=stale,
    )
    assert reply.status == 401


def test_a_direct_message_is_answered_in_the_dm(bot: Running) -> None:
    bot.message("What is the retention period of Kinesis Data Streams?", channel="D42")
    (call,) = bot.fake.wait_for("chat.postMessage", ok=True)
    assert call.body["channel"] == "D42"
    assert "thread_ts" not in call.body
    assert "Kinesis Data Streams" in blocks_text(call.body)


def test_a_direct_message_with_a_file_attached_is_answered(bot: Running) -> None:
    """A question sent with a screenshot arrives as subtype file_share."""
    question = "What is the retention period of Kinesis Data Streams?"
    bot.message(question, channel="D42", subtype="file_share", files=[{"id": "F1"}])
    (call,) = bot.fake.wait_for("chat.postMessage", ok=True)
    assert call.body["channel"] == "D42"
    assert "Kinesis Data Streams" in blocks_text(call.body)


def test_a_follow_up_is_answered_about_the_threads_subject(bot: Running) -> None:
    root = bot.mention("<@UBOT> What does Kinesis Data Firehose do?")
    bot.fake.wait_for("chat.postMessage", ok=True)
    bot.mention("<@UBOT> and can it convert the format?", thread_ts=root)
    calls = bot.fake.wait_for("chat.postMessage", 2, ok=True)
    assert bot.fake.count("conversations.replies") == 1
    assert calls[1].body["thread_ts"] == root
    assert "Kinesis Data Firehose" in blocks_text(calls[1].body)
    with bot.services.database.session() as session:
        asked = session.scalars(select(AskLog.question).order_by(AskLog.id)).all()
    assert asked[1] == "and can it convert the format?"


def test_slash_ask_acks_fast_and_answers_privately_through_response_url(bot: Running) -> None:
    reply, response_url = bot.command("ask What limits the write throughput of a Kinesis shard?")
    assert reply.status == 200
    assert reply.seconds < 3.0
    (answer,) = bot.fake.wait_for_response(response_url)
    assert answer["response_type"] == "ephemeral"
    text = blocks_text(answer)
    assert "1,000 records" in text or "1 MB/s" in text
    assert "Share in channel" in text


def test_share_feedback_and_more_buttons(bot: Running) -> None:
    _reply, response_url = bot.command("ask What does Random Cut Forest do?")
    (answer,) = bot.fake.wait_for_response(response_url)
    buttons = {
        e["action_id"]: e["value"]
        for b in answer["blocks"]
        if b["type"] == "actions"
        for e in b["elements"]
    }
    ask_id = buttons["ask_share"]
    thanks = bot.click("ask_helpful", ask_id)
    assert "Thanks" in bot.fake.wait_for_response(thanks)[0]["text"]
    shared = bot.fake.wait_for_response(bot.click("ask_share", ask_id), count=2)
    assert shared[0]["response_type"] == "in_channel"
    assert "Random Cut Forest" in blocks_text(shared[0])
    assert shared[1]["delete_original"] is True
    more = bot.fake.wait_for_response(bot.click("ask_more", ask_id))
    assert "[4]" in blocks_text(more[0])
    with bot.services.database.session() as session:
        assert session.get(AskLog, int(ask_id)).feedback == "up"  # type: ignore[union-attr]


def test_user_text_is_escaped_and_long_questions_trimmed(bot: Running) -> None:
    question = "<@UBOT> <!channel> <!here> <@U2> <#C9|general> what is MAE & RMSE?" + " pad" * 600
    bot.mention(question)
    (call,) = bot.fake.wait_for("chat.postMessage", ok=True)
    sent = json.dumps(call.body)
    for forbidden in ("<!channel>", "<!here>", "<@U2>", "<#C9"):
        assert forbidden not in sent
    assert "first 2,000 characters" in sent


def test_a_rate_limited_reply_arrives_after_retry_after(bot: Running) -> None:
    bot.fake.fail_next("chat.postMessage", retry_after=1)
    bot.mention("<@UBOT> What is RMSE?")
    (ok,) = bot.fake.wait_for("chat.postMessage", ok=True, timeout=8)
    (limited,) = bot.fake.calls("chat.postMessage", ok=False)
    assert limited.status == 429
    assert ok.at - limited.at >= 1.0


def test_the_bot_ignores_its_own_messages(bot: Running) -> None:
    own = {"user": BOT_USER_ID, "bot_id": BOT_ID}
    bot.message("an answer the bot posted", channel="D7", **own)
    bot.message("What is MAE?", channel="D8")
    bot.fake.wait_for("chat.postMessage", ok=True)
    bot.settle()
    assert [c.body["channel"] for c in bot.fake.calls("chat.postMessage")] == ["D8"]


def test_a_thanks_in_a_thread_gets_a_reply_not_a_decline(bot: Running) -> None:
    root = bot.mention("<@UBOT> What does Kinesis Data Firehose do?")
    bot.fake.wait_for("chat.postMessage", ok=True)
    bot.mention("<@UBOT> thanks!", thread_ts=root)
    calls = bot.fake.wait_for("chat.postMessage", 2, ok=True)
    assert calls[1].body["thread_ts"] == root
    assert "You're welcome" in calls[1].body["text"]
    assert "You're welcome" in blocks_text(calls[1].body)
    assert "don't mention" not in blocks_text(calls[1].body)
