"""Operations commands: `studybot jobs` (the scheduler, with lease and standby), `studybot run`
(bot and scheduler in one process) and `studybot db backup PATH`; added with `register(app)`.

Heavy imports (APScheduler, SQLAlchemy, slack_sdk) stay inside the commands.
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Annotated

import typer

from bot.cli_errors import fail
from common.config import Settings, load_settings

DataDir = Annotated[
    Path | None, typer.Option("--data-dir", help="Folder for the database and index.")
]
DatabaseUrl = Annotated[
    str | None, typer.Option("--database-url", help="SQLAlchemy URL; overrides DATABASE_URL.")
]
NO_SLACK = "Slack tokens are not set (SLACK_BOT_TOKEN): starting the console tutor instead."
JOBS_NEED_SLACK = (
    "the scheduler posts to Slack: set SLACK_BOT_TOKEN, or SLACK_CLIENT_ID and "
    "SLACK_CLIENT_SECRET for OAuth installs (and SLACK_SIGNING_SECRET)"
)
RUN_WITHOUT_JOBS = "no Slack token to post with: running the bot without scheduled jobs."
PG_BACKUP = (
    "studybot db backup copies SQLite databases only; for PostgreSQL use pg_dump, e.g. "
    'pg_dump --format=custom --file=studybot.dump "${DATABASE_URL/+psycopg/}" (in bash: pg_dump '
    "does not take SQLAlchemy's +psycopg driver name)"
)


def register(app: typer.Typer) -> None:
    """Add `jobs`, `run` and `db backup` to the root `studybot` app."""
    from bot import cli_quiz

    app.command("jobs")(jobs_command)
    app.command("run")(run_command)
    cli_quiz.db_app.command("backup")(db_backup)


def can_post(settings: Settings) -> bool:
    """A single bot token, or OAuth installs (each workspace's own token, by the outbox)."""
    oauth = settings.slack_client_id is not None and settings.slack_client_secret is not None
    return settings.slack_bot_token is not None or oauth


def jobs_command(
    data_dir: DataDir = None,
    database_url: DatabaseUrl = None,
    lease_ttl: Annotated[
        float,
        typer.Option(
            "--lease-ttl", min=1.0, help="Lease lifetime in seconds; a standby takes over after it."
        ),
    ] = 30.0,
) -> None:
    """Run the scheduled jobs only (one process at a time holds the lease; others stand by)."""
    from bot.slack.scheduling import outbox_sender, slack_publisher, token_refusal
    from core.bootstrap import build_core
    from jobs.wiring import run_until_signalled, scheduler_service

    settings = load_settings(data_dir=data_dir, database_url=database_url)
    if not settings.slack_enabled or not can_post(settings):
        raise fail(JOBS_NEED_SLACK)
    if refusal := token_refusal(settings):
        raise fail(f"Slack refused SLACK_BOT_TOKEN: {refusal}")
    core = build_core(settings, publisher=slack_publisher(), answers=False, sync_bank=False)
    try:
        service = scheduler_service(
            core,
            make_sender=lambda holder: outbox_sender(settings, core.database, holder),
            ttl=timedelta(seconds=lease_ttl),
        )
        run_until_signalled(service)
    finally:
        core.close()


def run_command(
    http: Annotated[
        bool, typer.Option("--http", help="Serve Slack over HTTP, not Socket Mode.")
    ] = False,
    port: Annotated[int, typer.Option("--port", help="HTTP port (with --http).")] = 3000,
    data_dir: DataDir = None,
) -> None:
    """Run the Slack bot and the scheduler in one process (the one-machine default)."""
    settings = load_settings(data_dir=data_dir)
    if not settings.slack_enabled:
        typer.echo(NO_SLACK, err=True)
        from bot.cli import chat

        chat(data_dir=data_dir, corpus=None)
        return
    from bot.slack.app import SlackConfigError
    from bot.slack.runner import build_services, run_bot
    from bot.slack.scheduling import outbox_sender
    from jobs.wiring import run_in_background, scheduler_service

    if not can_post(settings):
        typer.echo(RUN_WITHOUT_JOBS, err=True)
        run_bot(settings, http=http, port=port)
        return
    # One core for both halves: one database pool, one tutor, one clock.
    services = build_services(settings)
    service = scheduler_service(
        services,
        make_sender=lambda holder: outbox_sender(settings, services.database, holder),
    )
    thread = run_in_background(service)
    try:
        run_bot(settings, http=http, port=port, services=services)
    except SlackConfigError as error:
        raise fail(str(error)) from None
    finally:
        service.stop()
        thread.join(timeout=10)
        services.close()


def db_backup(
    path: Annotated[Path, typer.Argument(help="Where to write the copy of the database.")],
    data_dir: DataDir = None,
    database_url: DatabaseUrl = None,
) -> None:
    """Copy the SQLite database while the bot runs (online backup, written atomically)."""
    from core.usecases.database import BackupOverSource, NotSqlite, backup_database

    settings = load_settings(data_dir=data_dir, database_url=database_url)
    try:
        pages = backup_database(settings, path)
    except NotSqlite:
        raise fail(PG_BACKUP) from None
    except (FileNotFoundError, BackupOverSource) as exc:
        raise fail(str(exc)) from None
    typer.echo(f"Backed up {pages} pages to {path}")
