"""Personal spaced repetition with FSRS over flashcards and bank questions.

Due reviews come first (oldest due first); new items are introduced up to a daily limit in
the member's local day. Each card's FSRS state is `Card.to_dict()` JSON; reviews are logged.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from fsrs import Card, Rating, Scheduler
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from quiz.clock import local_date, require_aware, zone
from quiz.errors import QuizError
from quiz.posts import ensure_member
from store.models import Flashcard, PracticeCard, PracticeNudge, Question, ReviewLog

ITEM_CARD = "card"
ITEM_QUESTION = "question"
DEFAULT_NEW_PER_DAY = 10
RATINGS = {"again": Rating.Again, "hard": Rating.Hard, "good": Rating.Good, "easy": Rating.Easy}


class UnknownPracticeCard(QuizError):
    def __init__(self, card_id: int) -> None:
        self.card_id = card_id
        super().__init__(f"There is no practice card with id {card_id}.")


class InvalidRating(QuizError):
    def __init__(self, value: str) -> None:
        super().__init__(f"Unknown rating {value!r}: use again, hard, good or easy (or 1–4).")


@dataclass(frozen=True)
class PracticeItem:
    card_id: int
    kind: str
    key: str
    front: str
    back: str
    is_new: bool


@dataclass(frozen=True)
class PracticeStats:
    due: int
    new_today: int
    total: int


def parse_rating(value: str) -> Rating:
    text = value.strip().lower()
    if text in RATINGS:
        return RATINGS[text]
    if text in {"1", "2", "3", "4"}:
        return Rating(int(text))
    raise InvalidRating(value)


def next_item(
    session: Session,
    member_id: str,
    now: datetime,
    *,
    new_per_day: int = DEFAULT_NEW_PER_DAY,
) -> PracticeItem | None:
    """The next item to practise: a due card, else a new one if today's limit allows."""
    now = require_aware(now)
    member = ensure_member(session, member_id, now)
    for card in session.scalars(
        select(PracticeCard)
        .where(PracticeCard.member_id == member_id, PracticeCard.due <= now)
        .order_by(PracticeCard.due, PracticeCard.id)
    ):
        item = item_for(session, card, is_new=False)
        if item is not None:
            return item
    if new_cards_today(session, member_id, now, member.timezone) >= new_per_day:
        return None
    return _introduce(session, member_id, now)


def new_cards_today(session: Session, member_id: str, now: datetime, tz: str) -> int:
    start = datetime.combine(local_date(now, tz), datetime.min.time(), tzinfo=zone(tz))
    start_utc = start.astimezone(UTC)
    end_utc = (start + timedelta(days=1)).astimezone(UTC)
    count = session.scalar(
        select(func.count()).where(
            PracticeCard.member_id == member_id,
            PracticeCard.created_at >= start_utc,
            PracticeCard.created_at < end_utc,
        )
    )
    return int(count or 0)


def _introduce(session: Session, member_id: str, now: datetime) -> PracticeItem | None:
    taken = select(PracticeCard.item_key).where(
        PracticeCard.member_id == member_id, PracticeCard.item_kind == ITEM_CARD
    )
    flashcard = session.scalar(
        select(Flashcard)
        .where(Flashcard.is_current, Flashcard.card_key.not_in(taken))
        .order_by(Flashcard.id)
        .limit(1)
    )
    if flashcard is not None:
        return _create(session, member_id, ITEM_CARD, flashcard.card_key, now)
    asked = select(PracticeCard.item_key).where(
        PracticeCard.member_id == member_id, PracticeCard.item_kind == ITEM_QUESTION
    )
    question = session.scalar(
        select(Question)
        .where(Question.is_current, ~Question.quarantined, Question.bank_id.not_in(asked))
        .order_by(Question.bank_id)
        .limit(1)
    )
    if question is not None:
        return _create(session, member_id, ITEM_QUESTION, question.bank_id, now)
    return None


def _create(session: Session, member_id: str, kind: str, key: str, now: datetime) -> PracticeItem:
    row = PracticeCard(
        member_id=member_id, item_kind=kind, item_key=key, state={}, due=now, created_at=now
    )
    session.add(row)
    session.flush()
    row.state = dict(Card(card_id=row.id, due=now).to_dict())
    item = item_for(session, row, is_new=True)
    assert item is not None
    return item


def item_for(session: Session, card: PracticeCard, *, is_new: bool) -> PracticeItem | None:
    """What a practice card shows (front, back), or None when its item was retired."""
    if card.item_kind == ITEM_CARD:
        flashcard = session.scalar(select(Flashcard).where(Flashcard.card_key == card.item_key))
        if flashcard is None or not flashcard.is_current:
            return None
        front, back = flashcard.front, flashcard.back
    else:
        question = session.scalar(
            select(Question).where(Question.bank_id == card.item_key, Question.is_current)
        )
        if question is None or question.quarantined:
            return None
        options = "\n".join(f"{k}) {v}" for k, v in sorted(question.options.items()))
        front = f"{question.stem}\n{options}"
        back = f"{question.answer}) {question.options[question.answer]}. {question.explanation}"
    return PracticeItem(card.id, card.item_kind, card.item_key, front, back, is_new)


def review(
    session: Session,
    card_id: int,
    rating: Rating,
    now: datetime,
    *,
    scheduler: Scheduler | None = None,
    duration_ms: int | None = None,
) -> PracticeCard:
    """Apply a rating with FSRS, store the new state and due time, and log the review."""
    now = require_aware(now)
    row = session.get(PracticeCard, card_id)
    if row is None:
        raise UnknownPracticeCard(card_id)
    card = Card.from_dict(row.state)  # type: ignore[arg-type]
    updated, log = (scheduler or Scheduler()).review_card(card, rating, now, duration_ms)
    row.state = dict(updated.to_dict())
    row.due = updated.due
    session.add(
        ReviewLog(
            practice_card_id=row.id,
            rating=int(log.rating),
            reviewed_at=log.review_datetime,
            review_duration_ms=log.review_duration,
        )
    )
    session.flush()
    return row


def stats(session: Session, member_id: str, now: datetime, tz: str) -> PracticeStats:
    """The member's deck; "new today" counts from midnight in `tz`, the member's own zone (no
    default: a UTC day would disagree with what `next_item` allows)."""
    now = require_aware(now)
    due = session.scalar(
        select(func.count()).where(PracticeCard.member_id == member_id, PracticeCard.due <= now)
    )
    total = session.scalar(select(func.count()).where(PracticeCard.member_id == member_id))
    return PracticeStats(
        int(due or 0), new_cards_today(session, member_id, now, tz), int(total or 0)
    )


def set_practice_nudges(session: Session, member_id: str, enabled: bool, now: datetime) -> None:
    """Opt the member in to (or out of) the daily practice nudge."""
    now = require_aware(now)
    ensure_member(session, member_id, now)
    row = session.get(PracticeNudge, member_id)
    if row is None:
        session.add(PracticeNudge(member_id=member_id, enabled=enabled, updated_at=now))
    else:
        row.enabled = enabled
        row.updated_at = now
