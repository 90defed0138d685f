"""Stop what Slack refuses for good, in the caller's transaction (the one that gives up on the
refused message): a channel's subscription (with a note to each admin), a member's nudges."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy.orm import Session

from store import outbox
from store.channel_pauses import pause_channel
from store.models import PracticeNudge


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


def stop_refused_nudges(session: Session, member_id: str, now: datetime) -> bool:
    """Turn off the member's practice nudge (Slack refuses DMs to them for good: deactivated,
    gone); True when it was on. `/study nudges on` turns it on again."""
    nudge = session.get(PracticeNudge, member_id, with_for_update=True)
    if nudge is None or not nudge.enabled:
        return False
    nudge.enabled = False
    nudge.updated_at = now
    return True
