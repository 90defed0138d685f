"""A channel whose posts Slack refuses for good (archived, the bot removed): its subscription
is paused with the reason, the admins are told once, no post is tried there again, the
pause shows in the CLI, and subscribing again resumes it (FakeSlack over real HTTP)."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from bot.slack.delivery import OutboxSender, SlackTransport, sender_client
from bot.slack.publisher import SlackPublisher
from core.usecases.channels import channel_plan
from jobs.context import JobContext
from jobs.daily import PostOutcome, post_daily_question
from jobs.nudges import send_practice_nudges
from quiz.posts import ensure_member
from quiz.practice import set_practice_nudges
from store.models import Channel, OutboxMessage, PracticeCard, PracticeNudge
from tests.fakeslack import FakeSlack
from tests.jobs.helpers import subscribe, unpaced, utc
from tests.test_settings import studybot

MONDAY_NINE = utc(2025, 3, 3, 9, 0)
ADMINS = ("UADMIN1", "UADMIN2")


def slack_sender(ctx: JobContext, slack: FakeSlack) -> OutboxSender:
    client = sender_client("xoxb-test", base_url=slack.api_url)
    return OutboxSender(
        ctx.database, SlackTransport(client), unpaced(), holder=ctx.holder, admins=ADMINS
    )


def drain(sender: OutboxSender, at: object) -> None:
    for _ in range(5):
        sender.drain_once(at)  # type: ignore[arg-type]


def channel(ctx: JobContext, channel_id: str = "C1") -> Channel:
    with ctx.database.session() as session:
        row = session.get(Channel, channel_id)
        assert row is not None
        session.expunge(row)
        return row


def posts_to(slack: FakeSlack, channel_id: str) -> int:
    return sum(1 for c in slack.calls("chat.postMessage") if c.body.get("channel") == channel_id)


@pytest.mark.parametrize(
    ("refuse", "reason"), [("archive", "is_archived"), ("remove", "not_in_channel")]
)
def test_a_refused_channel_is_paused_admins_told_once_and_resubscribing_resumes(
    ctx: JobContext, refuse: str, reason: str
) -> None:
    subscribe(ctx.database, "C1")
    with FakeSlack() as slack:
        ctx.publisher, ctx.sender = SlackPublisher(), slack_sender(ctx, slack)
        slack.archive("C1") if refuse == "archive" else slack.not_invited_to("C1")
        post_daily_question(ctx, "C1", MONDAY_NINE)
        paused = channel(ctx)
        assert (paused.active, paused.paused_reason) == (False, reason)
        assert channel_plan(ctx.database, "C1") is None  # the scheduler drops its jobs
        drain(ctx.sender, MONDAY_NINE)
        told = [c for c in slack.calls("chat.postMessage", ok=True) if c.body["channel"] != "C1"]
        assert len(told) == len(ADMINS)
        assert all("<#C1>" in c.body["text"] and "/study subscribe" in c.body["text"] for c in told)
        tried = posts_to(slack, "C1")
        for day in range(1, 4):  # the next days: nothing is tried there, nobody told again
            outcome = post_daily_question(ctx, "C1", MONDAY_NINE + timedelta(days=day))
            assert outcome is PostOutcome.NOT_DUE
            drain(ctx.sender, MONDAY_NINE + timedelta(days=day))
        assert posts_to(slack, "C1") == tried
        assert len(slack.calls("chat.postMessage", ok=True)) == len(ADMINS)
        slack.workspace.archived.clear()
        slack.workspace.outside.clear()
        subscribe(ctx.database, "C1", now=MONDAY_NINE + timedelta(days=4, hours=1))
        assert channel(ctx).paused_reason is None and channel(ctx).active
        outcome = post_daily_question(ctx, "C1", MONDAY_NINE + timedelta(days=5))
        assert outcome is PostOutcome.POSTED


def test_a_refusal_of_a_post_queued_before_resubscribing_does_not_pause_again(
    ctx: JobContext,
) -> None:
    """The admin subscribed again while an older post was still being retried: its refusal
    is not news, and must not undo the admin's new subscription."""
    subscribe(ctx.database, "C1")
    with FakeSlack() as slack:
        ctx.publisher, ctx.sender = SlackPublisher(), slack_sender(ctx, slack)
        slack.fail_next("chat.postMessage", error="internal_error")
        assert post_daily_question(ctx, "C1", MONDAY_NINE) is PostOutcome.QUEUED
        subscribe(ctx.database, "C1", now=MONDAY_NINE + timedelta(minutes=1))
        slack.archive("C1")
        drain(ctx.sender, MONDAY_NINE + timedelta(minutes=2))
        with ctx.database.session() as session:
            statuses = list(session.scalars(select(OutboxMessage.status)))
        assert statuses == ["failed"]
        assert channel(ctx).active and channel(ctx).paused_reason is None


def test_the_cli_lists_a_paused_channel_with_its_reason(ctx: JobContext, tmp_path: Path) -> None:
    subscribe(ctx.database, "C1")
    subscribe(ctx.database, "C2")
    with ctx.database.session() as session:  # `studybot quiz`'s local channel: never subscribed
        session.add(Channel(id="console", name="console", active=False))
    with FakeSlack() as slack:
        ctx.publisher, ctx.sender = SlackPublisher(), slack_sender(ctx, slack)
        slack.archive("C1")
        post_daily_question(ctx, "C1", MONDAY_NINE)
    shown = studybot("channels", "--database-url", ctx.database.url, env={}, cwd=tmp_path)
    assert shown.returncode == 0, shown.stderr
    lines = {line.split()[1]: line for line in shown.stdout.splitlines() if "│ C" in line}
    assert "PAUSED" in lines["C1"] and "is_archived" in lines["C1"]
    assert "subscribed" in lines["C2"] and "PAUSED" not in lines["C2"]
    assert "/study subscribe" in shown.stdout
    assert "console" not in shown.stdout


def test_nudges_to_a_deactivated_member_stop_and_others_go_on(ctx: JobContext) -> None:
    """Slack refuses every DM to a deactivated member: their nudge stops after the first
    refusal instead of failing every day; a member whose nudge failed otherwise keeps it."""
    for member_id in ("U_GONE", "U_HERE"):
        with ctx.database.session() as session:
            ensure_member(session, member_id, MONDAY_NINE - timedelta(days=3), timezone="UTC")
            session.add(
                PracticeCard(
                    member_id=member_id,
                    item_kind="card",
                    item_key="k1",
                    state={},
                    due=MONDAY_NINE - timedelta(days=3),
                    created_at=MONDAY_NINE - timedelta(days=3),
                )
            )
            set_practice_nudges(session, member_id, True, MONDAY_NINE - timedelta(days=3))
    with FakeSlack() as slack:
        ctx.publisher, ctx.sender = SlackPublisher(), slack_sender(ctx, slack)
        slack.fail_next("chat.postMessage", error="user_disabled")
        slack.fail_next("chat.postMessage", error="invalid_blocks")  # not about the member
        assert send_practice_nudges(ctx, MONDAY_NINE + timedelta(minutes=1)) == 2
        with ctx.database.session() as session:
            nudges = {n.member_id: n.enabled for n in session.scalars(select(PracticeNudge))}
        assert nudges == {"U_GONE": False, "U_HERE": True}
        assert send_practice_nudges(ctx, MONDAY_NINE + timedelta(days=1, minutes=1)) == 1
        assert len(slack.calls("chat.postMessage", ok=True)) == 1
