"""Console front end: how answers, build summaries and warnings look in a terminal (every
user-facing string of the console lives here)."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from rich.console import Console
from rich.markup import escape
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TaskID,
    TextColumn,
    TimeRemainingColumn,
)
from rich.table import Table

from common.emphasis import plain

if TYPE_CHECKING:
    from retrieval.answer import Answer, Passage
    from retrieval.build import BuildReport

SNIPPET_CHARS = 220
NOT_COVERED = "Your notes don't seem to cover this. The closest passages:"
ASK_USAGE = 'give a question, e.g. studybot ask "when do I use Pipe mode?", or --file FILE'
CHAT_PROMPT = "you> "
CHAT_HISTORY_FILE = "chat_history"
NOT_MENTIONED = "Your notes don't mention {subject}. The closest passages:"
EMPTY_QUESTION = "Type a question about your notes (or /help)."
CHAT_WELCOME = (
    "studybot: ask anything about your notes. "
    "/more shows more passages, /help lists commands, /quit leaves."
)
# Printed as-is (never as rich markup: "[week|month|all]" must show).
CHAT_HELP = """Commands:
  <question>                     answer from your notes, with the passages it came from
  /more                          more passages for the last question
  /quiz                          today's scenario question
  /answer <letter or words>      answer it
  /practice                      your due flashcards
  /leaderboard [week|month|all]  this console's standings
  /quit                          leave (or Ctrl-D)
Arrow keys edit the line and recall earlier ones; Tab completes a command."""
CHAT_COMMANDS = ("/more", "/quiz", "/answer ", "/practice", "/leaderboard ", "/help", "/quit")
NO_MORE = "No more passages for that question."
INDEX_UPDATING = "The notes differ from what the index was built from: updating the index first."


def index_other_notes(index_dir: Path, corpus: list[Path]) -> str:
    roots = ", ".join(str(path) for path in corpus)
    return (
        f"The index in {index_dir} was built from other notes: rebuilding it from {roots} "
        "(give each corpus its own --data-dir to keep both)."
    )


def unknown_command(text: str) -> str:
    return f"Unknown command {text.split()[0]}. /help lists the commands."


def model_error(model: str, error: Exception) -> str:
    """One line for a model that cannot be loaded: which setting, why, and what to do."""
    reason = " ".join(str(error).split("\n", 1)[0].split())
    if len(reason) > 160:
        reason = reason[:159].rstrip() + "…"
    return (
        f"STUDYBOT_EMBED_MODEL={model}: cannot load this model ({reason}). Models are loaded "
        "offline: set it to the folder of a downloaded sentence-transformers model, or unset it "
        "to use the bundled all-MiniLM-L6-v2."
    )


def snippet(text: str, limit: int = SNIPPET_CHARS) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


def render_passages(console: Console, passages: list[Passage], *, start: int = 1) -> None:
    for number, passage in enumerate(passages, start=start):
        where = str(passage.citation)
        console.print(f"  [bold cyan][{number}][/] [cyan]{escape(where)}[/]")
        console.print(f"      [dim]{escape(snippet(plain(passage.text)))}[/]")


def render_answer(console: Console, answer: Answer) -> None:
    if answer.notice:
        console.print(f"[yellow]{escape(answer.notice)}[/]")
        return
    if answer.covered and answer.sentences:
        console.print(escape(plain(answer.text)), style="bold")
        console.print(f"[dim]From your notes (confidence {answer.confidence:.2f}):[/]")
    else:
        subject = answer.missing or answer.topic
        declined = NOT_MENTIONED.format(subject=subject) if subject else NOT_COVERED
        console.print(f"[yellow]{escape(declined)}[/] [dim](confidence {answer.confidence:.2f})[/]")
    render_passages(console, answer.passages)


class EmbeddingProgress:
    """Progress of the embedding step of `studybot index`: a rich bar on a terminal; without one
    (CI logs, `docker build`) one plain line every `every` seconds with done/total and the rate,
    and a last line when it ends. `clock` is a parameter so the pacing can be tested."""

    def __init__(
        self,
        console: Console,
        *,
        announce: str = "",
        every: float = 5.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._console = console
        self._announce = announce
        self._every = every
        self._clock = clock
        self._bar: Progress | None = None
        self._task: TaskID | None = None
        self._total = self._done = 0
        self._started = self._last_line = 0.0
        self._running = False

    def start(self, total: int) -> None:
        if self._announce:
            self._console.print(self._announce, markup=False)
        if total == 0:  # every vector came from corpus/.vectors: nothing to show progress for
            return
        self._total, self._done, self._running = total, 0, True
        self._started = self._last_line = self._clock()
        if self._console.is_terminal:
            self._bar = Progress(
                TextColumn("Embedding notes"),
                BarColumn(),
                MofNCompleteColumn(),
                TimeRemainingColumn(),
                console=self._console,
            )
            self._bar.start()
            self._task = self._bar.add_task("embed", total=total)
        else:
            self._console.print(f"Embedding notes: {total:,} texts", markup=False)

    def advance(self, count: int) -> None:
        self._done += count
        if self._bar is not None and self._task is not None:
            self._bar.advance(self._task, count)
            return
        now = self._clock()
        if now - self._last_line >= self._every and self._done < self._total:
            self._last_line = now
            self._console.print(self._line(now), markup=False)

    def stop(self) -> None:
        if not self._running:
            return
        self._running = False
        if self._bar is not None:
            self._bar.stop()
            return
        self._console.print(self._line(self._clock(), final=True), markup=False)

    def _line(self, now: float, *, final: bool = False) -> str:
        elapsed = max(now - self._started, 1e-9)
        rate = self._done / elapsed
        share = self._done / self._total if self._total else 1.0
        line = f"Embedding notes: {self._done:,}/{self._total:,} ({share:.0%}), {rate:,.1f} texts/s"
        if final:
            return f"{line}, {elapsed:.1f} s in all"
        if rate > 0:
            line += f", about {(self._total - self._done) / rate:.0f} s left"
        return line


def render_skipped(console: Console, report: BuildReport) -> None:
    for skipped in report.warnings:
        console.print(f"[yellow]warning:[/] skipped {escape(str(skipped))}")


def render_build(console: Console, report: BuildReport) -> None:
    """The build summary. `files read` counts only files that gave passages; a file skipped
    with a warning, or passed over as not notes (the question bank, a README), is counted
    apart."""
    skipped = len(report.warnings)
    passed_over = len(report.skipped) - skipped
    read = report.files - len(report.skipped)
    if report.up_to_date:
        console.print(
            f"Index is up to date: {report.chunks} chunks from {count(read, 'file')} "
            f"({report.seconds:.2f} s).",
            markup=False,
        )
        return
    table = Table(title="Index built", show_header=False, box=None, padding=(0, 2))
    table.add_column(style="dim")
    table.add_column(justify="right")
    rows = {
        "files read": read,
        "files skipped": skipped,
        "not notes, passed over": passed_over,
        "chunks": report.chunks,
        "embedded now": report.embedded,
        "reused": report.reused,
        "texts with committed vectors": report.known,
        "duplicates dropped": report.duplicates,
        "chunks truncated": report.truncated,
        "vector index": report.index_type,
        "seconds": f"{report.seconds:.1f}",
    }
    for name, value in rows.items():
        table.add_row(name, str(value))
    console.print(table)


def count(n: int, noun: str) -> str:
    """The count with its noun: "1 card", "2 cards"."""
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"
