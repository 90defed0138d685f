"""The on-disk index: each build in its own folder, made live by atomically rewriting a
CURRENT pointer, so a reader always sees a complete build and a crash leaves the last one live.

    index/CURRENT                  name of the live build
    index/builds/<name>/           manifest.json, chunks.jsonl, dense.faiss (the passage
                                   vectors' only copy), sentences.npz (which passage, where),
                                   sentence_vectors.npy (float16, memory-mapped), bm25/,
                                   glossary.json
    index/models/                  the embedding model's ONNX export (retrieval.embed)
"""

from __future__ import annotations

import fcntl
import json
import os
import shutil
import time
import uuid
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

import numpy as np

from common.errors import StudybotError
from retrieval.dense import DenseIndex
from retrieval.documents import Chunk
from retrieval.lexical import LexicalIndex
from retrieval.manifest import Manifest
from retrieval.scatter import is_scattered, mean_pair_cosine

KEEP_BUILDS = 2


class IndexMissingError(StudybotError, FileNotFoundError):
    """No index has been built in this data dir yet."""


class IndexOutdatedError(IndexMissingError):
    """The live build was written in another format: it must be rebuilt before it is read."""


def write_json_atomic(path: Path, data: Any) -> None:
    tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex}.tmp")
    with tmp.open("w", encoding="utf-8") as handle:
        json.dump(data, handle, ensure_ascii=False, indent=1)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(tmp, path)


def current_build(index_dir: Path) -> Path | None:
    pointer = index_dir / "CURRENT"
    if not pointer.is_file():
        return None
    build = index_dir / "builds" / pointer.read_text().strip()
    return build if (build / "manifest.json").is_file() else None


def read_manifest(index_dir: Path) -> Manifest | None:
    """The live build's manifest; None when there is none or it is of another format."""
    build = current_build(index_dir)
    return _manifest_in(build) if build is not None else None


def _manifest_in(build: Path) -> Manifest | None:
    return Manifest.from_json(json.loads((build / "manifest.json").read_text()))


