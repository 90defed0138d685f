"""A channel archived after it subscribed: the post Slack refuses pauses the subscription,
the admins in STUDYBOT_ADMINS get one DM, every member sees why in `/study status` (and
`/study quiz`), and `/study subscribe` resumes it (over real HTTP, against FakeSlack)."""

from __future__ import annotations

from bot.slack.render import schedule
from store.models import Channel
from tests.slack.conftest import BOSS, Running


def dms_to(bot: Running, user: str) -> list[str]:
    return [
        c.body["text"]
        for c in bot.fake.calls("chat.postMessage", ok=True)
        if c.body.get("channel") == user
    ]


def test_an_archived_channel_is_paused_shown_and_resumed(bot: Running) -> None:
    _reply, url = bot.command("subscribe 08:30 UTC daily", user=BOSS)
    bot.fake.wait_for_response(url)
    bot.fake.archive("C1")
    _reply, url = bot.command("quiz")
    bot.fake.wait_for_response(url)
    bot.settle()
    with bot.services.database.session() as session:
        channel = session.get(Channel, "C1")
        assert channel is not None and not channel.active
        assert channel.paused_reason == "is_archived"
    [told] = dms_to(bot, BOSS)
    assert "<#C1>" in told and "archived" in told
    _reply, url = bot.command("status", user="U2")
    assert bot.fake.wait_for_response(url)[0]["text"] == schedule.paused_text("is_archived")
    _reply, url = bot.command("quiz", user="U2")
    assert "paused" in bot.fake.wait_for_response(url)[0]["text"]
    bot.settle()
    assert len(dms_to(bot, BOSS)) == 1  # told once
    bot.fake.workspace.archived.clear()
    _reply, url = bot.command("subscribe 08:30 UTC daily", user=BOSS)
    bot.fake.wait_for_response(url)
    _reply, url = bot.command("status", user="U2")
    assert "08:30" in bot.fake.wait_for_response(url)[0]["text"]


def test_status_in_a_channel_never_subscribed(bot: Running) -> None:
    _reply, url = bot.command("status")
    assert bot.fake.wait_for_response(url)[0]["text"] == schedule.NOT_SUBSCRIBED
