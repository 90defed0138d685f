"""The pure half of an index build: decide what to re-read and what to embed, then assemble the
build from the vectors (retrieval.build does the reading, embedding and writing).

    plan_sources    which files changed since the last build, and whether its vectors can be kept
    plan_embedding  which chunks are new, and the texts to embed for them
    assemble        the chunks' vectors (new or kept), sentences, FAISS, BM25 and glossary
    describe        the manifest of what was built
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import numpy as np

from retrieval.dense import DenseIndex, DenseParams
from retrieval.documents import Chunk, Skipped, vector_id
from retrieval.glossary import build_glossary
from retrieval.index_store import BuildFiles
from retrieval.lexical import LexicalIndex
from retrieval.manifest import FORMAT_VERSION, Counts, EmbedderRecord, Manifest
from retrieval.sentences import is_quotable, led_sentence, sentence_spans

Span = tuple[int, int]


@dataclass(frozen=True)
class SourcePlan:
    """What the last build still gives: nothing (`reuse` False), or its vectors and the chunks
    of the `unchanged` files; `up_to_date` when nothing at all has changed."""

    up_to_date: bool
    reuse: bool
    unchanged: frozenset[str]


def plan_sources(
    digests: Mapping[str, str],
    chunking: Mapping[str, object],
    precision: str,
    previous: Manifest | None,
    *,
    force: bool,
) -> SourcePlan:
    compatible = (
        previous is not None
        and previous.chunking == chunking
        and previous.embedder.precision == precision
    )
    if previous is None or not compatible or force:
        return SourcePlan(up_to_date=False, reuse=False, unchanged=frozenset())
    unchanged = frozenset(s for s, digest in digests.items() if previous.digests.get(s) == digest)
    return SourcePlan(up_to_date=previous.digests == digests, reuse=True, unchanged=unchanged)


@dataclass(frozen=True)
class EmbedPlan:
    """The build's chunks in row order; `fresh` are those the last build does not have."""

    chunks: list[Chunk]
    fresh: list[Chunk]
    spans: dict[str, list[Span]]  # the sentences of each fresh chunk
    kept_rows: dict[str, int]  # each kept chunk's row in the last build

    @property
    def texts(self) -> list[str]:
        """What to embed, in this order: each fresh chunk's text, then each of its sentences."""
        texts = [c.embed_text() for c in self.fresh]
        return texts + [_sentence_text(c, s) for c in self.fresh for s in self.spans[c.id]]

    @property
    def kept(self) -> int:
        return len(self.chunks) - len(self.fresh)


def plan_embedding(chunks: list[Chunk], old: BuildFiles | None) -> EmbedPlan:
    old_rows = {c.id: i for i, c in enumerate(old.chunks)} if old else {}
    fresh = [c for c in chunks if c.id not in old_rows]
    kept_rows = {c.id: old_rows[c.id] for c in chunks if c.id in old_rows}
    return EmbedPlan(chunks, fresh, {c.id: chunk_spans(c) for c in fresh}, kept_rows)


def chunk_spans(chunk: Chunk) -> list[Span]:
    """The passage's sentences; the whole passage when none can stand alone (a window holding
    only "- text/csv" / "  - text/libsvm" is one fact, not a line owned by the other)."""
    spans = sentence_spans(chunk.text)
    if any(is_quotable(chunk.text[start:end].strip()) for start, end in spans):
        return spans
    return [(0, len(chunk.text))]


def _sentence_text(chunk: Chunk, span: Span) -> str:
    sentence = chunk.text[span[0] : span[1]]
    return led_sentence(chunk.heading, sentence) if chunk.kind == "note" else sentence


@dataclass(frozen=True)
class _ChunkVectors:
    vector: np.ndarray
    spans: list[Span]
    sentence_vectors: np.ndarray


def _fresh_vectors(plan: EmbedPlan, embedded: np.ndarray) -> dict[str, _ChunkVectors]:
    """Each fresh chunk's rows in `embedded`, which follows the order of `plan.texts`."""
    out: dict[str, _ChunkVectors] = {}
    first = len(plan.fresh)
    for row, chunk in enumerate(plan.fresh):
        spans = plan.spans[chunk.id]
        out[chunk.id] = _ChunkVectors(embedded[row], spans, embedded[first : first + len(spans)])
        first += len(spans)
    return out


