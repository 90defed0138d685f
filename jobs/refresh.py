"""Index refresh: rebuild the index when the notes changed (only changed files re-embedded),
sync the question bank, and hot-swap the running notes index.

`NotesIndex.refresh()` swaps its searcher under a lock; a query in flight keeps the searcher it
started with, so nothing fails mid-answer. Bot processes (`studybot serve`, and the bot half
of `studybot run`) swap their own notes index when a new build appears (bot.slack.runner).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import structlog

from core.usecases.bank import store_bank
from core.usecases.indexing import update_index
from jobs.context import JobContext, current
from jobs.observe import observed
from quiz.clock import require_aware

log = structlog.get_logger(__name__)


@dataclass(frozen=True)
class RefreshResult:
    rebuilt: bool
    swapped: bool


def refresh_index(ctx: JobContext, now: datetime) -> RefreshResult:
    """Rebuild if the corpus changed since the last build; swap the index to the new build."""
    require_aware(now)
    report = update_index(ctx.settings, embedder=ctx.embedder, now=lambda: now)
    if not report.up_to_date:
        _sync_bank(ctx, now)
        log.info("index rebuilt", embedded=report.embedded, reused=report.reused)
    swapped = ctx.notes_index.refresh() if ctx.notes_index is not None else False
    return RefreshResult(rebuilt=not report.up_to_date, swapped=swapped)


def _sync_bank(ctx: JobContext, now: datetime) -> None:
    report = store_bank(ctx.core(), now)
    log.info(
        "question bank synced",
        added=len(report.added),
        new_versions=len(report.new_versions),
        unchanged=report.unchanged,
        retired=len(report.retired),
        cards_added=report.cards_added,
        cards_updated=report.cards_updated,
        cards_retired=report.cards_retired,
    )


@observed("index-refresh")
def run_index_refresh() -> None:
    """Job `index-refresh`."""
    ctx = current()
    refresh_index(ctx, ctx.clock())
