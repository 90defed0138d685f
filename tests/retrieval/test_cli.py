import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from bot.cli import app
from tests.retrieval.fixtures import write_bad_files, write_good_corpus

runner = CliRunner()


@pytest.fixture(scope="module")
def corpus_args(tmp_path_factory: pytest.TempPathFactory, embedder) -> list[str]:  # type: ignore[no-untyped-def]
    root = write_good_corpus(tmp_path_factory.mktemp("cli-corpus"))
    data = tmp_path_factory.mktemp("cli-data")
    args = ["--corpus", str(root), "--data-dir", str(data)]
    result = runner.invoke(app, ["index", *args])
    assert result.exit_code == 0, result.output
    return args


def test_index_prints_a_summary_and_is_then_up_to_date(corpus_args: list[str]) -> None:
    result = runner.invoke(app, ["index", *corpus_args])
    assert result.exit_code == 0
    assert "up to date" in result.output


def test_ask_json_has_the_documented_schema(corpus_args: list[str]) -> None:
    result = runner.invoke(
        app, ["ask", "when do i use pipe mode??", "--json", "--k", "2", *corpus_args]
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert set(data) == {
        "question",
        "answer",
        "confidence",
        "kind",
        "missing",
        "notice",
        "passages",
    }
    assert data["question"] == "when do i use pipe mode??" and data["answer"]
    assert 0 <= data["confidence"] <= 1 and len(data["passages"]) == 2
    assert set(data["passages"][0]) == {"text", "source", "heading", "score"}


def test_ask_file_answers_one_json_object_per_line(corpus_args: list[str], tmp_path: Path) -> None:
    questions = tmp_path / "q.txt"
    questions.write_text("what is smote\n\nhow does athena charge\nrcf?\n")
    result = runner.invoke(app, ["ask", "--file", str(questions), "--json", *corpus_args])
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    assert [line["question"] for line in lines] == [
        "what is smote",
        "how does athena charge",
        "rcf?",
    ]


def test_ask_prints_the_answer_and_its_citations(corpus_args: list[str]) -> None:
    result = runner.invoke(app, ["ask", "when do i use pipe mode??", *corpus_args])
    assert result.exit_code == 0
    assert "Pipe mode streams" in result.stdout and "blog.txt › " in result.stdout


def test_a_question_starting_with_a_dash_is_a_question_not_an_option(
    corpus_args: list[str],
) -> None:
    result = runner.invoke(app, ["ask", "- vs -", *corpus_args])
    assert result.exit_code == 0, result.output
    assert "nothing in that to look up" in result.stdout


def test_empty_question_is_a_clear_error(corpus_args: list[str]) -> None:
    result = runner.invoke(app, ["ask", "   ", *corpus_args])
    assert result.exit_code == 2 and "question" in result.output.lower()


def test_chat_without_a_terminal_answers_each_stdin_line(corpus_args: list[str]) -> None:
    result = runner.invoke(app, ["chat", *corpus_args], input="what is smote\n/more\nrcf?\n")
    assert result.exit_code == 0, result.output
    assert result.stdout.count("From your notes") == 2
    assert "imbalance.md › Imbalanced data › SMOTE" in result.stdout


def test_index_strict_exits_2_naming_each_bad_file(tmp_path: Path, embedder) -> None:  # type: ignore[no-untyped-def]
    root = write_good_corpus(tmp_path / "corpus")
    expected = write_bad_files(root)
    result = runner.invoke(
        app, ["index", "--strict", "--corpus", str(root), "--data-dir", str(tmp_path / "d")]
    )
    assert result.exit_code == 2
    for name in expected:
        assert name in result.output


def test_index_warns_once_per_bad_file_and_indexes_the_rest(tmp_path: Path, embedder) -> None:  # type: ignore[no-untyped-def]
    root = write_good_corpus(tmp_path / "corpus")
    expected = write_bad_files(root)
    result = runner.invoke(app, ["index", "--corpus", str(root), "--data-dir", str(tmp_path / "d")])
    assert result.exit_code == 0
    for name in expected:
        assert result.output.count(f"skipped {name}:") == 1


def test_missing_corpus_path_is_a_clear_error(tmp_path: Path) -> None:
    result = runner.invoke(
        app, ["index", "--corpus", str(tmp_path / "nope"), "--data-dir", str(tmp_path)]
    )
    assert result.exit_code == 2 and "does not exist" in result.output


def _flat(output: str) -> str:
    return " ".join(output.split())


def test_summary_counts_files_read_skipped_and_duplicate_cards(tmp_path: Path, embedder) -> None:  # type: ignore[no-untyped-def]
    root = tmp_path / "notes"
    root.mkdir()
    (root / "pipe.md").write_text("# Pipe mode\n\nPipe mode streams training data from S3.\n")
    (root / "deck.csv").write_text(
        "What is SMOTE?,Synthetic oversampling of the minority class.\n"
        "What is Pipe mode?,Streaming training data from S3.\n"
        "what is smote?,Synthetic  oversampling of the minority class.\n"
    )
    (root / "empty.txt").write_text("  \n")
    (root / "README.md").write_text("This folder holds an export.\n")
    result = runner.invoke(app, ["index", "--corpus", str(root), "--data-dir", str(tmp_path / "d")])
    assert result.exit_code == 0, result.output
    summary = _flat(result.output)
    for row in (
        "files read 2",
        "files skipped 1",
        "not notes, passed over 1",
        "duplicates dropped 1",
    ):
        assert row in summary
    assert "skipped empty.txt: empty file" in summary
    again = runner.invoke(app, ["index", "--corpus", str(root), "--data-dir", str(tmp_path / "d")])
    assert "chunks from 2 files" in _flat(again.output)


def test_ask_with_another_corpus_updates_the_index_first(tmp_path: Path, embedder) -> None:  # type: ignore[no-untyped-def]
    data = ["--data-dir", str(tmp_path / "d")]
    first = write_good_corpus(tmp_path / "first")
    assert runner.invoke(app, ["index", "--corpus", str(first), *data]).exit_code == 0
    other = tmp_path / "helm"
    other.mkdir()
    (other / "helm.md").write_text(
        "# Helm\n\n## Rollback\n\nhelm rollback returns a release to an earlier revision.\n"
    )
    result = runner.invoke(
        app, ["ask", "what does helm rollback do", "--json", "--corpus", str(other), *data]
    )
    assert result.exit_code == 0, result.output
    assert "was built from other notes: rebuilding it from" in _flat(result.stderr)
    answer = json.loads(result.stdout)
    assert {p["source"] for p in answer["passages"]} == {"helm.md"}
    chat = runner.invoke(app, ["chat", "--corpus", str(first), *data], input="what is smote\n")
    assert chat.exit_code == 0, chat.output
    assert "was built from other notes" in _flat(chat.stderr)
    assert "imbalance.md" in chat.stdout
    quiet = runner.invoke(app, ["ask", "what is smote", "--corpus", str(first), *data])
    assert quiet.exit_code == 0 and quiet.stderr == ""
    notes = first / "imbalance.md"
    notes.write_text(notes.read_text() + "\nSMOTE needs numeric features.\n")
    edited = runner.invoke(app, ["ask", "what is smote", "--corpus", str(first), *data])
    assert "The notes differ from what the index was built from" in _flat(edited.stderr)


def test_empty_ask_says_how_to_ask_without_chat_commands(corpus_args: list[str]) -> None:
    result = runner.invoke(app, ["ask", "", *corpus_args])
    assert result.exit_code == 2
    assert result.stderr.startswith('error: give a question, e.g. studybot ask "')
    assert "/help" not in result.output


def test_help_names_the_option_values_plainly() -> None:
    for command in ("index", "ask", "chat"):
        result = runner.invoke(app, [command, "--help"], env={"COLUMNS": "120"})
        assert re.search(r"--corpus\s+PATH", result.output), result.output
        assert re.search(r"--data-dir\s+DIR", result.output)
        assert "list[Path]" not in result.output


def test_chat_help_shows_bracketed_text_literally(corpus_args: list[str]) -> None:
    result = runner.invoke(app, ["chat", *corpus_args], input="/help\n/bogus x\n")
    assert "/leaderboard [week|month|all]" in result.stdout
    assert "Unknown command /bogus. /help lists the commands." in result.stdout
