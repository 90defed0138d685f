"""The FAISS vector index: exact inner product below a size threshold, HNSW above it, both
wrapped in `IndexIDMap2` so vectors are addressed by their chunk's stable 63-bit id."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

DEFAULT_HNSW_THRESHOLD = 50_000
HNSW_M = 32
HNSW_EF_CONSTRUCTION = 80
HNSW_EF_SEARCH = 128


@dataclass(frozen=True)
class DenseParams:
    kind: str  # "flat" or "hnsw"
    m: int = HNSW_M
    ef_construction: int = HNSW_EF_CONSTRUCTION
    ef_search: int = HNSW_EF_SEARCH

    def as_dict(self) -> dict[str, Any]:
        if self.kind == "flat":
            return {"kind": "flat"}
        return {
            "kind": "hnsw",
            "m": self.m,
            "ef_construction": self.ef_construction,
            "ef_search": self.ef_search,
        }

    @classmethod
    def for_size(cls, n: int, threshold: int = DEFAULT_HNSW_THRESHOLD) -> DenseParams:
        return cls("hnsw" if n >= threshold else "flat")

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> DenseParams:
        return cls(**data)


class DenseIndex:
    """Top-k inner-product search over normalized vectors."""

    def __init__(self, index: Any, params: DenseParams) -> None:
        self._index = index
        self.params = params
        if params.kind == "hnsw":
            import faiss

            faiss.downcast_index(index.index).hnsw.efSearch = params.ef_search

    @classmethod
    def build(cls, vectors: np.ndarray, ids: np.ndarray, params: DenseParams) -> DenseIndex:
        import faiss

        dim = vectors.shape[1]
        if params.kind == "hnsw":
            inner = faiss.IndexHNSWFlat(dim, params.m, faiss.METRIC_INNER_PRODUCT)
            inner.hnsw.efConstruction = params.ef_construction
        else:
            inner = faiss.IndexFlatIP(dim)
        index = faiss.IndexIDMap2(inner)
        if len(vectors):
            index.add_with_ids(
                np.ascontiguousarray(vectors, dtype=np.float32), ids.astype(np.int64)
            )
        return cls(index, params)

    def search(self, queries: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
        """Scores and ids, shape (len(queries), k); missing results have id -1."""
        k = max(1, min(k, self.size))
        return self._index.search(np.ascontiguousarray(queries, dtype=np.float32), k)

    @property
    def size(self) -> int:
        return int(self._index.ntotal)

    def save(self, path: Path) -> None:
        import faiss

        faiss.write_index(self._index, str(path))

    @classmethod
    def load(cls, path: Path, params: DenseParams) -> DenseIndex:
        import faiss

        return cls(faiss.read_index(str(path)), params)