@contextmanager
def build_lock(index_dir: Path) -> Iterator[None]:
    """One build at a time per data dir (another process waits for the first to finish)."""
    index_dir.mkdir(parents=True, exist_ok=True)
    with (index_dir / ".lock").open("w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


@contextmanager
def staging_dir(index_dir: Path) -> Iterator[Path]:
    """A fresh folder to write a build into; removed if the build fails before `publish`."""
    builds = index_dir / "builds"
    builds.mkdir(parents=True, exist_ok=True)
    for stale in builds.glob(".staging-*"):  # left by a build that died
        shutil.rmtree(stale, ignore_errors=True)
    staging = builds / f".staging-{uuid.uuid4().hex}"
    staging.mkdir()
    try:
        yield staging
    finally:
        if staging.exists():
            shutil.rmtree(staging, ignore_errors=True)


def publish(index_dir: Path, staging: Path) -> Path:
    """Make a finished build live: rename it into place, then swap the pointer atomically."""
    name = time.strftime("%Y%m%dT%H%M%S") + f"-{uuid.uuid4().hex[:6]}"
    final = staging.parent / name
    os.replace(staging, final)
    pointer_tmp = index_dir / f".CURRENT.{uuid.uuid4().hex}.tmp"
    pointer_tmp.write_text(name)
    os.replace(pointer_tmp, index_dir / "CURRENT")
    _prune(index_dir, keep=name)
    return final


def _prune(index_dir: Path, keep: str) -> None:
    builds = sorted(
        (p for p in (index_dir / "builds").iterdir() if p.is_dir() and not p.name.startswith(".")),
        key=lambda p: p.name,
    )
    for old in builds[:-KEEP_BUILDS]:
        if old.name != keep:
            shutil.rmtree(old, ignore_errors=True)


@dataclass
class BuildFiles:
    """Everything a build writes, in memory."""

    manifest: Manifest | None  # None: an index built in memory only (benchmarks), never written
    chunks: list[Chunk]
    sentence_chunk: np.ndarray  # chunk row of each sentence
    sentence_spans: np.ndarray  # (start, end) of each sentence in its chunk's text
    # float16: half the bytes, and the answers on the dev questions do not move (bench/retrieval).
    sentence_vectors: np.ndarray
    dense: DenseIndex
    lexical: LexicalIndex
    glossary: dict[str, str]

    @property
    def vectors(self) -> np.ndarray:
        """The passage vectors, one row per chunk: a view of the FAISS index, not a copy."""
        return self.dense.vectors()

    def sentence_rows(self, chunk_row: int) -> np.ndarray:
        """The sentence rows of one chunk, in order. A build writes each chunk's sentences
        together, in chunk order, so they are one slice: no pass over every sentence."""
        bounds = self._sentence_bounds
        return np.arange(bounds[chunk_row], bounds[chunk_row + 1])

    def sentence_text(self, row: int) -> str:
        """Sentence `row` as its passage holds it (list markers and line breaks included)."""
        start, end = self.sentence_spans[row].tolist()
        return self.chunks[int(self.sentence_chunk[row])].text[start:end]

    def row_before(self, row: int) -> int | None:
        """The sentence right before `row` in the same passage; None for a passage's first."""
        before = row - 1
        if before < 0 or self.sentence_chunk[before] != self.sentence_chunk[row]:
            return None
        return before

    def sentence_count(self, chunk_row: int) -> int:
        """How many sentences one chunk has (no sentence is read)."""
        bounds = self._sentence_bounds
        return int(bounds[chunk_row + 1] - bounds[chunk_row])

    def sentence_similarity(self, chunk_row: int) -> float:
        """The mean cosine of two different sentences of one chunk: how far its lines speak of
        one thing. 1.0 for a chunk of fewer than two sentences (nothing to tell apart)."""
        return mean_pair_cosine(self.sentence_vectors[self.sentence_rows(chunk_row)])

    def sentences_scattered(self, chunk_rows: Sequence[int]) -> bool:
        """Whether the sentences of these chunks (one section's windows) together are a long
        list of lines about different things (retrieval/scatter.py)."""
        rows = np.concatenate([self.sentence_rows(row) for row in chunk_rows])
        return is_scattered(self.sentence_vectors[rows])

    def best_sentence_cosines(self, chunk_rows: list[int], vector: np.ndarray) -> np.ndarray:
        """Per chunk row, the highest cosine of one of its sentences with the unit `vector`;
        -1 for a chunk of fewer than two sentences (its own vector already says it). Reads only
        those chunks' sentence vectors: one slice each, gathered in one step."""
        bounds = self._sentence_bounds
        rows = np.asarray(chunk_rows, dtype=np.int64)
        starts, ends = bounds[rows], bounds[rows + 1]
        counts = np.where(ends - starts >= 2, ends - starts, 0)
        best = np.full(len(rows), -1.0, dtype=np.float32)
        total = int(counts.sum())
        if total == 0:
            return best
        offsets = np.cumsum(counts) - counts
        gathered = np.repeat(starts - offsets, counts) + np.arange(total)
        cosines = self.sentence_vectors[gathered].astype(np.float32) @ vector.astype(np.float32)
        held = counts > 0
        best[held] = np.maximum.reduceat(cosines, offsets[held])
        return best

    @cached_property
    def _sentence_bounds(self) -> np.ndarray:
        rows = self.sentence_chunk
        if rows.size and bool(np.any(rows[1:] < rows[:-1])):
            raise IndexOutdatedError("the sentences are not in chunk order: run `studybot index`")
        return np.searchsorted(rows, np.arange(len(self.chunks) + 1))

    def write(self, folder: Path) -> None:
        with (folder / "chunks.jsonl").open("w", encoding="utf-8") as handle:
            for chunk in self.chunks:
                handle.write(json.dumps(chunk.to_json(), ensure_ascii=False) + "\n")
        np.savez(folder / "sentences.npz", chunk=self.sentence_chunk, spans=self.sentence_spans)
        np.save(folder / "sentence_vectors.npy", self.sentence_vectors.astype(np.float16))
        self.dense.save(folder / "dense.faiss")
        (folder / "bm25").mkdir()
        self.lexical.save(folder / "bm25")
        (folder / "glossary.json").write_text(json.dumps(self.glossary, indent=1, sort_keys=True))
        # The manifest goes last: a folder with a manifest is a complete build.
        if self.manifest is None:
            raise ValueError("a build without a manifest cannot be written")
        write_json_atomic(folder / "manifest.json", self.manifest.to_json())

    @classmethod
    def read(cls, folder: Path) -> BuildFiles:
        manifest = _manifest_in(folder)
        if manifest is None:
            raise IndexOutdatedError(
                f"the index in {folder} was written by another version of studybot: "
                "run `studybot index` to rebuild it"
            )
        with (folder / "chunks.jsonl").open(encoding="utf-8") as handle:
            chunks = [Chunk.from_json(json.loads(line)) for line in handle if line.strip()]
        sentences = np.load(folder / "sentences.npz")
        return cls(
            manifest=manifest,
            chunks=chunks,
            sentence_chunk=sentences["chunk"],
            sentence_spans=sentences["spans"],
            # Mapped, not read: only the sentences of the passages an answer quotes are paged in.
            sentence_vectors=np.load(folder / "sentence_vectors.npy", mmap_mode="r"),
            dense=DenseIndex.load(folder / "dense.faiss", manifest.dense),
            lexical=LexicalIndex.load(folder / "bm25"),
            glossary=json.loads((folder / "glossary.json").read_text()),
        )


def load_current(index_dir: Path) -> tuple[Path, BuildFiles]:
    build = current_build(index_dir)
    if build is None:
        raise IndexMissingError(f"no index in {index_dir}: run `studybot index` first")
    return build, BuildFiles.read(build)
