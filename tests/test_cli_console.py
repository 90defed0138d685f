"""The console at the end of input and inside `chat`: Ctrl-D (EOF on stdin) at a prompt of
`practice` or `quiz` ends quietly, never with click's "Aborted."; a chat command typed at a
prompt of chat's `/practice` ends the practice and runs in the chat (so `/quit` leaves)."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from retrieval.embed import Embedder
from tests.bankfixtures import corpus
from tests.test_settings import studybot

__all__ = ["corpus"]


@pytest.fixture
def env(corpus: Path, tmp_path: Path) -> dict[str, str]:
    return {
        "STUDYBOT_CORPUS": str(corpus),
        "STUDYBOT_DATA_DIR": str(tmp_path / "data"),
        "STUDYBOT_NEW_CARDS_PER_DAY": "2",
    }


def run(env: dict[str, str], cwd: Path, *args: str, stdin: str):  # type: ignore[no-untyped-def]
    return studybot(*args, "--data-dir", env["STUDYBOT_DATA_DIR"], env=env, cwd=cwd, stdin=stdin)


def test_the_end_of_input_in_practice_ends_it_quietly(env: dict[str, str], tmp_path: Path) -> None:
    result = run(env, tmp_path, "practice", stdin="\ngood\n")  # input ends at the 2nd card
    assert result.returncode == 0, result.stderr
    assert "Aborted" not in result.stdout + result.stderr
    assert "You stopped after 1 card" in " ".join(result.stdout.split())


def test_the_end_of_input_at_the_quiz_prompt_submits_nothing(
    env: dict[str, str], tmp_path: Path
) -> None:
    result = run(env, tmp_path, "quiz", stdin="")
    assert result.returncode == 1
    assert "Aborted" not in result.stdout + result.stderr
    assert "Your answer" in result.stdout and "correct" not in result.stdout.lower()


def test_quit_typed_in_chats_practice_leaves_the_chat(
    env: dict[str, str], embedder: Embedder
) -> None:
    from bot.cli import app

    result = CliRunner().invoke(
        app, ["chat"], env=env, input="/practice\n\ngood\n/quit\nwhat limits a kinesis shard\n"
    )
    assert result.exit_code == 0, result.output
    out = " ".join(result.stdout.split())
    assert "You stopped after 1 card" in out
    assert "From your notes" not in out  # the chat left: the question was never asked
    assert out.count("New card") == 2  # /quit was not taken as the 2nd card's Enter


def test_the_end_of_input_in_chats_practice_ends_the_chat_quietly(
    env: dict[str, str], embedder: Embedder
) -> None:
    from bot.cli import app

    result = CliRunner().invoke(app, ["chat"], env=env, input="/practice\n\ngood\n")
    assert result.exit_code == 0, result.output
    assert "Aborted" not in result.output
