"""Console front end: how answers, build summaries and warnings look in a terminal (every
user-facing string of the console lives here)."""

from __future__ import annotations

from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table

from retrieval.answer import Answer, Passage
from retrieval.build import BuildReport

SNIPPET_CHARS = 220
NOT_COVERED = "Your notes don't seem to cover this. The closest passages:"
NOT_MENTIONED = "Your notes don't mention {subject}. The closest passages:"
EMPTY_QUESTION = "Type a question about your notes (or /help)."
CHAT_WELCOME = (
    "studybot: ask anything about your notes. "
    "/more shows more passages, /help lists commands, /quit leaves."
)
CHAT_HELP = """Commands:
  <question>           answer from your notes, with the passages it came from
  /more                more passages for the last question
  /quiz                today's scenario question     /answer <letter or words>  answer it
  /practice            your due flashcards           /leaderboard [week|month|all]
  /quit                leave"""


def snippet(text: str, limit: int = SNIPPET_CHARS) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


def render_passages(console: Console, passages: list[Passage], *, start: int = 1) -> None:
    for number, passage in enumerate(passages, start=start):
        where = f"{passage.source} › {passage.heading}" if passage.heading else passage.source
        console.print(f"  [bold cyan][{number}][/] [cyan]{escape(where)}[/]")
        console.print(f"      [dim]{escape(snippet(passage.text))}[/]")


def render_answer(console: Console, answer: Answer) -> None:
    if answer.notice:
        console.print(f"[yellow]{escape(answer.notice)}[/]")
        return
    if answer.missing:
        declined = NOT_MENTIONED.format(subject=answer.missing)
        console.print(f"[yellow]{escape(declined)}[/] [dim](confidence {answer.confidence:.2f})[/]")
    elif answer.covered and answer.sentences:
        console.print(escape(answer.text), style="bold")
        console.print(f"[dim]From your notes (confidence {answer.confidence:.2f}):[/]")
    else:
        console.print(f"[yellow]{NOT_COVERED}[/] [dim](confidence {answer.confidence:.2f})[/]")
    render_passages(console, answer.passages)


class EmbeddingProgress:
    """A rich progress bar for the embedding step of `studybot index`."""

    def __init__(self, console: Console) -> None:
        self._progress = Progress(
            TextColumn("Embedding notes"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeRemainingColumn(),
            console=console,
            transient=False,
        )
        self._task: int | None = None

    def start(self, total: int) -> None:
        self._progress.start()
        self._task = self._progress.add_task("embed", total=total)

    def advance(self, count: int) -> None:
        if self._task is not None:
            self._progress.advance(self._task, count)

    def stop(self) -> None:
        self._progress.stop()


def render_skipped(console: Console, report: BuildReport) -> None:
    for skipped in report.warnings:
        console.print(f"[yellow]warning:[/] skipped {escape(str(skipped))}")


def render_build(console: Console, report: BuildReport) -> None:
    if report.up_to_date:
        console.print(
            f"Index is up to date: {report.chunks} chunks from {report.files} files "
            f"({report.seconds:.2f} s)."
        )
        return
    table = Table(title="Index built", show_header=False, box=None, padding=(0, 2))
    table.add_column(style="dim")
    table.add_column(justify="right")
    rows = {
        "files": report.files,
        "chunks": report.chunks,
        "embedded now": report.embedded,
        "reused": report.reused,
        "duplicates dropped": report.duplicates,
        "files skipped": len(report.warnings),
        "chunks truncated": report.truncated,
        "vector index": report.index_type,
        "seconds": f"{report.seconds:.1f}",
    }
    for name, value in rows.items():
        table.add_row(name, str(value))
    console.print(table)
