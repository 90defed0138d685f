"""Spaced practice, one step at a time: the next card (or a summary when none is left), a
card's back, a rating; and the member's daily practice nudge."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select

from core.bootstrap import Core
from core.usecases.standings import practice_stats
from quiz.errors import QuizError
from quiz.posts import ensure_member
from quiz.practice import (
    InvalidRating,
    PracticeItem,
    PracticeStats,
    UnknownPracticeCard,
    item_for,
    next_item,
    parse_rating,
    review,
    set_practice_nudges,
    stats,
)
from store import outbox
from store.models import Member, PracticeCard, PracticeNudge


class NotYourCard(QuizError):
    def __init__(self) -> None:
        super().__init__("That practice card belongs to someone else.")


@dataclass(frozen=True)
class PracticeStep:
    """The next card to show, or (`item` None) the deck's summary: nothing more today."""

    item: PracticeItem | None
    summary: PracticeStats | None = None


def next_card(core: Core, member_id: str, now: datetime, *, new_per_day: int) -> PracticeStep:
    """Due cards first, then new ones up to `new_per_day` a day (in the member's zone)."""
    with core.database.session() as session:
        item = next_item(session, member_id, now, new_per_day=new_per_day)
        if item is not None:
            return PracticeStep(item)
        return PracticeStep(None, practice_stats(session, member_id, now))


def deck(core: Core, member_id: str, now: datetime) -> PracticeStats:
    with core.database.session() as session:
        return practice_stats(session, member_id, now)


def card_item(core: Core, card_id: int, member_id: str) -> PracticeItem:
    """The member's own card, with its back (another member's card is refused)."""
    with core.database.session() as session:
        card = session.get(PracticeCard, card_id)
        if card is None:
            raise UnknownPracticeCard(card_id)
        if card.member_id != member_id:
            raise NotYourCard()
        item = item_for(session, card, is_new=False)
    if item is None:
        raise UnknownPracticeCard(card_id)
    return item


@dataclass(frozen=True)
class Rated:
    item: PracticeItem
    due: datetime  # when the card comes back


def rate(core: Core, card_id: int, member_id: str, rating: str, now: datetime) -> Rated:
    """Apply the member's rating (again, hard, good, easy or 1-4) to their card."""
    item = card_item(core, card_id, member_id)
    with core.database.session() as session:
        row = review(session, card_id, parse_rating(rating), now)
        return Rated(item, row.due)


def rating_error(text: str) -> str | None:
    """Why `text` is not a rating (again, hard, good, easy or 1-4); None when it is one."""
    try:
        parse_rating(text)
    except InvalidRating as error:
        return str(error)
    return None


def set_nudges(
    core: Core,
    member_id: str,
    enabled: bool,
    now: datetime,
    *,
    name: str = "",
    timezone: str | None = None,
    team_id: str = "",
) -> None:
    """Opt the member in to (or out of) the daily nudge, sent at their local time with the
    token of their workspace (`team_id`)."""
    with core.database.session() as session:
        ensure_member(session, member_id, now, name=name, timezone=timezone)
        set_practice_nudges(session, member_id, enabled, now)
        outbox.remember_team(session, member_id, team_id, now)


def nudged_members(core: Core) -> list[tuple[str, str]]:
    """The members who opted in to the daily nudge, with their time zone, by id."""
    query = (
        select(Member.id, Member.timezone)
        .join(PracticeNudge, PracticeNudge.member_id == Member.id)
        .where(PracticeNudge.enabled)
        .order_by(Member.id)
    )
    with core.database.session() as session:
        return [(member_id, tz) for member_id, tz in session.execute(query).all()]


def queue_nudge(
    core: Core, member_id: str, key: str, tz: str, now: datetime, *, deadline: timedelta
) -> int | None:
    """The member's nudge queued in the outbox under `key` (one a day): its row id, or None
    when that key is already queued or no card is due."""
    assert core.publisher is not None, "nudging needs a core with a publisher"
    with core.database.session() as session:
        if outbox.by_key(session, key) is not None:
            return None
        due = stats(session, member_id, now, tz).due
        if due == 0:
            return None
        out = core.publisher.practice_nudge(member_id, due)
        row = outbox.enqueue(
            session,
            key,
            channel=out.channel,
            method=out.method,
            payload=out.payload,
            now=now,
            deadline=deadline,
        )
        return row.id
