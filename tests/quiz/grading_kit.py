"""What the grading tests share: the shipped bank by question id, a grader, and the key points an
answer makes (1-based, as the labelled sets count them)."""

from __future__ import annotations

from pathlib import Path

import pytest

from quiz.bank import BankQuestion, load_bank, question_files
from quiz.calibration import choices_of
from quiz.grade import FreeTextGrader, Grade
from retrieval.embed import Embedder

CORPUS = Path(__file__).resolve().parents[2] / "corpus"


@pytest.fixture(scope="module")
def bank() -> dict[str, BankQuestion]:
    return {q.id: q for q in load_bank(question_files([CORPUS]))}


@pytest.fixture
def grader(embedder: Embedder) -> FreeTextGrader:
    return FreeTextGrader(embedder)


def graded(grader: FreeTextGrader, question: BankQuestion, text: str) -> Grade:
    return grader.grade(question.key_points, text, choices=choices_of(question))


def points_made(grader: FreeTextGrader, question: BankQuestion, text: str) -> list[int]:
    """The 1-based key points the answer makes."""
    grade = graded(grader, question, text)
    return [i for i, kp in enumerate(question.key_points, start=1) if kp.point in grade.points_made]
