"""`studybot index`: read, clean and chunk the corpus, embed what is new, write a build, swap it in.

Incremental: a manifest records each file's hash, the model, its ONNX export (precision and
hash) and the chunking parameters. With nothing changed the run ends before any model is loaded;
a changed file re-embeds only chunks whose id is new; a different model, precision or chunking
setting rebuilds everything. A build computes on every core (retrieval.threads).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Protocol

import numpy as np

from common.errors import StudybotError
from retrieval.chunk import (
    ChunkingParams,
    chunk_documents,
    count_truncated,
    dedupe,
    effective_limit,
)
from retrieval.dense import DEFAULT_HNSW_THRESHOLD, DenseIndex, DenseParams
from retrieval.documents import Chunk, Skipped, vector_id
from retrieval.embed import (
    DEFAULT_PRECISION,
    Embedder,
    EmbedderError,
    TokenCounter,
    load_embedder,
    load_tokenizer,
)
from retrieval.glossary import build_glossary
from retrieval.index_store import (
    FORMAT_VERSION,
    BuildFiles,
    build_lock,
    current_build,
    publish,
    read_manifest,
    staging_dir,
)
from retrieval.known_vectors import SHIPPED_DIR, KnownVectors, encode_with_known, shipped_path
from retrieval.lexical import LexicalIndex
from retrieval.load import SourceFile, discover, file_digest, read_corpus
from retrieval.sentences import sentence_spans
from retrieval.threads import all_cores


class BuildError(StudybotError, RuntimeError):
    """The index cannot be built as asked; the message says why and where."""


class EmbedProgress(Protocol):
    def start(self, total: int) -> None: ...

    def advance(self, count: int) -> None: ...


@dataclass(frozen=True)
class BuildOptions:
    roots: Sequence[Path]
    index_dir: Path
    model: str
    token_limit: int = 0
    strict: bool = False
    force: bool = False
    hnsw_threshold: int = DEFAULT_HNSW_THRESHOLD
    # Reuse vectors committed for the shipped notes (retrieval.known_vectors) where texts match.
    known_vectors_dir: Path | None = SHIPPED_DIR


@dataclass
class BuildReport:
    files: int = 0
    chunks: int = 0
    embedded: int = 0
    reused: int = 0
    known: int = 0  # texts whose vectors came from the committed shipped set
    duplicates: int = 0
    truncated: int = 0
    skipped: list[Skipped] = field(default_factory=list)
    seconds: float = 0.0
    up_to_date: bool = False
    index_type: str = ""
    build: Path | None = None

    @property
    def warnings(self) -> list[Skipped]:
        return [s for s in self.skipped if s.warning]


EmbedderFactory = Callable[[str], Embedder]


def build_index(
    options: BuildOptions,
    *,
    embedder_factory: EmbedderFactory | None = None,
    progress: EmbedProgress | None = None,
    now: Callable[[], datetime] = lambda: datetime.now(UTC),
) -> BuildReport:
    """Build or update the index; `embedder_factory` defaults to the ONNX model cached beside
    the index (exported on first use)."""
    with all_cores():
        return _build(options, embedder_factory or _default_factory(options), progress, now)


def _default_factory(options: BuildOptions) -> EmbedderFactory:
    return lambda name: load_embedder(name, options.index_dir)


def _build(
    options: BuildOptions,
    embedder_factory: EmbedderFactory,
    progress: EmbedProgress | None,
    now: Callable[[], datetime],
) -> BuildReport:
    started = time.perf_counter()
    files = discover(options.roots)
    digests = {f.source: file_digest(f.path) for f in files}
    params = ChunkingParams(options.model, options.token_limit).as_dict()
    with build_lock(options.index_dir):
        previous = read_manifest(options.index_dir)
        compatible = (
            previous is not None
            and previous["chunking"] == params
            and previous["embedder"]["precision"] == DEFAULT_PRECISION
        )
        if compatible and not options.force and previous["digests"] == digests:
            assert previous is not None
            return _up_to_date(previous, options, started)
        reuse = compatible and not options.force
        unchanged = {
            s for s in digests if reuse and previous and previous["digests"].get(s) == digests[s]
        }
        old = _previous_build(options.index_dir) if reuse else None
        report = BuildReport(files=len(files))
        chunks = _collect_chunks(files, unchanged, previous, old, options, embedder_factory, report)
        files_out, embedder = _embed_and_index(
            chunks, old, options, embedder_factory, progress, report
        )
        files_out.manifest = _manifest(options, params, digests, chunks, report, now(), files_out)
        files_out.manifest["embedder"] = (
            _embedder_record(embedder) if embedder is not None else old.manifest["embedder"]  # type: ignore[union-attr]
        )
        with staging_dir(options.index_dir) as staging:
            files_out.write(staging)
            report.build = publish(options.index_dir, staging)
    report.seconds = time.perf_counter() - started
    return report


def _embedder_record(embedder: Embedder) -> dict[str, Any]:
    """What made the vectors: the runtime, precision and the hash of the ONNX file."""
    return {
        "runtime": "onnxruntime" if hasattr(embedder, "sha256") else type(embedder).__name__,
        "precision": getattr(embedder, "precision", "fp32"),
        "onnx_sha256": getattr(embedder, "sha256", None),
    }


def _up_to_date(manifest: dict[str, Any], options: BuildOptions, started: float) -> BuildReport:
    skipped = [Skipped(**s) for s in manifest["skipped"]]
    if options.strict and any(s.warning for s in skipped):
        raise BuildError(_strict_message(skipped))
    counts = manifest["counts"]
    return BuildReport(
        files=counts["files"],
        chunks=counts["chunks"],
        duplicates=counts["duplicates"],
        skipped=skipped,
        up_to_date=True,
        index_type=manifest["dense"]["kind"],
        build=current_build(options.index_dir),
        seconds=time.perf_counter() - started,
    )


def _previous_build(index_dir: Path) -> BuildFiles | None:
    build = current_build(index_dir)
    return BuildFiles.read(build) if build is not None else None


def _strict_message(skipped: list[Skipped]) -> str:
    lines = "\n".join(f"  {s}" for s in skipped if s.warning)
    return f"--strict: {sum(s.warning for s in skipped)} file(s) could not be indexed:\n{lines}"


def _token_counter(model: str, embedder_factory: EmbedderFactory) -> TokenCounter:
    try:
        return load_tokenizer(model)
    except EmbedderError:
        return embedder_factory(model)  # a hub model: its tokenizer comes with it


def _collect_chunks(
    files: list[SourceFile],
    unchanged: set[str],
    previous: dict[str, Any] | None,
    old: BuildFiles | None,
    options: BuildOptions,
    embedder_factory: EmbedderFactory,
    report: BuildReport,
) -> list[Chunk]:
    documents, skipped = read_corpus(f for f in files if f.source not in unchanged)
    if previous is not None:
        skipped += [Skipped(**s) for s in previous["skipped"] if s["source"] in unchanged]
    report.skipped = sorted(skipped, key=lambda s: s.source)
    if options.strict and report.warnings:
        raise BuildError(_strict_message(report.skipped))
    counter = _token_counter(options.model, embedder_factory)
    limit = effective_limit(ChunkingParams(options.model, options.token_limit), counter)
    old_by_source: dict[str, list[Chunk]] = {}
    for chunk in old.chunks if old else []:
        old_by_source.setdefault(chunk.source, []).append(chunk)
    collected: list[Chunk] = []
    for file in files:
        if file.source in documents:
            collected.extend(chunk_documents(documents[file.source], counter, limit))
        elif file.source in unchanged:
            collected.extend(old_by_source.get(file.source, []))
    chunks, report.duplicates = dedupe(collected)
    if not chunks:
        roots = ", ".join(str(r) for r in options.roots)
        raise BuildError(f"no notes to index in {roots} ({len(report.skipped)} file(s) skipped)")
    report.chunks = len(chunks)
    report.truncated = count_truncated(chunks, counter, limit)
    return chunks


def _sentence_text(chunk: Chunk, span: tuple[int, int]) -> str:
    sentence = chunk.text[span[0] : span[1]]
    return (
        f"{chunk.heading[-1]}: {sentence}" if chunk.kind == "note" and chunk.heading else sentence
    )


def _spans(chunk: Chunk) -> list[tuple[int, int]]:
    return sentence_spans(chunk.text) or [(0, len(chunk.text))]


def _texts_to_embed(fresh: list[Chunk], spans: dict[str, list[tuple[int, int]]]) -> list[str]:
    """Each fresh chunk's text, then each of its sentences: the rows `_embed_and_index` reads."""
    texts = [c.embed_text() for c in fresh]
    return texts + [_sentence_text(c, span) for c in fresh for span in spans[c.id]]


