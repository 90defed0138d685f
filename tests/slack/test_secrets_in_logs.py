"""No token, credential or member's message reaches the log, whatever fails: a listener that
raises, Slack answering 500 or 429 past the retries, or Slack unreachable."""

from __future__ import annotations

import io
import logging
from collections.abc import Iterator

import pytest

from common.logs import configure_logging, redact
from tests.slack.conftest import BOSS, SECRET, TOKEN, Running

SECRET_QUESTION = "zebra-quartz-question what is RMSE?"


@pytest.fixture
def log() -> Iterator[io.StringIO]:
    stream = io.StringIO()
    configure_logging("DEBUG", json=False, stream=stream)
    for name in ("slack_sdk", "slack_bolt", "urllib3", "waitress"):
        logging.getLogger(name).setLevel(logging.DEBUG)
    try:
        yield stream
    finally:
        for name in ("slack_sdk", "slack_bolt", "urllib3", "waitress"):
            logging.getLogger(name).setLevel(logging.WARNING)
        configure_logging("INFO", json=False)


def assert_clean(text: str) -> None:
    assert text, "nothing was logged: the failure paths did not run"
    leaks = (TOKEN, TOKEN.split("-", 1)[1], SECRET, "'Authorization'", "Bearer", "zebra-quartz")
    for leak in leaks:
        assert leak not in text, f"{leak!r} reached the log:\n{text}"


def test_failures_log_no_token_and_no_message_text(bot: Running, log: io.StringIO) -> None:
    bot.fake.fail_next("chat.postMessage", status=500)
    bot.mention(f"<@UBOT> {SECRET_QUESTION}", channel="C1")
    bot.fake.wait_for("chat.postMessage", 1)
    bot.fake.fail_next("chat.postMessage", retry_after=0, times=10)
    bot.mention(f"<@UBOT> {SECRET_QUESTION} again", channel="C2")
    bot.fake.wait_for("chat.postMessage", 5)
    _reply, url = bot.command("subscribe 09:00 Zebra-quartz/Nowhere", user=BOSS)
    bot.fake.wait_for_response(url)
    bot.fake.wait_for_response(bot.click("ask_more", "not-a-number"))  # a listener that raises
    bot.settle()
    bot.fake.stop()  # Slack goes away: the next answer cannot be delivered
    bot.mention(f"<@UBOT> {SECRET_QUESTION} outage", channel="C3")
    bot.settle(timeout=60, delivered=False)
    text = log.getvalue()
    assert "Traceback" in text  # the failures were logged, with their tracebacks
    assert_clean(text)


def test_the_redaction_guard_blanks_tokens_and_credentials() -> None:
    line = "calling with xoxb-123-456-abc and xapp-1-A1-2 and 'Authorization': 'Bearer xoxp-9'"
    cleaned = redact(line)
    for leak in ("123-456-abc", "1-A1-2", "xoxp-9"):
        assert leak not in cleaned
    assert "xoxb-[redacted]" in cleaned


def test_configured_secrets_are_blanked_from_every_line() -> None:
    stream = io.StringIO()
    configure_logging("INFO", stream=stream, secrets=("signing-secret-value",))
    try:
        logging.getLogger("bot.demo").error("secret is signing-secret-value")
    finally:
        configure_logging("INFO")
    assert "signing-secret-value" not in stream.getvalue()
    assert "[redacted]" in stream.getvalue()
