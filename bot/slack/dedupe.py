"""Each Slack event is handled once: its event_id is stored, and the unique key decides."""

from __future__ import annotations

from datetime import datetime

from store.db import Database
from store.models import ProcessedEvent
from store.unique import insert_unique


def claim_event(database: Database, event_id: str, now: datetime) -> bool:
    """True for the first delivery of `event_id`; False for a retry or a duplicate."""
    with database.session() as session:
        return insert_unique(session, ProcessedEvent(event_id=event_id, received_at=now))
