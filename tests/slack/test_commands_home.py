"""/study subcommands, admin checks, practice in a DM, the App Home, health and metrics."""

from __future__ import annotations

import json
import time

import pytest

from bot.slack import ids
from bot.slack.server import HealthCheck, create_wsgi_app
from bot.slack.services import Services
from quiz.posts import subscribe_channel
from store.db import Database
from store.models import Channel, Member, OutboxMessage, PracticeNudge, QuizPost
from tests.slack.conftest import BOSS, SECRET, Reply, Running, http


def channel_row(bot: Running, channel_id: str = "C1") -> Channel | None:
    with bot.services.database.session() as session:
        return session.get(Channel, channel_id)


def test_admin_commands_are_refused_for_other_members(bot: Running) -> None:
    for text in ("subscribe 09:00", "unsubscribe", "settings"):
        _reply, url = bot.command(text, user="U1")
        assert "only workspace admins" in bot.fake.wait_for_response(url)[0]["text"]
    assert channel_row(bot) is None


@pytest.mark.parametrize("admin", ["UADMIN", BOSS])
def test_workspace_admins_and_studybot_admins_can_subscribe(bot: Running, admin: str) -> None:
    _reply, url = bot.command("subscribe 08:30 Europe/Berlin daily", user=admin)
    text = bot.fake.wait_for_response(url)[0]["text"]
    assert "08:30" in text and "every day" in text
    channel = channel_row(bot)
    assert channel is not None and channel.timezone == "Europe/Berlin" and channel.active
    _reply, url = bot.command("settings results early", user=admin)
    assert "at once" in bot.fake.wait_for_response(url)[0]["text"]
    _reply, url = bot.command("unsubscribe", user=admin)
    bot.fake.wait_for_response(url)
    channel = channel_row(bot)
    assert channel is not None and channel.show_results_early and not channel.active


def test_a_channel_the_bot_was_not_invited_to_is_told_to_invite_it(bot: Running) -> None:
    """Slack refuses every post there (not_in_channel): the subscription says so, and
    /study quiz opens no post that could never go out, instead of saying it is on its way."""
    bot.fake.not_invited_to("C1")
    _reply, url = bot.command("subscribe 08:30 Europe/Berlin daily", user=BOSS)
    text = bot.fake.wait_for_response(url)[0]["text"]
    assert "08:30" in text and "/invite @studybot" in text
    assert channel_row(bot) is not None  # subscribed all the same: inviting it is enough
    _reply, url = bot.command("quiz")
    assert "/invite @studybot" in bot.fake.wait_for_response(url)[0]["text"]
    with bot.services.database.session() as session:
        assert session.query(QuizPost).count() == 0
        assert session.query(OutboxMessage).filter(OutboxMessage.status == "failed").count() == 0


def test_a_member_channel_is_subscribed_without_the_invite_note(bot: Running) -> None:
    _reply, url = bot.command("subscribe 08:30 Europe/Berlin daily", user=BOSS)
    assert "/invite" not in bot.fake.wait_for_response(url)[0]["text"]


def test_a_direct_message_cannot_be_subscribed(bot: Running) -> None:
    """/study quiz refuses a DM; subscribing one would post a daily question, reveals and a
    weekly board into a private conversation."""
    _reply, url = bot.command("subscribe 08:30 UTC", user=BOSS, channel="D42")
    assert "in the channel that should get it" in bot.fake.wait_for_response(url)[0]["text"]
    assert channel_row(bot, "D42") is None


def test_a_time_zone_in_any_case_is_the_tz_databases_name(bot: Running) -> None:
    _reply, url = bot.command("subscribe 08:30 europe/berlin", user=BOSS)
    assert "(Europe/Berlin)" in bot.fake.wait_for_response(url)[0]["text"]
    _reply, url = bot.command("subscribe 08:30 utc", user=BOSS)
    assert "(UTC)" in bot.fake.wait_for_response(url)[0]["text"]
    channel = channel_row(bot)
    assert channel is not None and channel.timezone == "UTC"


def test_bad_input_gets_usage_and_unknown_subcommands_get_help(bot: Running) -> None:
    _reply, url = bot.command("subscribe soon", user=BOSS)
    assert "Usage" in bot.fake.wait_for_response(url)[0]["text"]
    _reply, url = bot.command("dance")
    assert "/study ask" in bot.fake.wait_for_response(url)[0]["text"]
    reply, url = bot.command("leaderboard fortnight")
    assert "week, month or all" in bot.fake.wait_for_response(url)[0]["text"]
    assert (reply.status, reply.seconds < 1.0) == (200, True)  # a failure does not undo the ack


def test_leaderboard_and_stats(bot: Running) -> None:
    with bot.services.database.session() as session:
        subscribe_channel(session, "C1", name="study")
    _reply, url = bot.command("leaderboard month")
    assert "this month" in json.dumps(bot.fake.wait_for_response(url)[0]["blocks"])
    _reply, url = bot.command("leaderboard week teams")
    assert "Teams" in json.dumps(bot.fake.wait_for_response(url)[0]["blocks"])
    _reply, url = bot.command("stats")
    assert "streak" in json.dumps(bot.fake.wait_for_response(url)[0]["blocks"])


