"""Labelled free-text answers (which key points each one makes) and the grader's scores on them.

A labelled file lists answers to bank questions; each has `points` (the 1-based key points it
makes) and/or `label` (good = every point, partial = some, wrong = none; a partial answer must
list its points). Scores are per key point (precision, recall) and per answer (label accuracy).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from quiz.bank import BankQuestion
from quiz.errors import BankError
from quiz.grade import Choices, FreeTextGrader, label_for

LABELS = ("good", "partial", "wrong")


@dataclass(frozen=True)
class LabelledAnswer:
    question: BankQuestion
    label: str
    answer: str
    points: frozenset[int]
    kind: str = ""

    @property
    def choices(self) -> Choices:
        return choices_of(self.question)


def choices_of(question: BankQuestion) -> Choices:
    return Choices.of(question.options, question.answer, question.stem)


def load_labelled(path: Path, questions: Sequence[BankQuestion]) -> list[LabelledAnswer]:
    """Every labelled answer in `path`; a bad entry raises `BankError` naming file, id and entry."""
    by_id = {q.id: q for q in questions}
    entries = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    if not isinstance(entries, list):
        raise BankError(path, None, "expected a list of labelled answers")
    return [_entry(path, n, entry, by_id) for n, entry in enumerate(entries, start=1)]


def _entry(path: Path, n: int, entry: Any, by_id: dict[str, BankQuestion]) -> LabelledAnswer:
    qid = entry.get("question") if isinstance(entry, dict) else None
    if qid not in by_id:
        raise BankError(path, qid, f"entry {n}: no such question in the bank")
    question = by_id[qid]
    answer = entry.get("answer")
    if not isinstance(answer, str) or not answer.strip():
        raise BankError(path, qid, f"entry {n}: answer must be non-empty text")
    points = _points(path, n, entry, question)
    label = entry.get("label")
    if label is not None and label not in LABELS:
        raise BankError(path, qid, f"entry {n}: label must be one of {', '.join(LABELS)}")
    derived = label_for(len(points) / len(question.key_points)) if points is not None else None
    if points is None:
        if label != "good" and label != "wrong":
            raise BankError(path, qid, f"entry {n}: a {label or 'missing'} label needs points")
        points = frozenset(range(len(question.key_points))) if label == "good" else frozenset()
    elif label is not None and label != derived:
        raise BankError(path, qid, f"entry {n}: label {label} disagrees with points ({derived})")
    kind = str(entry.get("kind", ""))
    return LabelledAnswer(question, label or str(derived), " ".join(answer.split()), points, kind)


def _points(
    path: Path, n: int, entry: dict[str, Any], question: BankQuestion
) -> frozenset[int] | None:
    raw = entry.get("points")
    if raw is None:
        return None
    count = len(question.key_points)
    if not isinstance(raw, list) or not all(isinstance(p, int) and 1 <= p <= count for p in raw):
        raise BankError(path, question.id, f"entry {n}: points must be numbers from 1 to {count}")
    return frozenset(p - 1 for p in raw)


@dataclass(frozen=True)
class Scores:
    """Per key point precision and recall, and the share of answers given the right label."""

    precision: float
    recall: float
    label_accuracy: float
    answers: int
    points: int


def score(items: Sequence[LabelledAnswer], predicted: Sequence[Sequence[bool]]) -> Scores:
    true_pos = false_pos = false_neg = labels_right = 0
    for item, made in zip(items, predicted, strict=True):
        for index, hit in enumerate(made):
            truth = index in item.points
            true_pos += hit and truth
            false_pos += hit and not truth
            false_neg += truth and not hit
        labels_right += label_for(sum(made) / len(made)) == item.label
    return Scores(
        precision=true_pos / (true_pos + false_pos) if true_pos + false_pos else math.nan,
        recall=true_pos / (true_pos + false_neg) if true_pos + false_neg else math.nan,
        label_accuracy=labels_right / len(items) if items else math.nan,
        answers=len(items),
        points=sum(len(i.question.key_points) for i in items),
    )


PointGrader = Callable[[LabelledAnswer], Sequence[bool]]


def evaluate(items: Sequence[LabelledAnswer], grade: PointGrader) -> Scores:
    return score(items, [grade(item) for item in items])


def grader_points(grader: FreeTextGrader) -> PointGrader:
    """The grader's per-point verdicts for an item, with the question's options as context."""

    def grade(item: LabelledAnswer) -> Sequence[bool]:
        result = grader.grade(item.question.key_points, item.answer, choices=item.choices)
        return [kp.point in result.points_made for kp in item.question.key_points]

    return grade
