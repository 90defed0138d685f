"""SlackPublisher's messages, delivered by the outbox sender to FakeSlack: question, reveal,
weekly board with chart, nudge; and Block Kit limits respected by long content (the fake
refuses violations like Slack)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, date, datetime

import pytest

from bot.slack.delivery import OutboxSender, Outcome, SlackTransport, sender_client
from bot.slack.pacing import Pacer
from bot.slack.publisher import SlackPublisher
from core.publishing import (
    Improvement,
    Outgoing,
    QuestionView,
    Reveal,
    RevealEntry,
    WeeklyBoard,
    queue_all,
)
from quiz.leaderboard import Standing, TeamStanding
from store.db import Database
from tests.fakeslack import FakeSlack

NOW = datetime(2025, 3, 4, 9, 0, tzinfo=UTC)

LONG = "word " * 1200  # 6,000 characters: over every section limit


@pytest.fixture
def fake() -> Iterator[FakeSlack]:
    with FakeSlack() as fake:
        yield fake


def deliver(db: Database, fake: FakeSlack, key: str, out: list[Outgoing]) -> list[Outcome]:
    """Queue the messages and send them, in order, through the real sender."""
    client = sender_client("xoxb-test", base_url=fake.api_url)
    pacer = Pacer(per_minute=1_000, channel_spacing_s=0.0, margin_s=0.0)
    sender = OutboxSender(db, SlackTransport(client), pacer, holder="test")
    with db.session() as session:
        row_ids = queue_all(session, key, out, NOW)
    return [sender.deliver(row_id, NOW) for row_id in row_ids]


def view(
    stem: str = "Which service lands data in S3?", thread_ts: str | None = None
) -> QuestionView:
    return QuestionView(
        post_id=7,
        channel_id="C1",
        quiz_date=date(2025, 3, 4),
        bank_id="de-kinesis-001",
        stem=stem,
        options={"A": "Streams", "B": "Firehose <!channel>", "C": "SQS", "D": "Glue"},
        answer="B",
        explanation="Firehose delivers without consumer code.",
        source_file="streaming.md",
        source_heading="Kinesis Data Firehose",
        thread_ts=thread_ts,
    )


def test_question_and_reveal_in_thread_with_a_channel_summary(
    db: Database, fake: FakeSlack
) -> None:
    publisher = SlackPublisher()
    assert deliver(db, fake, "q", [publisher.question(view())]) == [Outcome.SENT]
    ts = fake.last("chat.postMessage").response["ts"]
    entries = [
        RevealEntry(f"U{i}", f"<@U{i}> name {i}", i % 2 == 0, "B", 1.0, 10, i) for i in range(120)
    ]
    reveal = publisher.reveal(Reveal(view(thread_ts=ts), entries, source_text=LONG))
    assert deliver(db, fake, "r", reveal) == [Outcome.SENT, Outcome.SENT]
    question, thread, summary = fake.wait_for("chat.postMessage", 3, ok=True)
    assert thread.body["thread_ts"] == ts and "thread_ts" not in summary.body
    assert "60 of 120" in summary.body["text"]
    sent = json.dumps([question.body, thread.body])
    assert "<!channel>" not in sent and "<@U1>" not in sent
    assert "quiz_report" in json.dumps(thread.body["blocks"])


def test_weekly_board_uploads_the_chart(db: Database, fake: FakeSlack) -> None:
    top = [Standing(i, f"U{i}", f"Member {i} " + "x" * 80, 100 - i, 5, 4) for i in range(1, 60)]
    teams = [TeamStanding(1, "team:1", "Data", 4, 120, 30.0)]
    better = [Improvement("U1", "Member 1", 40, 10)]
    board = WeeklyBoard("C1", date(2025, 3, 3), date(2025, 3, 9), top, better, teams)
    out = SlackPublisher().weekly_leaderboard(board, b"\x89PNG fake")
    assert deliver(db, fake, "w", out) == [Outcome.SENT, Outcome.SENT]
    fake.wait_for("chat.postMessage", ok=True)
    (complete,) = fake.wait_for("files.completeUploadExternal", ok=True)
    file_id = complete.response["files"][0]["id"]
    assert fake.uploaded(file_id) == b"\x89PNG fake"


def test_practice_nudge_is_a_dm_with_a_start_button(db: Database, fake: FakeSlack) -> None:
    deliver(db, fake, "n", [SlackPublisher().practice_nudge("U1", 3)])
    (call,) = fake.wait_for("chat.postMessage", ok=True)
    assert call.response["channel"].startswith("D")
    assert "practice_start" in json.dumps(call.body["blocks"])


def test_long_content_stays_within_block_kit_limits(db: Database, fake: FakeSlack) -> None:
    deliver(db, fake, "q", [SlackPublisher().question(view(stem=LONG))])
    (call,) = fake.wait_for("chat.postMessage")
    assert call.ok, call.response
