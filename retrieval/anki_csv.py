"""The one reader of flashcard CSV/TSV files as Anki exports them: optional `#key:value` header
lines (separator, columns, tags column), then one card per row. The index reads its passages
with it (retrieval.load) and the quiz its flashcards (quiz.bank); each decides what a card needs.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass

from common.errors import StudybotError

SEPARATORS = {
    "comma": ",",
    "semicolon": ";",
    "tab": "\t",
    "space": " ",
    "pipe": "|",
    "colon": ":",
}
HEADER_ROW_FRONTS = {"front", "question"}  # a first row of column titles, not a card


class CardFileError(StudybotError, ValueError):
    """A flashcard file that cannot be read; the message names the line."""


@dataclass(frozen=True)
class CsvCard:
    front: str
    back: str
    tags: tuple[str, ...]
    line: int  # where the row starts in the file, from 1


@dataclass(frozen=True)
class _Layout:
    delimiter: str
    front: int
    back: int
    tags: int  # -1: no tags column
    width: int  # the most cells a row may have

    @property
    def least(self) -> int:
        return max(self.front, self.back) + 1


def read_cards(text: str, *, delimiter: str = ",") -> list[CsvCard]:
    """Every non-empty row as a card (`delimiter` unless a `#separator` header says otherwise);
    a row with too few or too many cells, or broken quoting, raises `CardFileError`."""
    lines = text.removeprefix("\ufeff").split("\n")
    count = next((i for i, line in enumerate(lines) if not line.startswith("#")), len(lines))
    headers: dict[str, str] = {}
    for line in lines[:count]:
        key, _, value = line[1:].partition(":")
        headers[key.strip().lower()] = value.strip()
    return _rows("\n".join(lines[count:]), _layout(headers, delimiter), count)


def _layout(headers: dict[str, str], default: str) -> _Layout:
    separator = headers.get("separator", "")
    delimiter = SEPARATORS.get(separator.lower(), separator) if separator else default
    if len(delimiter) != 1:
        raise CardFileError(f"unknown separator {separator!r}")
    # Anki separates the column titles with the file's separator; a comma is read too.
    titles = headers.get("columns", "Front,Back,Tags")
    columns = [c.strip().lower() for c in titles.split(delimiter if delimiter in titles else ",")]
    if "front" not in columns or "back" not in columns:
        raise CardFileError("the #columns header must name Front and Back")
    try:
        tags = int(headers.get("tags column", "3")) - 1
    except ValueError:
        raise CardFileError(f"#tags column {headers['tags column']!r} is not a number") from None
    front, back = columns.index("front"), columns.index("back")
    return _Layout(delimiter, front, back, tags, max(len(columns), tags + 1, 2))


def _rows(body: str, layout: _Layout, offset: int) -> list[CsvCard]:
    reader = csv.reader(io.StringIO(body), delimiter=layout.delimiter, strict=True)
    cards: list[CsvCard] = []
    line = offset + 1
    try:
        for row in reader:
            start, line = line, offset + reader.line_num + 1
            if not any(cell.strip() for cell in row):
                continue
            if not layout.least <= len(row) <= layout.width:
                raise CardFileError(
                    f"line {start}: expected {_expected(layout)} columns (front, back, tags), "
                    f"found {len(row)}"
                )
            if not cards and row[layout.front].strip().lower() in HEADER_ROW_FRONTS:
                continue
            tags = tuple(row[layout.tags].split()) if 0 <= layout.tags < len(row) else ()
            cards.append(CsvCard(row[layout.front], row[layout.back], tags, start))
    except csv.Error as exc:
        raise CardFileError(f"line {line}: malformed CSV ({exc})") from exc
    return cards


def _expected(layout: _Layout) -> str:
    if layout.least == layout.width:
        return str(layout.width)
    return (
        f"{layout.least} or {layout.width}"
        if layout.width == layout.least + 1
        else (f"{layout.least} to {layout.width}")
    )
