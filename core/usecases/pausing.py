"""Pause a channel whose posts Slack refuses for good, and queue a note to each admin, in the
caller's transaction (the one that gives up on the refused message)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy.orm import Session

from store import outbox
from store.channel_pauses import pause_channel


def pause_refused_channel(
    session: Session,
    channel_id: str,
    reason: str,
    *,
    queued_at: datetime,
    now: datetime,
    admins: Sequence[str],
    notice: str,
    key: str,
    team_id: str | None,
) -> bool:
    """Pause the subscription for `reason` and queue `notice` to each admin under
    `paused:<key>:<admin>` (once per refused message); True when this paused it."""
    if not pause_channel(session, channel_id, reason, queued_at=queued_at, now=now):
        return False
    for admin in admins:
        outbox.enqueue(
            session,
            f"paused:{key}:{admin}",
            channel=admin,
            payload={"text": notice},
            now=now,
            team_id=team_id,
        )
    return True
