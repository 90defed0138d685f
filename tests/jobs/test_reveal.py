"""The reveal at closing time: settled answers in order with points and streaks, the cited
notes, the post closed; once only, and a failed reveal is retried rather than lost."""

from __future__ import annotations

import dataclasses
import threading
from datetime import timedelta

import pytest

from core.usecases import quiz_day
from jobs.context import JobContext
from jobs.daily import post_daily_question
from jobs.reveal import reveal_due
from quiz.answering import AnswerStatus, submit_answer
from quiz.leaderboard import Period, channel_leaderboard
from quiz.posts import DEFAULT_REVEAL_MINUTES
from quiz.scoring import current_streak
from store.db import is_sqlite
from store.models import QuizAnswer, QuizPost
from tests.jobs.helpers import RecordingPublisher, subscribe, utc

NINE = utc(2025, 3, 4, 9, 0)

REVEAL = timedelta(minutes=DEFAULT_REVEAL_MINUTES)


def wrong(letter: str) -> str:
    return "A" if letter != "A" else "B"


def posted(ctx: JobContext, publisher: RecordingPublisher, now=NINE):  # type: ignore[no-untyped-def]
    post_daily_question(ctx, "C1", now)
    return publisher.questions[-1]


def test_reveal_lists_settled_answers_and_closes_the_post(
    ctx: JobContext, publisher: RecordingPublisher
) -> None:
    subscribe(ctx.database, "C1")
    question = posted(ctx, publisher)
    with ctx.database.session() as session:
        for member, letter in (("U_RIGHT", question.answer), ("U_WRONG", wrong(question.answer))):
            result = submit_answer(
                session, question.post_id, member, NINE + timedelta(minutes=5), button_value=letter
            )
            assert result.status is AnswerStatus.SCORED
    assert reveal_due(ctx, "C1", NINE + REVEAL - timedelta(minutes=1)) == 0
    close = NINE + REVEAL
    assert reveal_due(ctx, "C1", close) == 1
    [reveal] = publisher.reveals
    assert reveal.question.thread_ts == "1700000000.000001"
    assert [(e.member_id, e.correct) for e in reveal.entries] == [
        ("U_RIGHT", True),
        ("U_WRONG", False),
    ]
    assert reveal.entries[0].points == 10 and reveal.entries[0].streak == 1
    assert reveal.source_text  # the cited section of the fixture notes
    with ctx.database.session() as session:
        post = session.get(QuizPost, question.post_id)
        assert post is not None and post.closed_at == close
        late = submit_answer(session, question.post_id, "U_LATE", close, button_value="A")
        assert late.status is AnswerStatus.CLOSED
        board = channel_leaderboard(session, "C1", Period.WEEK, close)
        assert [s.member_id for s in board] == ["U_RIGHT", "U_WRONG"]
        assert current_streak(session, "C1", "U_RIGHT", close) == 1
    assert reveal_due(ctx, "C1", close + timedelta(hours=1)) == 0
    assert len(publisher.reveals) == 1


def test_streak_grows_across_revealed_days(ctx: JobContext, publisher: RecordingPublisher) -> None:
    subscribe(ctx.database, "C1")
    for day in range(3):
        now = NINE + timedelta(days=day)
        question = posted(ctx, publisher, now)
        with ctx.database.session() as session:
            submit_answer(session, question.post_id, "U1", now, button_value=question.answer)
        reveal_due(ctx, "C1", now + REVEAL + timedelta(hours=1))
    assert [r.entries[0].streak for r in publisher.reveals] == [1, 2, 3]
    assert [r.entries[0].points for r in publisher.reveals] == [10, 11, 12]


def test_failed_reveal_stays_in_the_outbox_and_is_retried_once(
    ctx: JobContext, publisher: RecordingPublisher
) -> None:
    subscribe(ctx.database, "C1")
    question = posted(ctx, publisher)
    publisher.failures = 3
    close = NINE + REVEAL
    assert reveal_due(ctx, "C1", close) == 1  # closed and queued in one transaction
    with ctx.database.session() as session:
        post = session.get(QuizPost, question.post_id)
        assert post is not None and post.closed_at is not None
    assert reveal_due(ctx, "C1", close + timedelta(minutes=5)) == 0
    assert publisher.reveals == []
    assert ctx.sender is not None
    for minute in range(1, 6):
        ctx.sender.drain_once(close + timedelta(minutes=minute))
    assert len(publisher.reveals) == 1
    assert len(publisher.delivered) == 3  # question, reveal in the thread, summary


def test_a_post_never_published_is_closed_without_a_reveal(
    ctx: JobContext, publisher: RecordingPublisher
) -> None:
    from quiz.posts import open_post

    subscribe(ctx.database, "C1")
    with ctx.database.session() as session:
        post_id = open_post(session, "C1", NINE).id
    assert reveal_due(ctx, "C1", NINE + REVEAL + timedelta(hours=1)) == 0
    assert publisher.reveals == []
    with ctx.database.session() as session:
        post = session.get(QuizPost, post_id)
        assert post is not None and post.closed_at is not None


def test_an_answer_racing_the_reveal_waits_for_it_and_is_not_scored_unseen(
    ctx: JobContext, publisher: RecordingPublisher
) -> None:
    """A click a moment before closing, while the reveal's transaction has the post: the
    answer used to be stored and scored after the reveal had listed the answers, so the
    member never appeared in it. It now waits for the reveal and is told the question closed."""
    if is_sqlite(ctx.database.url):
        pytest.skip("SQLite takes one writer at a time: no interleaving to test")
    subscribe(ctx.database, "C1")
    question = posted(ctx, publisher)
    close = NINE + REVEAL
    answering = dataclasses.replace(ctx, now=lambda: close - timedelta(seconds=1))
    submitted: list[quiz_day.Submitted] = []

    def click() -> None:
        submitted.append(
            quiz_day.submit(answering, question.post_id, "U_LATE", button_value=question.answer)
        )

    with ctx.database.session() as reveal:  # the reveal, midway: it holds the post
        post = reveal.get(QuizPost, question.post_id, with_for_update={"of": QuizPost})
        assert post is not None
        racer = threading.Thread(target=click)
        racer.start()
        racer.join(timeout=1.0)
        assert racer.is_alive()
        post.closed_at = close
    racer.join(timeout=30)
    [result] = submitted
    assert result.result.status is AnswerStatus.CLOSED
    with ctx.database.session() as session:
        assert session.query(QuizAnswer).count() == 0