def _sentences_by_chunk(sentence_chunk: np.ndarray, chunks: int) -> list[np.ndarray]:
    """The sentence rows of each chunk row, in their order, found in one sort (a mask per chunk
    would cost chunks x sentences)."""
    order = np.argsort(sentence_chunk, kind="stable")
    bounds = np.searchsorted(sentence_chunk[order], np.arange(chunks + 1))
    return [order[bounds[i] : bounds[i + 1]] for i in range(chunks)]


def _kept_vectors(old: BuildFiles, vector: np.ndarray, sentences: np.ndarray) -> _ChunkVectors:
    spans = [(int(s), int(e)) for s, e in old.sentence_spans[sentences].tolist()]
    return _ChunkVectors(vector, spans, old.sentence_vectors[sentences])


def _chunk_vectors(
    plan: EmbedPlan, embedded: np.ndarray, old: BuildFiles | None
) -> list[_ChunkVectors]:
    """Each chunk's vectors, in row order: just embedded, or kept from the last build."""
    fresh = _fresh_vectors(plan, embedded)
    if old is None:
        return [fresh[c.id] for c in plan.chunks]
    old_vectors = old.vectors  # a view of the FAISS storage: taken once
    sentences = _sentences_by_chunk(old.sentence_chunk, len(old.chunks))

    def kept(row: int) -> _ChunkVectors:
        return _kept_vectors(old, old_vectors[row], sentences[row])

    return [fresh[c.id] if c.id in fresh else kept(plan.kept_rows[c.id]) for c in plan.chunks]


def assemble(
    plan: EmbedPlan, embedded: np.ndarray, old: BuildFiles | None, hnsw_threshold: int
) -> BuildFiles:
    """The build, without its manifest: `embedded` holds the vectors of `plan.texts`."""
    rows = _chunk_vectors(plan, embedded, old)
    vectors = np.vstack([r.vector for r in rows]).astype(np.float32)
    ids = np.array([vector_id(c.id) for c in plan.chunks], dtype=np.int64)
    return BuildFiles(
        manifest=None,
        chunks=plan.chunks,
        sentence_chunk=np.array(
            [row for row, r in enumerate(rows) for _ in r.spans], dtype=np.int32
        ),
        sentence_spans=np.array([s for r in rows for s in r.spans], dtype=np.int32).reshape(-1, 2),
        sentence_vectors=np.vstack([r.sentence_vectors for r in rows]).astype(np.float16),
        dense=DenseIndex.build(vectors, ids, DenseParams.for_size(len(rows), hnsw_threshold)),
        lexical=LexicalIndex.build([c.embed_text() for c in plan.chunks]),
        glossary=build_glossary(c.text for c in plan.chunks),
    )


@dataclass(frozen=True)
class BuildFacts:
    """What the build knows besides its files: inputs, skipped files and counts."""

    model: str
    chunking: dict[str, Any]
    digests: dict[str, str]
    skipped: list[Skipped]
    files: int
    duplicates: int
    truncated: int


def describe(
    files: BuildFiles, facts: BuildFacts, embedder: EmbedderRecord, built_at: datetime
) -> Manifest:
    per_file: dict[str, int] = {}
    for chunk in files.chunks:
        per_file[chunk.source] = per_file.get(chunk.source, 0) + 1
    counts = Counts(
        files=facts.files,
        chunks=len(files.chunks),
        sentences=len(files.sentence_chunk),
        duplicates=facts.duplicates,
        truncated=facts.truncated,
    )
    return Manifest(
        format=FORMAT_VERSION,
        model=facts.model,
        dim=int(files.vectors.shape[1]),
        chunking=facts.chunking,
        dense=files.dense.params,
        embedder=embedder,
        digests=facts.digests,
        chunks_per_file=per_file,
        skipped=tuple(facts.skipped),
        counts=counts,
        built_at=built_at,
    )
