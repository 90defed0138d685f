"""`bank check`: every problem in the question bank, reported together rather than one at a time.

Schema errors, repeated ids, citations that do not resolve to a notes section holding each key
point's first term, lopsided answer letters, and near-duplicate stems (embedding cosine > 0.95).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from quiz.bank import LETTERS, BankQuestion, load_flashcards, load_questions_file
from quiz.errors import BankError
from quiz.notes import find_section
from retrieval.embed import Embedder

NEAR_DUPLICATE_COSINE = 0.95
LETTER_SHARE = (0.20, 0.30)
MIN_QUESTIONS_FOR_BALANCE = 4
KEY_POINTS_RANGE = (2, 4)


@dataclass(frozen=True)
class Problem:
    file: str
    question_id: str | None
    reason: str

    def __str__(self) -> str:
        where = f"{self.file}, question {self.question_id}" if self.question_id else self.file
        return f"{where}: {self.reason}"


def check_files(
    question_paths: Sequence[Path],
    flashcard_paths: Sequence[Path],
    notes_roots: Sequence[Path],
    embedder: Embedder | None,
) -> tuple[list[BankQuestion], list[Problem]]:
    """Load every file, collect all problems; near-duplicates need an embedder."""
    problems: list[Problem] = []
    by_file: dict[Path, list[BankQuestion]] = {}
    for path in question_paths:
        try:
            by_file[path] = load_questions_file(path)
        except BankError as error:
            problems.append(Problem(path.name, error.question_id, error.reason))
    for path in flashcard_paths:
        try:
            load_flashcards(path)
        except BankError as error:
            problems.append(Problem(path.name, error.question_id, error.reason))
    questions = [q for qs in by_file.values() for q in qs]
    problems += duplicate_ids(questions)
    problems += [p for q in questions for p in citation_problems(q, notes_roots)]
    problems += [p for q in questions for p in key_point_count(q)]
    for path, qs in by_file.items():
        problems += letter_balance(path.name, qs)
    if embedder is not None:
        problems += near_duplicates(questions, embedder)
    return questions, problems


def duplicate_ids(questions: Iterable[BankQuestion]) -> list[Problem]:
    seen: dict[str, BankQuestion] = {}
    problems = []
    for question in questions:
        first = seen.setdefault(question.id, question)
        if first is not question:
            reason = f"id already used in {first.path.name}"
            problems.append(Problem(question.path.name, question.id, reason))
    return problems


def citation_problems(question: BankQuestion, notes_roots: Sequence[Path]) -> list[Problem]:
    def problem(reason: str) -> Problem:
        return Problem(question.path.name, question.id, reason)

    section = find_section(notes_roots, question.source.file, question.source.heading)
    if section is None:
        cited = f"{question.source.file} › {question.source.heading}"
        return [problem(f"source {cited} is not a heading in the notes")]
    text = section.text.casefold()
    return [
        problem(f"cited section lacks the term {kp.terms[0]!r} of key point {kp.point!r}")
        for kp in question.key_points
        if kp.terms[0].casefold() not in text
    ]


def key_point_count(question: BankQuestion) -> list[Problem]:
    low, high = KEY_POINTS_RANGE
    if low <= len(question.key_points) <= high:
        return []
    reason = f"has {len(question.key_points)} key points; write {low} to {high}"
    return [Problem(question.path.name, question.id, reason)]


def letter_balance(file: str, questions: Sequence[BankQuestion]) -> list[Problem]:
    """Each letter should be the answer for 20–30 % of a file's questions."""
    if len(questions) < MIN_QUESTIONS_FOR_BALANCE:
        return []
    counts = Counter(q.answer for q in questions)
    low, high = LETTER_SHARE
    problems = []
    for letter in LETTERS:
        share = counts[letter] / len(questions)
        if not low <= share <= high:
            reason = (
                f"answer {letter} is right for {counts[letter]} of {len(questions)} questions "
                f"({share:.0%}); keep each letter between {low:.0%} and {high:.0%}"
            )
            problems.append(Problem(file, None, reason))
    return problems


def near_duplicates(
    questions: Sequence[BankQuestion],
    embedder: Embedder,
    threshold: float = NEAR_DUPLICATE_COSINE,
) -> list[Problem]:
    if len(questions) < 2:
        return []
    vectors = embedder.encode([q.stem for q in questions])
    similarity = np.triu(vectors @ vectors.T, k=1)
    problems = []
    pairs: defaultdict[int, list[int]] = defaultdict(list)
    for i, j in zip(*np.nonzero(similarity > threshold), strict=True):
        pairs[int(i)].append(int(j))
    for i, partners in sorted(pairs.items()):
        for j in partners:
            a, b = questions[i], questions[j]
            reason = (
                f"stem is a near-duplicate of {b.id} ({b.path.name}), "
                f"cosine {similarity[i, j]:.3f} > {threshold}"
            )
            problems.append(Problem(a.path.name, a.id, reason))
    return problems
