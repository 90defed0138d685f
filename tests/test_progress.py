"""Index progress without a terminal (CI logs, `docker build`): a plain line every few seconds
with done/total and the rate, and a last line when embedding ends."""

from __future__ import annotations

import io

from rich.console import Console

from bot.console import EmbeddingProgress


class SteppedClock:
    """Seconds that advance only when told: the pacing is checked without sleeping."""

    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_without_a_terminal_one_line_every_few_seconds_with_counts_and_rate() -> None:
    buffer = io.StringIO()
    console = Console(file=buffer, force_terminal=False, width=200)
    clock = SteppedClock()
    progress = EmbeddingProgress(console, every=5.0, clock=clock)
    progress.start(1000)
    for _ in range(20):  # 20 batches of 50, one every 1.5 s: 30 s in all
        clock.now += 1.5
        progress.advance(50)
    progress.stop()
    lines = buffer.getvalue().splitlines()
    assert lines[0] == "Embedding notes: 1,000 texts"
    assert lines[1] == "Embedding notes: 200/1,000 (20%), 33.3 texts/s, about 24 s left"
    # At 6, 12, 18 and 24 s (the first batch at least 5 s after the last line); at 30 s the
    # work is done and only the last line is printed.
    assert [line.split()[2] for line in lines[1:-1]] == [
        "200/1,000",
        "400/1,000",
        "600/1,000",
        "800/1,000",
    ]
    assert lines[-1] == "Embedding notes: 1,000/1,000 (100%), 33.3 texts/s, 30.0 s in all"


def test_a_terminal_gets_the_bar_and_no_log_lines() -> None:
    buffer = io.StringIO()
    console = Console(file=buffer, force_terminal=True, width=100)
    progress = EmbeddingProgress(console, every=0.0)
    progress.start(10)
    progress.advance(10)
    progress.stop()
    assert "Embedding notes" in buffer.getvalue()
    assert "texts/s" not in buffer.getvalue()


def test_stop_without_start_prints_nothing() -> None:
    buffer = io.StringIO()
    EmbeddingProgress(Console(file=buffer, force_terminal=False)).stop()
    assert buffer.getvalue() == ""


def test_nothing_to_embed_prints_no_progress_at_all() -> None:
    """Every vector came from corpus/.vectors: no '0/0 texts' lines, in a log or a terminal."""
    for terminal in (False, True):
        buffer = io.StringIO()
        progress = EmbeddingProgress(Console(file=buffer, force_terminal=terminal))
        progress.start(0)
        progress.stop()
        assert buffer.getvalue() == ""
