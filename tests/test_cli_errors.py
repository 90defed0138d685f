"""Every command reports a failure the same way, whichever module it lives in: one
`error: <what>` line on standard error (naming where when the message does not), exit 2.
Run as a shell would, in a child process."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.cli_errors import fail
from common.errors import StudybotError
from quiz.errors import QuizError
from retrieval.build import BuildError
from store.backup import NotSqlite
from tests.test_settings import studybot

# Unset, not empty: an empty SLACK_BOT_TOKEN counts as set (and `jobs` would start).
SLACK_ENV = ("SLACK_BOT_TOKEN", "SLACK_CLIENT_ID", "SLACK_CLIENT_SECRET", "DATABASE_URL")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("leaderboard", "someday"), "error: Unknown leaderboard period 'someday'"),
        (("jobs",), "error: the scheduler posts to Slack: set SLACK_BOT_TOKEN"),
        (
            ("db", "backup", "copy.db", "--database-url", "postgresql+psycopg://u@h/db"),
            "error: studybot db backup copies SQLite databases only",
        ),
        (("ask", "--file", "missing.txt"), "error: no such file (--file missing.txt)"),
    ],
)
def test_one_error_line_and_exit_2(
    args: tuple[str, ...], message: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in SLACK_ENV:
        monkeypatch.delenv(name, raising=False)
    result = studybot(*args, env={"STUDYBOT_DATA_DIR": str(tmp_path / "data")}, cwd=tmp_path)
    assert result.returncode == 2, result.stderr
    assert result.stdout == ""
    [line] = result.stderr.splitlines()
    assert line.startswith(message)


def test_a_questions_file_that_is_not_utf8_text_is_refused_with_its_line(tmp_path: Path) -> None:
    (tmp_path / "questions.txt").write_bytes(b"what is pipe mode\nwhy \xff\xfe\x00 binary\n")
    env = {"STUDYBOT_DATA_DIR": str(tmp_path / "data")}
    result = studybot("ask", "--file", "questions.txt", env=env, cwd=tmp_path)
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    [line] = result.stderr.splitlines()
    assert line.startswith("error: not UTF-8 text")
    assert line.endswith("(--file questions.txt, line 2)")


def test_domain_errors_share_one_root() -> None:
    for error in (QuizError, BuildError, NotSqlite):
        assert issubclass(error, StudybotError)


def test_where_is_named_after_what(capsys: pytest.CaptureFixture[str]) -> None:
    exit_ = fail("no such file", where="--file notes.txt")
    assert exit_.exit_code == 2
    assert capsys.readouterr().err == "error: no such file (--file notes.txt)\n"


def test_a_database_that_cannot_be_reached_is_one_error_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in SLACK_ENV:
        monkeypatch.delenv(name, raising=False)
    env = {
        "STUDYBOT_DATA_DIR": str(tmp_path / "data"),
        "DATABASE_URL": "postgresql+psycopg://u:s3cret@127.0.0.1:1/studybot",  # nobody listens
    }
    result = studybot("leaderboard", env=env, cwd=tmp_path)
    assert result.returncode == 2, result.stderr
    [line] = result.stderr.splitlines()
    assert line.startswith("error: cannot use the database (DATABASE_URL): connection failed")
    assert "s3cret" not in line


def test_a_data_dir_that_cannot_be_made_is_one_error_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in SLACK_ENV:
        monkeypatch.delenv(name, raising=False)
    (tmp_path / "a-file").write_text("not a folder")
    data_dir = tmp_path / "a-file" / "data"
    result = studybot("leaderboard", env={"STUDYBOT_DATA_DIR": str(data_dir)}, cwd=tmp_path)
    assert result.returncode == 2, result.stderr
    [line] = result.stderr.splitlines()
    assert line.startswith("error: Not a directory (") and str(data_dir) in line


@pytest.mark.parametrize("option", ["--channel", "--member"])
def test_an_id_longer_than_its_column_is_refused_before_any_write(
    option: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """PostgreSQL refused a 40-character channel id mid-transaction, with a traceback."""
    for name in SLACK_ENV:
        monkeypatch.delenv(name, raising=False)
    env = {"STUDYBOT_DATA_DIR": str(tmp_path / "data")}
    result = studybot("quiz", option, "x" * 40, "--answer", "A", env=env, cwd=tmp_path)
    assert result.returncode == 2, result.stderr
    assert f"Invalid value for '{option}': use an id of 1 to 32 characters" in result.stderr
    assert not (tmp_path / "data" / "studybot.db").exists()
