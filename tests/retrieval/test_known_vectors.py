"""The committed vectors of the shipped notes: reused where texts match, ignored when they can't
be trusted, and kept in step with the shipped corpus."""

from pathlib import Path

import numpy as np

from retrieval import known_vectors
from retrieval.build import BuildOptions, build_index, embedding_texts
from retrieval.embed import DEFAULT_PRECISION, Embedder
from retrieval.index_store import load_current
from retrieval.known_vectors import KnownVectors, shipped_path
from tests.retrieval.conftest import MODEL
from tests.retrieval.fixtures import write_good_corpus

SHIPPED_CORPUS = Path(__file__).resolve().parents[2] / "corpus"


def options(root: Path, index_dir: Path, known_dir: Path | None) -> BuildOptions:
    return BuildOptions(roots=[root], index_dir=index_dir, model=MODEL, known_vectors_dir=known_dir)


def write_known(folder: Path, root: Path, embedder: Embedder, scratch: Path) -> list[str]:
    texts = embedding_texts(options(root, scratch, None), lambda _name: embedder)
    path = shipped_path(MODEL, DEFAULT_PRECISION, folder)
    known_vectors.write(path, texts, embedder.encode(texts), embedder)
    return texts


def dense_vectors(index_dir: Path) -> np.ndarray:
    _, files = load_current(index_dir)
    return files.sentence_vectors.astype(np.float32)


def test_a_build_takes_known_vectors_and_embeds_only_what_is_new(
    tmp_path: Path, embedder: Embedder
) -> None:
    root = write_good_corpus(tmp_path / "corpus")
    texts = write_known(tmp_path / "known", root, embedder, tmp_path / "scratch")
    fresh = build_index(
        options(root, tmp_path / "fresh", None), embedder_factory=lambda _n: embedder
    )
    reused = build_index(
        options(root, tmp_path / "reused", tmp_path / "known"), embedder_factory=lambda _n: embedder
    )
    assert fresh.known == 0 and reused.known == len(texts)
    assert np.allclose(
        dense_vectors(tmp_path / "fresh"), dense_vectors(tmp_path / "reused"), atol=2e-3
    )

    (root / "new-topic.md").write_text("# Ground Truth\n\nSageMaker Ground Truth labels data.\n")
    grown = build_index(
        options(root, tmp_path / "grown", tmp_path / "known"), embedder_factory=lambda _n: embedder
    )
    assert grown.known == len(texts)  # the new file's passage and sentence are embedded afresh


def test_vectors_from_another_model_are_ignored_whole(tmp_path: Path, embedder: Embedder) -> None:
    root = write_good_corpus(tmp_path / "corpus")
    write_known(tmp_path / "known", root, embedder, tmp_path / "scratch")
    path = shipped_path(MODEL, DEFAULT_PRECISION, tmp_path / "known")
    with np.load(path) as data:
        parts = dict(data)
    parts["probe_vectors"] = parts["probe_vectors"][:, ::-1].copy()  # what another model would give
    np.savez(path, **parts)
    report = build_index(
        options(root, tmp_path / "index", tmp_path / "known"), embedder_factory=lambda _n: embedder
    )
    assert report.known == 0 and report.chunks > 0


def test_an_unreadable_file_is_ignored_and_the_build_still_succeeds(
    tmp_path: Path, embedder: Embedder
) -> None:
    root = write_good_corpus(tmp_path / "corpus")
    path = shipped_path(MODEL, DEFAULT_PRECISION, tmp_path / "known")
    path.parent.mkdir()
    path.write_bytes(b"not an npz file")
    assert KnownVectors.load(path) is None
    report = build_index(
        options(root, tmp_path / "index", tmp_path / "known"), embedder_factory=lambda _n: embedder
    )
    assert report.known == 0 and report.chunks > 0


def test_the_committed_file_covers_the_shipped_corpus(tmp_path: Path, embedder: Embedder) -> None:
    """Fails when the notes or the chunking changed without `make vectors`."""
    known = KnownVectors.load(shipped_path(MODEL, DEFAULT_PRECISION))
    assert known is not None, "corpus/.vectors is missing: run `make vectors`"
    assert known.agrees_with(embedder)
    texts = embedding_texts(options(SHIPPED_CORPUS, tmp_path, None), lambda _name: embedder)
    _, _, missing = known.lookup(texts)
    assert not missing, (
        f"{len(missing)} of {len(texts)} texts of the shipped corpus have no committed vector "
        f"(first: {texts[missing[0]][:80]!r}); run `make vectors`"
    )
