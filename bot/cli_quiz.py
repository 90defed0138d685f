"""Console front end of the quiz: `quiz`, `practice`, `leaderboard`, and the `bank`, `db` and
`member` command groups, added to the root CLI with `register(app)`.

Errors from the domain print one line and exit with status 2.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import click
import typer
from rich.console import Console

from bot import console_quiz as words
from bot.cli_errors import translated
from common.clock import utc_now
from common.config import Settings, load_settings

if TYPE_CHECKING:
    from core.bootstrap import Core
    from core.publishing import QuestionView
    from quiz.answering import AnswerResult

# The quiz and store packages (SQLAlchemy, alembic, fsrs) load inside the commands that use
# them, so `studybot index` and `studybot ask` do not pay for them at start-up.

CONSOLE_ID = "console"
MAX_PROMPTS = 3

DataDir = Annotated[
    Path | None, typer.Option("--data-dir", help="Folder for the database and index.")
]
DatabaseUrl = Annotated[
    str | None, typer.Option("--database-url", help="SQLAlchemy URL; overrides DATABASE_URL.")
]
# Asks for one line at a prompt; None at the end of input.
Reader = Callable[[str], str | None]
ID_MAX_CHARS = 32  # the ids' column width (Slack's own ids are far shorter)


def _short_id(value: str) -> str:
    """An id the database can store: PostgreSQL refuses a longer one mid-transaction."""
    if not value or len(value) > ID_MAX_CHARS:
        raise typer.BadParameter(f"use an id of 1 to {ID_MAX_CHARS} characters")
    return value


Channel = Annotated[
    str, typer.Option("--channel", help="Local channel id to play in.", callback=_short_id)
]
MemberOpt = Annotated[
    str, typer.Option("--member", help="Member id to play as.", callback=_short_id)
]

bank_app = typer.Typer(help="Check and sync the question bank.", no_args_is_help=True)
db_app = typer.Typer(help="Database maintenance.", no_args_is_help=True)
member_app = typer.Typer(
    help="Export or forget what is stored about members.", no_args_is_help=True
)
out = Console()


def register(app: typer.Typer) -> None:
    """Add the quiz commands and command groups to the root `studybot` app."""
    app.command("quiz")(quiz_command)
    app.command("practice")(practice_command)
    app.command("leaderboard")(leaderboard_command)
    app.add_typer(bank_app, name="bank")
    app.add_typer(db_app, name="db")
    app.add_typer(member_app, name="member")


@contextmanager
def _core(settings: Settings, *, sync: bool = False) -> Iterator[Core]:
    """The core of a quiz command (`build_core`, no tutor): migrated, the bank synced first
    with `sync`; closed at the end."""
    from core.bootstrap import build_core

    core = build_core(settings, answers=False, sync_bank=sync)
    try:
        yield core
    finally:
        core.close()


def quiz_command(
    answer: Annotated[
        str | None, typer.Option("--answer", help="Answer without being asked.")
    ] = None,
    channel: Channel = CONSOLE_ID,
    member: MemberOpt = CONSOLE_ID,
    timezone: Annotated[str, typer.Option("--timezone", help="The channel's time zone.")] = "UTC",
    data_dir: DataDir = None,
    database_url: DatabaseUrl = None,
) -> None:
    """Today's question for a local channel: answer by letter or in your own words."""
    from bot.answer_words import result_text
    from core.usecases.quiz_day import AnswerStatus

    settings = load_settings(data_dir=data_dir, database_url=database_url)
    with translated(), _core(settings, sync=True) as core:
        question = _today(core, channel, timezone)
        out.print(words.question_heading(question))
        words.print_question(out, question)
        for attempt in range(MAX_PROMPTS):
            text = answer if answer is not None else _typed_answer()
            if text is None:  # the end of input: nothing is submitted, nothing printed
                raise typer.Exit(1)
            result = _submit(core, question.post_id, member, text)
            out.print(result_text(result), markup=False)
            if result.status is not AnswerStatus.NEEDS_CHOICE:
                return
            if answer is not None or attempt == MAX_PROMPTS - 1:
                raise typer.Exit(1)


