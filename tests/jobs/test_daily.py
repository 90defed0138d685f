"""The daily post: at the local slot, once per channel and date (restarts, retries, two
schedulers), a row made by `/study quiz` published rather than duplicated, Slack failures
retried from the outbox with backoff until the grace window ends, slots before the
subscription never due (and never reported late), midnight and DST."""

from __future__ import annotations

import threading
from datetime import datetime, time, timedelta

import pytest
import time_machine
from sqlalchemy import select

from common.weekdays import Weekdays
from core.usecases.quiz_day import publish_today
from jobs import context
from jobs.catchup import catch_up
from jobs.context import JobContext
from jobs.daily import PostOutcome, post_daily_question, run_daily_post
from quiz.posts import DEFAULT_REVEAL_MINUTES, open_post
from store.db import Database
from store.models import OutboxMessage, ProcessedEvent, QuizPost
from tests.jobs.helpers import RecordingPublisher, recording_sender, subscribe, utc


def posts(db: Database, channel_id: str) -> list[QuizPost]:
    with db.session() as session:
        return list(
            session.scalars(
                select(QuizPost).where(QuizPost.channel_id == channel_id).order_by(QuizPost.id)
            )
        )


def outbox_rows(db: Database) -> list[OutboxMessage]:
    with db.session() as session:
        return list(session.scalars(select(OutboxMessage).order_by(OutboxMessage.id)))


def test_posts_at_new_york_nine_on_the_spring_forward_day(
    ctx: JobContext, publisher: RecordingPublisher
) -> None:
    subscribe(ctx.database, "C1", timezone="America/New_York")
    context.install(ctx)
    with time_machine.travel(utc(2025, 3, 9, 12, 59), tick=False):
        run_daily_post("C1")  # 08:59 EDT: not yet; yesterday's slot is past the grace window
    assert publisher.questions == []
    with time_machine.travel(utc(2025, 3, 9, 13, 0, 30), tick=False):
        run_daily_post("C1")
    [question] = publisher.questions
    assert question.quiz_date.isoformat() == "2025-03-09"
    [post] = posts(ctx.database, "C1")
    assert post.slack_ts == "1700000000.000001"
    assert post.closes_at == utc(2025, 3, 9, 13, 0, 30) + timedelta(minutes=DEFAULT_REVEAL_MINUTES)


def test_restart_and_retry_never_post_twice(ctx: JobContext, publisher: RecordingPublisher) -> None:
    subscribe(ctx.database, "C1")
    now = utc(2025, 3, 4, 9, 0)
    assert post_daily_question(ctx, "C1", now) is PostOutcome.POSTED
    assert post_daily_question(ctx, "C1", now + timedelta(minutes=5)) is PostOutcome.ALREADY_POSTED
    assert len(publisher.questions) == 1
    assert len(posts(ctx.database, "C1")) == 1


