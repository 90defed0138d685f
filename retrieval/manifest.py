"""A build's manifest: what made the index (files and their hashes, model, export, chunking) and
what it holds, as a typed value read from and written to `manifest.json`.

The JSON is the same as the untyped dict it replaces (format 2), so indexes built before still
load; a manifest that does not validate is treated like one of another format: rebuilt.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from pydantic import BaseModel, ConfigDict, ValidationError, field_serializer

from retrieval.dense import DenseParams
from retrieval.documents import Skipped

# 2: no vectors.npy (the FAISS index holds the vectors), float16 sentence vectors.
# 3: a hard-wrapped paragraph's lines make whole sentences (kept passages' spans are reused, so
#    an index of format 2 is rebuilt; the vectors of unchanged texts are found again).
FORMAT_VERSION = 3


class _Record(BaseModel):
    model_config = ConfigDict(frozen=True)


class EmbedderRecord(_Record):
    """What made the vectors: the runtime, its precision and the hash of the ONNX file."""

    runtime: str
    precision: str
    onnx_sha256: str | None = None


class Counts(_Record):
    files: int
    chunks: int
    sentences: int
    duplicates: int
    truncated: int


class Manifest(_Record):
    format: int
    model: str
    dim: int
    chunking: dict[str, Any]  # retrieval.chunk.ChunkingParams.as_dict(): compared whole
    dense: DenseParams
    embedder: EmbedderRecord
    digests: dict[str, str]  # source -> file hash
    chunks_per_file: dict[str, int]
    skipped: tuple[Skipped, ...]
    counts: Counts
    built_at: datetime

    @field_serializer("dense")
    def _dense_to_json(self, dense: DenseParams) -> dict[str, Any]:
        return dense.as_dict()

    @field_serializer("built_at")
    def _built_at_to_json(self, built_at: datetime) -> str:
        return built_at.isoformat()

    def to_json(self) -> dict[str, Any]:
        return self.model_dump(mode="json")

    @classmethod
    def from_json(cls, data: Any) -> Manifest | None:
        """The manifest, or None when it is of another format or does not validate."""
        if not isinstance(data, dict) or data.get("format") != FORMAT_VERSION:
            return None
        try:
            return cls.model_validate(data)
        except ValidationError:
            return None
