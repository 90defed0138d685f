import json
import shutil
from pathlib import Path

import numpy as np
import pytest

from retrieval import index_store
from retrieval.build import BuildError, BuildOptions, build_index
from retrieval.embed import DEFAULT_PRECISION, load_tokenizer
from retrieval.index_store import BuildFiles, current_build, load_current
from retrieval.onnx_export import model_sha256
from tests.retrieval.conftest import MODEL
from tests.retrieval.fixtures import write_bad_files, write_good_corpus

RESIDUE = ("How well did you know this", "Perfectly", "min read", "Responses (", "Pat Writer")


def never_load(_name: str):  # type: ignore[no-untyped-def]
    raise AssertionError("the model must not be loaded")


def test_build_writes_clean_chunks_with_all_fields(tmp_path: Path, build) -> None:  # type: ignore[no-untyped-def]
    root = write_good_corpus(tmp_path / "corpus")
    report = build([root], tmp_path / "index")
    assert report.truncated == 0 and report.warnings == [] and report.index_type == "flat"
    _, files = load_current(tmp_path / "index")
    assert report.chunks == len(files.chunks) == files.dense.size
    kinds = {c.kind for c in files.chunks}
    assert kinds == {"note", "flashcard"}
    for chunk in files.chunks:
        assert chunk.id and chunk.source and chunk.end > chunk.start
        assert not any(r in chunk.text for r in RESIDUE), chunk.text
    texts = [c.text for c in files.chunks]
    assert len(texts) == len(set(texts))
    tokenizer = load_tokenizer(MODEL)
    assert all(tokenizer.count_tokens(c.embed_text()) <= 254 for c in files.chunks)
    assert files.manifest["dense"] == {"kind": "flat"}
    assert files.glossary["rcf"] == "Random Cut Forest"


def test_unchanged_corpus_finishes_without_loading_the_model(tmp_path: Path, build) -> None:  # type: ignore[no-untyped-def]
    root = write_good_corpus(tmp_path / "corpus")
    build([root], tmp_path / "index")
    report = build_index(
        BuildOptions(roots=[root], index_dir=tmp_path / "index", model=MODEL),
        embedder_factory=never_load,
    )
    assert report.up_to_date and report.seconds < 2


def test_one_changed_file_reembeds_only_its_chunks(tmp_path: Path, build) -> None:  # type: ignore[no-untyped-def]
    root = write_good_corpus(tmp_path / "corpus")
    first = build([root], tmp_path / "index")
    md = root / "imbalance.md"
    md.write_text(md.read_text().replace("It is cheap", "It is fast and cheap"))
    second = build([root], tmp_path / "index")
    assert second.embedded == 1
    assert second.reused == first.chunks - 1 and second.chunks == first.chunks


def test_removed_file_drops_its_chunks_without_embedding(tmp_path: Path, build) -> None:  # type: ignore[no-untyped-def]
    root = write_good_corpus(tmp_path / "corpus")
    build([root], tmp_path / "index")
    (root / "athena.html").unlink()
    report = build_index(
        BuildOptions(roots=[root], index_dir=tmp_path / "index", model=MODEL),
        embedder_factory=never_load,
    )
    _, files = load_current(tmp_path / "index")
    assert report.embedded == 0 and all(c.source != "athena.html" for c in files.chunks)


def test_a_different_chunking_setting_rebuilds_everything(tmp_path: Path, build) -> None:  # type: ignore[no-untyped-def]
    root = write_good_corpus(tmp_path / "corpus")
    build([root], tmp_path / "index")
    report = build([root], tmp_path / "index", token_limit=64)
    assert report.reused == 0 and report.embedded == report.chunks
    tokenizer = load_tokenizer(MODEL)
    _, files = load_current(tmp_path / "index")
    assert all(tokenizer.count_tokens(c.embed_text()) <= 64 for c in files.chunks)


def test_bad_files_are_skipped_and_strict_makes_them_errors(tmp_path: Path, build) -> None:  # type: ignore[no-untyped-def]
    root = tmp_path / "corpus"
    write_good_corpus(root)
    expected = write_bad_files(root)
    report = build([root], tmp_path / "index")
    assert {s.source for s in report.warnings} == set(expected)
    with pytest.raises(BuildError, match="6 file"):
        build([root], tmp_path / "index2", strict=True)
    assert current_build(tmp_path / "index2") is None
    with pytest.raises(BuildError, match="--strict"):  # also when nothing changed since
        build([root], tmp_path / "index", strict=True)


