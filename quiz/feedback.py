"""The words a member reads after answering: verdict, key points, explanation and citation."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from common.citation import Citation
from quiz.grade import Grade
from quiz.notes import CitedSection, find_section
from store.models import Question


def citation(question: Question, roots: Iterable[Path]) -> tuple[str, CitedSection | None]:
    """`file › heading` of the question's source, and the section text when the notes have it."""
    label = str(Citation(question.source_file, question.source_heading))
    return label, find_section(roots, question.source_file, question.source_heading)


def verdict(question: Question, grade: Grade) -> str:
    if grade.choice is not None:
        right = question.options[question.answer]
        if grade.correct:
            return f"Correct: {question.answer}) {right}"
        return f"Not quite: you chose {grade.choice}; the answer is {question.answer}) {right}"
    made, total = len(grade.points_made), len(grade.points_made) + len(grade.points_missed)
    said = f"You made {made} of {total} key points ({round(grade.score * 100)} %)."
    if grade.hedged:
        return f"{said} Your answer hedges between options, so it earns no key points: pick one."
    if grade.other_choice is not None:
        right = question.options[question.answer]
        return f"{said} Your answer picks {grade.other_choice}; the answer is {right}."
    return said


def feedback_text(
    question: Question, grade: Grade, points: int, streak: int, roots: Iterable[Path]
) -> str:
    lines = [verdict(question, grade), f"Points: {points} (streak {streak})."]
    if grade.points_made:
        lines.append("Points made: " + "; ".join(grade.points_made) + ".")
    if grade.points_missed:
        lines.append("Points missed: " + "; ".join(grade.points_missed) + ".")
    lines.append(f"Why: {question.explanation}")
    label, section = citation(question, roots)
    lines.append(f"Source: {label}")
    if section is not None and section.text:
        lines.append(section.text)
    return "\n".join(lines)
