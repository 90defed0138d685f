"""Calibrating the free-text grader on labelled answers (good / partial / wrong)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import yaml

from quiz.bank import BankQuestion
from quiz.errors import BankError
from quiz.grade import FreeTextGrader, clauses, label_for, term_matches, words

LABELS = ("good", "partial", "wrong")


@dataclass(frozen=True)
class LabelledAnswer:
    question: BankQuestion
    label: str
    answer: str


def load_labelled(path: Path, questions: Sequence[BankQuestion]) -> list[LabelledAnswer]:
    by_id = {q.id: q for q in questions}
    items = []
    for entry in yaml.safe_load(path.read_text(encoding="utf-8")) or []:
        qid = entry.get("question")
        if qid not in by_id:
            raise BankError(path, qid, "no such question in the bank")
        if entry.get("label") not in LABELS:
            raise BankError(path, qid, f"label must be one of {', '.join(LABELS)}")
        items.append(LabelledAnswer(by_id[qid], entry["label"], " ".join(entry["answer"].split())))
    return items


def _evidence(
    grader: FreeTextGrader, items: Sequence[LabelledAnswer]
) -> list[tuple[np.ndarray, np.ndarray]]:
    """Per item: which points its terms hit, and each point's best clause cosine (one batch)."""
    parts = [clauses(item.answer) for item in items]
    points = [[kp.point for kp in item.question.key_points] for item in items]
    vectors = grader.embedder.encode([t for texts in parts + points for t in texts])
    offset = 0
    answer_vectors, point_vectors = [], []
    for group, sink in ((parts, answer_vectors), (points, point_vectors)):
        for texts in group:
            sink.append(vectors[offset : offset + len(texts)])
            offset += len(texts)
    evidence = []
    for item, answers, kps in zip(items, answer_vectors, point_vectors, strict=True):
        answer_words = words(item.answer)
        hits = [
            any(term_matches(t, answer_words) for t in kp.terms) for kp in item.question.key_points
        ]
        evidence.append((np.array(hits), (kps @ answers.T).max(axis=1)))
    return evidence


def sweep(
    grader: FreeTextGrader, items: Sequence[LabelledAnswer], thresholds: Sequence[float]
) -> dict[float, float]:
    """Label accuracy at each embedding threshold (term matches count at every threshold)."""
    evidence = _evidence(grader, items)
    results = {}
    for threshold in thresholds:
        right = 0
        for item, (by_terms, similarity) in zip(items, evidence, strict=True):
            made = by_terms | (similarity >= threshold)
            right += label_for(made.mean()) == item.label
        results[round(threshold, 3)] = right / len(items)
    return results
