"""Answers the lead read by eye on the whole shipped corpus and found wrong, asked again of the
real notes and flashcards with the real model: two comparisons, a definition and an off-topic
question."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from bot.cli import app
from bot.slack.render import answers
from retrieval.embed import Embedder
from retrieval.service import NotesIndex
from tests.retrieval.conftest import MODEL

SHIPPED = Path(__file__).resolve().parents[2] / "corpus"
runner = CliRunner()


@pytest.fixture(scope="module")
def tutor(tmp_path_factory: pytest.TempPathFactory, embedder: Embedder) -> NotesIndex:
    root = tmp_path_factory.mktemp("whole-shipped")
    for folder in ("notes", "flashcards"):
        shutil.copytree(SHIPPED / folder, root / folder)
    data = tmp_path_factory.mktemp("whole-shipped-data")
    result = runner.invoke(app, ["index", "--corpus", str(root), "--data-dir", str(data)])
    assert result.exit_code == 0, result.output
    return NotesIndex(data / "index", MODEL, embedder=embedder)


def test_step_functions_vs_pipelines_opens_with_the_contrast(tutor: NotesIndex) -> None:
    answer = tutor.ask("Step Functions vs SageMaker Pipelines")
    assert answer.covered and len(answer.sentences) == 3
    contrast = answer.sentences[0]
    assert "Step Functions" in contrast and "SageMaker Pipelines" in contrast
    assert any(s.startswith("AWS Step Functions is") for s in answer.sentences[1:])
    assert any("pipeline" in s.lower() for s in answer.sentences[1:])


def test_athena_vs_spectrum_labels_no_spectrum_sentence_as_athena(tutor: NotesIndex) -> None:
    answer = tutor.ask("Athena vs Redshift Spectrum")
    assert answer.covered
    assert "Athena:" not in answer.text
    assert any(s.startswith("Athena is") for s in answer.sentences)
    assert any(s.startswith("Redshift Spectrum is") for s in answer.sentences)


def test_what_is_a_multi_container_endpoint_says_what_one_is(tutor: NotesIndex) -> None:
    answer = tutor.ask("what is a multi container endpoint")
    assert answer.covered
    assert answer.sentences[0].startswith("A multi-container endpoint runs up to 15 ")


def test_learning_guitar_is_declined_naming_guitar(tutor: NotesIndex) -> None:
    answer = tutor.ask("how long does it take to learn guitar")
    assert not answer.covered
    assert answers.answer_text(answer) == "Your notes don't mention guitar. The closest passages:"
