"""SlackPublisher against FakeSlack: question, reveal, weekly board with chart, nudge; and
Block Kit limits respected by long content (the fake refuses violations like Slack)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date

import pytest

from bot.publisher import Improvement, QuestionView, Reveal, RevealEntry, WeeklyBoard
from bot.slack.publisher import SlackPublisher
from quiz.leaderboard import Standing, TeamStanding
from tests.fakeslack import FakeSlack

LONG = "word " * 1200  # 6,000 characters: over every section limit


@pytest.fixture
def fake() -> Iterator[FakeSlack]:
    with FakeSlack() as fake:
        yield fake


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


def test_question_and_reveal_in_thread_with_a_channel_summary(fake: FakeSlack) -> None:
    publisher = SlackPublisher(fake.client())
    ts = publisher.post_question(view())
    entries = [
        RevealEntry(f"U{i}", f"<@U{i}> name {i}", i % 2 == 0, "B", 1.0, 10, i) for i in range(120)
    ]
    publisher.post_reveal(Reveal(view(thread_ts=ts), entries, source_text=LONG))
    question, thread, summary = fake.wait_for("chat.postMessage", 3, ok=True)
    assert thread.body["thread_ts"] == ts and "thread_ts" not in summary.body
    assert "60 of 120" in summary.body["text"]
    sent = json.dumps([question.body, thread.body])
    assert "<!channel>" not in sent and "<@U1>" not in sent
    assert "quiz_report" in json.dumps(thread.body["blocks"])


def test_weekly_board_uploads_the_chart(fake: FakeSlack) -> None:
    top = [Standing(i, f"U{i}", f"Member {i} " + "x" * 80, 100 - i, 5, 4) for i in range(1, 60)]
    teams = [TeamStanding(1, "team:1", "Data", 4, 120, 30.0)]
    better = [Improvement("U1", "Member 1", 40, 10)]
    board = WeeklyBoard("C1", date(2025, 3, 3), date(2025, 3, 9), top, better, teams)
    SlackPublisher(fake.client()).post_weekly_leaderboard(board, b"\x89PNG fake")
    fake.wait_for("chat.postMessage", ok=True)
    (complete,) = fake.wait_for("files.completeUploadExternal", ok=True)
    file_id = complete.response["files"][0]["id"]
    assert fake.uploaded(file_id) == b"\x89PNG fake"


def test_practice_nudge_is_a_dm_with_a_start_button(fake: FakeSlack) -> None:
    SlackPublisher(fake.client()).send_practice_nudge("U1", 3)
    (call,) = fake.wait_for("chat.postMessage", ok=True)
    assert call.response["channel"].startswith("D")
    assert "practice_start" in json.dumps(call.body["blocks"])


def test_long_content_stays_within_block_kit_limits(fake: FakeSlack) -> None:
    SlackPublisher(fake.client()).post_question(view(stem=LONG))
    (call,) = fake.wait_for("chat.postMessage")
    assert call.ok, call.response
