"""`studybot index`: read, clean and chunk the corpus, embed what is new, write a build, swap it in.

Incremental: a manifest records each file's hash, the model, its ONNX export (precision and
hash) and the chunking parameters. With nothing changed the run ends before any model is loaded;
a changed file re-embeds only chunks whose id is new; a different model, precision or chunking
setting rebuilds everything. A build computes on every core (retrieval.threads).

The steps: plan which files to re-read (pure, retrieval.build_plan) -> read and chunk them ->
plan what to embed (pure) -> embed (I/O) -> assemble the build and its manifest (pure) -> write.
"""

from __future__ import annotations

import functools
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, Protocol

import numpy as np

from common.clock import utc_now
from common.errors import StudybotError
from retrieval.build_plan import (
    BuildFacts,
    EmbedPlan,
    assemble,
    describe,
    plan_embedding,
    plan_sources,
)
from retrieval.chunk import (
    ChunkingParams,
    chunk_documents,
    count_truncated,
    dedupe,
    effective_limit,
)
from retrieval.dense import DEFAULT_HNSW_THRESHOLD
from retrieval.documents import Chunk, Skipped
from retrieval.embed import (
    DEFAULT_PRECISION,
    Embedder,
    EmbedderError,
    TokenCounter,
    load_embedder,
    load_tokenizer,
)
from retrieval.index_store import (
    BuildFiles,
    build_lock,
    current_build,
    publish,
    read_manifest,
    staging_dir,
)
from retrieval.known_vectors import SHIPPED_DIR, KnownVectors, encode_with_known, shipped_path
from retrieval.load import SourceFile, discover, file_digest, read_corpus
from retrieval.manifest import EmbedderRecord, Manifest
from retrieval.scatter import section_check
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
    now: Callable[[], datetime] = utc_now,
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
    embedder_factory = functools.cache(embedder_factory)  # chunking and embedding share one load
    known = _known_loader(options)  # and one read of the committed vectors
    files = discover(options.roots)
    digests = {f.source: file_digest(f.path) for f in files}
    chunking = ChunkingParams(options.model, options.token_limit).as_dict()
    with build_lock(options.index_dir):
        previous = read_manifest(options.index_dir)
        sources = plan_sources(digests, chunking, DEFAULT_PRECISION, previous, force=options.force)
        if sources.up_to_date:
            assert previous is not None
            return _up_to_date(previous, options, started)
        old = _previous_build(options.index_dir) if sources.reuse else None
        report = BuildReport(files=len(files))
        chunks = _collect_chunks(
            files, sources.unchanged, previous, old, options, embedder_factory, known, report
        )
        plan = plan_embedding(chunks, old)
        vectors, embedder = _embed(plan, options, embedder_factory, known, progress, report)
        built = assemble(plan, vectors, old, options.hnsw_threshold)
        facts = _facts(options, chunking, digests, report)
        built.manifest = describe(built, facts, embedder or _kept_embedder(old), now())
        report.index_type = built.dense.params.kind
        with staging_dir(options.index_dir) as staging:
            built.write(staging)
            report.build = publish(options.index_dir, staging)
    report.seconds = time.perf_counter() - started
    return report


def _kept_embedder(old: BuildFiles | None) -> EmbedderRecord:
    """With nothing new to embed, every vector is the last build's: so is the record of them."""
    assert old is not None and old.manifest is not None, "no chunk is new, so a build is kept"
    return old.manifest.embedder


def _facts(
    options: BuildOptions, chunking: dict[str, Any], digests: dict[str, str], report: BuildReport
) -> BuildFacts:
    return BuildFacts(
        model=options.model,
        chunking=chunking,
        digests=digests,
        skipped=report.skipped,
        files=report.files,
        duplicates=report.duplicates,
        truncated=report.truncated,
    )


def _embedder_record(embedder: Embedder) -> EmbedderRecord:
    """What made the vectors: the runtime, precision and the hash of the ONNX file."""
    return EmbedderRecord(
        runtime="onnxruntime" if hasattr(embedder, "sha256") else type(embedder).__name__,
        precision=getattr(embedder, "precision", "fp32"),
        onnx_sha256=getattr(embedder, "sha256", None),
    )


