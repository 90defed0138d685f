"""What a member is told after answering, as data: the verdict, points made and missed, the
explanation and the cited section. The words are the front ends' (bot/answer_words.py)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any

from common.citation import Citation
from quiz.grade import Grade
from quiz.notes import CitedSection, find_section
from store.models import Question


def citation(question: Question, roots: Iterable[Path]) -> tuple[str, CitedSection | None]:
    """`file › heading` of the question's source, and the section text when the notes have it."""
    label = str(Citation(question.source_file, question.source_heading))
    return label, find_section(roots, question.source_file, question.source_heading)


class Verdict(StrEnum):
    CORRECT = "correct"  # the right letter
    WRONG = "wrong"  # another letter
    KEY_POINTS = "key_points"  # own words, graded by the key points made
    HEDGED = "hedged"  # own words naming several options: no key points
    OTHER_OPTION = "other_option"  # own words picking a wrong option


@dataclass(frozen=True)
class Feedback:
    verdict: Verdict
    answer: str  # the right letter
    right_option: str  # its text
    choice: str | None  # the letter chosen, if any
    other_option: str | None  # the wrong option own words picked, if any
    score: float
    points: int
    streak: int
    points_made: tuple[str, ...]
    points_missed: tuple[str, ...]
    explanation: str
    citation: Citation
    source_text: str  # the cited section's text, "" when the notes do not have it

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready, as the answer row keeps it."""
        return asdict(self)


def verdict_of(grade: Grade) -> Verdict:
    if grade.choice is not None:
        return Verdict.CORRECT if grade.correct else Verdict.WRONG
    if grade.hedged:
        return Verdict.HEDGED
    return Verdict.KEY_POINTS if grade.other_choice is None else Verdict.OTHER_OPTION


def feedback_of(
    question: Question, grade: Grade, points: int, streak: int, roots: Iterable[Path]
) -> Feedback:
    section = find_section(roots, question.source_file, question.source_heading)
    return Feedback(
        verdict=verdict_of(grade),
        answer=question.answer,
        right_option=question.options[question.answer],
        choice=grade.choice,
        other_option=grade.other_choice,
        score=grade.score,
        points=points,
        streak=streak,
        points_made=tuple(grade.points_made),
        points_missed=tuple(grade.points_missed),
        explanation=question.explanation,
        citation=Citation(question.source_file, question.source_heading),
        source_text=section.text if section is not None else "",
    )
