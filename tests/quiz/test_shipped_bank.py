"""The shipped corpus: the real bank passes `bank check`, and the grader's calibration holds."""

from __future__ import annotations

from pathlib import Path

import pytest

from quiz.bank import flashcard_files, load_bank, question_files
from quiz.calibration import load_labelled, sweep
from quiz.check import MAX_KEY_LENGTH_EXTREME_SHARE, check_files, key_length_extremes
from quiz.grade import DEFAULT_SIMILARITY_THRESHOLD, FreeTextGrader
from retrieval.embed import Embedder

CORPUS = Path(__file__).resolve().parents[2] / "corpus"
MIN_ACCURACY = 0.9


@pytest.fixture(scope="module")
def shipped() -> Path:
    if not question_files([CORPUS]):
        pytest.fail(f"no question bank under {CORPUS}/questions")
    return CORPUS


def test_shipped_bank_passes_bank_check(shipped: Path, embedder: Embedder) -> None:
    questions, problems = check_files(
        question_files([shipped]), flashcard_files([shipped]), [shipped], embedder
    )
    assert [str(p) for p in problems] == []
    assert len(questions) >= 180
    longest, shortest = key_length_extremes(questions)
    assert 0.20 <= longest <= MAX_KEY_LENGTH_EXTREME_SHARE
    assert 0.20 <= shortest <= MAX_KEY_LENGTH_EXTREME_SHARE


def test_grader_calibration_on_the_labelled_answers(shipped: Path, embedder: Embedder) -> None:
    questions = load_bank(question_files([shipped]))
    items = load_labelled(shipped.parent / "bench" / "data" / "grading_labelled.yaml", questions)
    assert {i.label for i in items} == {"good", "partial", "wrong"}
    accuracy = sweep(FreeTextGrader(embedder), items, [DEFAULT_SIMILARITY_THRESHOLD])
    assert accuracy[DEFAULT_SIMILARITY_THRESHOLD] >= MIN_ACCURACY
