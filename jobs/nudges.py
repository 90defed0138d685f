"""Practice nudges: once a day, at each opted-in member's local nudge time, a DM with the
number of due cards. Members opt in or out with `quiz.practice.set_practice_nudges`.

The job runs every few minutes; a member is nudged on the first run after their local time,
within `NUDGE_WINDOW` (so a scheduler that was down does not nudge at odd hours), and only
when cards are due. One nudge per member and local date (its outbox key).
"""

from __future__ import annotations

from datetime import datetime, time, timedelta

import structlog
from sqlalchemy import select

from jobs.context import JobContext, current
from jobs.observe import observed
from jobs.timing import parse_clock
from quiz.clock import at_local_time, local_date, require_aware
from quiz.practice import stats
from store import outbox
from store.models import Member, PracticeNudge

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
    with ctx.database.session() as session:
        members = session.execute(
            select(Member.id, Member.timezone)
            .join(PracticeNudge, PracticeNudge.member_id == Member.id)
            .where(PracticeNudge.enabled)
            .order_by(Member.id)
        ).all()
    sent = 0
    for member_id, tz in members:
        if nudge_due(tz, nudge_at, now):
            sent += _nudge(ctx, member_id, tz, now)
    return sent


def _nudge(ctx: JobContext, member_id: str, tz: str, now: datetime) -> bool:
    key = f"nudge:{member_id}:{local_date(now, tz).isoformat()}"
    with ctx.database.session() as session:
        if outbox.by_key(session, key) is not None:
            return False
        due = stats(session, member_id, now, tz).due
        if due == 0:
            return False
        out = ctx.publisher.practice_nudge(member_id, due)
        row = outbox.enqueue(
            session,
            key,
            channel=out.channel,
            method=out.method,
            payload=out.payload,
            now=now,
            deadline=NUDGE_WINDOW,
        )
        row_id = row.id
    ctx.deliver([row_id], now)
    return True


@observed("practice-nudge")
def run_practice_nudges() -> None:
    """Job `practice-nudge`, every few minutes."""
    ctx = current()
    sent = send_practice_nudges(ctx, ctx.clock())
    if sent:
        log.info("practice nudges sent", count=sent)
