"""The records that flow through ingestion: documents read, chunks to embed, skipped files."""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

from common.citation import SEPARATOR, Citation, heading_path

Kind = Literal["note", "flashcard"]
HEADING_SEPARATOR = SEPARATOR


@dataclass(frozen=True)
class Document:
    """One unit a reader produced: a whole notes file, or one flashcard.

    `fmt` says how headings are written in `text`: "markdown" (# headings) or "text" (bare title
    lines). Flashcards carry their question as `heading` and "Q … A …" as text. `genre`: what
    kind of document its export shows it to be, as a reader names it ("blog", "outline";
    retrieval.genre), so a question pointing at "the blog" can be read there.
    """

    source: str
    kind: Kind
    text: str
    fmt: Literal["markdown", "text", "card"] = "markdown"
    title: str = ""
    heading: tuple[str, ...] = ()
    genre: tuple[str, ...] = ()
    # The topic outline cleaning took out (`clean.outline_items`): searched by no question, read
    # only by one asking what the outline covers (retrieval/listing.py).
    listing: tuple[str, ...] = ()


@dataclass(frozen=True)
class Chunk:
    """A passage that is embedded, searched and cited.

    `start`/`end` are character offsets into the cleaned text of its document (for a flashcard,
    into the card's "Q … A …" text).
    """

    source: str
    heading: tuple[str, ...]
    kind: Kind
    start: int
    end: int
    text: str
    id: str = field(default="")
    # What the embedder and BM25 see before the text; None: the nearest heading of a note.
    context: str | None = None
    # Its document's genre (`Document.genre`): no part of the id, the text or the vectors.
    genre: tuple[str, ...] = ()
    # Its document's outline listing (`Document.listing`): likewise no part of the id, the
    # text or the vectors, so no search sees it.
    listing: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if not self.id:
            object.__setattr__(
                self, "id", chunk_id(self.source, self.heading, self.text, self.context)
            )

    @property
    def heading_path(self) -> str:
        return heading_path(self.heading)

    @property
    def citation(self) -> Citation:
        return Citation.of_path(self.source, self.heading)

    def embed_text(self) -> str:
        """What the embedder and BM25 see: the context (by default the nearest heading of a
        note), then the passage."""
        if self.context is not None:
            return f"{self.context}\n{self.text}" if self.context else self.text
        if self.kind == "note" and self.heading:
            return f"{self.heading[-1]}\n{self.text}"
        return self.text

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["heading"] = list(self.heading)
        data["genre"] = list(self.genre)
        data["listing"] = list(self.listing)
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Chunk:
        return cls(
            source=data["source"],
            heading=tuple(data["heading"]),
            kind=data["kind"],
            start=int(data["start"]),
            end=int(data["end"]),
            text=data["text"],
            id=data["id"],
            context=data.get("context"),
            genre=tuple(data.get("genre", ())),
            listing=tuple(data.get("listing", ())),
        )


def chunk_id(source: str, heading: tuple[str, ...], text: str, context: str | None = None) -> str:
    """A stable id: the same passage under the same heading of the same file (and with the same
    context) keeps its id."""
    parts = (source, *heading, text) if context is None else (source, *heading, text, context)
    digest = hashlib.sha1("\x1f".join(parts).encode("utf-8"))
    return digest.hexdigest()[:16]


def vector_id(chunk_id_hex: str) -> int:
    """The 63-bit integer FAISS stores for a chunk id."""
    return int(chunk_id_hex, 16) & 0x7FFF_FFFF_FFFF_FFFF


@dataclass(frozen=True)
class Skipped:
    """A file that was not indexed, and why; `warning` is False for files that are not notes."""

    source: str
    reason: str
    warning: bool = True

    def __str__(self) -> str:
        return f"{self.source}: {self.reason}"
