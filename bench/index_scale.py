"""The vector index at scale: synthetic normalized 384-d vectors at 100k and 1M.

For each size, builds the index studybot would choose (`DenseParams.for_size`: HNSW above the
threshold) and, as the naive baseline in the same process, exact flat inner-product search.
Prints build time, memory, recall@10 of the chosen index against exact search, and single-query
latency p50/p95 of both. Vectors imitate sentence embeddings (topic clusters on a
low-dimensional manifold, see `synthetic`), queries drawn from the same distribution;
`--data isotropic` is a harder, less realistic case.

    python bench/index_scale.py [--sizes 100000,1000000] [--queries 500]
"""

from __future__ import annotations

import argparse
import time

import faiss
import numpy as np

from bench.common import percentile
from retrieval.dense import DenseIndex, DenseParams

DIM = 384
K = 10


LATENT_DIM = 48


def synthetic(n: int, rng: np.random.Generator, clusters: int = 5_000) -> np.ndarray:
    """Embedding-like vectors: topic clusters in a 48-d latent space, projected into 384-d
    with a little isotropic noise (sentence embeddings have a low intrinsic dimension;
    uniform 384-d noise would make every distance alike, which real embeddings never do)."""
    centers = rng.standard_normal((clusters, LATENT_DIM)).astype(np.float32)
    projection = rng.standard_normal((LATENT_DIM, DIM)).astype(np.float32) / np.sqrt(LATENT_DIM)
    labels = rng.integers(0, clusters, size=n)
    out = np.empty((n, DIM), dtype=np.float32)
    step = 100_000
    for start in range(0, n, step):
        part = labels[start : start + step]
        latent = centers[part] + 0.6 * rng.standard_normal((len(part), LATENT_DIM)).astype(
            np.float32
        )
        noise = 0.05 * rng.standard_normal((len(part), DIM)).astype(np.float32)
        out[start : start + len(part)] = latent @ projection + noise
    faiss.normalize_L2(out)
    return out


def isotropic(n: int, rng: np.random.Generator, clusters: int = 10_000) -> np.ndarray:
    """A harder, less realistic case: small clusters drowned in full 384-d noise."""
    centers = rng.standard_normal((clusters, DIM)).astype(np.float32)
    labels = rng.integers(0, clusters, size=n)
    out = centers[labels] + 1.5 * rng.standard_normal((n, DIM)).astype(np.float32)
    faiss.normalize_L2(out)
    return out


DATA = {"embedding": synthetic, "isotropic": isotropic}


def single_query_ms(index: DenseIndex, queries: np.ndarray) -> list[float]:
    samples = []
    for q in queries:
        start = time.perf_counter()
        index.search(q[None, :], K)
        samples.append((time.perf_counter() - start) * 1000)
    return samples


def run(n: int, queries: int, rng: np.random.Generator, kind: str = "embedding") -> None:
    data = DATA[kind](n + queries, rng)
    base, query = data[:n], data[n:]
    ids = np.arange(n, dtype=np.int64)
    params = DenseParams.for_size(n)

    start = time.perf_counter()
    flat = DenseIndex.build(base, ids, DenseParams("flat"))
    flat_build = time.perf_counter() - start
    _, truth = flat.search(query, K)

    start = time.perf_counter()
    chosen = DenseIndex.build(base, ids, params)
    build_seconds = time.perf_counter() - start
    _, found = chosen.search(query, K)
    recall = np.mean([len(set(f) & set(t)) / K for f, t in zip(found, truth, strict=True)])

    chosen_ms = single_query_ms(chosen, query)
    flat_ms = single_query_ms(flat, query)
    chosen_mb = len(faiss.serialize_index(chosen._index)) / 2**20
    flat_mb = len(faiss.serialize_index(flat._index)) / 2**20
    threads = faiss.omp_get_max_threads()
    print(f"\n== {n:,} {kind} vectors, {queries} queries, {threads} threads ==")
    print(f"{'index':28} {'build s':>8} {'MB':>8} {'recall@10':>9} {'p50 ms':>8} {'p95 ms':>8}")
    label = f"chosen: {params.kind} " + (
        f"(M={params.m}, efC={params.ef_construction}, efS={params.ef_search})"
        if params.kind == "hnsw"
        else ""
    )
    print(
        f"{label:28} {build_seconds:8.1f} {chosen_mb:8.0f} {recall:9.3f} "
        f"{percentile(chosen_ms, 50):8.3f} {percentile(chosen_ms, 95):8.3f}"
    )
    print(
        f"{'baseline: exact flat':28} {flat_build:8.1f} {flat_mb:8.0f} {1.0:9.3f} "
        f"{percentile(flat_ms, 50):8.3f} {percentile(flat_ms, 95):8.3f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="100000,1000000")
    parser.add_argument("--queries", type=int, default=500)
    parser.add_argument("--data", choices=sorted(DATA), default="embedding")
    args = parser.parse_args()
    rng = np.random.default_rng(7)
    for n in (int(s) for s in args.sizes.split(",")):
        run(n, args.queries, rng, args.data)


if __name__ == "__main__":
    main()
