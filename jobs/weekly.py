"""The weekly leaderboard per channel: when to post it, and its chart. The board itself (top
members, most improved, team against team) and queueing it once per channel and week are
`core.usecases.weekly_board`'s.
"""

from __future__ import annotations

from datetime import datetime, timedelta

import structlog

from core.usecases.weekly_board import board_queued, queue_board, weekly_board
from jobs.chart import weekly_chart_png
from jobs.context import JobContext, current
from jobs.observe import observed
from quiz.clock import require_aware

log = structlog.get_logger(__name__)
BOARD_DEADLINE = timedelta(hours=12)


def post_weekly_board(ctx: JobContext, channel_id: str, now: datetime) -> bool:
    """Queue the channel's board for this week once; False when nobody played or it is out."""
    now = require_aware(now)
    core = ctx.core()
    board, last_week = weekly_board(core, channel_id, now)
    if not board.top:
        log.info("weekly board skipped: no answers this week", channel=channel_id)
        return False
    if board_queued(core, board):
        return False
    chart = weekly_chart_png(board, last_week)  # drawn outside the transaction: it is slow
    row_ids = queue_board(core, board, chart, now, deadline=BOARD_DEADLINE)
    ctx.deliver(row_ids, now)
    return True


@observed("leaderboard-weekly")
def run_weekly_board(channel_id: str) -> None:
    """Job `leaderboard-weekly:<channel>`."""
    ctx = current()
    post_weekly_board(ctx, channel_id, ctx.clock())
