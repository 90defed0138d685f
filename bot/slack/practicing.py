"""Practice in a direct message: the next card's front (`core.usecases.practising`), or a
summary when nothing is due, sent through the outbox."""

from __future__ import annotations

from typing import Any

from bot.slack.delivery import send_reply
from bot.slack.render import practice
from bot.slack.services import Services
from core.usecases.practising import next_card


def send_next_card(
    services: Services, member_id: str, *, key: str, team_id: str | None = None
) -> None:
    """DM the member their next card, or a summary when nothing is due, through the outbox
    under `key` (one per interaction: the click or command that asked for it)."""
    new_per_day = services.settings.new_cards_per_day
    step = next_card(services, member_id, services.now(), new_per_day=new_per_day)
    if step.item is None:
        assert step.summary is not None
        payload: dict[str, Any] = {"text": practice.practice_done(step.summary)}
    else:
        payload = {
            "text": practice.practice_text(step.item),
            "blocks": practice.practice_front_blocks(step.item),
        }
    send_reply(services, key, member_id, payload, asker=member_id, team_id=team_id)
