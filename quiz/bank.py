"""The question bank and flashcards as files: load, validate the schema, hash the content.

A bank file that breaks the schema raises `BankError` naming the file, the question id and every
reason. The question values are the schema (quiz.bank_schema); `BankQuestion`, `KeyPoint` and
`LETTERS` are re-exported here, where the quiz imports them.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from pydantic import TypeAdapter, ValidationError

from quiz.bank_schema import ID_PATTERN, schema_reasons
from quiz.bank_schema import LETTERS as LETTERS
from quiz.bank_schema import BankQuestion as BankQuestion
from quiz.bank_schema import KeyPoint as KeyPoint
from quiz.errors import BankError
from retrieval.anki_csv import CardFileError, read_cards


@dataclass(frozen=True)
class BankFlashcard:
    front: str
    back: str
    tags: tuple[str, ...]

    @property
    def key(self) -> str:
        return hashlib.sha256(self.front.strip().casefold().encode()).hexdigest()[:32]

    def tag(self, name: str) -> str | None:
        prefix = f"{name}::"
        return next((t[len(prefix) :] for t in self.tags if t.startswith(prefix)), None)


QUESTION = TypeAdapter(BankQuestion)


def question_files(corpus_roots: Iterable[Path]) -> list[Path]:
    return _files_under(corpus_roots, "questions", ("*.yaml", "*.yml"))


def flashcard_files(corpus_roots: Iterable[Path]) -> list[Path]:
    return _files_under(corpus_roots, "flashcards", ("*.csv",))


def _files_under(roots: Iterable[Path], sub: str, patterns: Sequence[str]) -> list[Path]:
    found: set[Path] = set()
    for root in roots:
        folder = root / sub if (root / sub).is_dir() else root
        if folder.is_dir() and folder.name == sub:
            for pattern in patterns:
                found.update(folder.glob(pattern))
    return sorted(found)


def load_bank(files: Iterable[Path]) -> list[BankQuestion]:
    """Every question of every file; a broken file or a repeated id raises `BankError`."""
    questions: list[BankQuestion] = []
    seen: dict[str, Path] = {}
    for path in files:
        for question in load_questions_file(path):
            if question.id in seen:
                raise BankError(path, question.id, f"id already used in {seen[question.id].name}")
            seen[question.id] = path
            questions.append(question)
    return questions


def load_questions_file(path: Path) -> list[BankQuestion]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark is not None else ""
        raise BankError(path, None, f"not valid YAML{where}") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise BankError(path, None, f"cannot be read ({exc})") from exc
    if data is None:
        return []
    if not isinstance(data, list):
        raise BankError(path, None, "must be a YAML list of questions")
    return [parse_question(item, path, index) for index, item in enumerate(data, start=1)]


def parse_question(item: Any, path: Path, index: int) -> BankQuestion:
    """One validated question (quiz.bank_schema); `index` names it when it has no usable id."""
    if not isinstance(item, dict):
        raise BankError(path, f"#{index}", "must be a mapping of question fields")
    qid = item.get("id")
    named = qid if isinstance(qid, str) and ID_PATTERN.match(qid) else f"#{index}"
    if "path" in item:  # where the file lives is not the author's to write
        raise BankError(path, named, "unknown field path")
    try:
        return QUESTION.validate_python({**item, "path": path})
    except ValidationError as error:
        raise BankError(path, named, "; ".join(schema_reasons(error))) from None


def load_flashcards(path: Path) -> list[BankFlashcard]:
    """An Anki CSV export (retrieval.anki_csv): every card needs a front and a back."""
    try:
        rows = read_cards(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise BankError(path, None, f"cannot be read ({exc})") from exc
    except CardFileError as exc:
        raise BankError(path, None, str(exc)) from exc
    cards = []
    for row in rows:
        front, back = row.front.strip(), row.back.strip()
        if not front or not back:
            raise BankError(path, None, f"line {row.line}: empty front or back")
        cards.append(BankFlashcard(front, back, row.tags))
    return cards
