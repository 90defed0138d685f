"""The FAISS vector index: exact inner product below a size threshold, HNSW above it, both
wrapped in `IndexIDMap` so each vector carries its chunk's stable 63-bit id.

Vectors are added in chunk-row order, so the inner index's position of a vector is its chunk's
row: searches return rows directly (no id-to-row table) and the index's own storage is the only
copy of the vectors (`vectors()` is a view of it, not a copy).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from retrieval.threads import apply_faiss_threads

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
        import faiss

        self._inner = faiss.downcast_index(index.index)
        if params.kind == "hnsw":
            self._storage = faiss.downcast_index(self._inner.storage)
        else:
            self._storage = self._inner

    @classmethod
    def build(cls, vectors: np.ndarray, ids: np.ndarray, params: DenseParams) -> DenseIndex:
        import faiss

        dim = vectors.shape[1]
        if params.kind == "hnsw":
            inner = faiss.IndexHNSWFlat(dim, params.m, faiss.METRIC_INNER_PRODUCT)
            inner.hnsw.efConstruction = params.ef_construction
        else:
            inner = faiss.IndexFlatIP(dim)
        index = faiss.IndexIDMap(inner)
        apply_faiss_threads()  # every core inside a build (retrieval.threads.all_cores)
        if len(vectors):
            index.add_with_ids(
                np.ascontiguousarray(vectors, dtype=np.float32), ids.astype(np.int64)
            )
        return cls(index, params)

    def search(self, queries: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
        """Scores and chunk rows, shape (len(queries), k); missing results have row -1."""
        k = max(1, min(k, self.size))
        apply_faiss_threads()
        queries = np.ascontiguousarray(queries, dtype=np.float32)
        if self.params.kind != "hnsw":
            return self._inner.search(queries, k)
        return self._inner.search(queries, k, params=self.search_params(k))

    def search_params(self, k: int) -> Any:
        """HNSW's efSearch for one search, never below `k` (HNSW returns at most efSearch
        results): passed with each call instead of set on the shared index, so two searches
        with different needs never change each other's."""
        import faiss

        return faiss.SearchParametersHNSW(efSearch=max(self.params.ef_search, k))

    def vectors(self) -> np.ndarray:
        """Every vector, one row per chunk: a read-only view of the index's own storage."""
        import faiss

        n, dim = self.size, self._storage.d
        if n == 0:
            return np.zeros((0, dim), dtype=np.float32)
        view = faiss.rev_swig_ptr(self._storage.get_xb(), n * dim).reshape(n, dim)
        view.flags.writeable = False
        return view

    def ids(self) -> np.ndarray:
        """The chunk id of each row."""
        import faiss

        return faiss.vector_to_array(self._index.id_map)

    def memory_bytes(self) -> int:
        """Bytes the index holds: vectors, graph links and ids (measured by serializing it)."""
        import faiss

        return int(faiss.serialize_index(self._index).nbytes)

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
