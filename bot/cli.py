"""The `studybot` command line: index, ask, chat (and the quiz commands registered by cli_quiz)."""

from __future__ import annotations

import contextlib
import json
import logging
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from sqlalchemy.exc import OperationalError

from bot.cli_errors import err, fail
from bot.console import (
    ASK_USAGE,
    CHAT_COMMANDS,
    CHAT_HELP,
    CHAT_HISTORY_FILE,
    CHAT_PROMPT,
    CHAT_WELCOME,
    INDEX_UPDATING,
    NO_MORE,
    EmbeddingProgress,
    index_other_notes,
    model_error,
    render_answer,
    render_build,
    render_passages,
    render_skipped,
    unknown_command,
)
from common.config import Settings, SettingsError, load_settings
from common.errors import StudybotError

if TYPE_CHECKING:
    from bot.cli_quiz import Reader
    from retrieval.build import BuildReport
    from retrieval.service import Conversation, NotesIndex

app = typer.Typer(
    name="studybot",
    help="A study tutor for your team's notes: cited answers, a daily quiz, spaced practice.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
out = Console()
log = logging.getLogger(__name__)

DataDir = Annotated[
    Path | None,
    typer.Option("--data-dir", metavar="DIR", help="Folder for the index and database."),
]
CorpusOpt = Annotated[
    list[Path] | None,
    typer.Option(
        "--corpus", metavar="PATH", help="Notes file or folder to index (repeat for several)."
    ),
]


def run_index(
    settings: Settings,
    *,
    strict: bool = False,
    force: bool = False,
    quiet: bool = False,
    announce: str = "",
) -> BuildReport:
    """Build or update the index. `quiet` prints no summary and no skipped-file warnings when
    the index was already up to date; `announce` is printed before any embedding starts."""
    from core.usecases.indexing import EmbedderError, update_index

    progress = EmbeddingProgress(err, announce=announce)
    try:
        report = update_index(settings, strict=strict, force=force, progress=progress)
    except EmbedderError:
        raise  # `main` words a model that cannot load, naming the setting
    except StudybotError as exc:  # the build's own errors say what and where
        raise fail(str(exc), where=exc.where) from None
    except FileNotFoundError as exc:
        raise fail(str(exc)) from None
    finally:
        progress.stop()
    log.debug(
        "index checked: up_to_date=%s chunks=%d embedded=%d seconds=%.3f",
        report.up_to_date,
        report.chunks,
        report.embedded,
        report.seconds,
    )
    if not (quiet and report.up_to_date):
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


def open_notes_index(settings: Settings) -> NotesIndex:
    """The notes index of `settings.corpus`: built first when there is none, brought up to
    date first when the notes (or the --corpus given) differ from what it was built from."""
    from core.usecases.indexing import has_index, open_index

    if not has_index(settings):
        err.print("No index yet: building it from the notes first.")
        run_index(settings)
    elif corpus_reachable(settings):
        report = run_index(settings, quiet=True, announce=_index_change(settings))
        if not report.up_to_date:
            render_build(err, report)
    try:
        return open_index(settings)  # the index exists now: the composition root opens it
    except ValueError as exc:
        raise fail(str(exc)) from None


def _index_change(settings: Settings) -> str:
    """What an update of the index is about to do, said before any embedding starts."""
    from core.usecases.indexing import index_is_of_other_notes

    if index_is_of_other_notes(settings):
        return index_other_notes(settings.index_dir, settings.corpus)
    return INDEX_UPDATING


def corpus_reachable(settings: Settings) -> bool:
    """Whether to check the index against the notes: always when the corpus was chosen (by
    --corpus or STUDYBOT_CORPUS); for the default ./corpus only when it exists, so an index
    built elsewhere still answers from a folder without notes."""
    chosen = "corpus" in settings.model_fields_set
    return chosen or all(path.exists() for path in settings.corpus)


@app.command(context_settings={"ignore_unknown_options": True})
def ask(
    question: Annotated[str | None, typer.Argument(help="The question to answer.")] = None,
    k: Annotated[
        int, typer.Option("--k", min=1, max=20, metavar="N", help="Passages to cite (1-20).")
    ] = 3,
    as_json: Annotated[
        bool, typer.Option("--json", help="Print JSON (one object per line).")
    ] = False,
    file: Annotated[
        Path | None,
        typer.Option("--file", metavar="FILE", help="Answer each line of this file as a question."),
    ] = None,
    data_dir: DataDir = None,
    corpus: CorpusOpt = None,
) -> None:
    """Answer a question from the notes, citing the passages it came from."""
    from core.usecases.indexing import EmptyQuestionError

    questions = _questions(question, file)
    notes_index = open_notes_index(load_settings(data_dir=data_dir, corpus=corpus or None))
    for text in questions:
        try:
            answer = notes_index.ask(text, k=k)
        except EmptyQuestionError as exc:
            raise fail(str(exc)) from None
        if as_json:
            out.print_json(json.dumps(answer.as_dict(), ensure_ascii=False), indent=None)
        else:
            render_answer(out, answer)
            if len(questions) > 1:
                out.print()


def _questions(question: str | None, file: Path | None) -> list[str]:
    """The questions `ask` was given: one, or each line of `file`; none at all is refused."""
    if file is not None:
        if not file.is_file():
            raise fail("no such file", where=f"--file {file}")
        questions = [line.strip() for line in _file_lines(file) if line.strip()]
    elif question is not None:
        questions = [question]
    else:
        raise fail(ASK_USAGE)
    if not any(q.strip() for q in questions):
        raise fail(ASK_USAGE)
    return questions


def _file_lines(file: Path) -> list[str]:
    """The lines of a questions file, or a clear refusal naming the file (and the line) when it
    cannot be read or is not UTF-8 text (a binary file, another encoding)."""
    try:
        data = file.read_bytes()
    except OSError as exc:
        raise fail(f"cannot read it: {exc.strerror or exc}", where=f"--file {file}") from None
    try:
        return data.decode("utf-8").splitlines()
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise fail(
            "not UTF-8 text (save it as UTF-8, one question per line)",
            where=f"--file {file}, line {line}",
        ) from None


@app.command()
def chat(data_dir: DataDir = None, corpus: CorpusOpt = None) -> None:
    """The console tutor: ask questions at a prompt (or one per line on stdin)."""
    settings = load_settings(data_dir=data_dir, corpus=corpus or None)
    from core.usecases.indexing import conversation as start_conversation

    conversation = start_conversation(open_notes_index(settings))
    interactive = sys.stdin.isatty()
    if interactive:
        out.print(CHAT_WELCOME, markup=False)
        lines = prompt_lines(settings.data_dir / CHAT_HISTORY_FILE)
    else:
        lines = iter(sys.stdin.readline, "")
    chat_loop(conversation, lines, settings)


def chat_loop(conversation: Conversation, lines: Iterator[str], settings: Settings) -> None:
    """Answer each line until /quit or the end of input. A chat command typed at a prompt of
    `/practice` (the card's Enter, its rating) ends the practice and then runs here, so
    `/quit` there leaves the chat rather than showing the card's back."""
    typed: list[str] = []  # a command that ended a practice, to run next

    def practice_line(prompt: str) -> str | None:
        from bot.cli_quiz import prompt_line

        line = prompt_line(prompt)
        if line is not None and line.strip().startswith("/"):
            typed.append(line.strip())
            return None
        return line

    last = None
    while (line := typed.pop() if typed else next(lines, None)) is not None:
        text = line.strip()
        if text in {"/quit", "/exit", "quit", "exit"}:
            break
        if not text:
            continue
        if text == "/help":
            out.print(CHAT_HELP, markup=False)
        elif text == "/more":
            if last is None or not last.more:
                out.print(NO_MORE, markup=False)
            else:
                render_passages(out, last.more, start=len(last.passages) + 1)
        elif text.startswith("/"):
            _chat_command(text, settings, practice_line)
        else:
            last = conversation.ask(text)
            render_answer(out, last)
        out.print()  # one blank line between replies, never before one


def prompt_lines(history: Path) -> Iterator[str]:
    """Lines typed at `you> ` with line editing, history (kept in `history` between sessions)
    and Tab completion of the chat commands; ends on Ctrl-D or Ctrl-C."""
    import readline

    readline.set_history_length(1000)
    with contextlib.suppress(OSError):
        readline.read_history_file(history)
    readline.set_completer(_command_completer)
    readline.set_completer_delims(" ")
    readline.parse_and_bind("tab: complete")
    try:
        while True:
            try:
                yield input(CHAT_PROMPT)
            except (EOFError, KeyboardInterrupt):
                out.print()
                return
    finally:
        with contextlib.suppress(OSError):
            history.parent.mkdir(parents=True, exist_ok=True)
            readline.write_history_file(history)


def _command_completer(text: str, state: int) -> str | None:
    matches = [c for c in CHAT_COMMANDS if c.startswith(text)] if text.startswith("/") else []
    return matches[state] if state < len(matches) else None


def _chat_command(text: str, settings: Settings, read: Reader) -> bool:
    """Quiz commands inside chat (/quiz, /answer, /leaderboard, /practice); `read` asks for
    a line at a prompt of the practice."""
    from bot import cli_quiz

    if not cli_quiz.chat_command(text, settings, out, read):
        out.print(unknown_command(text), markup=False)
    return True


def main(argv: list[str] | None = None) -> None:
    """The `studybot` entry point: a setting or model that cannot be used is one `error:` line
    (exit 2), before any command runs, even `--help`; so is any StudybotError a command raises."""
    from bot import cli_channels, cli_jobs, cli_quiz, cli_slack
    from common.logs import configure_logging
    from core.usecases.indexing import EmbedderError

    try:
        settings = load_settings()
    except SettingsError as exc:
        raise SystemExit(fail(str(exc)).exit_code) from None
    configure_logging(settings.log_level, json=settings.log_json, secrets=settings.secret_values)
    cli_quiz.register(app)
    cli_jobs.register(app)
    cli_slack.register(app)
    cli_channels.register(app)
    try:
        app(args=argv)
    except EmbedderError as exc:
        raise SystemExit(fail(model_error(settings.embed_model, exc)).exit_code) from None
    except StudybotError as exc:  # settings, and whatever a command did not translate itself
        raise SystemExit(fail(str(exc), where=exc.where).exit_code) from None
    except OperationalError as exc:  # the database is down, refuses us, or its file can't open
        raise SystemExit(fail(database_error(settings, exc)).exit_code) from None
    except OSError as exc:  # a folder that cannot be made or written, a port in use
        where = str(exc.filename) if exc.filename is not None else ""
        raise SystemExit(fail(exc.strerror or str(exc), where=where).exit_code) from None


def database_error(settings: Settings, error: OperationalError) -> str:
    """What the driver said (its first line: never a password), and which database."""
    said = str(error.orig or error).strip().splitlines()[0]
    where = "DATABASE_URL" if settings.database_url else str(settings.data_dir / "studybot.db")
    return f"cannot use the database ({where}): {said}"


if __name__ == "__main__":
    main()
