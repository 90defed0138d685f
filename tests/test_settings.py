"""Every command-line setting in the README's table, set through its environment variable and
seen to change what the command does; settings that cannot be used stop with one `error:` line.
(Most Slack and scheduling settings are driven in tests/slack and tests/jobs; SLACK_APP_TOKEN
and STUDYBOT_SLACK_POSTS_PER_MINUTE are driven here: `studybot serve` against the fake Slack.)"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

import pytest
from slack_sdk.oauth.installation_store import Installation
from slack_sdk.oauth.installation_store.sqlalchemy import SQLAlchemyInstallationStore
from typer.testing import CliRunner

from bot.cli import app
from bot.slack.scheduling import outbox_sender
from common.config import load_settings
from retrieval.index_store import read_manifest
from store import outbox
from store.db import Database
from store.migrate import upgrade
from tests.dbfixtures import postgres_schema_url
from tests.fakeslack import FakeSlack
from tests.retrieval.fixtures import write_good_corpus

runner = CliRunner()
STUDYBOT = [sys.executable, "-c", "from bot.cli import main; main()"]


def studybot(
    *args: str, env: dict[str, str], cwd: Path, timeout: float = 600, stdin: str | None = None
) -> subprocess.CompletedProcess[str]:
    """The real entry point in a child process, as a shell would run it (`stdin` piped in)."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith("STUDYBOT_")}
    return subprocess.run(
        [*STUDYBOT, *args],
        env={**clean, "COLUMNS": "200", **env},
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=timeout,
        input=stdin,
    )


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory, embedder) -> dict[str, str]:  # type: ignore[no-untyped-def]
    """A corpus and a data dir with its index, named by environment variables only."""
    root = write_good_corpus(tmp_path_factory.mktemp("settings-corpus"))
    env = {
        "STUDYBOT_CORPUS": str(root),
        "STUDYBOT_DATA_DIR": str(tmp_path_factory.mktemp("settings-data")),
    }
    result = runner.invoke(app, ["index"], env=env)
    assert result.exit_code == 0, result.output
    return env


def test_data_dir_and_corpus_place_the_index_and_choose_the_notes(built: dict[str, str]) -> None:
    manifest = read_manifest(Path(built["STUDYBOT_DATA_DIR"]) / "index")
    assert manifest is not None and "imbalance.md" in manifest.digests
    answer = runner.invoke(app, ["ask", "what is smote", "--json"], env=built)
    assert json.loads(answer.stdout)["passages"][0]["source"] == "imbalance.md"


def test_min_confidence_decides_when_the_notes_do_not_cover_a_question(
    built: dict[str, str],
) -> None:
    def answer(threshold: str) -> str:
        result = runner.invoke(
            app,
            ["ask", "what is smote", "--json"],
            env={**built, "STUDYBOT_MIN_CONFIDENCE": threshold},
        )
        assert result.exit_code == 0, result.output
        return str(json.loads(result.stdout)["answer"])

    assert answer("0") != ""
    assert answer("1") == ""


def test_chunk_tokens_limits_the_passages_and_rebuilds(
    built: dict[str, str], tmp_path: Path
) -> None:
    env = {**built, "STUDYBOT_DATA_DIR": str(tmp_path), "STUDYBOT_CHUNK_TOKENS": "40"}
    assert runner.invoke(app, ["index"], env=env).exit_code == 0
    small = read_manifest(tmp_path / "index")
    default = read_manifest(Path(built["STUDYBOT_DATA_DIR"]) / "index")
    assert small is not None and default is not None
    assert small.chunking != default.chunking
    assert small.counts.chunks > default.counts.chunks


def test_database_url_chooses_the_database(tmp_path: Path) -> None:
    from bot import cli_quiz

    url = f"sqlite:///{tmp_path / 'elsewhere.db'}"
    quiz_app = __import__("typer").Typer()
    cli_quiz.register(quiz_app)
    result = runner.invoke(
        quiz_app,
        ["db", "upgrade"],
        env={"DATABASE_URL": url, "STUDYBOT_DATA_DIR": str(tmp_path / "d")},
    )
    assert result.exit_code == 0, result.output
    assert (tmp_path / "elsewhere.db").is_file() and not (tmp_path / "d" / "studybot.db").exists()


