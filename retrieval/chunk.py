"""Token-aware chunking: one chunk per section or flashcard, split into windows only when it
would not fit the embedder's `max_seq_length` (which would otherwise truncate it silently).

`ChunkOptions` holds the choices measured by bench/chunking.py on both dev sets: what heading
context the embedder and BM25 see with each passage, how long the windows of a long section
are, whether runs of tiny sibling sections are merged into one passage under their parent, and
whether a second granularity is indexed too (each parent's whole block, or finer windows).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass
from typing import Literal

import semchunk

from retrieval.clean import normalize_for_dedupe
from retrieval.documents import HEADING_SEPARATOR, Chunk, Document
from retrieval.embed import TokenCounter
from retrieval.sections import Section, split_sections
from retrieval.sentences import SENTENCES_VERSION

# Bump when reading, cleaning or chunking changes what chunks a file yields: builds with
# another version are rebuilt from scratch.
CHUNKER_VERSION = 13
SPECIAL_TOKENS = 2  # [CLS] and [SEP] take two of the model's positions
Context = Literal["auto", "heading", "path", "subpath"]
# Whether a section's text (under its heading path) is a list of lines about different things.
ScatterCheck = Callable[[tuple[str, ...], str], bool]


@dataclass(frozen=True)
class ChunkOptions:
    """How sections become passages.

    context: "heading" puts the nearest heading before the passage, "path" the whole heading
    path, "subpath" the path without the document's title (the same for every passage of a
    file, so it tells passages apart no better than noise), "auto" the path for plain text (whose
    heading levels are inferred, and a tiny section's own heading is often a bare label such as
    "Input") and the nearest heading for Markdown and HTML, whose authors write headings that
    name their subject (the path there cost passage 1 about 7 points on the shipped corpus).
    merge_tokens: sibling sections under the same parent, each shorter than this many word
    pieces, are merged into one passage (their own headings kept as lines); 0 turns it off.
    parent_blocks: also index each parent heading's whole block when it fits.
    Neither is adopted: with the per-deck card weight, merging (48) and parent blocks each took
    passage 1 on the team's notes' tuning part from 0.771 to 0.763, the shipped corpus unmoved.
    window_tokens: a note section too long for one passage is cut into windows whose body holds
    at most this many word pieces, each led by the section's context (0: windows as long as the
    model takes). A long section of messy notes (a bullet list without headings) mixes subjects,
    and shorter windows separate them: 96 raised passage 1 on the tuning part of the team's
    notes from 0.771 to 0.797 (64 and 128 did no better) for 3 % more shipped passages, but did
    not hold on the held-out parts (team's notes 0.828 both ways, shipped one question worse on
    each set), so it is off (bench/chunking.py). A section that fits the model whole is never cut.
    fine_tokens: also index windows of at most this many word pieces over every note section
    longer than that (a second, finer granularity); 0 turns it off. Measured and not adopted:
    at 96 it cost the shipped dev set 9 points of passage 1 and took it to 2,324 passages.
    overlap: the share of a window repeated in the next (windows cut by window_tokens only).
    bare_window_tokens: a note section too long for one passage that has no heading of its own
    (its path is at most the file's title: an outline exported without headings, a list of
    facts on thirty subjects) is cut into windows whose body holds at most this many word
    pieces; 0: windows as long as the model takes. Such a window mixes a dozen subjects, so
    no one of them matches it well, and there is no heading to tell them apart. Adopted at 96:
    with the facet bonus and a 0.75 dense weight (retrieval/search.py), passage 1 on the team's
    notes went from 0.822 / 0.828 / 0.717 to 0.839 / 0.859 / 0.767 (tuning / held-out / session
    5's blind set, bench/answers.py); the shipped notes have no such section and are unchanged.
    48, 64 and 128 did no better on all three parts.
    """

    context: Context = "heading"
    merge_tokens: int = 0
    parent_blocks: bool = False
    window_tokens: int = 0
    fine_tokens: int = 0
    overlap: float = 0.0
    bare_window_tokens: int = 0


DEFAULT_OPTIONS = ChunkOptions(context="auto", bare_window_tokens=96)


@dataclass(frozen=True)
class ChunkingParams:
    """What decides the chunks and their sentences; a change to any of these rebuilds the whole
    index."""

    model: str
    token_limit: int  # 0: the model's max_seq_length minus its special tokens

    def as_dict(self) -> dict[str, object]:
        return {
            "version": CHUNKER_VERSION,
            "sentences": SENTENCES_VERSION,
            "model": self.model,
            "token_limit": self.token_limit,
            "options": asdict(DEFAULT_OPTIONS),
        }


def effective_limit(params: ChunkingParams, counter: TokenCounter) -> int:
    model_limit = counter.max_seq_length - SPECIAL_TOKENS
    return min(params.token_limit, model_limit) if params.token_limit > 0 else model_limit


def chunk_documents(
    documents: Iterable[Document],
    counter: TokenCounter,
    limit: int,
    options: ChunkOptions | None = None,
    scattered: ScatterCheck | None = None,
) -> list[Chunk]:
    """The passages of the documents; `scattered` tells a catch-all section (`_chunk_section`)."""
    chosen = options or DEFAULT_OPTIONS
    chunks: list[Chunk] = []
    for document in documents:
        sections = split_sections(document)
        if document.kind == "note" and chosen.parent_blocks:
            chunks.extend(_parent_blocks(document, sections, counter, limit, chosen))
        if document.kind == "note" and chosen.merge_tokens > 0:
            sections = _merge_small_siblings(sections, counter, limit, chosen)
        for section in sections:
            chunks.extend(_chunk_section(document, section, counter, limit, chosen, scattered))
            if document.kind == "note" and chosen.fine_tokens > 0:
                chunks.extend(_fine_windows(document, section, counter, limit, chosen))
    return chunks


def _fine_windows(
    document: Document,
    section: Section,
    counter: TokenCounter,
    limit: int,
    options: ChunkOptions,
) -> list[Chunk]:
    if counter.count_tokens(section.text) <= options.fine_tokens:
        return []
    context = _context(document, section.heading, options)
    return _windows(document, section, counter, limit, context, options.fine_tokens)


def _context(document: Document, heading: tuple[str, ...], options: ChunkOptions) -> str:
    if document.kind != "note" or not heading:
        return ""
    if options.context == "heading" or (options.context == "auto" and document.fmt != "text"):
        return heading[-1]
    if options.context == "subpath" and len(heading) > 1:
        heading = heading[1:]
    return HEADING_SEPARATOR.join(heading)


def _chunk_section(
    document: Document,
    section: Section,
    counter: TokenCounter,
    limit: int,
    options: ChunkOptions,
    scattered: ScatterCheck | None = None,
) -> list[Chunk]:
    """One passage for a section that fits the model, else windows of it. A note section with
    no heading of its own, or a headed one that `scattered` calls a list of lines about
    different things ("Extra info about AWS Services": each line a fact about another service),
    is cut into short windows (`bare_window_tokens`): a window the model's length mixes twenty
    subjects, its vector far from the one line that answers, and BM25 scores its line at a
    tenth of its length. The team's notes, read parts (tuning, b8-b22; bench/answers.py): five
    answers gained (collaborative filtering, the Firehose Lambda record's fields, training
    inside a VPC, online vs out-of-core and incremental vs transfer learning), two lost to a
    short window of "General concepts" or of the list outranking the passage that answered;
    any of 3 passages +6, passage 1 -2; no check part and nothing of the shipped notes moved
    (they have no such section)."""
    context = _context(document, section.heading, options)
    whole = _make_chunk(document, section, section.start, section.end, section.text, context)
    if counter.count_tokens(whole.embed_text()) <= limit:
        return [whole]
    if document.kind != "note":
        return _windows(document, section, counter, limit, context)
    bare = options.bare_window_tokens > 0 and (
        len(section.heading) <= 1
        or (scattered is not None and scattered(section.heading, section.text))
    )
    body_tokens = options.bare_window_tokens if bare else options.window_tokens
    overlap = options.overlap if body_tokens > 0 else 0.0
    return _windows(document, section, counter, limit, context, body_tokens, overlap)


def _windows(
    document: Document,
    section: Section,
    counter: TokenCounter,
    limit: int,
    context: str,
    body_tokens: int = 0,
    overlap: float = 0.0,
) -> list[Chunk]:
    """Windows of the section's body, each led by the context; `body_tokens` caps a window's
    body (the context comes on top, within the model's `limit`)."""
    prefix, body_offset = _window_context(document, section, counter, limit, context)
    room = limit - counter.count_tokens(prefix) - 1
    if body_tokens > 0:
        room = min(room, body_tokens)
    body = section.text[body_offset:]
    pieces, spans = semchunk.chunk(
        body, room, counter.count_tokens, offsets=True, overlap=overlap or None
    )
    chunks = []
    for piece, (start, end) in zip(pieces, spans, strict=True):
        text = f"{prefix}{piece}" if document.kind == "flashcard" else piece
        begin = section.start + body_offset
        window_context = context if document.kind == "note" and prefix else ""
        chunks.append(
            _make_chunk(document, section, begin + start, begin + end, text, window_context)
        )
    return chunks


def _window_context(
    document: Document, section: Section, counter: TokenCounter, limit: int, context: str
) -> tuple[str, int]:
    """Context repeated in every window (the heading of a note, the question of a flashcard)
    and where the windowed body starts. A context too long to repeat is left out."""
    if document.kind == "flashcard":
        marker = "\nA: "
        if marker in section.text:
            question = section.text.split(marker, 1)[0] + marker
            if counter.count_tokens(question) <= limit // 2:
                return question, len(question)
        return "", 0
    heading = f"{context}\n" if context else ""
    return (heading, 0) if counter.count_tokens(heading) <= limit // 4 else ("", 0)


def _make_chunk(
    document: Document, section: Section, start: int, end: int, text: str, context: str
) -> Chunk:
    return Chunk(
        source=document.source,
        heading=section.heading,
        kind=document.kind,
        start=start,
        end=end,
        text=text,
        context=context,
        genre=document.genre,
        listing=document.listing,
    )


def _block_text(parent: tuple[str, ...], sections: list[Section]) -> str:
    """The sections' text under `parent`, each led by its own headings below the parent."""
    parts = []
    for section in sections:
        own = HEADING_SEPARATOR.join(section.heading[len(parent) :])
        parts.append(f"{own}\n{section.text}" if own else section.text)
    return "\n\n".join(parts)


def _as_block(parent: tuple[str, ...], sections: list[Section]) -> Section:
    return Section(parent, sections[0].start, sections[-1].end, _block_text(parent, sections))


def _merge_small_siblings(
    sections: list[Section], counter: TokenCounter, limit: int, options: ChunkOptions
) -> list[Section]:
    merged: list[Section] = []
    group: list[Section] = []
    parent: tuple[str, ...] | None = None

    def flush() -> None:
        if len(group) > 1 and parent is not None:
            merged.append(_as_block(parent, group))
        else:
            merged.extend(group)
        group.clear()

    for section in sections:
        small = counter.count_tokens(section.text) < options.merge_tokens
        joins = (
            small
            and bool(group)
            and parent is not None
            and _under(section, parent)
            and counter.count_tokens(_block_text(parent, [*group, section])) + 16 <= limit
        )
        if joins:
            group.append(section)
            continue
        flush()
        group.append(section)
        parent = _group_parent(section) if small else None
        if not small:
            flush()
    flush()
    return merged


def _group_parent(section: Section) -> tuple[str, ...] | None:
    """A small section starts a group under its parent, or under itself when it is the body of
    a heading whose children may follow; never under the document's title alone, which would
    group every topic of a file."""
    if len(section.heading) >= 2:
        return section.heading if len(section.heading) == 2 else section.heading[:-1]
    return None


def _under(section: Section, parent: tuple[str, ...]) -> bool:
    return len(section.heading) > len(parent) and section.heading[: len(parent)] == parent


def _parent_blocks(
    document: Document,
    sections: list[Section],
    counter: TokenCounter,
    limit: int,
    options: ChunkOptions,
) -> list[Chunk]:
    """One extra passage per heading whose sections (its own text and its children's) fit
    the model together: the coarse granularity next to the sections themselves."""
    blocks: dict[tuple[str, ...], list[Section]] = {}
    for section in sections:
        for depth in range(2, len(section.heading) + 1):
            blocks.setdefault(section.heading[:depth], []).append(section)
    chunks = []
    for parent, members in blocks.items():
        if len(members) < 2:
            continue
        block = _as_block(parent, members)
        chunk = _make_chunk(
            document, block, block.start, block.end, block.text, _context(document, parent, options)
        )
        if counter.count_tokens(chunk.embed_text()) <= limit:
            chunks.append(chunk)
    return chunks


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