def test_a_build_that_dies_midway_leaves_the_previous_index_live(
    tmp_path: Path, build, embedder
) -> None:  # type: ignore[no-untyped-def]
    root = write_good_corpus(tmp_path / "corpus")
    build([root], tmp_path / "index")
    before = current_build(tmp_path / "index")
    (root / "new.md").write_text(
        "# Glue\n\n## Crawlers\n\nA Glue crawler infers schemas into the Data Catalog.\n"
    )

    class Dies:
        dim = embedder.dim
        max_seq_length = embedder.max_seq_length
        count_tokens = embedder.count_tokens

        def encode(self, texts, **kwargs):  # type: ignore[no-untyped-def]
            raise MemoryError("killed while embedding")

    with pytest.raises(MemoryError):
        build_index(
            BuildOptions(roots=[root], index_dir=tmp_path / "index", model=MODEL),
            embedder_factory=lambda _n: Dies(),
        )
    assert current_build(tmp_path / "index") == before
    assert BuildFiles.read(before).chunks  # type: ignore[arg-type]
    assert not list((tmp_path / "index" / "builds").glob(".staging-*"))


def test_a_crash_before_the_pointer_swap_keeps_the_old_build(
    tmp_path: Path, build, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    root = write_good_corpus(tmp_path / "corpus")
    build([root], tmp_path / "index")
    before = current_build(tmp_path / "index")
    (root / "imbalance.md").write_text(
        "# Changed\n\n## Section\n\nEntirely different notes on AUC.\n"
    )

    def crash(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise OSError("disk full")

    monkeypatch.setattr(index_store, "publish", crash)
    monkeypatch.setattr("retrieval.build.publish", crash)
    with pytest.raises(OSError, match="disk full"):
        build([root], tmp_path / "index")
    assert current_build(tmp_path / "index") == before
    _, files = load_current(tmp_path / "index")
    assert any("SMOTE" in c.text for c in files.chunks)


def test_a_leftover_staging_folder_from_a_killed_build_is_cleaned(tmp_path: Path, build) -> None:  # type: ignore[no-untyped-def]
    root = write_good_corpus(tmp_path / "corpus")
    build([root], tmp_path / "index")
    stale = tmp_path / "index" / "builds" / ".staging-dead"
    shutil.copytree(current_build(tmp_path / "index"), stale)  # type: ignore[arg-type]
    (stale / "manifest.json").unlink()
    build([root], tmp_path / "index", force=True)
    assert not stale.exists()


def test_an_empty_corpus_is_an_error(tmp_path: Path, build) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "empty.md").write_text("")
    with pytest.raises(BuildError, match="no notes to index"):
        build([tmp_path / "corpus"], tmp_path / "index")


def test_manifest_names_the_onnx_export_and_vectors_are_kept_once(
    tmp_path: Path, build, embedder
) -> None:  # type: ignore[no-untyped-def]
    root = write_good_corpus(tmp_path / "corpus")
    build([root], tmp_path / "index")
    folder, files = load_current(tmp_path / "index")
    assert files.manifest["embedder"] == {
        "runtime": "onnxruntime",
        "precision": DEFAULT_PRECISION,
        "onnx_sha256": model_sha256(embedder.folder),
    }
    assert not (folder / "vectors.npy").exists()  # the FAISS index is the only copy
    assert files.vectors.shape == (len(files.chunks), embedder.dim)
    assert files.sentence_vectors.dtype == np.float16
    expected = embedder.encode([files.chunks[0].embed_text()])[0]
    # (int8 would quantize activations per batch: a passage embedded alone differs a little.)
    assert float(files.vectors[0] @ expected) > 0.98


def test_vectors_of_another_precision_are_all_rebuilt(tmp_path: Path, build) -> None:  # type: ignore[no-untyped-def]
    root = write_good_corpus(tmp_path / "corpus")
    first = build([root], tmp_path / "index")
    manifest_path = current_build(tmp_path / "index") / "manifest.json"  # type: ignore[operator]
    manifest = json.loads(manifest_path.read_text())
    manifest["embedder"]["precision"] = "int8" if DEFAULT_PRECISION == "fp32" else "fp32"
    manifest_path.write_text(json.dumps(manifest))
    second = build([root], tmp_path / "index")
    assert not second.up_to_date and second.embedded == first.chunks and second.reused == 0


def test_the_default_build_exports_the_model_beside_the_index(tmp_path: Path) -> None:
    root = write_good_corpus(tmp_path / "corpus")
    report = build_index(BuildOptions(roots=[root], index_dir=tmp_path / "index", model=MODEL))
    assert report.embedded == report.chunks
    export_dir = tmp_path / "index" / "models" / f"all-minilm-l6-v2-{DEFAULT_PRECISION}"
    _, files = load_current(tmp_path / "index")
    assert files.manifest["embedder"]["onnx_sha256"] == model_sha256(export_dir)
    assert not list(export_dir.parent.glob(f".*-{DEFAULT_PRECISION}.*"))  # no staging folder