def test_log_level_and_log_json_shape_the_log(built: dict[str, str], tmp_path: Path) -> None:
    info = studybot("index", env=built, cwd=tmp_path)
    assert info.returncode == 0, info.stderr
    assert "index checked" not in info.stderr
    debug = studybot(
        "index",
        env={**built, "STUDYBOT_LOG_LEVEL": "debug", "STUDYBOT_LOG_JSON": "true"},
        cwd=tmp_path,
    )
    [line] = [line for line in debug.stderr.splitlines() if "index checked" in line]
    record = json.loads(line)
    assert record["level"] == "debug" and "up_to_date=True" in record["event"]


@pytest.mark.parametrize(
    ("variable", "value", "message"),
    [
        ("STUDYBOT_MIN_CONFIDENCE", "2", "input should be less than or equal to 1"),
        ("STUDYBOT_LOG_LEVEL", "verbose", "use one of DEBUG, INFO, WARNING, ERROR"),
        ("STUDYBOT_NEW_CARDS_PER_DAY", "many", "input should be a valid integer"),
        ("STUDYBOT_LEADERBOARD_DAY", "someday", "use a day of the week"),
        ("STUDYBOT_NUDGE_TIME", "9am", "use a 24-hour time as HH:MM"),
        ("STUDYBOT_ADMINS", "@alice", "'@alice' is not a Slack member id"),
    ],
)
def test_a_bad_setting_is_one_error_line_even_for_help(
    variable: str, value: str, message: str, tmp_path: Path
) -> None:
    result = studybot("--help", env={variable: value}, cwd=tmp_path)
    assert result.returncode == 2
    assert result.stdout == ""
    [line] = result.stderr.splitlines()
    assert line.startswith(f"error: {variable}={value}: {message}")


def test_admins_are_member_ids_separated_by_commas_or_spaces(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A name would never match the id in a request: the admins would find themselves refused."""
    monkeypatch.setenv("STUDYBOT_ADMINS", "U012AB, U034CD W056EF")
    assert load_settings().admins == ["U012AB", "U034CD", "W056EF"]


def test_a_database_url_with_a_password_is_not_repeated(tmp_path: Path) -> None:
    result = studybot("--help", env={"DATABASE_URL": "not a url s3cret"}, cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.startswith("error: DATABASE_URL: not a SQLAlchemy URL")
    assert "s3cret" not in result.stderr


def test_a_database_url_whose_driver_is_missing_is_one_error_line(tmp_path: Path) -> None:
    result = studybot("--help", env={"DATABASE_URL": "mysql://u:s3cret@h/db"}, cwd=tmp_path)
    assert result.returncode == 2
    [line] = result.stderr.splitlines()
    assert line.startswith("error: DATABASE_URL: no database driver for 'mysql' here")
    assert "s3cret" not in result.stderr


@pytest.fixture
def postgres_url() -> Iterator[str]:
    """A fresh schema on the test PostgreSQL (skipped without one, except in CI)."""
    yield from postgres_schema_url()


def test_a_hosting_services_postgres_url_means_psycopg(tmp_path: Path, postgres_url: str) -> None:
    """Hosting services hand out postgres://…, a name SQLAlchemy has no dialect for."""
    settings = load_settings(database_url="postgres://u:p%40ss@db.example:5432/study")
    assert settings.database_url == "postgresql+psycopg://u:p%40ss@db.example:5432/study"
    hosted = postgres_url.replace("postgresql+psycopg://", "postgres://", 1)
    result = studybot("db", "upgrade", env={"DATABASE_URL": hosted}, cwd=tmp_path)
    assert result.returncode == 0, result.stderr


def test_a_model_that_cannot_be_loaded_is_one_error_line_naming_the_setting(
    built: dict[str, str], tmp_path: Path
) -> None:
    env = {
        **built,
        "STUDYBOT_DATA_DIR": str(tmp_path / "d"),
        "STUDYBOT_EMBED_MODEL": "some/missing-model",
    }
    result = studybot("index", env=env, cwd=tmp_path)
    assert result.returncode == 2, result.stderr
    [line] = result.stderr.strip().splitlines()
    assert line.startswith("error: STUDYBOT_EMBED_MODEL=some/missing-model: cannot load this model")
    assert "unset it to use the bundled all-MiniLM-L6-v2" in line
    assert "Traceback" not in result.stderr


SECRET = "settings-signing-secret"
APP_TOKEN = "xapp-1-settings-app-token"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def serving(*args: str, env: dict[str, str], cwd: Path) -> Iterator[str]:
    """`studybot serve` in a child process until its /healthz answers; its base URL."""
    port = free_port()
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("STUDYBOT_", "SLACK_"))}
    process = subprocess.Popen(
        [*STUDYBOT, "serve", "--port", str(port), *args],
        env={**clean, **env},
        cwd=cwd,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 300
        while True:
            assert process.poll() is None, process.communicate()[1]
            try:
                urllib.request.urlopen(f"{url}/healthz", timeout=5).close()
                break
            except (urllib.error.URLError, ConnectionError):
                assert time.monotonic() < deadline, "studybot serve did not start in 300 s"
                time.sleep(0.2)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=60)


