"""FSRS practice: new cards up to a daily limit in the member's day, due queue, review logs."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from fsrs import Card, Rating, Scheduler, State
from sqlalchemy import select

from quiz.posts import ensure_member
from quiz.practice import (
    ITEM_CARD,
    ITEM_QUESTION,
    InvalidRating,
    next_item,
    parse_rating,
    review,
    stats,
)
from store.db import Database
from store.models import PracticeCard, ReviewLog

NOW = datetime(2025, 3, 4, 9, tzinfo=UTC)
SCHEDULER = Scheduler(enable_fuzzing=False)


def test_new_items_respect_the_daily_limit_then_reset_next_local_day(synced: Database) -> None:
    with synced.session() as session:
        ensure_member(session, "U1", NOW, timezone="America/New_York")
        first = next_item(session, "U1", NOW, new_per_day=2)
        assert first is not None and first.is_new and first.kind == ITEM_CARD
        review(session, first.card_id, Rating.Easy, NOW, scheduler=SCHEDULER)
        second = next_item(session, "U1", NOW, new_per_day=2)
        assert second is not None and second.key != first.key
        review(session, second.card_id, Rating.Easy, NOW, scheduler=SCHEDULER)
        assert next_item(session, "U1", NOW, new_per_day=2) is None
        # 03:00 UTC next day is still the same day in New York; 12:00 UTC is the next one.
        assert next_item(session, "U1", NOW + timedelta(hours=18), new_per_day=2) is None
        later = next_item(session, "U1", NOW + timedelta(hours=27), new_per_day=2)
        assert later is not None and later.is_new


def test_flashcards_first_then_bank_questions(synced: Database) -> None:
    kinds = []
    with synced.session() as session:
        for _ in range(5):
            item = next_item(session, "U1", NOW, new_per_day=50)
            assert item is not None
            kinds.append(item.kind)
            review(session, item.card_id, Rating.Easy, NOW, scheduler=SCHEDULER)
    assert kinds == [ITEM_CARD] * 3 + [ITEM_QUESTION] * 2


def test_due_cards_come_back_and_reviews_are_logged(synced: Database) -> None:
    with synced.session() as session:
        item = next_item(session, "U1", NOW, new_per_day=1)
        assert item is not None
        card = review(session, item.card_id, Rating.Again, NOW, scheduler=SCHEDULER)
        assert card.due == NOW + timedelta(minutes=1)
        assert Card.from_dict(card.state).state is State.Learning  # type: ignore[arg-type]
        assert next_item(session, "U1", NOW, new_per_day=1) is None
        due = next_item(session, "U1", NOW + timedelta(minutes=2), new_per_day=1)
        assert due is not None and due.card_id == item.card_id and not due.is_new
        review(session, due.card_id, Rating.Good, NOW + timedelta(minutes=2), scheduler=SCHEDULER)
        logs = session.scalars(select(ReviewLog).order_by(ReviewLog.id)).all()
        assert [log.rating for log in logs] == [int(Rating.Again), int(Rating.Good)]
        summary = stats(session, "U1", NOW + timedelta(minutes=2), "UTC")
        assert (summary.total, summary.new_today) == (1, 1)
        row = session.get(PracticeCard, item.card_id)
        assert row is not None and row.due > NOW + timedelta(minutes=2)


def test_ratings_parse() -> None:
    assert parse_rating("Good") is Rating.Good
    assert parse_rating("1") is Rating.Again
    with pytest.raises(InvalidRating, match="use again, hard, good or easy"):
        parse_rating("meh")
