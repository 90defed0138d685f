"""The shipped corpus: the real bank passes `bank check`, and the grader's per-point scores on
the labelled answers (tuned and held-out) stay at what the bench measured."""

from __future__ import annotations

from pathlib import Path

import pytest

from quiz.bank import flashcard_files, load_bank, question_files
from quiz.calibration import evaluate, grader_points, load_labelled
from quiz.check import MAX_KEY_LENGTH_EXTREME_SHARE, check_files, key_length_extremes
from quiz.grade import FreeTextGrader
from retrieval.embed import Embedder

CORPUS = Path(__file__).resolve().parents[2] / "corpus"
DATA = CORPUS.parent / "bench" / "data"
# Floors a little under what bench/quiz_grading.py measured, so a regression fails the suite.
FLOORS = {
    # 345 answers, tuning data (measured 0.920 / 0.930 / 0.878)
    "grading_labelled.yaml": (0.90, 0.92, 0.86),
    # 181 answers on 36 questions outside tuning (measured 0.978 / 0.931 / 0.928 in session 8; its
    # errors were read in three rounds). grading_blind.yaml stays out of the suite: it is scored
    # by the bench.
    "grading_heldout.yaml": (0.97, 0.92, 0.92),
    # 150 answers written blind in session 5, scored once blind (0.87 / 0.87), then read in
    # sessions 6 and 7 (measured 0.932 / 0.916 / 0.900)
    "grading_heldout_b5.yaml": (0.92, 0.90, 0.89),
    # 120 answers written blind in session 6, scored blind (0.81 / 0.82, then 0.80 / 0.84), read
    # in session 7 (measured 0.875 / 0.937 / 0.833)
    "grading_heldout_b6.yaml": (0.86, 0.92, 0.82),
    # 120 answers written blind in session 7, scored blind (0.88 / 0.90, then 0.88 / 0.92), read
    # in session 8 (measured 0.877 / 0.919 / 0.808 at its start, 0.934 / 0.919 / 0.867 at its end)
    "grading_heldout_b7.yaml": (0.92, 0.90, 0.85),
    # 120 answers on 37 questions written blind in session 8, scored blind (0.90 / 0.95, then
    # 0.91 / 0.95 / 0.85), read in session 9 (measured 0.908 / 0.949 / 0.850 at its start,
    # 0.923 / 0.963 / 0.875 at its end)
    "grading_heldout_b8.yaml": (0.91, 0.95, 0.86),
    # 120 answers on 40 questions written blind in session 9, scored blind (0.78 / 0.91 / 0.76
    # at its start and end), read in session 10 (measured 0.784 / 0.905 / 0.758 at its start,
    # 0.832 / 0.897 / 0.800 at its end: precision bought with one point of recall)
    "grading_heldout_b9.yaml": (0.82, 0.89, 0.79),
    # 120 answers on 40 questions written blind in session 10, scored blind (0.94 / 0.89 / 0.85
    # at its start, 0.95 / 0.89 / 0.86 at its end), read in session 11 (measured 0.949 / 0.894 /
    # 0.858 at its start)
    "grading_heldout_b10.yaml": (0.94, 0.88, 0.85),
    # 120 answers on 40 questions written blind in session 11, scored blind (0.91 / 0.93 / 0.85
    # at its start, 0.911 / 0.939 / 0.858 at its end), read in session 12 (0.91 / 0.95 / 0.87 at
    # its end; 0.92 / 0.95 / 0.87 after session 13)
    "grading_heldout_b11.yaml": (0.90, 0.94, 0.85),
    # 120 answers on 40 questions written blind in session 12, scored blind (0.93 / 0.95 / 0.85
    # at its start, 0.93 / 0.97 / 0.86 at its end), read in session 13 (0.94 / 0.97 / 0.88 at
    # its end)
    "grading_heldout_b12.yaml": (0.92, 0.95, 0.85),
    # 120 answers on 40 questions written blind in session 13, scored blind (0.94 / 0.92 / 0.84
    # at its start and end), read in session 14 (0.94 / 0.96 / 0.88 at its end)
    "grading_heldout_b13.yaml": (0.92, 0.94, 0.86),
    # 120 answers on 40 questions written blind in session 14, scored blind (0.99 / 0.84 / 0.79
    # at its start, 0.99 / 0.85 / 0.81 at its end), read in session 15 (0.987 / 0.863 / 0.833 at
    # its end)
    "grading_heldout_b14.yaml": (0.97, 0.85, 0.82),
    # 120 answers on 40 questions written blind in session 15, scored blind (0.95 / 0.91 / 0.88
    # at its start and end), read in session 16 (0.954 / 0.912 / 0.875 at its start, 0.962 /
    # 0.944 / 0.908 at its end)
    "grading_heldout_b15.yaml": (0.95, 0.93, 0.89),
    # 120 answers on 40 questions written blind in session 16, scored blind (0.94 / 0.89 / 0.81
    # at its start, 0.94 / 0.90 / 0.82 at its end), read in session 17 (0.936 / 0.899 / 0.817 at
    # its start, 0.938 / 0.938 / 0.842 at its end)
    "grading_heldout_b16.yaml": (0.93, 0.92, 0.82),
    # 120 answers on 40 questions written blind in session 17, scored blind (0.97 / 0.94 / 0.90
    # at its start, 0.97 / 0.96 / 0.91 at its end), read in session 18 (0.971 / 0.960 / 0.91 at
    # its start, 0.977 / 0.960 / 0.92 at its end)
    "grading_heldout_b17.yaml": (0.95, 0.94, 0.89),
    # 120 answers on 40 questions written blind in session 18, scored blind (0.95 / 0.97 / 0.93
    # at its start and end), read in session 19 (0.953 / 0.968 / 0.93 at its start, 0.958 /
    # 0.968 / 0.92 at its end)
    "grading_heldout_b18.yaml": (0.93, 0.95, 0.90),
    # 120 answers on 40 questions written blind in session 19, scored blind (0.98 / 0.94 / 0.89
    # at its start and end), read in session 20 (0.99 / 0.94 / 0.90 at its end)
    "grading_heldout_b19.yaml": (0.97, 0.92, 0.88),
    # 120 answers on 40 questions written blind in session 20, scored blind (0.98 / 0.86 / 0.82
    # at its start, 0.98 / 0.87 / 0.82 at its end), read in session 21 (0.98 / 0.87 / 0.83 at
    # its end)
    "grading_heldout_b20.yaml": (0.96, 0.85, 0.80),
    # 120 answers on 40 questions written blind in session 21, scored blind (0.96 / 0.94 / 0.88
    # at its start and end), read in session 22 (0.96 / 0.95 / 0.88 at its end)
    "grading_heldout_b21.yaml": (0.94, 0.92, 0.86),
    # 120 answers on 40 questions written blind in session 22, scored blind (0.94 / 0.90 / 0.80
    # at its start and end), read in session 23 (0.94 / 0.92 / 0.82 at its end)
    "grading_heldout_b22.yaml": (0.92, 0.90, 0.80),
    # 120 answers on 40 questions written blind in session 23, scored blind (0.95 / 0.91 / 0.82
    # at its start, 0.95 / 0.92 / 0.83 at its end), read in session 24 (0.95 / 0.92 / 0.83 at
    # its start, 0.95 / 0.94 / 0.85 at its end)
    "grading_heldout_b23.yaml": (0.93, 0.92, 0.83),
    # 120 answers on 40 questions written blind in session 24, scored blind (0.95 / 0.93 / 0.84
    # at its start and end), read in session 25 (0.95 / 0.94 / 0.86 at its end)
    "grading_heldout_b24.yaml": (0.93, 0.92, 0.84),
    # 120 answers on 40 questions written blind in session 25, scored blind (0.92 / 0.92 / 0.82
    # at its start and end), read in session 26 (0.92 / 0.92 / 0.82 at its start, 0.92 / 0.93 /
    # 0.82 at its end)
    "grading_heldout_b25.yaml": (0.90, 0.91, 0.80),
    # 120 answers on 40 questions written blind in session 26, scored blind (0.94 / 0.88 / 0.83
    # at its start and end), read in session 27 (0.94 / 0.88 / 0.83 at its start, 0.94 / 0.89 /
    # 0.84 at its end)
    "grading_heldout_b26.yaml": (0.93, 0.87, 0.82),
    # 120 answers on 40 questions written blind in session 27, scored blind (0.97 / 0.87 / 0.83
    # at its start, 0.97 / 0.88 / 0.84 at its end), read in session 28 (0.97 / 0.88 / 0.84 at
    # its start and end)
    "grading_heldout_b27.yaml": (0.95, 0.86, 0.82),
    # 120 answers on 40 questions written blind in session 28, scored blind (0.96 / 0.88 / 0.83
    # at its start and end), read in session 29 (0.96 / 0.88 / 0.83 at its start, 0.96 / 0.90 /
    # 0.84 at its end)
    "grading_heldout_b28.yaml": (0.94, 0.86, 0.81),
    # 120 answers on 40 questions written blind in session 29, scored blind (0.92 / 0.95 / 0.83
    # at its start and end); its errors are not read yet
    "grading_heldout_b29.yaml": (0.90, 0.93, 0.81),
}


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


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_grader_per_point_scores_on_the_labelled_answers(
    shipped: Path, embedder: Embedder, name: str
) -> None:
    items = load_labelled(DATA / name, load_bank(question_files([shipped])))
    assert {i.label for i in items} == {"good", "partial", "wrong"}
    scores = evaluate(items, grader_points(FreeTextGrader(embedder)))
    precision, recall, labels = FLOORS[name]
    assert scores.precision >= precision and scores.recall >= recall
    assert scores.label_accuracy >= labels