def serving_health(port: str) -> bool:
    try:
        urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=5).close()
    except (urllib.error.URLError, ConnectionError):
        return False
    return True


def slack_env(built: dict[str, str], fake: FakeSlack, tmp_path: Path) -> dict[str, str]:
    return {
        **built,
        "DATABASE_URL": f"sqlite:///{tmp_path / 'studybot.db'}",
        "SLACK_BOT_TOKEN": "xoxb-settings-token",
        "SLACK_SIGNING_SECRET": SECRET,
        "SLACK_API_URL": fake.api_url,
    }


def test_slack_app_token_chooses_socket_mode_with_that_token(
    built: dict[str, str], tmp_path: Path
) -> None:
    with FakeSlack() as fake:
        env = slack_env(built, fake, tmp_path)
        with serving(env={**env, "SLACK_APP_TOKEN": APP_TOKEN}, cwd=tmp_path):
            [opened, *_] = fake.wait_for("apps.connections.open", timeout=60)
        assert opened.headers["authorization"] == f"Bearer {APP_TOKEN}"
        fake.reset()
        with serving(env=env, cwd=tmp_path):  # no app token: Slack's events come over HTTP
            fake.wait_for("auth.test", timeout=60)
        assert fake.count("apps.connections.open") == 0


def test_a_slack_app_token_slack_refuses_is_one_error_line(
    built: dict[str, str], tmp_path: Path
) -> None:
    """The bot token pasted as SLACK_APP_TOKEN: Slack will never take it, so retrying as if
    Slack were unreachable (forever, saying so) helps nobody."""
    with FakeSlack() as fake:
        env = {**slack_env(built, fake, tmp_path), "SLACK_APP_TOKEN": "xoxb-pasted-twice"}
        port = str(free_port())  # /healthz is served beside Socket Mode
        result = studybot("serve", "--port", port, env=env, cwd=tmp_path, timeout=180)
        assert fake.count("apps.connections.open") == 1
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr and "cannot reach Slack" not in result.stderr
    [error] = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert error.startswith("error: Slack refused SLACK_APP_TOKEN (not_allowed_token_type): ")
    assert "xoxb-pasted-twice" not in result.stderr


def test_with_oauth_installs_a_reply_left_queued_goes_out_at_start(
    built: dict[str, str], tmp_path: Path
) -> None:
    """A reply queued when the bot last stopped is sent when it starts again, not whenever
    the next member happens to write (by then past its deadline, and given up)."""
    url = f"sqlite:///{tmp_path / 'studybot.db'}"
    upgrade(url)
    database = Database(url)
    installations = SQLAlchemyInstallationStore(client_id="111.222", engine=database.engine)
    installations.create_tables()
    installations.save(
        Installation(app_id="A1", team_id="TA", user_id="U1", bot_token="xoxb-ta", bot_id="BA")
    )
    with database.session() as session:
        outbox.enqueue(
            session,
            "answer:DA:1.0",
            channel="DA",
            payload={"text": "left over"},
            now=datetime.now(UTC),
            team_id="TA",
        )
    database.dispose()
    with FakeSlack(tokens={"xoxb-ta"}) as fake:
        env = {
            **slack_env(built, fake, tmp_path),
            "SLACK_BOT_TOKEN": "",
            "SLACK_CLIENT_ID": "111.222",
            "SLACK_CLIENT_SECRET": "shh",
        }
        with serving("--http", env=env, cwd=tmp_path):
            [sent] = fake.wait_for("chat.postMessage", ok=True, timeout=60)
    assert sent.body["text"] == "left over"


