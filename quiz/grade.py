"""Grades answers: a chosen letter, or free text against the question's key points.

A key point counts as made when one of its terms appears (typos allowed, via rapidfuzz) or
when a clause of the answer means the same as the point (embedding cosine ≥ threshold).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from rapidfuzz import fuzz, process

from quiz.bank import KeyPoint
from retrieval.embed import Embedder

# Calibrated on bench/data/grading_labelled.yaml (see bench/quiz_grading.py).
DEFAULT_SIMILARITY_THRESHOLD = 0.65
FUZZY_CUTOFF = 85.0
EXACT_TERM_MAX_CHARS = 4
PASS_SCORE = 0.5
WORD = re.compile(r"[a-z0-9]+")
CLAUSE_SPLIT = re.compile(r"[.;!?\n]+|,\s+(?:and|but|so|because|since|while)\s+|\s+because\s+")


@dataclass(frozen=True)
class Grade:
    """The outcome of grading one answer; `score` is in [0, 1]."""

    score: float
    correct: bool
    choice: str | None = None
    points_made: tuple[str, ...] = ()
    points_missed: tuple[str, ...] = ()


def grade_choice(letter: str, answer: str) -> Grade:
    right = letter.upper() == answer.upper()
    return Grade(score=1.0 if right else 0.0, correct=right, choice=letter.upper())


def words(text: str) -> list[str]:
    return WORD.findall(text.lower())


def term_matches(term: str, answer_words: Sequence[str]) -> bool:
    """Whether `term` occurs in the answer: exact for short terms, fuzzy for longer ones."""
    term_words = words(term)
    if not term_words or len(answer_words) < len(term_words):
        return False
    size = len(term_words)
    target = " ".join(term_words)
    windows = [" ".join(answer_words[i : i + size]) for i in range(len(answer_words) - size + 1)]
    if len(target) <= EXACT_TERM_MAX_CHARS:
        return target in windows
    return (
        process.extractOne(target, windows, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF)
        is not None
    )


def clauses(text: str) -> list[str]:
    parts = [p.strip() for p in CLAUSE_SPLIT.split(text) if p and len(words(p)) >= 2]
    whole = text.strip()
    return [*parts, whole] if whole and whole not in parts else parts


class FreeTextGrader:
    """Scores free text as the share of key points it makes; point vectors are cached."""

    def __init__(self, embedder: Embedder, threshold: float = DEFAULT_SIMILARITY_THRESHOLD) -> None:
        self.embedder = embedder
        self.threshold = threshold
        self._point_vectors = lru_cache(maxsize=4096)(self._encode_one)

    def _encode_one(self, text: str) -> np.ndarray:
        return self.embedder.encode([text])[0]

    def point_similarities(self, key_points: Sequence[KeyPoint], text: str) -> np.ndarray:
        """Best cosine of each key point against any clause of the answer."""
        parts = clauses(text)
        if not parts:
            return np.zeros(len(key_points), dtype=np.float32)
        answer_vectors = self.embedder.encode(parts)
        point_vectors = np.stack([self._point_vectors(kp.point) for kp in key_points])
        return (point_vectors @ answer_vectors.T).max(axis=1)

    def grade(self, key_points: Sequence[KeyPoint], text: str) -> Grade:
        answer_words = words(text)
        by_terms = [any(term_matches(t, answer_words) for t in kp.terms) for kp in key_points]
        similarities = (
            self.point_similarities(key_points, text)
            if not all(by_terms)
            else np.ones(len(key_points))
        )
        made = [t or bool(s >= self.threshold) for t, s in zip(by_terms, similarities, strict=True)]
        score = sum(made) / len(key_points) if key_points else 0.0
        return Grade(
            score=score,
            correct=score >= PASS_SCORE,
            points_made=tuple(kp.point for kp, m in zip(key_points, made, strict=True) if m),
            points_missed=tuple(kp.point for kp, m in zip(key_points, made, strict=True) if not m),
        )


def label_for(score: float) -> str:
    """The calibration label a score stands for: good (all points), partial or wrong (none)."""
    if score >= 1.0:
        return "good"
    return "wrong" if score <= 0.0 else "partial"
