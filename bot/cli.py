"""The `studybot` command line: index, ask, chat (and the quiz commands registered by cli_quiz)."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from bot.config import Settings, load_settings
from bot.console import (
    CHAT_HELP,
    CHAT_WELCOME,
    EMPTY_QUESTION,
    EmbeddingProgress,
    render_answer,
    render_build,
    render_passages,
    render_skipped,
)

app = typer.Typer(
    name="studybot",
    help="A study tutor for your team's notes: cited answers, a daily quiz, spaced practice.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
out = Console()
err = Console(stderr=True)

DataDir = Annotated[
    Path | None, typer.Option("--data-dir", help="Folder for the index and database.")
]
CorpusOpt = Annotated[
    list[Path] | None,
    typer.Option("--corpus", help="Notes file or folder to index (repeat for several)."),
]


def fail(message: str, code: int = 2) -> typer.Exit:
    err.print(f"[red]error:[/] {message}", highlight=False)
    return typer.Exit(code)


def run_index(
    settings: Settings, *, strict: bool = False, force: bool = False, quiet: bool = False
):  # type: ignore[no-untyped-def]
    from retrieval.build import BuildError, BuildOptions, build_index

    options = BuildOptions(
        roots=settings.corpus,
        index_dir=settings.index_dir,
        model=settings.embed_model,
        token_limit=settings.chunk_tokens,
        strict=strict,
        force=force,
    )
    progress = EmbeddingProgress(err)
    try:
        report = build_index(options, progress=progress)
    except BuildError as exc:
        raise fail(str(exc)) from None
    except FileNotFoundError as exc:
        raise fail(str(exc)) from None
    finally:
        progress.stop()
    render_skipped(err, report)
    if not quiet:
        render_build(err, report)
    return report


@app.command()
def index(
    data_dir: DataDir = None,
    corpus: CorpusOpt = None,
    strict: Annotated[
        bool, typer.Option(help="Treat any file that cannot be read as an error.")
    ] = False,
    rebuild: Annotated[
        bool, typer.Option(help="Re-embed everything, even unchanged files.")
    ] = False,
) -> None:
    """Build or update the search index from the notes (only changed files are re-embedded)."""
    run_index(load_settings(data_dir=data_dir, corpus=corpus or None), strict=strict, force=rebuild)


def open_tutor(settings: Settings):  # type: ignore[no-untyped-def]
    from retrieval.index_store import current_build
    from retrieval.service import Tutor

    if current_build(settings.index_dir) is None:
        err.print("No index yet: building it from the notes first.")
        run_index(settings)
    try:
        return Tutor(
            settings.index_dir, settings.embed_model, min_confidence=settings.min_confidence
        )
    except ValueError as exc:
        raise fail(str(exc)) from None


@app.command()
def ask(
    question: Annotated[str | None, typer.Argument(help="The question to answer.")] = None,
    k: Annotated[int, typer.Option("--k", min=1, max=20, help="Passages to cite.")] = 3,
    as_json: Annotated[
        bool, typer.Option("--json", help="Print JSON (one object per line).")
    ] = False,
    file: Annotated[
        Path | None, typer.Option("--file", help="Answer each line of this file as a question.")
    ] = None,
    data_dir: DataDir = None,
    corpus: CorpusOpt = None,
) -> None:
    """Answer a question from the notes, citing the passages it came from."""
    from retrieval.answer import EmptyQuestionError

    if file is not None:
        if not file.is_file():
            raise fail(f"--file {file}: no such file")
        questions = [
            line.strip() for line in file.read_text(encoding="utf-8").splitlines() if line.strip()
        ]
    elif question is not None:
        questions = [question]
    else:
        raise fail("give a question, or --file with one question per line")
    if not any(q.strip() for q in questions):
        raise fail(EMPTY_QUESTION)
    tutor = open_tutor(load_settings(data_dir=data_dir, corpus=corpus or None))
    for text in questions:
        try:
            answer = tutor.ask(text, k=k)
        except EmptyQuestionError as exc:
            raise fail(str(exc)) from None
        if as_json:
            out.print_json(json.dumps(answer.as_dict(), ensure_ascii=False), indent=None)
        else:
            render_answer(out, answer)
            if len(questions) > 1:
                out.print()


@app.command()
def chat(data_dir: DataDir = None, corpus: CorpusOpt = None) -> None:
    """The console tutor: ask questions at a prompt (or one per line on stdin)."""
    settings = load_settings(data_dir=data_dir, corpus=corpus or None)
    tutor = open_tutor(settings)
    from retrieval.service import Conversation

    conversation = Conversation(tutor)
    interactive = sys.stdin.isatty()
    if interactive:
        out.print(CHAT_WELCOME)
    last = None
    while True:
        try:
            line = input("you> ") if interactive else sys.stdin.readline()
        except (EOFError, KeyboardInterrupt):
            break
        if not interactive and line == "":
            break
        text = line.strip()
        if text in {"/quit", "/exit", "quit", "exit"}:
            break
        if not text:
            if interactive:
                out.print(EMPTY_QUESTION)
            continue
        if text == "/help":
            out.print(CHAT_HELP)
        elif text == "/more":
            if last is None or not last.more:
                out.print("No more passages for that question.")
            else:
                render_passages(out, last.more, start=len(last.passages) + 1)
        elif text.startswith("/") and _chat_command(text, settings):
            pass
        else:
            last = conversation.ask(text)
            render_answer(out, last)
        out.print()


def _chat_command(text: str, settings: Settings) -> bool:
    """Quiz commands inside chat (/quiz, /answer, /leaderboard, /practice)."""
    from bot import cli_quiz

    if not cli_quiz.chat_command(text, settings, out):
        out.print(f"Unknown command {text}. /help lists commands.")
    return True


def main() -> None:
    from bot import cli_jobs, cli_quiz
    from bot.logs import configure_logging

    settings = Settings()
    configure_logging(settings.log_level, json=settings.log_json)
    cli_quiz.register(app)
    cli_jobs.register(app)
    from bot import cli_slack

    cli_slack.register(app)
    app()


if __name__ == "__main__":
    main()
