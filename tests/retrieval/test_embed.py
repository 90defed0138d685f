"""The ONNX Runtime embedder against the sentence-transformers model it is exported from."""

from __future__ import annotations

import json
import subprocess
import sys
import threading
from pathlib import Path

import numpy as np
import pytest

from retrieval.embed import (
    OnnxEmbedder,
    load_onnx_embedder,
    load_torch_embedder,
    token_batches,
)
from retrieval.onnx_export import file_sha256
from retrieval.threads import SERVE_THREADS, all_cores, available_cores, compute_threads
from tests.retrieval.conftest import MODEL

ROOT = Path(__file__).resolve().parents[2]
TEXTS = [
    "when do i use pipe mode??",
    "   Random Cut Forest (RCF) scores anomalies in a stream.   ",
    "SMOTE",
    "Kinesis Data Firehose converts records to Parquet before writing them to S3. " * 40,
    "Ünïcödé and émojis 🚀 are tokenized like the model's own tokenizer does.",
]


@pytest.fixture(scope="module")
def fp32(tmp_path_factory: pytest.TempPathFactory) -> OnnxEmbedder:
    return load_onnx_embedder(MODEL, tmp_path_factory.mktemp("models"), "fp32")


def test_fp32_export_gives_the_torch_vectors(fp32: OnnxEmbedder) -> None:
    expected = load_torch_embedder(MODEL).encode(TEXTS)
    got = fp32.encode(TEXTS)
    assert got.dtype == np.float32 and got.shape == expected.shape == (len(TEXTS), 384)
    assert np.allclose(np.linalg.norm(got, axis=1), 1.0, atol=1e-5)
    assert np.all(1 - (got * expected).sum(axis=1) <= 1e-5)


def test_tokenization_is_the_sentence_transformers_one(embedder: OnnxEmbedder) -> None:
    torch_model = load_torch_embedder(MODEL)._model
    reference = torch_model.tokenize(TEXTS)
    feeds = embedder._feeds([embedder._prepare(t) for t in TEXTS])
    assert feeds["input_ids"].shape[1] == 256  # the long text is cut at max_seq_length
    for name, values in feeds.items():
        assert np.array_equal(values, reference[name].numpy()), name


def test_the_default_w8_export_stays_close_to_fp32_and_ignores_its_batch(
    embedder: OnnxEmbedder, fp32: OnnxEmbedder
) -> None:
    assert embedder.precision == "w8"
    batch = embedder.encode(TEXTS)
    cosines = (batch * fp32.encode(TEXTS)).sum(axis=1)
    assert cosines.min() >= 0.998, cosines
    alone = np.stack([embedder.encode([text])[0] for text in TEXTS])
    assert np.abs(alone - batch).max() < 1e-5  # activations are never quantized across texts


def test_int8_stays_close_to_fp32(
    tmp_path_factory: pytest.TempPathFactory, fp32: OnnxEmbedder
) -> None:
    int8 = load_onnx_embedder(MODEL, tmp_path_factory.mktemp("int8"), "int8")
    assert int8.precision == "int8"
    cosines = (int8.encode(TEXTS) * fp32.encode(TEXTS)).sum(axis=1)
    assert cosines.min() >= 0.97, cosines


def test_the_export_is_cached_with_its_hash(fp32: OnnxEmbedder) -> None:
    config = json.loads((fp32.folder / "embedder.json").read_text())
    weights = fp32.folder / "model.onnx.data"
    assert weights.stat().st_size > 80e6  # the weights are mapped from their own file
    assert config["onnx_sha256"] == file_sha256(fp32.folder / "model.onnx", weights)
    assert config["onnx_sha256"] == fp32.sha256
    again = load_onnx_embedder(MODEL, fp32.folder.parent, "fp32")  # no second export
    assert again.sha256 == fp32.sha256


def test_queries_run_on_one_thread_and_builds_on_every_core(embedder: OnnxEmbedder) -> None:
    assert compute_threads() == SERVE_THREADS
    embedder.encode(["a query"])
    with all_cores() as cores:
        assert cores == available_cores() == compute_threads()
        seen: list[int] = []
        thread = threading.Thread(target=lambda: seen.append(compute_threads()))
        thread.start()
        thread.join()
        assert seen == [SERVE_THREADS]  # a serving thread is not affected by a build
        embedder.encode(["a passage"])
    assert compute_threads() == SERVE_THREADS
    # One session whose runs compute on their caller's thread: a build runs batches side by side.
    assert embedder.session.get_session_options().intra_op_num_threads == 1


def test_batches_side_by_side_give_the_vectors_of_one_at_a_time(embedder: OnnxEmbedder) -> None:
    texts = [f"{t} ({i})" for i in range(60) for t in TEXTS]  # several batches of mixed widths
    alone = embedder.encode(texts)
    seen: list[int] = []
    with all_cores():
        together = embedder.encode(texts, batch_size=8, progress=seen.append)
    assert sum(seen) == len(texts) and len(seen) > 1
    assert np.all(1 - (alone * together).sum(axis=1) <= 1e-6)


def test_token_batches_fill_a_budget_of_padded_pieces_longest_first() -> None:
    lengths = np.array([3, 200, 10, 10, 256, 40])
    batches = token_batches(lengths, budget=512, max_texts=3)
    assert [b.tolist() for b in batches] == [[4, 1], [5, 2, 3], [0]]
    for batch in batches:
        assert len(batch) * lengths[batch[0]] <= 512 and lengths[batch[0]] == lengths[batch].max()


def test_serving_never_imports_torch(built_index: Path, embedder: OnnxEmbedder) -> None:
    script = (
        "import sys\n"
        "from pathlib import Path\n"
        "from retrieval.embed import load_onnx_embedder\n"
        "from retrieval.service import NotesIndex\n"
        f"embedder = load_onnx_embedder({MODEL!r}, Path({str(embedder.folder.parent)!r}))\n"
        f"tutor = NotesIndex(Path({str(built_index)!r}), {MODEL!r}, embedder=embedder)\n"
        "assert tutor.ask('how does smote balance classes').passages\n"
        "print(sorted(m for m in ('torch', 'sentence_transformers') if m in sys.modules))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, check=True
    )
    assert out.stdout.strip() == "[]", out.stderr


def test_a_first_index_copies_the_install_time_export_without_torch(tmp_path: Path) -> None:
    """`make`'s venv step exports the model into the environment; a new index folder then gets
    a copy of that export, and the process never imports torch."""
    exported = subprocess.run(
        [sys.executable, "-m", "retrieval.onnx_export"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert exported.returncode == 0, exported.stderr
    script = (
        "import sys\n"
        "from pathlib import Path\n"
        "from retrieval.embed import installed_models_dir, load_onnx_embedder\n"
        f"copy = load_onnx_embedder({MODEL!r}, Path({str(tmp_path)!r}))\n"
        f"source = load_onnx_embedder({MODEL!r}, installed_models_dir())\n"
        "print(copy.folder.parent == Path(sys.argv[1]), copy.sha256 == source.sha256,"
        " 'torch' in sys.modules)\n"
    )
    loaded = subprocess.run(
        [sys.executable, "-c", script, str(tmp_path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert loaded.returncode == 0, loaded.stderr
    assert loaded.stdout.split() == ["True", "True", "False"]
    assert not list(tmp_path.glob(".*copy"))  # no staging folder left behind