def test_two_schedulers_at_the_same_moment_post_once(
    ctx: JobContext, publisher: RecordingPublisher
) -> None:
    subscribe(ctx.database, "C1")
    publisher.delay_s = 0.2
    other_db = Database(ctx.database.url)
    other = JobContext(
        database=other_db,
        publisher=publisher,
        settings=ctx.settings,
        holder="other-holder",
        sender=recording_sender(other_db, publisher, "other-holder"),
    )
    outcomes: list[PostOutcome] = []
    start = threading.Barrier(2)

    def run(job_ctx: JobContext) -> None:
        start.wait()
        outcomes.append(post_daily_question(job_ctx, "C1", utc(2025, 3, 4, 9, 0)))

    threads = [threading.Thread(target=run, args=(c,)) for c in (ctx, other)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    other.database.dispose()
    assert PostOutcome.POSTED in outcomes and set(outcomes) <= {
        PostOutcome.POSTED,
        PostOutcome.QUEUED,
    }
    assert len(publisher.questions) == 1
    assert len(outbox_rows(ctx.database)) == 1
    assert len(posts(ctx.database, "C1")) == 1


def test_a_post_opened_by_study_quiz_is_published_not_duplicated(
    ctx: JobContext, publisher: RecordingPublisher
) -> None:
    subscribe(ctx.database, "C1")
    with ctx.database.session() as session:
        early = open_post(session, "C1", utc(2025, 3, 4, 7, 30))
    assert post_daily_question(ctx, "C1", utc(2025, 3, 4, 9, 0)) is PostOutcome.POSTED
    [post] = posts(ctx.database, "C1")
    assert post.id == early.id and post.slack_ts
    assert publisher.questions[0].post_id == early.id


def test_study_quiz_and_the_schedule_share_one_path(
    ctx: JobContext, publisher: RecordingPublisher
) -> None:
    """`/study quiz` before the slot posts the day's question; the scheduler's job at the slot
    finds it out already (one outbox row, one message), and so does a member asking again."""
    subscribe(ctx.database, "C1")
    early = utc(2025, 3, 4, 7, 30)
    asked = publish_today(ctx.core(), "C1", early)
    assert asked is not None and asked.outcome is PostOutcome.QUEUED and asked.queued is not None
    assert ctx.deliver([asked.queued], early)
    assert post_daily_question(ctx, "C1", utc(2025, 3, 4, 9, 0)) is PostOutcome.ALREADY_POSTED
    assert [row.id for row in outbox_rows(ctx.database)] == [asked.queued]
    assert [q.post_id for q in publisher.questions] == [asked.question.post_id]
    again = publish_today(ctx.core(), "C1", utc(2025, 3, 4, 9, 5))
    assert again is not None and again.outcome is PostOutcome.ALREADY_POSTED
    assert again.posted_ts and again.queued is None


def test_slack_failures_are_retried_from_the_outbox_with_backoff(
    ctx: JobContext, publisher: RecordingPublisher
) -> None:
    subscribe(ctx.database, "C1")
    nine = utc(2025, 3, 4, 9, 0)
    publisher.failures = 2
    assert post_daily_question(ctx, "C1", nine) is PostOutcome.QUEUED
    sender = ctx.sender
    assert sender is not None
    sender.drain_once(nine + timedelta(seconds=0.5))  # backoff: nothing due yet
    assert publisher.failures == 1
    sender.drain_once(nine + timedelta(seconds=1))  # second try fails; next after 2 s
    sender.drain_once(nine + timedelta(seconds=2))
    assert publisher.questions == []
    sender.drain_once(nine + timedelta(seconds=3))
    assert len(publisher.questions) == 1
    [post] = posts(ctx.database, "C1")
    [row] = outbox_rows(ctx.database)
    assert post.slack_ts == row.slack_ts and row.status == "sent" and row.attempts == 3
    assert post_daily_question(ctx, "C1", nine + timedelta(minutes=5)) is PostOutcome.ALREADY_POSTED


def test_slack_down_past_the_grace_window_is_given_up_once_and_logged(
    ctx: JobContext, publisher: RecordingPublisher
) -> None:
    from structlog.testing import capture_logs

    from common.metrics import OUTBOX_UNDELIVERED

    subscribe(ctx.database, "C1")
    nine = utc(2025, 3, 4, 9, 0)
    before = OUTBOX_UNDELIVERED.labels(purpose="quiz_post")._value.get()
    publisher.failures = 1_000
    sender = ctx.sender
    assert sender is not None
    with capture_logs() as logs:
        assert post_daily_question(ctx, "C1", nine) is PostOutcome.QUEUED
        for minute in range(0, 130, 1):
            sender.drain_once(nine + timedelta(minutes=minute))
    [row] = outbox_rows(ctx.database)
    assert row.status == "failed" and publisher.questions == []
    assert [e for e in logs if e["event"] == "slack message not delivered"] != []
    assert len([e for e in logs if e["event"] == "slack message not delivered"]) == 1
    assert OUTBOX_UNDELIVERED.labels(purpose="quiz_post")._value.get() == before + 1
    [post] = posts(ctx.database, "C1")
    assert post.slack_ts is None
    assert post_daily_question(ctx, "C1", nine + timedelta(minutes=150)) is PostOutcome.TOO_LATE


def given_up_post(ctx: JobContext, publisher: RecordingPublisher) -> datetime:
    """C1's 09:00 post of 2025-03-04, given up by the schedule while Slack failed past the
    grace window; Slack works again afterwards. Returns the slot."""
    subscribe(ctx.database, "C1")
    nine = utc(2025, 3, 4, 9, 0)
    publisher.failures = 1_000
    sender = ctx.sender
    assert sender is not None
    assert post_daily_question(ctx, "C1", nine) is PostOutcome.QUEUED
    for minute in range(0, 130, 10):
        sender.drain_once(nine + timedelta(minutes=minute))
    assert [row.status for row in outbox_rows(ctx.database)] == ["failed"]
    publisher.failures = 0
    return nine


def test_study_quiz_sends_a_post_the_schedule_gave_up_on_while_its_answers_are_open(
    ctx: JobContext, publisher: RecordingPublisher
) -> None:
    """Slack was down past the grace window, so the schedule gave the post up; a member's
    `/study quiz` later that day sends it (once, looked for first), and says it is closed once
    the day's answers have closed instead of claiming it is on its way."""
    nine = given_up_post(ctx, publisher)
    [row] = outbox_rows(ctx.database)
    noon = nine + timedelta(hours=3)
    asked = publish_today(ctx.core(), "C1", noon)
    assert asked is not None and asked.outcome is PostOutcome.QUEUED
    assert asked.queued == row.id
    assert ctx.deliver([asked.queued], noon)
    assert [q.post_id for q in publisher.questions] == [asked.question.post_id]
    again = publish_today(ctx.core(), "C1", noon + timedelta(minutes=1))
    assert again is not None and again.outcome is PostOutcome.ALREADY_POSTED
    assert len(publisher.questions) == 1 and len(outbox_rows(ctx.database)) == 1


def test_study_quiz_says_a_given_up_post_is_closed_after_its_answers_closed(
    ctx: JobContext, publisher: RecordingPublisher
) -> None:
    nine = given_up_post(ctx, publisher)
    late = nine + timedelta(minutes=DEFAULT_REVEAL_MINUTES + 1)
    asked = publish_today(ctx.core(), "C1", late)
    assert asked is not None and asked.outcome is PostOutcome.TOO_LATE
    [row] = outbox_rows(ctx.database)
    assert row.status == "failed" and publisher.questions == []


def test_a_subscription_after_todays_time_starts_tomorrow_without_a_warning(
    ctx: JobContext, publisher: RecordingPublisher
) -> None:
    from structlog.testing import capture_logs

    subscribe(ctx.database, "C1", now=utc(2025, 3, 4, 9, 2, 30))  # 2.5 min after 09:00
    with capture_logs() as logs:
        for minutes in (3, 10, 200):
            outcome = post_daily_question(
                ctx, "C1", utc(2025, 3, 4, 9, 0) + timedelta(minutes=minutes)
            )
            assert outcome is PostOutcome.NOT_DUE
    assert not [e for e in logs if e["event"].startswith("daily post skipped")]
    assert post_daily_question(ctx, "C1", utc(2025, 3, 5, 9, 0)) is PostOutcome.POSTED
    assert [q.quiz_date.isoformat() for q in publisher.questions] == ["2025-03-05"]


@pytest.mark.parametrize(
    ("late", "expected"),
    [(timedelta(minutes=119), PostOutcome.POSTED), (timedelta(minutes=121), PostOutcome.TOO_LATE)],
)
def test_missed_runs_post_within_the_grace_window_only(
    ctx: JobContext,
    publisher: RecordingPublisher,
    late: timedelta,
    expected: PostOutcome,
    caplog: pytest.LogCaptureFixture,
) -> None:
    subscribe(ctx.database, "C1", timezone="Europe/Berlin")
    slot = utc(2025, 10, 26, 8, 0)  # 09:00 CET, the fall-back day
    assert post_daily_question(ctx, "C1", slot + late) is expected
    assert len(publisher.questions) == (1 if expected is PostOutcome.POSTED else 0)
    assert len(posts(ctx.database, "C1")) == len(publisher.questions)


def test_too_late_is_logged_once_per_date(
    ctx: JobContext, capsys: pytest.CaptureFixture[str]
) -> None:
    from structlog.testing import capture_logs

    subscribe(ctx.database, "C1")
    with capture_logs() as logs:
        for minutes in (180, 185, 300):
            post_daily_question(ctx, "C1", utc(2025, 3, 4, 9, 0) + timedelta(minutes=minutes))
    skipped = [e for e in logs if e["event"].startswith("daily post skipped")]
    assert len(skipped) == 1 and skipped[0]["quiz_date"] == "2025-03-04"


def test_across_midnight_a_late_post_keeps_its_date(
    ctx: JobContext, publisher: RecordingPublisher
) -> None:
    # 23:30 in Auckland (UTC+13 in March) is 10:30 UTC; the scheduler is back at 00:20 local.
    subscribe(ctx.database, "C1", timezone="Pacific/Auckland", post_time=time(23, 30))
    assert post_daily_question(ctx, "C1", utc(2025, 3, 4, 11, 20)) is PostOutcome.POSTED
    assert post_daily_question(ctx, "C1", utc(2025, 3, 5, 10, 30)) is PostOutcome.POSTED
    assert [q.quiz_date.isoformat() for q in publisher.questions] == ["2025-03-04", "2025-03-05"]


def test_weekdays_only(ctx: JobContext, publisher: RecordingPublisher) -> None:
    subscribe(ctx.database, "C1", weekdays=Weekdays.WEEKDAYS)
    saturday_nine = utc(2025, 3, 8, 9, 0)
    assert post_daily_question(ctx, "C1", saturday_nine) is PostOutcome.TOO_LATE
    assert post_daily_question(ctx, "C1", utc(2025, 3, 10, 9, 1)) is PostOutcome.POSTED
    assert [q.quiz_date.weekday() for q in publisher.questions] == [0]


def test_inactive_channel_is_not_posted(ctx: JobContext, publisher: RecordingPublisher) -> None:
    from store.models import Channel

    subscribe(ctx.database, "C1")
    with ctx.database.session() as session:
        channel = session.get(Channel, "C1")
        assert channel is not None
        channel.active = False
    assert post_daily_question(ctx, "C1", utc(2025, 3, 4, 9, 0)) is PostOutcome.NOT_DUE
    assert publisher.questions == []


def test_the_catch_up_forgets_slack_event_ids_after_a_week(ctx: JobContext) -> None:
    """Every question and graded reply stores its event id (so a retry is handled once);
    without pruning the table only grew."""
    now = utc(2025, 3, 4, 9, 0)
    with ctx.database.session() as session:
        session.add(ProcessedEvent(event_id="EvOld", received_at=now - timedelta(days=8)))
        session.add(ProcessedEvent(event_id="EvNew", received_at=now - timedelta(hours=1)))
    catch_up(ctx, now)
    with ctx.database.session() as session:
        assert set(session.scalars(select(ProcessedEvent.event_id))) == {"EvNew"}
