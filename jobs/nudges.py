"""Practice nudges: once a day, at each opted-in member's local nudge time, a DM with the
number of due cards. Members opt in or out with `quiz.practice.set_practice_nudges`.

The job runs every few minutes; a member is nudged on the first run after their local time,
within `NUDGE_WINDOW` (so a scheduler that was down does not nudge at odd hours), and only
when cards are due. One nudge per member and local date (its outbox key).
"""

from __future__ import annotations

from datetime import datetime, time, timedelta
from typing import TYPE_CHECKING

import structlog

from core.usecases.practising import nudged_members, queue_nudge
from jobs.context import JobContext, current
from jobs.observe import observed
from jobs.timing import parse_clock
from quiz.clock import InvalidTimeZone, at_local_time, local_date, require_aware, zone

if TYPE_CHECKING:
    from core.bootstrap import Core

log = structlog.get_logger(__name__)
NUDGE_WINDOW = timedelta(hours=2)


def nudge_due(member_tz: str, nudge_at: time, now: datetime) -> bool:
    """Whether `now` falls within the window after the member's local nudge time today."""
    slot = at_local_time(local_date(now, member_tz), nudge_at, member_tz)
    return slot <= now < slot + NUDGE_WINDOW


def send_practice_nudges(ctx: JobContext, now: datetime) -> int:
    """Nudge every opted-in member whose local nudge time has come; returns how many."""
    now = require_aware(now)
    nudge_at = parse_clock(ctx.settings.nudge_time)
    core = ctx.core()
    sent = 0
    for member_id, member_tz in nudged_members(core):
        tz = known_zone(member_tz, member_id)
        if nudge_due(tz, nudge_at, now):
            sent += _nudge(ctx, core, member_id, tz, now)
    return sent


def known_zone(tz: str, member_id: str) -> str:
    """The member's zone, or UTC when this machine's tz database does not know it (a zone
    newer than its tzdata): one member's zone must not stop everyone's nudges."""
    try:
        zone(tz)
    except InvalidTimeZone:
        if (member_id, tz) not in _warned:
            _warned.add((member_id, tz))
            log.warning("unknown time zone: nudging at UTC", member=member_id, timezone=tz)
        return "UTC"
    return tz


_warned: set[tuple[str, str]] = set()


def _nudge(ctx: JobContext, core: Core, member_id: str, tz: str, now: datetime) -> bool:
    key = f"nudge:{member_id}:{local_date(now, tz).isoformat()}"
    row_id = queue_nudge(core, member_id, key, tz, now, deadline=NUDGE_WINDOW)
    if row_id is None:
        return False
    ctx.deliver([row_id], now)
    return True


@observed("practice-nudge")
def run_practice_nudges() -> None:
    """Job `practice-nudge`, every few minutes."""
    ctx = current()
    sent = send_practice_nudges(ctx, ctx.clock())
    if sent:
        log.info("practice nudges sent", count=sent)
