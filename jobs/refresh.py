"""Index refresh: rebuild the index when the notes changed (only changed files re-embedded),
sync the question bank, and hot-swap the running tutor.

`NotesIndex.refresh()` swaps its searcher under a lock; a query in flight keeps the searcher it
started with, so nothing fails mid-answer. Bot processes (`studybot serve`, and the bot half
of `studybot run`) swap their own tutor when a new build appears (bot.slack.runner).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import structlog

from core.bootstrap import build_options, sync_corpus
from jobs.context import JobContext, current
from jobs.observe import observed
from quiz.clock import require_aware

log = structlog.get_logger(__name__)


@dataclass(frozen=True)
class RefreshResult:
    rebuilt: bool
    swapped: bool


def refresh_index(ctx: JobContext, now: datetime) -> RefreshResult:
    """Rebuild if the corpus changed since the last build; swap the tutor to the new build."""
    from retrieval.build import build_index

    require_aware(now)
    options = build_options(ctx.settings)
    embedder = ctx.embedder
    if embedder is not None:
        report = build_index(options, embedder_factory=lambda _name: embedder, now=lambda: now)
    else:
        report = build_index(options, now=lambda: now)
    if not report.up_to_date:
        _sync_bank(ctx, now)
        log.info("index rebuilt", embedded=report.embedded, reused=report.reused)
    swapped = ctx.notes_index.refresh() if ctx.notes_index is not None else False
    return RefreshResult(rebuilt=not report.up_to_date, swapped=swapped)


def _sync_bank(ctx: JobContext, now: datetime) -> None:
    report = sync_corpus(ctx.database, ctx.settings, now)
    log.info("question bank synced", summary=report.summary())


@observed("index-refresh")
def run_index_refresh() -> None:
    """Job `index-refresh`."""
    ctx = current()
    refresh_index(ctx, ctx.clock())
