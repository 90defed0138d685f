"""The reveal: when a post closes, publish the answer and who got it. Closing the post and
queueing its reveal are `core.usecases.revealing`'s; this module says when, and delivers.
"""

from __future__ import annotations

from datetime import datetime, timedelta

import structlog

from core.usecases.revealing import due_posts
from core.usecases.revealing import reveal_post as close_and_queue
from jobs.context import JobContext, current
from jobs.observe import observed
from quiz.clock import require_aware

log = structlog.get_logger(__name__)
# A reveal is worth posting hours late (after an outage), not days.
REVEAL_DEADLINE = timedelta(hours=12)


def reveal_post(ctx: JobContext, post_id: int, now: datetime) -> bool:
    """Reveal one closed-by-time post; True when this call queued its reveal."""
    now = require_aware(now)
    revealed = close_and_queue(ctx.core(), post_id, now, deadline=REVEAL_DEADLINE)
    if revealed is None:
        return False
    ctx.deliver(revealed.row_ids, now)
    log.info("reveal queued", post_id=post_id, answers=len(revealed.reveal.entries))
    return True


def reveal_due(ctx: JobContext, channel_id: str | None, now: datetime) -> int:
    post_ids = due_posts(ctx.core(), channel_id, now)
    return sum(reveal_post(ctx, post_id, now) for post_id in post_ids)


@observed("quiz-reveal")
def run_reveal(channel_id: str) -> None:
    """Job `quiz-reveal:<channel>`, set for the post's closing time."""
    ctx = current()
    reveal_due(ctx, channel_id, ctx.clock())