def _typed_answer() -> str | None:
    """A non-empty answer typed at the prompt; None at the end of input."""
    while (text := prompt_line(words.ANSWER_PROMPT)) is not None and not text.strip():
        pass
    return text


def _today(core: Core, channel: str, timezone: str) -> QuestionView:
    """Today's question of a local channel (made unsubscribed on first use)."""
    from core.usecases.quiz_day import local_channel, open_today

    now = core.now()
    local_channel(core, channel, timezone, now, own=CONSOLE_ID)
    return open_today(core, channel, now)


def _submit(core: Core, post_id: int, member: str, text: str) -> AnswerResult:
    """The answer submitted; the free-text grader (the model) loads only for own words."""
    from core.usecases.quiz_day import submit_typed

    return submit_typed(core, post_id, member, text).result


def practice_command(
    member: MemberOpt = CONSOLE_ID,
    new_per_day: Annotated[
        int | None,
        typer.Option(
            "--new-per-day",
            min=0,
            help="New cards today at most (default: STUDYBOT_NEW_CARDS_PER_DAY).",
        ),
    ] = None,
    data_dir: DataDir = None,
    database_url: DatabaseUrl = None,
) -> None:
    """Spaced-repetition practice: due cards first, then new ones up to the daily limit."""
    settings = load_settings(data_dir=data_dir, database_url=database_url)
    limit = settings.new_cards_per_day if new_per_day is None else new_per_day
    with translated(), _core(settings, sync=True) as core:
        run_practice(core, member, limit, out)


def run_practice(
    core: Core, member: str, new_per_day: int, console: Console, read: Reader | None = None
) -> None:
    """Show due and new cards until none is left or the member stops (q, or the end of input:
    Ctrl-D ends the session quietly); then a one-line summary. `read` asks for a line."""
    from core.usecases.practising import deck, next_card, rate

    read = read or prompt_line
    reviewed = 0
    while True:
        item = next_card(core, member, core.now(), new_per_day=new_per_day).item
        if item is None:
            break
        console.print(words.card_heading(item.is_new))
        console.print(item.front, markup=False)
        shown = read(words.SHOW_BACK_PROMPT)
        if shown is None or stops(shown):
            break
        console.print(item.back, markup=False)
        rating = _ask_rating(console, read)
        if rating is None:
            break
        rate(core, item.card_id, member, rating, core.now())
        reviewed += 1
    summary = deck(core, member, core.now())
    console.print(words.practice_summary(reviewed, summary, stopped=item is not None), markup=False)


def stops(line: str) -> bool:
    return line.strip().lower() in words.STOP_WORDS


def prompt_line(prompt: str) -> str | None:
    """A line typed at `prompt`; None at the end of input (Ctrl-D) or on Ctrl-C, where click
    would print "Aborted." and exit."""
    try:
        return str(typer.prompt(prompt, default="", show_default=False))
    except (click.exceptions.Abort, typer.Abort):  # typer's own Abort is not click's
        out.print()
        return None


def _ask_rating(console: Console, read: Reader) -> str | None:
    """The member's rating, asked again until it is one; None when they stop."""
    from core.usecases.practising import rating_error

    while True:
        choice = read(words.RATING_PROMPT)
        if choice is None or stops(choice):
            return None
        if not choice.strip():
            continue
        error = rating_error(choice)
        if error is None:
            return choice
        console.print(error, markup=False)


def leaderboard_command(
    period: Annotated[str, typer.Argument(help="week, month or all")] = "week",
    teams: Annotated[bool, typer.Option("--teams", help="Team against team.")] = False,
    channel: Channel = CONSOLE_ID,
    data_dir: DataDir = None,
    database_url: DatabaseUrl = None,
) -> None:
    """Standings for a channel, or team against team by mean points per active member."""
    from core.usecases.standings import leaderboard, parse_period

    settings = load_settings(data_dir=data_dir, database_url=database_url)
    with translated(), _core(settings) as core:
        which = parse_period([period])[0]
        board = leaderboard(core, channel, which, core.now(), teams=teams)
    out.print(words.board_table(board, channel, which))


