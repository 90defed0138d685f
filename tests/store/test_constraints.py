"""The idempotency constraints hold in the database itself, also under concurrent writers."""

from __future__ import annotations

import threading
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from store.db import Database
from store.models import Channel, Member, ProcessedEvent, Question, QuizAnswer, QuizPost

NOW = datetime(2025, 1, 6, 9, tzinfo=UTC)


def _question() -> Question:
    return Question(
        bank_id="de-x-001",
        version=1,
        content_hash="h",
        domain="data-engineering",
        topic="x",
        difficulty=1,
        stem="s",
        options={"A": "a", "B": "b", "C": "c", "D": "d"},
        answer="A",
        explanation="e",
        key_points=[],
        source_file="f.md",
        source_heading="H",
        created_at=NOW,
    )


def _post(question: Question, day: date) -> QuizPost:
    return QuizPost(
        channel_id="C1",
        quiz_date=day,
        question=question,
        posted_at=NOW,
        closes_at=NOW + timedelta(hours=4),
    )


def test_one_post_per_channel_and_date(db: Database) -> None:
    with db.session() as session:
        session.add(Channel(id="C1", name="c1"))
        question = _question()
        session.add(_post(question, date(2025, 1, 6)))
    with pytest.raises(IntegrityError), db.session() as session:
        question = session.scalar(select(Question))
        assert question is not None
        session.add(_post(question, date(2025, 1, 6)))


def test_datetimes_come_back_aware_utc(db: Database) -> None:
    local = datetime(2025, 3, 30, 3, 30, tzinfo=UTC).astimezone()
    with db.session() as session:
        session.add(Member(id="U1", name="u", created_at=local))
    with db.session() as session:
        member = session.get(Member, "U1")
        assert member is not None
        assert member.created_at == local
        assert member.created_at.tzinfo is UTC


def test_naive_datetimes_are_refused(db: Database) -> None:
    with pytest.raises(Exception, match="naive datetime"), db.session() as session:
        session.add(Member(id="U1", name="u", created_at=datetime(2025, 1, 1)))
        session.flush()


def test_foreign_keys_are_enforced(db: Database) -> None:
    with pytest.raises(IntegrityError), db.session() as session:
        session.add(_post(_question(), date(2025, 1, 6)))  # channel C1 does not exist


def test_same_event_id_from_two_threads_is_stored_once(db: Database) -> None:
    barrier = threading.Barrier(2)
    outcomes: list[str] = []

    def record() -> None:
        barrier.wait()
        try:
            with db.session() as session:
                session.add(ProcessedEvent(event_id="Ev123", received_at=NOW))
            outcomes.append("stored")
        except IntegrityError:
            outcomes.append("duplicate")

    threads = [threading.Thread(target=record) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert sorted(outcomes) == ["duplicate", "stored"]
    with db.session() as session:
        assert session.scalar(select(func.count()).select_from(ProcessedEvent)) == 1


def test_a_database_error_does_not_repeat_what_a_member_typed(db: Database) -> None:
    """SQLAlchemy puts a failed statement's parameters in the error's text, and the bot logs
    a failure's text and traceback: a free-text answer that failed to store would be logged."""
    typed = "my private answer: SMOTE then XGBoost"
    answer = QuizAnswer(
        post_id=999_999,  # no such post: the foreign key refuses the row
        member_id="U-nobody",
        text=typed,
        score=0.0,
        correct=False,
        points=0,
        streak=0,
        answered_at=NOW,
    )
    with pytest.raises(IntegrityError) as refused, db.session() as session:
        session.add(answer)
    assert typed not in str(refused.value)