def test_sigterm_stops_run_cleanly_and_hands_the_lease_back(
    built: dict[str, str], tmp_path: Path
) -> None:
    """docker stop sends SIGTERM: the bot ends through its clean-up, so a restarted scheduler
    takes the lease at once instead of waiting for it to run out."""
    from jobs.lease import last_holder
    from store.models import SchedulerLease

    with FakeSlack() as fake:
        env = slack_env(built, fake, tmp_path)
        upgrade(env["DATABASE_URL"])  # the lease table, to watch from here
        clean = {k: v for k, v in os.environ.items() if not k.startswith(("STUDYBOT_", "SLACK_"))}
        port = str(free_port())
        process = subprocess.Popen(
            [*STUDYBOT, "run", "--http", "--port", port],
            env={**clean, **env},
            cwd=tmp_path,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        database = Database(env["DATABASE_URL"])
        try:
            deadline = time.monotonic() + 300
            while not (serving_health(port) and last_holder(database)):  # bot up, lease taken
                assert process.poll() is None, process.communicate()[1]
                assert time.monotonic() < deadline, "studybot run did not start in 300 s"
                time.sleep(0.2)
            process.send_signal(signal.SIGTERM)
            assert process.wait(timeout=30) == 0, process.communicate()[1]
            with database.session() as session:
                [held] = session.query(SchedulerLease).all()
                assert held.expires_at <= datetime.now(UTC)  # handed back, not left to expire
        finally:
            if process.poll() is None:
                process.kill()
            database.dispose()


def test_slack_posts_per_minute_paces_scheduled_posts_but_never_replies(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The budget is for broadcasts (quiz posts, boards): with 1 a minute the scheduler's sender,
    built from settings as `studybot jobs` builds it, sends one post and holds the second, while
    answers to members go at once."""
    monkeypatch.setenv("STUDYBOT_SLACK_POSTS_PER_MINUTE", "1")
    url = f"sqlite:///{tmp_path / 'studybot.db'}"
    upgrade(url)
    database = Database(url)
    now = datetime(2026, 11, 30, 9, 0, tzinfo=UTC)
    try:
        with FakeSlack() as fake:
            monkeypatch.setenv("SLACK_BOT_TOKEN", "xoxb-test")
            monkeypatch.setenv("SLACK_API_URL", fake.api_url)
            settings = load_settings(data_dir=tmp_path)
            assert settings.slack_posts_per_minute == 1
            sender = outbox_sender(settings, database, "test")
            with database.session() as session:
                for channel in ("C1", "C2"):
                    outbox.enqueue(
                        session, f"post:{channel}", channel=channel, payload={"text": "q"}, now=now
                    )
                    outbox.enqueue(
                        session,
                        f"answer:{channel}9:1.0",  # a reply in another channel
                        channel=f"{channel}9",
                        payload={"text": "a"},
                        now=now,
                    )
            sender.drain_once(now)
            sender.stop()
            sent = [c.body["text"] for c in fake.calls("chat.postMessage", ok=True)]
        assert sorted(sent) == ["a", "a", "q"]  # the second post waits for next minute's budget
    finally:
        database.dispose()


def test_an_empty_slack_token_means_not_set(built: dict[str, str], tmp_path: Path) -> None:
    """`SLACK_BOT_TOKEN=` (an empty line in .env) starts the console tutor, not a Slack bot
    with an empty token."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("STUDYBOT_", "SLACK_"))}
    env = {**clean, **built, "SLACK_BOT_TOKEN": "", "SLACK_SIGNING_SECRET": " "}
    result = subprocess.run(
        [*STUDYBOT, "run"],
        env=env,
        cwd=tmp_path,
        input="",
        capture_output=True,
        text=True,
        timeout=120,  # a Slack bot would serve until killed
    )
    assert result.returncode == 0, result.stderr
    assert "starting the console tutor" in result.stdout + result.stderr


def test_a_port_in_use_is_one_error_line(built: dict[str, str], tmp_path: Path) -> None:
    with FakeSlack() as fake, socket.socket() as taken:
        taken.bind(("0.0.0.0", 0))
        taken.listen()
        port = str(taken.getsockname()[1])
        env = slack_env(built, fake, tmp_path)
        result = studybot("serve", "--http", "--port", port, env=env, cwd=tmp_path)
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    last = result.stderr.strip().splitlines()[-1]
    assert last.startswith(f"error: cannot listen on port {port}: ")
    assert last.endswith("choose another with --port")
