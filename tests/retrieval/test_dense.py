"""The FAISS index: exact below the threshold, HNSW above it, efSearch chosen per search."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from retrieval.dense import DenseIndex, DenseParams


def unit_vectors(n: int, dim: int = 32, seed: int = 3) -> np.ndarray:
    vectors = np.random.default_rng(seed).standard_normal((n, dim)).astype(np.float32)
    return vectors / np.linalg.norm(vectors, axis=1, keepdims=True)


def test_hnsw_returns_k_rows_even_when_k_is_above_its_ef_search(tmp_path: Path) -> None:
    vectors = unit_vectors(2_000)
    params = DenseParams("hnsw", m=16, ef_construction=40, ef_search=16)
    index = DenseIndex.build(vectors, np.arange(len(vectors), dtype=np.int64) * 7, params)
    scores, rows = index.search(vectors[:5], 50)
    assert rows.shape == (5, 50) and (rows >= 0).all()  # efSearch 16 alone would give 16
    assert (np.diff(scores, axis=1) <= 1e-6).all()
    assert (rows[:, 0] == np.arange(5)).all()  # each vector finds itself first
    index.save(tmp_path / "dense.faiss")
    again = DenseIndex.load(tmp_path / "dense.faiss", params)
    assert np.array_equal(again.search(vectors[:5], 50)[1], rows)
    assert np.array_equal(again.ids(), np.arange(len(vectors)) * 7)


def test_a_larger_ef_search_finds_what_exact_search_finds() -> None:
    vectors, queries = unit_vectors(3_000), unit_vectors(50, seed=4)
    ids = np.arange(len(vectors), dtype=np.int64)
    exact = DenseIndex.build(vectors, ids, DenseParams("flat")).search(queries, 10)[1]

    def recall(ef: int) -> float:
        params = DenseParams("hnsw", m=8, ef_construction=40, ef_search=ef)
        found = DenseIndex.build(vectors, ids, params).search(queries, 10)[1]
        pairs = zip(found, exact, strict=True)
        return float(np.mean([len(set(f) & set(e)) / 10 for f, e in pairs]))

    assert recall(400) >= 0.99 and recall(400) > recall(10)


def test_the_vectors_are_a_read_only_view_of_the_index() -> None:
    vectors = unit_vectors(100)
    for kind in ("flat", "hnsw"):
        index = DenseIndex.build(vectors, np.arange(100, dtype=np.int64), DenseParams(kind))
        view = index.vectors()
        assert np.array_equal(view, vectors) and not view.flags.writeable
