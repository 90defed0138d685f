"""Token-aware chunking: one chunk per section or flashcard, split into windows only when it
would not fit the embedder's `max_seq_length` (which would otherwise truncate it silently)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import semchunk

from retrieval.clean import normalize_for_dedupe
from retrieval.documents import Chunk, Document
from retrieval.embed import TokenCounter
from retrieval.sections import Section, split_sections

# Bump when reading, cleaning or chunking changes what chunks a file yields: builds with
# another version are rebuilt from scratch.
CHUNKER_VERSION = 3
SPECIAL_TOKENS = 2  # [CLS] and [SEP] take two of the model's positions


@dataclass(frozen=True)
class ChunkingParams:
    """What decides the chunks; a change to any of these rebuilds the whole index."""

    model: str
    token_limit: int  # 0: the model's max_seq_length minus its special tokens

    def as_dict(self) -> dict[str, object]:
        return {"version": CHUNKER_VERSION, "model": self.model, "token_limit": self.token_limit}


def effective_limit(params: ChunkingParams, counter: TokenCounter) -> int:
    model_limit = counter.max_seq_length - SPECIAL_TOKENS
    return min(params.token_limit, model_limit) if params.token_limit > 0 else model_limit


def chunk_documents(
    documents: Iterable[Document], counter: TokenCounter, limit: int
) -> list[Chunk]:
    chunks: list[Chunk] = []
    for document in documents:
        for section in split_sections(document):
            chunks.extend(_chunk_section(document, section, counter, limit))
    return chunks


def _chunk_section(
    document: Document, section: Section, counter: TokenCounter, limit: int
) -> list[Chunk]:
    whole = _make_chunk(document, section, section.start, section.end, section.text)
    if counter.count_tokens(whole.embed_text()) <= limit:
        return [whole]
    prefix, body_offset = _window_context(document, section, counter, limit)
    room = limit - counter.count_tokens(prefix) - 1
    body = section.text[body_offset:]
    pieces, spans = semchunk.chunk(body, room, counter.count_tokens, offsets=True)
    chunks = []
    for piece, (start, end) in zip(pieces, spans, strict=True):
        text = f"{prefix}{piece}" if document.kind == "flashcard" else piece
        begin = section.start + body_offset
        chunks.append(_make_chunk(document, section, begin + start, begin + end, text))
    return chunks


def _window_context(
    document: Document, section: Section, counter: TokenCounter, limit: int
) -> tuple[str, int]:
    """Context repeated in every window (the heading of a note, the question of a flashcard)
    and where the windowed body starts. A question too long to repeat is windowed itself."""
    if document.kind == "flashcard":
        marker = "\nA: "
        if marker in section.text:
            question = section.text.split(marker, 1)[0] + marker
            if counter.count_tokens(question) <= limit // 2:
                return question, len(question)
        return "", 0
    heading = f"{section.heading[-1]}\n" if section.heading else ""
    return (heading, 0) if counter.count_tokens(heading) <= limit // 4 else ("", 0)


def _make_chunk(document: Document, section: Section, start: int, end: int, text: str) -> Chunk:
    return Chunk(
        source=document.source,
        heading=section.heading,
        kind=document.kind,
        start=start,
        end=end,
        text=text,
    )


def dedupe(chunks: Iterable[Chunk]) -> tuple[list[Chunk], int]:
    """Identical passages (after folding case and spacing) are stored once, the first one kept.
    Returns the unique chunks and how many duplicates were dropped."""
    seen: set[str] = set()
    unique: list[Chunk] = []
    dropped = 0
    for chunk in chunks:
        key = normalize_for_dedupe(chunk.text)
        if key in seen:
            dropped += 1
            continue
        seen.add(key)
        unique.append(chunk)
    return unique, dropped


def count_truncated(chunks: Iterable[Chunk], counter: TokenCounter, limit: int) -> int:
    """How many chunks the embedder would cut off: the number `studybot index` reports."""
    return sum(1 for chunk in chunks if counter.count_tokens(chunk.embed_text()) > limit)
