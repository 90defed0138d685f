"""Index refresh: an unchanged corpus is left alone; a changed one is rebuilt incrementally and
swapped into the running index service while a query loop keeps asking, without a failed query."""

from __future__ import annotations

import threading
from pathlib import Path

from jobs.context import JobContext
from jobs.refresh import refresh_index
from retrieval.service import NotesIndex
from tests.jobs.helpers import utc

NEW_SECTION = """

## Tree ensembles

### Isolation forest

An isolation forest isolates anomalies with random axis-aligned splits: anomalous points
need fewer splits to isolate, so a short average path length marks an outlier.
"""


def test_refresh_swaps_a_new_build_under_load(ctx: JobContext, embedder, corpus: Path) -> None:  # type: ignore[no-untyped-def]
    ctx.embedder = embedder
    first = refresh_index(ctx, utc(2025, 3, 4, 9, 0))
    assert first.rebuilt and not first.swapped
    notes_index = NotesIndex(ctx.settings.index_dir, ctx.settings.embed_model, embedder=embedder)
    ctx.notes_index = notes_index
    unchanged = refresh_index(ctx, utc(2025, 3, 4, 9, 10))
    assert not unchanged.rebuilt and not unchanged.swapped
    old_build = notes_index.build

    errors: list[BaseException] = []
    asked = [0]
    stop = threading.Event()

    def ask_forever() -> None:
        while not stop.is_set():
            try:
                notes_index.ask("How does XGBoost control overfitting?")
                asked[0] += 1
            except BaseException as exc:  # any failure in flight is the bug under test
                errors.append(exc)
                return

    with (corpus / "notes" / "modeling.md").open("a", encoding="utf-8") as notes:
        notes.write(NEW_SECTION)
    asker = threading.Thread(target=ask_forever)
    asker.start()
    try:
        result = refresh_index(ctx, utc(2025, 3, 4, 9, 20))
    finally:
        stop.set()
        asker.join(timeout=30)
    assert result.rebuilt and result.swapped
    assert errors == [] and asked[0] > 0
    assert notes_index.build != old_build
    answer = notes_index.ask("How does an isolation forest find anomalies?")
    assert answer.passages[0].heading.endswith("Isolation forest")