def test_practice_runs_in_a_dm_front_then_back_then_rating(bot: Running) -> None:
    bot.command("practice")
    (card,) = bot.fake.wait_for("chat.postMessage", ok=True)
    assert card.response["channel"].startswith("D")
    (button,) = [e for b in card.body["blocks"] if b["type"] == "actions" for e in b["elements"]]
    assert button["action_id"] == ids.PRACTICE_SHOW
    dm, ts = card.response["channel"], card.response["ts"]
    bot.click(ids.PRACTICE_SHOW, button["value"], channel=dm, message_ts=ts)
    (back,) = bot.fake.wait_for("chat.update", ok=True)
    sent = json.dumps(back.body["blocks"])
    assert all(ids.practice_rate(r) in sent for r in ("again", "hard", "good", "easy"))
    bot.click(ids.practice_rate("good"), button["value"], channel=dm, message_ts=ts)
    rated = bot.fake.wait_for("chat.update", 2, ok=True)[1]
    assert "Rated *Good*" in json.dumps(rated.body["blocks"])
    bot.fake.wait_for("chat.postMessage", 2, ok=True)  # the next card


def test_nudges_opt_in_stores_the_member_time_zone(bot: Running) -> None:
    _, url = bot.command("nudges on", user="U1")
    assert "reminders are on" in bot.fake.wait_for_response(url)[0]["text"]
    with bot.services.database.session() as session:
        member = session.get(Member, "U1")
        nudge = session.get(PracticeNudge, "U1")
        assert member is not None and member.timezone == "America/Los_Angeles"
        assert nudge is not None and nudge.enabled
    _, url = bot.command("nudges off", user="U1")
    assert "off" in bot.fake.wait_for_response(url)[0]["text"]
    with bot.services.database.session() as session:
        assert not session.get(PracticeNudge, "U1").enabled  # type: ignore[union-attr]
    _, url = bot.command("nudges maybe", user="U1")
    assert "/study nudges on" in bot.fake.wait_for_response(url)[0]["text"]


def test_someone_elses_card_is_refused(bot: Running) -> None:
    bot.command("practice", user="U1")
    (card,) = bot.fake.wait_for("chat.postMessage", ok=True)
    (button,) = [e for b in card.body["blocks"] if b["type"] == "actions" for e in b["elements"]]
    url = bot.click(ids.PRACTICE_SHOW, button["value"], user="U2")
    assert "belongs to someone else" in bot.fake.wait_for_response(url)[0]["text"]


def test_app_home_is_published_with_mastery_and_practice(bot: Running) -> None:
    with bot.services.database.session() as session:
        subscribe_channel(session, "C1", name="study")
    bot.event({"type": "app_home_opened", "user": "U1", "channel": "D1", "tab": "home"})
    (call,) = bot.fake.wait_for("views.publish", ok=True)
    assert call.body["user_id"] == "U1"
    sent = json.dumps(call.body["view"])
    assert "Mastery by domain" in sent and "Start practice" in sent and "#study" in sent


def settled_health(url: str) -> Reply:
    """/healthz once the background Slack check has reported."""
    deadline = time.monotonic() + 10
    while True:
        reply = http(f"{url}/healthz")
        if reply.json()["checks"]["slack"] != "checking" or time.monotonic() > deadline:
            return reply
        time.sleep(0.02)


def test_healthz_is_200_when_everything_works(bot: Running) -> None:
    reply = settled_health(bot.url)
    assert reply.status == 200
    assert reply.json()["checks"] == {"database": "ok", "index": "ok", "slack": "ok"}


def test_healthz_is_503_naming_the_failing_parts(bot: Running, serve, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from bot.slack.app import create_app, make_client

    broken = Database(f"sqlite:///{tmp_path / 'missing' / 'dir' / 'x.db'}")
    services = Services(bot.services.settings, broken, bot.services.notes_index)
    client = make_client(bot.services.settings)
    app = create_app(bot.services.settings, services=services, client=client)
    bot.fake.fail_next("auth.test", error="invalid_auth", times=3)
    url = serve(create_wsgi_app(app, HealthCheck(services, client), signing_secret=SECRET))
    reply = settled_health(url)
    broken.dispose()
    assert reply.status == 503
    assert set(reply.json()["failing"]) == {"database", "slack"}


def test_metrics_are_served_in_prometheus_text(bot: Running) -> None:
    bot.mention("<@UBOT> What is RMSE?")
    bot.fake.wait_for("chat.postMessage", ok=True)
    reply = http(f"{bot.url}/metrics")
    assert reply.status == 200
    assert 'studybot_asks_total{surface="mention"}' in reply.body
    # prometheus_client's own WSGI app serves it: OpenMetrics to a scraper that asks for it.
    openmetrics = http(f"{bot.url}/metrics", headers={"Accept": "application/openmetrics-text"})
    assert openmetrics.status == 200 and openmetrics.body.rstrip().endswith("# EOF")
