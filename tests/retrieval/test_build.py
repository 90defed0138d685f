import json
import shutil
from datetime import UTC, datetime
from pathlib import Path

import numpy as np
import pytest

from retrieval import index_store
from retrieval.build import BuildError, BuildOptions, build_index
from retrieval.build_plan import assemble, plan_embedding, plan_sources
from retrieval.dense import DenseParams
from retrieval.documents import Chunk, Skipped
from retrieval.embed import DEFAULT_PRECISION, load_tokenizer
from retrieval.index_store import BuildFiles, IndexOutdatedError, current_build, load_current
from retrieval.manifest import FORMAT_VERSION, Counts, EmbedderRecord, Manifest
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
    assert files.manifest is not None and files.manifest.dense == DenseParams("flat")
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
    assert files.manifest is not None
    assert files.manifest.embedder == EmbedderRecord(
        runtime="onnxruntime",
        precision=DEFAULT_PRECISION,
        onnx_sha256=model_sha256(embedder.folder),
    )
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
    assert files.manifest is not None
    assert files.manifest.embedder.onnx_sha256 == model_sha256(export_dir)
    assert not list(export_dir.parent.glob(f".*-{DEFAULT_PRECISION}.*"))  # no staging folder


def test_the_manifest_keeps_its_json_so_earlier_indexes_load(tmp_path: Path, build) -> None:  # type: ignore[no-untyped-def]
    root = write_good_corpus(tmp_path / "corpus")
    bad = write_bad_files(root)
    build([root], tmp_path / "index")
    raw = json.loads((current_build(tmp_path / "index") / "manifest.json").read_text())  # type: ignore[operator]
    manifest = Manifest.from_json(raw)
    assert manifest is not None and manifest.to_json() == raw
    assert {s.source for s in manifest.skipped} >= set(bad)
    assert all(isinstance(s, Skipped) for s in manifest.skipped)


def test_an_index_of_another_format_says_to_rebuild_and_is_rebuilt(tmp_path: Path, build) -> None:  # type: ignore[no-untyped-def]
    root = write_good_corpus(tmp_path / "corpus")
    first = build([root], tmp_path / "index")
    manifest_path = current_build(tmp_path / "index") / "manifest.json"  # type: ignore[operator]
    manifest_path.write_text(json.dumps({**json.loads(manifest_path.read_text()), "format": 1}))
    with pytest.raises(IndexOutdatedError, match="run `studybot index` to rebuild it"):
        load_current(tmp_path / "index")
    second = build([root], tmp_path / "index")
    assert not second.up_to_date and second.embedded == first.chunks and second.reused == 0
    assert load_current(tmp_path / "index")[1].manifest is not None


def _manifest(digests: dict[str, str], precision: str = "fp32") -> Manifest:
    return Manifest(
        format=FORMAT_VERSION,
        model="m",
        dim=3,
        chunking={"version": 1},
        dense=DenseParams("flat"),
        embedder=EmbedderRecord(runtime="onnxruntime", precision=precision),
        digests=digests,
        chunks_per_file={},
        skipped=(),
        counts=Counts(files=2, chunks=2, sentences=2, duplicates=0, truncated=0),
        built_at=datetime(2026, 1, 1, tzinfo=UTC),
    )


def test_the_plan_rereads_only_changed_files_and_rebuilds_on_another_setting() -> None:
    previous = _manifest({"a.md": "1", "b.md": "2"})
    same = plan_sources({"a.md": "1", "b.md": "2"}, {"version": 1}, "fp32", previous, force=False)
    assert same.up_to_date
    changed = plan_sources(
        {"a.md": "1", "b.md": "3"}, {"version": 1}, "fp32", previous, force=False
    )
    assert changed.reuse and not changed.up_to_date and changed.unchanged == {"a.md"}
    for rebuild in (
        plan_sources({"a.md": "1"}, {"version": 2}, "fp32", previous, force=False),
        plan_sources({"a.md": "1"}, {"version": 1}, "int8", previous, force=False),
        plan_sources({"a.md": "1"}, {"version": 1}, "fp32", previous, force=True),
        plan_sources({"a.md": "1"}, {"version": 1}, "fp32", None, force=False),
    ):
        assert not rebuild.reuse and not rebuild.up_to_date and not rebuild.unchanged


def test_the_embedding_plan_lists_each_new_chunk_then_its_sentences(tmp_path: Path, build) -> None:  # type: ignore[no-untyped-def]
    root = write_good_corpus(tmp_path / "corpus")
    build([root], tmp_path / "index")
    _, old = load_current(tmp_path / "index")
    text = (
        "Each shard takes one megabyte per second of writes. "
        "Consumers read two megabytes per second from each shard."
    )
    new = Chunk("new.md", ("Shards",), "note", 0, len(text), text)
    plan = plan_embedding([old.chunks[0], new], old)
    assert plan.fresh == [new] and plan.kept == 1 and plan.kept_rows == {old.chunks[0].id: 0}
    assert plan.texts == [
        f"Shards\n{text}",
        "Shards: Each shard takes one megabyte per second of writes.",
        "Shards: Consumers read two megabytes per second from each shard.",
    ]


def test_assembling_from_kept_vectors_only_reproduces_the_last_build(tmp_path: Path, build) -> None:  # type: ignore[no-untyped-def]
    root = write_good_corpus(tmp_path / "corpus")
    build([root], tmp_path / "index")
    _, old = load_current(tmp_path / "index")
    plan = plan_embedding(list(reversed(old.chunks)), old)
    assert plan.fresh == [] and plan.texts == []
    built = assemble(plan, np.zeros((0, 0), dtype=np.float32), old, hnsw_threshold=10_000)
    last = len(old.chunks) - 1
    assert np.array_equal(built.vectors[0], old.vectors[last])
    assert np.array_equal(
        built.sentence_vectors,
        np.vstack(
            [old.sentence_vectors[old.sentence_chunk == last - row] for row in range(last + 1)]
        ),
    )
    assert len(built.sentence_spans) == len(old.sentence_spans)
    assert built.manifest is None and built.dense.ids().tolist() == old.dense.ids().tolist()[::-1]


def test_each_chunks_sentences_are_one_slice(built_index: Path) -> None:
    _, files = load_current(built_index)
    for row in range(len(files.chunks)):
        expected = np.flatnonzero(files.sentence_chunk == row)
        assert files.sentence_rows(row).tolist() == expected.tolist()
    fields = {name: getattr(files, name) for name in BuildFiles.__dataclass_fields__}
    shuffled = BuildFiles(**{**fields, "sentence_chunk": files.sentence_chunk[::-1].copy()})
    with pytest.raises(IndexOutdatedError, match="not in chunk order"):
        shuffled.sentence_rows(0)
