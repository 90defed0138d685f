"""The question bank and flashcards as files: load, validate the schema, hash the content.

A bank file that breaks the schema raises `BankError` naming the file, question id and reason.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import yaml

from common.citation import Citation
from quiz.errors import BankError
from retrieval.anki_csv import CardFileError, read_cards

LETTERS = ("A", "B", "C", "D")
DOMAINS = frozenset(
    {"data-engineering", "exploratory-data-analysis", "modeling", "ml-implementation-operations"}
)
QUESTION_KEYS = frozenset(
    {"id", "domain", "topic", "difficulty", "stem", "options", "answer", "explanation"}
    | {"key_points", "source"}
)
ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)+$")
SLUG_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


@dataclass(frozen=True)
class KeyPoint:
    point: str
    terms: tuple[str, ...]


@dataclass(frozen=True)
class BankQuestion:
    """One scenario question as written in the bank."""

    id: str
    domain: str
    topic: str
    difficulty: int
    stem: str
    options: dict[str, str]
    answer: str
    explanation: str
    key_points: tuple[KeyPoint, ...]
    source: Citation
    path: Path = field(compare=False)

    def content(self) -> dict[str, Any]:
        """Everything that defines the question (not where its file lives)."""
        data = asdict(self)
        data.pop("path")
        return data

    @property
    def content_hash(self) -> str:
        canonical = json.dumps(self.content(), sort_keys=True, ensure_ascii=False)
        return hashlib.sha256(canonical.encode()).hexdigest()


@dataclass(frozen=True)
class Flashcard:
    front: str
    back: str
    tags: tuple[str, ...]

    @property
    def key(self) -> str:
        return hashlib.sha256(self.front.strip().casefold().encode()).hexdigest()[:32]

    def tag(self, name: str) -> str | None:
        prefix = f"{name}::"
        return next((t[len(prefix) :] for t in self.tags if t.startswith(prefix)), None)


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
    """One validated question; `index` names it when it has no usable id."""
    if not isinstance(item, dict):
        raise BankError(path, f"#{index}", "must be a mapping of question fields")
    qid = item.get("id")
    if not isinstance(qid, str) or not ID_PATTERN.match(qid):
        raise BankError(path, f"#{index}", f"id {qid!r} must look like de-kinesis-001")

    def fail(reason: str) -> BankError:
        return BankError(path, qid, reason)

    missing = sorted(QUESTION_KEYS - item.keys())
    if missing:
        raise fail(f"missing {', '.join(missing)}")
    unknown = sorted(str(k) for k in item.keys() - QUESTION_KEYS)
    if unknown:
        raise fail(f"unknown field {', '.join(unknown)}")
    if item["domain"] not in DOMAINS:
        raise fail(f"domain {item['domain']!r} is not one of {', '.join(sorted(DOMAINS))}")
    if not isinstance(item["topic"], str) or not SLUG_PATTERN.match(item["topic"]):
        raise fail(f"topic {item['topic']!r} must be a lowercase slug")
    if type(item["difficulty"]) is not int or not 1 <= item["difficulty"] <= 3:
        raise fail("difficulty must be 1, 2 or 3")
    options = _options(item["options"], fail)
    answer = item["answer"]
    if answer not in LETTERS:
        raise fail(f"answer {answer!r} must be one of A, B, C, D")
    return BankQuestion(
        id=qid,
        domain=item["domain"],
        topic=item["topic"],
        difficulty=item["difficulty"],
        stem=_text(item["stem"], "stem", fail),
        options=options,
        answer=answer,
        explanation=_text(item["explanation"], "explanation", fail),
        key_points=_key_points(item["key_points"], fail),
        source=_source(item["source"], fail),
        path=path,
    )


def _text(value: Any, name: str, fail: Any) -> str:
    if not isinstance(value, str) or not value.strip():
        raise fail(f"{name} must be non-empty text")
    return " ".join(value.split())


def _options(value: Any, fail: Any) -> dict[str, str]:
    if not isinstance(value, dict) or sorted(map(str, value)) != list(LETTERS):
        raise fail("options must have exactly the keys A, B, C and D")
    options = {letter: _text(value[letter], f"option {letter}", fail) for letter in LETTERS}
    if len({o.casefold() for o in options.values()}) != len(LETTERS):
        raise fail("two options have the same text")
    return options


def _key_points(value: Any, fail: Any) -> tuple[KeyPoint, ...]:
    if not isinstance(value, list) or not value:
        raise fail("key_points must be a non-empty list")
    points = []
    for number, entry in enumerate(value, start=1):
        if not isinstance(entry, dict) or set(entry) != {"point", "terms"}:
            raise fail(f"key point {number} must have exactly point and terms")
        terms = entry["terms"]
        if not isinstance(terms, list) or not terms:
            raise fail(f"key point {number} needs a non-empty list of terms")
        if not all(isinstance(t, str) for t in terms):
            raise fail(f"key point {number} has a term that is not text (quote it): {terms!r}")
        clean = tuple(t.strip() for t in terms if t.strip())
        if len(clean) != len(terms):
            raise fail(f"key point {number} has an empty term")
        points.append(KeyPoint(_text(entry["point"], f"key point {number}", fail), clean))
    return tuple(points)


def _source(value: Any, fail: Any) -> Citation:
    if not isinstance(value, dict) or set(value) != {"file", "heading"}:
        raise fail("source must have exactly file and heading")
    file = _text(value["file"], "source.file", fail)
    if "/" in file or "\\" in file:
        raise fail(f"source.file {file!r} must be a file name without a folder")
    return Citation(file, _text(value["heading"], "source.heading", fail))


def load_flashcards(path: Path) -> list[Flashcard]:
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
        cards.append(Flashcard(front, back, row.tags))
    return cards
