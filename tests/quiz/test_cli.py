"""The console commands, run in-process on a local Typer app over both backends."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
import time_machine
import typer
import yaml
from typer.testing import CliRunner

from bot import cli_quiz
from retrieval.embed import Embedder

runner = CliRunner()


@pytest.fixture
def app() -> typer.Typer:
    root = typer.Typer()
    cli_quiz.register(root)
    return root


@pytest.fixture
def env(corpus: Path, tmp_path: Path, db_url: str) -> dict[str, str]:
    return {
        "STUDYBOT_CORPUS": str(corpus),
        "DATABASE_URL": db_url,
        "STUDYBOT_DATA_DIR": str(tmp_path),
    }


def _run(app: typer.Typer, env: dict[str, str], *args: str, stdin: str | None = None):  # type: ignore[no-untyped-def]
    return runner.invoke(app, list(args), env=env, input=stdin)


@time_machine.travel(datetime(2025, 3, 4, 9, tzinfo=UTC), tick=False)
def test_quiz_by_letter_then_leaderboard_and_member_export_forget(
    app: typer.Typer, env: dict[str, str]
) -> None:
    shown = _run(app, env, "quiz", "--answer", "A or B")
    assert shown.exit_code == 1 and "pick one option" in shown.output
    stem_line = shown.output.splitlines()[1]
    answered = _run(app, env, "quiz", "--member", "U1", stdin="B\n")
    assert answered.exit_code == 0, answered.output
    assert stem_line in answered.output and "Source: " in answered.output
    board = _run(app, env, "leaderboard", "all")
    assert board.exit_code == 0 and "U1" in board.output
    teams = _run(app, env, "leaderboard", "month", "--teams")
    assert teams.exit_code == 0 and "console" in teams.output
    exported = _run(app, env, "member", "export", "U1")
    assert exported.exit_code == 0
    assert json.loads(exported.output)["U1"]["answers"][0]["member_id"] == "U1"
    forgotten = _run(app, env, "member", "forget", "U1")
    assert forgotten.exit_code == 0 and "1 answers" in forgotten.output
    gone = _run(app, env, "member", "export", "U1")
    assert gone.exit_code == 2
    assert gone.output.strip() == "error: Nothing is stored about member U1."


@time_machine.travel(datetime(2025, 3, 4, 9, tzinfo=UTC), tick=False)
def test_quiz_in_free_text(app: typer.Typer, env: dict[str, str], embedder: Embedder) -> None:
    result = _run(
        app, env, "quiz", "--answer", "I would use a stream that saves everything for later"
    )
    assert result.exit_code == 0, result.output
    assert "key points" in result.output and "Points missed" in result.output


def test_practice_session(app: typer.Typer, env: dict[str, str]) -> None:
    result = _run(app, env, "practice", "--new-per-day", "2", stdin="\ngood\n\neasy\n")
    assert result.exit_code == 0, result.output
    assert "What limits the write throughput" in result.output
    assert "2 cards" in result.output and "2 new today" in result.output


def test_bank_sync_check_and_db_upgrade(
    app: typer.Typer, env: dict[str, str], corpus: Path, embedder: Embedder
) -> None:
    upgraded = _run(app, env, "db", "upgrade")
    assert upgraded.exit_code == 0 and "database at revision" in upgraded.output
    synced = _run(app, env, "bank", "sync")
    assert synced.exit_code == 0 and "questions: 8 added" in synced.output
    checked = _run(app, env, "bank", "check")
    assert checked.exit_code == 0 and "bank ok: 8 questions" in checked.output
    path = corpus / "questions" / "modeling.yaml"
    data = yaml.safe_load(path.read_text())
    data[0]["answer"] = "Z"
    path.write_text(yaml.safe_dump(data))
    broken = _run(app, env, "bank", "sync")
    assert broken.exit_code == 2
    assert broken.output.strip().endswith(
        "modeling.yaml, question mo-xgboost-001: answer 'Z' must be one of A, B, C, D"
    )
    failed_check = _run(app, env, "bank", "check")
    assert failed_check.exit_code == 1 and "mo-xgboost-001" in failed_check.output


def test_bad_period_is_one_clear_line(app: typer.Typer, env: dict[str, str]) -> None:
    result = _run(app, env, "leaderboard", "year")
    assert result.exit_code == 2
    assert (
        result.output.strip() == "error: Unknown leaderboard period 'year': use week, month or all."
    )


def test_overrides_beat_the_environment(
    app: typer.Typer, env: dict[str, str], tmp_path: Path
) -> None:
    other = tmp_path / "elsewhere"
    result = _run(app, {**env, "DATABASE_URL": ""}, "db", "upgrade", "--data-dir", str(other))
    assert result.exit_code == 0, result.output
    assert (other / "studybot.db").is_file()