def embedding_texts(options: BuildOptions, embedder_factory: EmbedderFactory) -> list[str]:
    """Every text a fresh build of `options.roots` embeds (for retrieval.known_vectors)."""
    files = discover(options.roots)
    chunks = _collect_chunks(files, set(), None, None, options, embedder_factory, BuildReport())
    return _texts_to_embed(chunks, {c.id: _spans(c) for c in chunks})


def _embed_and_index(
    chunks: list[Chunk],
    old: BuildFiles | None,
    options: BuildOptions,
    embedder_factory: EmbedderFactory,
    progress: EmbedProgress | None,
    report: BuildReport,
) -> tuple[BuildFiles, Embedder | None]:
    old_rows = {c.id: i for i, c in enumerate(old.chunks)} if old else {}
    fresh = [c for c in chunks if c.id not in old_rows]
    fresh_spans = {c.id: _spans(c) for c in fresh}
    texts = _texts_to_embed(fresh, fresh_spans)
    new_vectors = np.zeros((0, 0), dtype=np.float32)
    embedder = None
    if fresh:
        embedder = embedder_factory(options.model)
        known = None
        if options.known_vectors_dir is not None:
            known = KnownVectors.load(
                shipped_path(options.model, DEFAULT_PRECISION, options.known_vectors_dir)
            )
        new_vectors, report.known = encode_with_known(embedder, texts, known, progress)
    dim = new_vectors.shape[1] if fresh else old.vectors.shape[1]  # type: ignore[union-attr]
    report.embedded, report.reused = len(fresh), len(chunks) - len(fresh)

    vectors = np.zeros((len(chunks), dim), dtype=np.float32)
    old_vectors = old.vectors if old is not None else None
    sentence_rows: list[int] = []
    spans: list[tuple[int, int]] = []
    sentence_vectors: list[np.ndarray] = []
    fresh_row = {c.id: i for i, c in enumerate(fresh)}
    cursor = len(fresh)
    fresh_sentence_start: dict[str, int] = {}
    for c in fresh:
        fresh_sentence_start[c.id] = cursor
        cursor += len(fresh_spans[c.id])
    for row, chunk in enumerate(chunks):
        if chunk.id in fresh_row:
            vectors[row] = new_vectors[fresh_row[chunk.id]]
            chunk_spans = fresh_spans[chunk.id]
            first = fresh_sentence_start[chunk.id]
            chunk_sentence_vectors = new_vectors[first : first + len(chunk_spans)]
        else:
            assert old is not None
            old_row = old_rows[chunk.id]
            vectors[row] = old_vectors[old_row]  # type: ignore[index]
            mask = old.sentence_chunk == old_row
            chunk_spans = [tuple(s) for s in old.sentence_spans[mask].tolist()]  # type: ignore[misc]
            chunk_sentence_vectors = old.sentence_vectors[mask]
        sentence_rows.extend([row] * len(chunk_spans))
        spans.extend(chunk_spans)
        sentence_vectors.append(chunk_sentence_vectors)

    ids = np.array([vector_id(c.id) for c in chunks], dtype=np.int64)
    dense_params = DenseParams.for_size(len(chunks), options.hnsw_threshold)
    report.index_type = dense_params.kind
    files = BuildFiles(
        manifest={},
        chunks=chunks,
        sentence_chunk=np.array(sentence_rows, dtype=np.int32),
        sentence_spans=np.array(spans, dtype=np.int32).reshape(-1, 2),
        sentence_vectors=np.vstack(sentence_vectors).astype(np.float16),
        dense=DenseIndex.build(vectors, ids, dense_params),
        lexical=LexicalIndex.build([c.embed_text() for c in chunks]),
        glossary=build_glossary(c.text for c in chunks),
    )
    return files, embedder


def _manifest(
    options: BuildOptions,
    params: dict[str, object],
    digests: dict[str, str],
    chunks: list[Chunk],
    report: BuildReport,
    built_at: datetime,
    files: BuildFiles,
) -> dict[str, Any]:
    per_file: dict[str, int] = {}
    for chunk in chunks:
        per_file[chunk.source] = per_file.get(chunk.source, 0) + 1
    return {
        "format": FORMAT_VERSION,
        "model": options.model,
        "dim": int(files.vectors.shape[1]),
        "chunking": params,
        "dense": files.dense.params.as_dict(),
        "digests": digests,
        "chunks_per_file": per_file,
        "skipped": [
            {"source": s.source, "reason": s.reason, "warning": s.warning} for s in report.skipped
        ],
        "counts": {
            "files": report.files,
            "chunks": len(chunks),
            "sentences": len(files.sentence_chunk),
            "duplicates": report.duplicates,
            "truncated": report.truncated,
        },
        "built_at": built_at.isoformat(),
    }
