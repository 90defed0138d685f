"""Slack rate-limiting users.info for long (Retry-After 30 s): a listener thread does not
sleep through it. The member's profile falls back to unknown at once, and an admin check asks
to try again rather than waiting, or wrongly saying the member is no admin."""

from __future__ import annotations

import time

from bot.slack.render import schedule
from store.models import Channel, PracticeNudge
from tests.slack.conftest import Running


def test_a_long_retry_after_on_users_info_does_not_hold_a_worker(bot: Running) -> None:
    bot.fake.fail_next("users.info", retry_after=30, times=10)
    started = time.monotonic()
    _reply, url = bot.command("nudges on")
    text = bot.fake.wait_for_response(url, timeout=10)[0]["text"]
    assert time.monotonic() - started < 5
    assert "reminders are on" in text
    with bot.services.database.session() as session:
        assert session.get(PracticeNudge, "U1") is not None


def test_an_admin_check_under_a_rate_limit_asks_to_try_again(bot: Running) -> None:
    bot.fake.fail_next("users.info", retry_after=30, times=10)
    started = time.monotonic()
    _reply, url = bot.command("subscribe 09:00 UTC", user="UADMIN")
    text = bot.fake.wait_for_response(url, timeout=10)[0]["text"]
    assert time.monotonic() - started < 5
    assert text == schedule.ADMIN_CHECK_BUSY
    with bot.services.database.session() as session:
        assert session.get(Channel, "C1") is None


def test_a_short_retry_after_is_waited_for(bot: Running) -> None:
    bot.fake.fail_next("users.info", retry_after=1)
    _reply, url = bot.command("subscribe 09:00 UTC", user="UADMIN")
    assert "09:00" in bot.fake.wait_for_response(url, timeout=10)[0]["text"]