def _up_to_date(manifest: Manifest, options: BuildOptions, started: float) -> BuildReport:
    skipped = list(manifest.skipped)
    if options.strict and any(s.warning for s in skipped):
        raise BuildError(_strict_message(skipped))
    return BuildReport(
        files=manifest.counts.files,
        chunks=manifest.counts.chunks,
        duplicates=manifest.counts.duplicates,
        skipped=skipped,
        up_to_date=True,
        index_type=manifest.dense.kind,
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


KnownLoader = Callable[[], KnownVectors | None]


def _known_loader(options: BuildOptions) -> KnownLoader:
    """The vectors committed for the shipped notes, for this model (None when not wanted), read
    the first time a step of the build asks and kept for the rest of it."""

    def load() -> KnownVectors | None:
        if options.known_vectors_dir is None:
            return None
        return KnownVectors.load(
            shipped_path(options.model, DEFAULT_PRECISION, options.known_vectors_dir)
        )

    return functools.cache(load)


def _encoder(
    options: BuildOptions, embedder_factory: EmbedderFactory, known: KnownLoader
) -> Callable[[list[str]], np.ndarray]:
    """Encodes a section's sentences for the chunker's catch-all test (retrieval/scatter.py):
    from the vectors committed for the shipped notes when it has them all (a first `make run`
    then embeds nothing here), else with the model, loaded the first time it is needed."""

    def encode(texts: list[str]) -> np.ndarray:
        stored = known()
        if stored is not None:
            _found, vectors, missing = stored.lookup(texts)
            if not missing:
                return vectors
        return embedder_factory(options.model).encode(texts)

    return encode


def _collect_chunks(
    files: list[SourceFile],
    unchanged: frozenset[str],
    previous: Manifest | None,
    old: BuildFiles | None,
    options: BuildOptions,
    embedder_factory: EmbedderFactory,
    known: KnownLoader,
    report: BuildReport,
) -> list[Chunk]:
    documents, skipped = read_corpus(f for f in files if f.source not in unchanged)
    if previous is not None:
        skipped += [s for s in previous.skipped if s.source in unchanged]
    report.skipped = sorted(skipped, key=lambda s: s.source)
    if options.strict and report.warnings:
        raise BuildError(_strict_message(report.skipped))
    counter = _token_counter(options.model, embedder_factory)
    limit = effective_limit(ChunkingParams(options.model, options.token_limit), counter)
    scattered = section_check(_encoder(options, embedder_factory, known))
    old_by_source: dict[str, list[Chunk]] = {}
    for chunk in old.chunks if old else []:
        old_by_source.setdefault(chunk.source, []).append(chunk)
    collected: list[Chunk] = []
    for file in files:
        if file.source in documents:
            collected.extend(
                chunk_documents(documents[file.source], counter, limit, scattered=scattered)
            )
        elif file.source in unchanged:
            collected.extend(old_by_source.get(file.source, []))
    chunks, report.duplicates = dedupe(collected)
    if not chunks:
        roots = ", ".join(str(r) for r in options.roots)
        raise BuildError(f"no notes to index in {roots} ({len(report.skipped)} file(s) skipped)")
    report.chunks = len(chunks)
    report.truncated = count_truncated(chunks, counter, limit)
    return chunks


def embedding_texts(options: BuildOptions, embedder_factory: EmbedderFactory) -> list[str]:
    """Every text a fresh build of `options.roots` embeds (for retrieval.known_vectors)."""
    files = discover(options.roots)
    chunks = _collect_chunks(
        files,
        frozenset(),
        None,
        None,
        options,
        embedder_factory,
        _known_loader(options),
        BuildReport(),
    )
    return plan_embedding(chunks, None).texts


def _embed(
    plan: EmbedPlan,
    options: BuildOptions,
    embedder_factory: EmbedderFactory,
    known: KnownLoader,
    progress: EmbedProgress | None,
    report: BuildReport,
) -> tuple[np.ndarray, EmbedderRecord | None]:
    """The vectors of `plan.texts`, and what made them (None: nothing was new)."""
    report.embedded, report.reused = len(plan.fresh), plan.kept
    if not plan.fresh:
        return np.zeros((0, 0), dtype=np.float32), None
    embedder = embedder_factory(options.model)
    vectors, report.known = encode_with_known(embedder, plan.texts, known(), progress)
    return vectors, _embedder_record(embedder)