@bank_app.command("check")
def bank_check(
    data_dir: DataDir = None,
    database_url: DatabaseUrl = None,
) -> None:
    """Validate the bank: schema, citations, letter balance, give-away option lengths,
    near-duplicates, second right answers, and cards that contradict their notes."""
    from core.usecases.bank import check_bank

    settings = load_settings(data_dir=data_dir, database_url=database_url)
    checked = check_bank(settings)
    for problem in checked.problems:
        typer.echo(str(problem))
    if checked.problems:
        typer.echo(words.bank_problems(checked), err=True)
        raise typer.Exit(1)
    typer.echo(words.bank_ok(checked))


@bank_app.command("sync")
def bank_sync(data_dir: DataDir = None, database_url: DatabaseUrl = None) -> None:
    """Store the bank and flashcards; edited questions become new versions."""
    from core.usecases.bank import read_bank, store_bank

    settings = load_settings(data_dir=data_dir, database_url=database_url)
    with translated():
        read_bank(settings)  # a bank that cannot be read fails before any migration
        with _core(settings) as core:
            report = store_bank(core, utc_now())
    typer.echo(words.bank_synced(report))


@db_app.command("upgrade")
def db_upgrade(data_dir: DataDir = None, database_url: DatabaseUrl = None) -> None:
    """Apply pending database migrations."""
    from core.usecases.database import upgrade_database

    settings = load_settings(data_dir=data_dir, database_url=database_url)
    typer.echo(words.database_revision(upgrade_database(settings)))


@member_app.command("export")
def member_export(
    member_ids: Annotated[list[str], typer.Argument(help="Slack user ids (U…).")],
    data_dir: DataDir = None,
    database_url: DatabaseUrl = None,
) -> None:
    """Print everything stored about the members as JSON."""
    from core.usecases.members import export_members

    settings = load_settings(data_dir=data_dir, database_url=database_url)
    with translated(), _core(settings) as core:
        exported = export_members(core, member_ids)
    typer.echo(json.dumps(exported, indent=2, ensure_ascii=False))


@member_app.command("forget")
def member_forget(
    member_ids: Annotated[list[str], typer.Argument(help="Slack user ids (U…).")],
    data_dir: DataDir = None,
    database_url: DatabaseUrl = None,
) -> None:
    """Delete everything stored about the members."""
    from core.usecases.members import forget_members

    settings = load_settings(data_dir=data_dir, database_url=database_url)
    with translated(), _core(settings) as core:
        forgotten = forget_members(core, member_ids)
    for member_id, counts in forgotten.items():
        typer.echo(words.forgotten(member_id, counts))


def chat_command(
    text: str, settings: Settings, console: Console, read: Reader | None = None
) -> bool:
    """Quiz commands inside `studybot chat`; returns False when `text` is not one of them.
    `read` asks for a line at a prompt of `/practice`."""
    from quiz.errors import QuizError

    command, _, rest = text.strip().partition(" ")
    if command not in {"/quiz", "/answer", "/leaderboard", "/practice"}:
        return False
    try:
        with _core(settings, sync=True) as core:
            _chat_quiz(core, command, rest, console, read)
    except QuizError as error:
        console.print(words.chat_error(error), markup=False)
    return True


def _chat_quiz(
    core: Core, command: str, rest: str, console: Console, read: Reader | None = None
) -> None:
    from bot.answer_words import result_text
    from core.usecases.standings import leaderboard, parse_period

    if command == "/practice":
        run_practice(core, CONSOLE_ID, core.settings.new_cards_per_day, console, read)
    elif command == "/leaderboard":
        board = leaderboard(core, CONSOLE_ID, parse_period([rest or "week"])[0], core.now())
        for line in words.board_lines(board):
            console.print(line, markup=False)
    else:
        question = _today(core, CONSOLE_ID, "UTC")
        if command == "/quiz":
            words.print_question(console, question)
        else:
            result = _submit(core, question.post_id, CONSOLE_ID, rest)
            console.print(result_text(result), markup=False)
