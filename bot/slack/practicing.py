"""Practice in a direct message: the next card's front, its back, a rating, then the next."""

from __future__ import annotations

from typing import Any

from slack_sdk.models.blocks import Block

from bot.slack import messages
from bot.slack.delivery import send_reply
from bot.slack.services import Services
from quiz.errors import QuizError
from quiz.practice import PracticeItem, UnknownPracticeCard, next_item, parse_rating, review, stats
from quiz.practice import item_for as item_for_card
from store.models import PracticeCard


class NotYourCard(QuizError):
    def __init__(self) -> None:
        super().__init__("That practice card belongs to someone else.")


def send_next_card(
    services: Services, member_id: str, *, key: str, team_id: str | None = None
) -> None:
    """DM the member their next card, or a summary when nothing is due, through the outbox
    under `key` (one per interaction: the click or command that asked for it)."""
    now = services.now()
    with services.database.session() as session:
        item = next_item(session, member_id, now, new_per_day=services.settings.new_cards_per_day)
        summary = stats(session, member_id, now) if item is None else None
    if item is None:
        assert summary is not None
        payload: dict[str, Any] = {"text": messages.practice_done(summary)}
    else:
        payload = {
            "text": messages.practice_text(item),
            "blocks": messages.practice_front_blocks(item),
        }
    send_reply(services, key, member_id, payload, asker=member_id, team_id=team_id)


def card_item(services: Services, card_id: int, member_id: str) -> PracticeItem:
    with services.database.session() as session:
        card = session.get(PracticeCard, card_id)
        if card is None:
            raise UnknownPracticeCard(card_id)
        if card.member_id != member_id:
            raise NotYourCard()
        item = item_for_card(session, card, is_new=False)
    if item is None:
        raise UnknownPracticeCard(card_id)
    return item


def rate(services: Services, card_id: int, member_id: str, rating: str) -> list[Block]:
    """Apply the rating; returns the blocks that replace the card's message."""
    item = card_item(services, card_id, member_id)
    with services.database.session() as session:
        row = review(session, card_id, parse_rating(rating), services.now())
        due = row.due
    return messages.practice_rated_blocks(item, rating, due)
