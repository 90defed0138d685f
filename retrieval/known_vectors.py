"""Vectors computed once for the shipped notes and committed beside them (`corpus/.vectors/`).

A first `studybot index` of the shipped corpus would otherwise embed about five thousand texts
(every passage and every sentence), which is most of a minute on two cores. The build looks each
text up here by the SHA-256 of its exact text and embeds only the ones it does not find, so a
team's own notes, an edited note or a new chunking setting still get fresh vectors for what
changed and nothing else.

The file is trusted only when the model loaded now reproduces its probe vectors: a different
model, precision or export gives different probes and the file is ignored as a whole. Vectors are
stored as float16 (the index keeps sentence vectors in float16 already); a cosine moves by less
than 1e-3. `python -m retrieval.known_vectors` (`make vectors`) rewrites the file from the shipped
corpus; a test fails when it no longer covers the shipped corpus.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

import numpy as np
import structlog

from retrieval.embed import Embedder

log = structlog.get_logger(__name__)

SHIPPED_DIR = Path(__file__).resolve().parents[1] / "corpus" / ".vectors"
# Largest difference allowed between a probe embedded now and the one stored (fp32 both): the
# same export on another CPU differs by ~1e-6; another model or precision by far more than this.
PROBE_TOLERANCE = 1e-3
PROBE_COUNT = 4
SHIPPED_MODEL = "all-MiniLM-L6-v2"  # the model `make run` indexes the shipped notes with


def text_key(text: str) -> bytes:
    return hashlib.sha256(text.encode("utf-8")).digest()


def shipped_path(model_name: str, precision: str, folder: Path = SHIPPED_DIR) -> Path:
    """Where the vectors for this model and precision are kept (named like the ONNX export)."""
    slug = "".join(c if c.isalnum() else "-" for c in model_name.strip().lower()).strip("-")
    return folder / f"{slug or 'model'}-{precision}.npz"


class Progress(Protocol):
    def start(self, total: int) -> None: ...

    def advance(self, count: int) -> None: ...


@dataclass(frozen=True)
class KnownVectors:
    rows: dict[bytes, int]
    vectors: np.ndarray  # float16, one row per known text
    probes: list[str]
    probe_vectors: np.ndarray  # float32

    @classmethod
    def load(cls, path: Path) -> KnownVectors | None:
        """The file's vectors, or None when it is missing or unreadable (then all is embedded)."""
        if not path.is_file():
            return None
        try:
            with np.load(path, allow_pickle=False) as data:
                keys = data["keys"]
                vectors = data["vectors"]
                probes = [str(p) for p in data["probes"]]
                probe_vectors = data["probe_vectors"].astype(np.float32)
        except (OSError, ValueError, KeyError) as exc:
            log.warning(
                "known vectors unreadable, embedding everything", path=str(path), error=str(exc)
            )
            return None
        if keys.ndim != 2 or keys.shape[1] != 32 or len(keys) != len(vectors):
            log.warning("known vectors malformed, embedding everything", path=str(path))
            return None
        rows = {bytes(k): i for i, k in enumerate(keys)}
        return cls(rows=rows, vectors=vectors, probes=probes, probe_vectors=probe_vectors)

    def agrees_with(self, embedder: Embedder) -> bool:
        """True when `embedder` reproduces the stored probe vectors (same model and export)."""
        if not self.probes or embedder.dim != self.vectors.shape[1]:
            return False
        now = embedder.encode(self.probes)
        return float(np.max(np.abs(now - self.probe_vectors))) <= PROBE_TOLERANCE

    def lookup(self, texts: Sequence[str]) -> tuple[list[int], np.ndarray, list[int]]:
        """(positions found, their float32 vectors, positions missing) for `texts`."""
        found: list[int] = []
        rows: list[int] = []
        missing: list[int] = []
        for i, text in enumerate(texts):
            row = self.rows.get(text_key(text))
            if row is None:
                missing.append(i)
            else:
                found.append(i)
                rows.append(row)
        return found, self.vectors[rows].astype(np.float32), missing


def encode_with_known(
    embedder: Embedder,
    texts: Sequence[str],
    known: KnownVectors | None,
    progress: Progress | None = None,
) -> tuple[np.ndarray, int]:
    """Vectors for `texts` (float32, one row each) and how many came from `known`.

    `progress` gets `start(total)` with the count still to embed and `advance(n)` as it goes."""
    if known is not None and not known.agrees_with(embedder):
        log.info("known vectors come from another model or export: embedding everything")
        known = None
    found, found_vectors, missing = (
        known.lookup(texts) if known is not None else ([], None, list(range(len(texts))))
    )
    if progress is not None:
        progress.start(len(missing))
    out = np.empty((len(texts), embedder.dim), dtype=np.float32)
    if found:
        out[found] = found_vectors
    if missing:
        advance = progress.advance if progress is not None else None
        out[missing] = embedder.encode([texts[i] for i in missing], progress=advance)
    return out, len(found)


def write(path: Path, texts: Sequence[str], vectors: np.ndarray, embedder: Embedder) -> None:
    """Write the file atomically: each distinct text once, plus probes from the first texts."""
    seen: dict[bytes, int] = {}
    for i, text in enumerate(texts):
        seen.setdefault(text_key(text), i)
    order = sorted(seen.values())
    keys = np.frombuffer(b"".join(text_key(texts[i]) for i in order), dtype=np.uint8)
    probes = [texts[i] for i in order[:PROBE_COUNT]]
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".npz")
    try:
        with os.fdopen(fd, "wb") as out:
            np.savez(
                out,
                keys=keys.reshape(-1, 32),
                vectors=vectors[order].astype(np.float16),
                probes=np.array(probes),
                probe_vectors=embedder.encode(probes).astype(np.float32),
            )
        os.chmod(tmp, 0o644)  # mkstemp's 0600 would hide it from other users of a shared checkout
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def main() -> None:
    """`python -m retrieval.known_vectors`: embed the shipped corpus with the default model and
    rewrite its committed vectors (run after changing the notes or the chunking)."""
    import time

    from retrieval.build import BuildOptions, embedding_texts
    from retrieval.embed import DEFAULT_PRECISION, load_embedder

    started = time.perf_counter()
    corpus = SHIPPED_DIR.parent
    with tempfile.TemporaryDirectory() as scratch:
        embedder = load_embedder(SHIPPED_MODEL, Path(scratch))
        options = BuildOptions(roots=[corpus], index_dir=Path(scratch), model=SHIPPED_MODEL)
        texts = embedding_texts(options, lambda _name: embedder)
        vectors = embedder.encode(texts)
        path = shipped_path(SHIPPED_MODEL, DEFAULT_PRECISION)
        write(path, texts, vectors, embedder)
    seconds = time.perf_counter() - started
    print(f"{len(texts)} texts of {corpus} embedded into {path} in {seconds:.1f} s")


if __name__ == "__main__":
    main()
