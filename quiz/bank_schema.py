"""A bank question as written in corpus/questions/*.yaml. The values the quiz uses
(`BankQuestion`, `KeyPoint`) are pydantic dataclasses, so the schema is written once and reading
a question validates it; `schema_reasons` turns pydantic's errors into reasons naming the field
("key point 2 needs …")."""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable
from dataclasses import asdict, field
from pathlib import Path
from typing import Annotated, Any

from pydantic import BeforeValidator, ConfigDict, ValidationError, field_validator
from pydantic.dataclasses import dataclass
from pydantic_core import ErrorDetails, PydanticCustomError

from common.citation import Citation

LETTERS = ("A", "B", "C", "D")
DOMAINS = frozenset(
    {"data-engineering", "exploratory-data-analysis", "modeling", "ml-implementation-operations"}
)
ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)+$")
SLUG_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
FORBID_EXTRA = ConfigDict(extra="forbid")

# Error kinds: "about" reads after the field's name ("stem must be …"); "reason" stands alone.
ABOUT, REASON = "about", "reason"


def _about(text: str) -> PydanticCustomError:
    return PydanticCustomError(ABOUT, _literal(text))


def _reason(text: str) -> PydanticCustomError:
    return PydanticCustomError(REASON, _literal(text))


def _literal(text: str) -> str:
    """The message as written: pydantic formats `{name}` in error templates."""
    return text.replace("{", "{{").replace("}", "}}")


def _squeezed(value: Any) -> str | None:
    return " ".join(value.split()) if isinstance(value, str) and value.strip() else None


def _text(value: Any) -> str:
    text = _squeezed(value)
    if text is None:
        raise _about("must be non-empty text")
    return text


Text = Annotated[str, BeforeValidator(_text)]


def _rule(holds: Callable[[Any], bool], reason: Callable[[Any], str]) -> BeforeValidator:
    """A field's check on the value as written, and the reason it gives when it fails."""

    def check(value: Any) -> Any:
        if not holds(value):
            raise _reason(reason(value))
        return value

    return BeforeValidator(check)


def _matches(pattern: re.Pattern[str], name: str, should: str) -> BeforeValidator:
    return _rule(
        lambda v: isinstance(v, str) and pattern.match(v) is not None,
        lambda v: f"{name} {v!r} {should}",
    )


QuestionId = Annotated[str, _matches(ID_PATTERN, "id", "must look like de-kinesis-001")]
Topic = Annotated[str, _matches(SLUG_PATTERN, "topic", "must be a lowercase slug")]
Domain = Annotated[
    str,
    _rule(
        lambda v: isinstance(v, str) and v in DOMAINS,
        lambda v: f"domain {v!r} is not one of {', '.join(sorted(DOMAINS))}",
    ),
]
Difficulty = Annotated[
    int,
    _rule(lambda v: type(v) is int and 1 <= v <= 3, lambda v: "difficulty must be 1, 2 or 3"),
]
Answer = Annotated[
    str, _rule(lambda v: v in LETTERS, lambda v: f"answer {v!r} must be one of A, B, C, D")
]


def _source(value: Any) -> Citation:
    if isinstance(value, Citation):
        return value
    if not isinstance(value, dict) or set(value) != {"file", "heading"}:
        raise _reason("source must have exactly file and heading")
    file, heading = _squeezed(value["file"]), _squeezed(value["heading"])
    if file is None or heading is None:
        raise _reason(f"source.{'file' if file is None else 'heading'} must be non-empty text")
    if "/" in file or "\\" in file:
        raise _reason(f"source.file {file!r} must be a file name without a folder")
    return Citation(file, heading)


@dataclass(frozen=True, config=FORBID_EXTRA)
class KeyPoint:
    point: Text
    terms: tuple[str, ...]

    @field_validator("terms", mode="before")
    @classmethod
    def _terms(cls, value: Any) -> tuple[str, ...]:
        if not isinstance(value, list | tuple) or not value:
            raise _about("needs a non-empty list of terms")
        if not all(isinstance(t, str) for t in value):
            raise _about(f"has a term that is not text (quote it): {list(value)!r}")
        terms = tuple(t.strip() for t in value if t.strip())
        if len(terms) != len(value):
            raise _about("has an empty term")
        return terms


@dataclass(frozen=True, config=FORBID_EXTRA)
class BankQuestion:
    """One scenario question as written in the bank, validated when it is made."""

    id: QuestionId
    domain: Domain
    topic: Topic
    difficulty: Difficulty
    stem: Text
    options: dict[str, Text]
    answer: Answer
    explanation: Text
    key_points: tuple[KeyPoint, ...]
    source: Annotated[Citation, BeforeValidator(_source)]
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

    @field_validator("options", mode="before")
    @classmethod
    def _option_letters(cls, value: Any) -> Any:
        if not isinstance(value, dict) or sorted(map(str, value)) != list(LETTERS):
            raise _reason("options must have exactly the keys A, B, C and D")
        return value

    @field_validator("options")
    @classmethod
    def _distinct_options(cls, options: dict[str, str]) -> dict[str, str]:
        if len({o.casefold() for o in options.values()}) != len(LETTERS):
            raise _reason("two options have the same text")
        return {letter: options[letter] for letter in LETTERS}

    @field_validator("key_points", mode="before")
    @classmethod
    def _some_key_points(cls, value: Any) -> Any:
        if not isinstance(value, list | tuple) or not value:
            raise _about("must be a non-empty list")
        return value


MISSING = {"missing", "missing_argument"}
UNKNOWN = {"extra_forbidden", "unexpected_keyword_argument"}
SHAPE = MISSING | UNKNOWN | {"dataclass_type", "dataclass_args_type", "model_type"}


def schema_reasons(error: ValidationError) -> list[str]:
    """Each problem once, as a reason naming its field: a bad id, then missing and unknown
    fields, then the rest in the schema's order."""
    details = error.errors()
    missing = sorted(str(e["loc"][0]) for e in details if _top_level(e, MISSING))
    unknown = sorted(str(e["loc"][0]) for e in details if _top_level(e, UNKNOWN))
    reasons = [_reason_for(e) for e in details if e["loc"] == ("id",) and e["type"] == REASON]
    reasons += [f"missing {', '.join(missing)}"] if missing else []
    reasons += [f"unknown field {', '.join(unknown)}"] if unknown else []
    for detail in details:
        if not (_top_level(detail, MISSING) or _top_level(detail, UNKNOWN)):
            reasons.append(_reason_for(detail))
    return list(dict.fromkeys(reasons))


def _top_level(detail: ErrorDetails, kinds: set[str]) -> bool:
    return detail["type"] in kinds and len(detail["loc"]) == 1


def _reason_for(detail: ErrorDetails) -> str:
    loc, kind = detail["loc"], detail["type"]
    if kind == REASON:
        return detail["msg"]
    if kind == ABOUT:
        return f"{_field_name(loc)} {detail['msg']}"
    if loc[0] == "key_points" and len(loc) >= 2 and kind in SHAPE:
        return f"{_field_name(loc)} must have exactly point and terms"
    return f"{_field_name(loc)}: {detail['msg']}"


def _field_name(loc: tuple[int | str, ...]) -> str:
    """How an author reads the field: "option B", "key point 2", "source.file"."""
    if loc[0] == "options" and len(loc) > 1:
        return f"option {loc[1]}"
    if loc[0] == "key_points" and len(loc) > 1 and isinstance(loc[1], int):
        return f"key point {loc[1] + 1}"
    return ".".join(str(part) for part in loc)
