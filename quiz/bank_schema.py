"""The schema of a bank question as written in corpus/questions/*.yaml, as pydantic models, and
the translation of their errors into reasons that name the field ("key point 2 needs …")."""

from __future__ import annotations

import re
from typing import Annotated, Any

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    ValidationError,
    field_validator,
)
from pydantic_core import ErrorDetails, PydanticCustomError

LETTERS = ("A", "B", "C", "D")
DOMAINS = frozenset(
    {"data-engineering", "exploratory-data-analysis", "modeling", "ml-implementation-operations"}
)
ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)+$")
SLUG_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")

# Error kinds: "about" reads after the field's name ("stem must be …"); "reason" stands alone.
ABOUT, REASON = "about", "reason"


def _about(text: str) -> PydanticCustomError:
    return PydanticCustomError(ABOUT, _literal(text))


def _reason(text: str) -> PydanticCustomError:
    return PydanticCustomError(REASON, _literal(text))


def _literal(text: str) -> str:
    """The message as written: pydantic formats `{name}` in error templates."""
    return text.replace("{", "{{").replace("}", "}}")


def _text(value: Any) -> str:
    if not isinstance(value, str) or not value.strip():
        raise _about("must be non-empty text")
    return " ".join(value.split())


Text = Annotated[str, BeforeValidator(_text)]


class _Schema(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class KeyPointSchema(_Schema):
    point: Text
    terms: tuple[str, ...]

    @field_validator("terms", mode="before")
    @classmethod
    def _terms(cls, value: Any) -> tuple[str, ...]:
        if not isinstance(value, list) or not value:
            raise _about("needs a non-empty list of terms")
        if not all(isinstance(t, str) for t in value):
            raise _about(f"has a term that is not text (quote it): {value!r}")
        terms = tuple(t.strip() for t in value if t.strip())
        if len(terms) != len(value):
            raise _about("has an empty term")
        return terms


class SourceSchema(_Schema):
    file: Text
    heading: Text

    @field_validator("file")
    @classmethod
    def _bare_name(cls, file: str) -> str:
        if "/" in file or "\\" in file:
            raise _about(f"{file!r} must be a file name without a folder")
        return file


class QuestionSchema(_Schema):
    id: str
    domain: str
    topic: str
    difficulty: int
    stem: Text
    options: dict[str, Text]
    answer: str
    explanation: Text
    key_points: tuple[KeyPointSchema, ...]
    source: SourceSchema

    @field_validator("id", mode="before")
    @classmethod
    def _id(cls, value: Any) -> str:
        if not isinstance(value, str) or not ID_PATTERN.match(value):
            raise _reason(f"id {value!r} must look like de-kinesis-001")
        return value

    @field_validator("domain", mode="before")
    @classmethod
    def _domain(cls, value: Any) -> str:
        if value not in DOMAINS:
            raise _reason(f"domain {value!r} is not one of {', '.join(sorted(DOMAINS))}")
        return str(value)

    @field_validator("topic", mode="before")
    @classmethod
    def _topic(cls, value: Any) -> str:
        if not isinstance(value, str) or not SLUG_PATTERN.match(value):
            raise _reason(f"topic {value!r} must be a lowercase slug")
        return value

    @field_validator("difficulty", mode="before")
    @classmethod
    def _difficulty(cls, value: Any) -> int:
        if type(value) is not int or not 1 <= value <= 3:
            raise _reason("difficulty must be 1, 2 or 3")
        return value

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

    @field_validator("answer", mode="before")
    @classmethod
    def _answer(cls, value: Any) -> str:
        if value not in LETTERS:
            raise _reason(f"answer {value!r} must be one of A, B, C, D")
        return str(value)

    @field_validator("key_points", mode="before")
    @classmethod
    def _some_key_points(cls, value: Any) -> Any:
        if not isinstance(value, list) or not value:
            raise _about("must be a non-empty list")
        return value


def schema_reasons(error: ValidationError) -> list[str]:
    """Each problem once, as a reason naming its field: a bad id, then missing and unknown
    fields, then the rest in the schema's order."""
    details = error.errors()
    missing = sorted(str(e["loc"][0]) for e in details if _top_level(e, "missing"))
    unknown = sorted(str(e["loc"][0]) for e in details if _top_level(e, "extra_forbidden"))
    reasons = [_reason_for(e) for e in details if e["loc"] == ("id",) and e["type"] == REASON]
    reasons += [f"missing {', '.join(missing)}"] if missing else []
    reasons += [f"unknown field {', '.join(unknown)}"] if unknown else []
    for detail in details:
        if not (_top_level(detail, "missing") or _top_level(detail, "extra_forbidden")):
            reasons.append(_reason_for(detail))
    return list(dict.fromkeys(reasons))


def _top_level(detail: ErrorDetails, kind: str) -> bool:
    return detail["type"] == kind and len(detail["loc"]) == 1


def _reason_for(detail: ErrorDetails) -> str:
    loc, kind = detail["loc"], detail["type"]
    if kind == REASON:
        return detail["msg"]
    if kind == ABOUT:
        return f"{_field_name(loc)} {detail['msg']}"
    if loc[0] == "key_points" and len(loc) >= 2 and kind in _SHAPE_ERRORS:
        return f"{_field_name(loc)} must have exactly point and terms"
    if loc[0] == "source" and kind in _SHAPE_ERRORS:
        return "source must have exactly file and heading"
    return f"{_field_name(loc)}: {detail['msg']}"


_SHAPE_ERRORS = {"missing", "extra_forbidden", "model_type", "model_attributes_type"}


def _field_name(loc: tuple[int | str, ...]) -> str:
    """How an author reads the field: "option B", "key point 2", "source.file"."""
    if loc[0] == "options" and len(loc) > 1:
        return f"option {loc[1]}"
    if loc[0] == "key_points" and len(loc) > 1 and isinstance(loc[1], int):
        return f"key point {loc[1] + 1}"
    return ".".join(str(part) for part in loc)
