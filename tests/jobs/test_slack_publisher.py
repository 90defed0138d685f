"""The jobs through the Slack app's real publisher and the outbox sender, paced, against
FakeSlack with its rate limits on: question with buttons and its key in the message metadata,
reveal in the thread, weekly board with its chart."""

from __future__ import annotations

from datetime import timedelta

from bot.slack.pacing import Pacer
from bot.slack.publisher import SlackPublisher
from jobs.context import JobContext
from jobs.daily import PostOutcome, post_daily_question
from jobs.reveal import reveal_due
from jobs.weekly import post_weekly_board
from quiz.answering import submit_answer
from quiz.posts import DEFAULT_REVEAL_MINUTES
from store.models import QuizPost
from tests.fakeslack import FakeSlack
from tests.jobs.helpers import SPEED, fast_clock, fast_sleep, http_sender, subscribe, utc

MONDAY_NINE = utc(2025, 3, 3, 9, 0)


def test_post_reveal_and_weekly_board_through_slack(ctx: JobContext) -> None:
    subscribe(ctx.database, "C1")
    limits = {"per_channel_per_second": 1, "workspace_per_minute": 60, "clock": fast_clock}
    with FakeSlack(**limits) as slack:  # type: ignore[arg-type]
        # 0.2 s of real time: more than thread jitter on a loaded 2-core machine.
        pacer = Pacer(per_minute=60, margin_s=0.2 * SPEED, clock=fast_clock, sleep=fast_sleep)
        ctx.publisher = SlackPublisher()
        ctx.sender = http_sender(ctx.database, slack.api_url, ctx.holder, pacer)
        assert post_daily_question(ctx, "C1", MONDAY_NINE) is PostOutcome.POSTED
        [question] = slack.calls("chat.postMessage", ok=True)
        assert question.body["channel"] == "C1" and question.body["blocks"]
        assert question.body["metadata"]["event_payload"]["key"].startswith("post:")
        ts = question.response["ts"]
        with ctx.database.session() as session:
            post = session.query(QuizPost).one()
            assert post.slack_ts == ts
            submit_answer(session, post.id, "U1", MONDAY_NINE, button_value=post.question.answer)
        assert reveal_due(ctx, "C1", MONDAY_NINE + timedelta(minutes=DEFAULT_REVEAL_MINUTES)) == 1
        thread, summary = slack.calls("chat.postMessage", ok=True)[1:]
        assert thread.body["thread_ts"] == ts and "thread_ts" not in summary.body
        assert post_weekly_board(ctx, "C1", utc(2025, 3, 7, 16, 0))
        [upload] = slack.wait_for("files.completeUploadExternal", 1, ok=True)
        file_id = upload.body["files"][0]["id"]
        assert slack.uploaded(file_id).startswith(b"\x89PNG")
        assert slack.rate_limited_count == 0
