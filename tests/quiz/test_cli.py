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
    refused = _run(app, env, "member", "forget", "U1", "U404")
    assert refused.exit_code == 2 and "U404" in refused.output and "forgot" not in refused.output
    forgotten = _run(app, env, "member", "forget", "U1")  # the unknown id changed nothing
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


def _flat(output: str) -> str:
    return " ".join(output.split())


def test_practice_session(app: typer.Typer, env: dict[str, str]) -> None:
    result = _run(app, env, "practice", "--new-per-day", "2", stdin="\ngood\n\neasy\n")
    assert result.exit_code == 0, result.output
    assert "What limits the write throughput" in result.output
    assert _flat(result.output).endswith(
        "You reviewed 2 cards (2 new cards today); nothing more is due now. Your deck has 2 cards."
    )


def test_practice_takes_its_daily_new_card_limit_from_the_setting(
    app: typer.Typer, env: dict[str, str]
) -> None:
    result = _run(app, {**env, "STUDYBOT_NEW_CARDS_PER_DAY": "1"}, "practice", stdin="\ngood\n" * 4)
    assert result.exit_code == 0, result.output
    assert result.output.count("New card") == 1
    assert "You reviewed 1 card (1 new card today)" in _flat(result.output)


def test_a_mistyped_rating_is_asked_again_and_q_stops(
    app: typer.Typer, env: dict[str, str]
) -> None:
    result = _run(app, env, "practice", stdin="\nmeh\ngood\n\nq\n")
    assert result.exit_code == 0, result.output
    assert "Unknown rating 'meh': use again, hard, good or easy" in result.output
    assert result.output.count("How well did you know it?") == 3
    assert "You stopped after 1 card (2 new cards today); 1 card is still due." in _flat(
        result.output
    )


@time_machine.travel(datetime(2025, 3, 4, 9, tzinfo=UTC), tick=False)
def test_the_console_channel_is_never_scheduled_for_slack(
    app: typer.Typer, env: dict[str, str], db_url: str
) -> None:
    from jobs.scheduler import channel_plan
    from store.db import Database
    from store.models import Channel, ScheduleChange

    assert _run(app, env, "quiz", "--answer", "B").exit_code == 0
    database = Database(db_url)
    try:
        with database.session() as session:
            channel = session.get(Channel, "console")
            assert channel is not None and channel.active is False
            assert session.query(ScheduleChange).count() == 0
        assert channel_plan(database, "console") is None
    finally:
        database.dispose()


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


def test_chat_practice_takes_the_daily_new_card_limit_and_survives_a_typo(
    env: dict[str, str], embedder: Embedder
) -> None:
    from bot.cli import app as root

    result = runner.invoke(
        root,
        ["chat"],
        env={**env, "STUDYBOT_NEW_CARDS_PER_DAY": "1"},
        input="/practice\n\nmeh\ngood\n/practice\nwhat limits a kinesis shard\n",
    )
    assert result.exit_code == 0, result.output
    out = _flat(result.stdout)
    assert out.count("New card") == 1
    assert "Unknown rating 'meh'" in out
    assert "You reviewed 1 card (1 new card today); nothing more is due now." in out
    assert "You reviewed 0 cards (1 new card today)" in out
    assert "From your notes" in out  # chat carried on after practice
