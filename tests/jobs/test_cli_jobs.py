"""The operations commands: `db backup` (SQLite online copy; PostgreSQL points at pg_dump),
`run` without Slack tokens falling back to the console tutor, `jobs` refusing without them."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
import typer
from sqlalchemy import text
from typer.testing import CliRunner

from bot import cli_jobs
from store.db import Database
from store.migrate import upgrade

SLACK_ENV = ("SLACK_BOT_TOKEN", "SLACK_CLIENT_ID", "DATABASE_URL")


@pytest.fixture
def app(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> typer.Typer:
    """The commands, run from a temp dir: their default data dir (./data) lands there."""
    monkeypatch.chdir(tmp_path)
    for name in SLACK_ENV:
        monkeypatch.delenv(name, raising=False)
    root = typer.Typer()
    root.command("noop")(lambda: None)
    cli_jobs.register(root)
    from bot import cli_quiz

    root.add_typer(cli_quiz.db_app, name="db")
    return root


def _live_database(tmp_path: Path) -> tuple[Path, str]:
    """A data dir whose SQLite database is migrated and holds one subscribed channel."""
    data = tmp_path / "data"
    data.mkdir()
    url = f"sqlite:///{data / 'studybot.db'}"
    upgrade(url)
    with Database(url) as database, database.session() as session:
        from quiz.posts import subscribe_channel

        subscribe_channel(session, "C1")
    return data, url


def test_db_backup_copies_a_live_sqlite_database(app: typer.Typer, tmp_path: Path) -> None:
    data, _ = _live_database(tmp_path)
    target = tmp_path / "backups" / "copy.db"
    result = CliRunner().invoke(app, ["db", "backup", str(target), "--data-dir", str(data)])
    assert result.exit_code == 0, result.output
    assert "Backed up" in result.output
    with sqlite3.connect(target) as copy:
        assert copy.execute("select id from channels").fetchall() == [("C1",)]
    assert [p.name for p in target.parent.iterdir()] == ["copy.db"]  # no partial left behind


@pytest.mark.parametrize("name", ["studybot.db", "studybot.db-wal"])
def test_db_backup_onto_the_live_database_is_refused(
    app: typer.Typer, tmp_path: Path, name: str
) -> None:
    """Renaming the copy over the file the bot has open would leave the bot writing to an
    unlinked file (and the old write-ahead log beside a new database)."""
    data, url = _live_database(tmp_path)
    with Database(url) as database, database.session() as session:
        session.execute(text("select 1"))  # the bot has the file open meanwhile
        live = (data / "studybot.db").stat().st_ino
        result = CliRunner().invoke(
            app, ["db", "backup", str(data / name), "--data-dir", str(data)]
        )
        assert result.exit_code == 2, result.output
        assert "is the database being copied" in result.output
        assert (data / "studybot.db").stat().st_ino == live
        assert sorted(p.name for p in data.iterdir() if ".db." in p.name) == []  # no partial


def test_db_backup_of_postgresql_points_at_pg_dump(app: typer.Typer, tmp_path: Path) -> None:
    result = CliRunner().invoke(
        app,
        ["db", "backup", str(tmp_path / "x"), "--database-url", "postgresql+psycopg://u@h/db"],
    )
    assert result.exit_code == 2
    assert "pg_dump" in result.output
    assert not (tmp_path / "x").exists()


def test_run_without_slack_tokens_starts_the_console_tutor(
    app: typer.Typer, monkeypatch: pytest.MonkeyPatch
) -> None:
    chats: list[object] = []
    monkeypatch.setattr("bot.cli.chat", lambda **kwargs: chats.append(kwargs))
    result = CliRunner().invoke(app, ["run"])
    assert result.exit_code == 0, result.output
    assert "Slack tokens are not set" in result.output
    assert len(chats) == 1


def test_jobs_without_slack_tokens_exits_2(app: typer.Typer) -> None:
    result = CliRunner().invoke(app, ["jobs"])
    assert result.exit_code == 2
    assert "SLACK_BOT_TOKEN" in result.output


def test_studybot_lists_the_operations_commands() -> None:
    import subprocess
    import sys

    listing = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys; sys.argv=['studybot','--help']; from bot.cli import main; main()",
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    for command in ("jobs", "run", "serve", "db"):
        assert f" {command} " in listing


def test_run_starts_the_scheduler_beside_the_bot(
    app: typer.Typer, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from datetime import UTC, datetime, timedelta

    from bot.slack.services import Services
    from jobs import lease
    from tests.bankfixtures import FIXTURE_CORPUS, sync_corpus
    from tests.fakeslack import FakeSlack
    from tests.jobs.helpers import subscribe

    url = f"sqlite:///{tmp_path / 'studybot.db'}"
    upgrade(url)
    with Database(url) as database:
        sync_corpus(database, FIXTURE_CORPUS, datetime.now(UTC))
        due = (datetime.now(UTC) - timedelta(minutes=5)).time().replace(second=0, microsecond=0)
        subscribe(database, "C1", post_time=due)
    bot_runs: list[dict[str, object]] = []
    with FakeSlack() as slack:

        def fake_bot(settings: object, *, http: bool, port: int, services: Services) -> None:
            # One core for both halves: the bot gets the database the scheduler posts from.
            assert services.database.url == url
            bot_runs.append({"http": http, "port": port})
            slack.wait_for("chat.postMessage", 1, timeout=15, ok=True)

        monkeypatch.setattr("bot.slack.runner.run_bot", fake_bot)
        for name, value in {
            "DATABASE_URL": url,
            "SLACK_BOT_TOKEN": "xoxb-test",
            "SLACK_API_URL": slack.api_url,
            "STUDYBOT_CORPUS": str(FIXTURE_CORPUS),
        }.items():
            monkeypatch.setenv(name, value)
        result = CliRunner().invoke(app, ["run", "--http", "--port", "3123"])
        assert result.exit_code == 0, result.output
    assert bot_runs == [{"http": True, "port": 3123}]
    with Database(url) as database:
        assert lease.current_holder(database, datetime.now(UTC)) is None  # handed back


def test_jobs_with_a_token_slack_refuses_stops_at_once(tmp_path: Path) -> None:
    """Every post would be refused (invalid_auth) while the scheduler ran on, saying nothing."""
    from tests.fakeslack import FakeSlack
    from tests.test_settings import studybot

    with FakeSlack(tokens={"xoxb-right"}) as slack:
        env = {
            "SLACK_BOT_TOKEN": "xoxb-wrong",
            "SLACK_API_URL": slack.api_url,
            "STUDYBOT_DATA_DIR": str(tmp_path / "data"),
        }
        result = studybot("jobs", env=env, cwd=tmp_path, timeout=120)
    assert result.returncode == 2
    assert result.stderr.strip() == "error: Slack refused SLACK_BOT_TOKEN: invalid_auth"
