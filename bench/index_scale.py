"""The app's whole search at scale: 100k and 1M synthetic passages, clustered and isotropic.

For each size and kind of vectors, builds what studybot would build (`DenseParams.for_size`:
HNSW above the threshold, BM25 over synthetic passage text) and runs `Searcher.search` (dense
candidates, BM25 candidates, their cosines, the blend), with the question already embedded (the
embedding costs the same at any size; bench/retrieval.py times it). The naive baseline, in the
same process: exact flat search plus the full pass search.py used to make (every vector times
the question, a full sort of every BM25 score). Prints recall@10 of the dense candidates and of
the final top 10 against exact search, latency p50/p95 of both, and the memory of every array
the app keeps per chunk (passage text and metadata excluded: they are the corpus itself).

    python -m bench.index_scale [--sizes 100000] [--data clustered,isotropic]
                                [--queries 300] [--ef-search 128,256] [--cache DIR]

`make bench` runs 100k; a 1M run (`--sizes 1000000`) builds HNSW for many minutes on 2 cores.
`--cache DIR` keeps each built index there (the data is regenerated from the seed), so the
latency can be measured again later, on a quiet machine, without building again.
"""

from __future__ import annotations

import argparse
import os
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path
from typing import Any

import faiss
import numpy as np

from bench.common import percentile
from retrieval.dense import DenseIndex, DenseParams
from retrieval.documents import Chunk, vector_id
from retrieval.index_store import BuildFiles
from retrieval.lexical import LexicalIndex
from retrieval.search import BLEND_DENSE_WEIGHT, CANDIDATES, Searcher
from retrieval.threads import all_cores

DIM = 384
K = 10
LATENT_DIM = 48
VOCABULARY = 30_000
WORDS_PER_PASSAGE = 60
SENTENCES_PER_PASSAGE = 5  # the shipped corpus has 4.5


def clustered(n: int, rng: np.random.Generator, clusters: int = 5_000) -> np.ndarray:
    """Embedding-like vectors: topic clusters in a 48-d latent space, projected into 384-d
    with a little isotropic noise (sentence embeddings have a low intrinsic dimension)."""
    centers = rng.standard_normal((clusters, LATENT_DIM)).astype(np.float32)
    projection = rng.standard_normal((LATENT_DIM, DIM)).astype(np.float32) / np.sqrt(LATENT_DIM)
    labels = rng.integers(0, clusters, size=n)
    out = np.empty((n, DIM), dtype=np.float32)
    for start in range(0, n, 100_000):
        part = labels[start : start + 100_000]
        latent = centers[part] + 0.6 * rng.standard_normal((len(part), LATENT_DIM)).astype(
            np.float32
        )
        noise = 0.05 * rng.standard_normal((len(part), DIM)).astype(np.float32)
        out[start : start + len(part)] = latent @ projection + noise
    faiss.normalize_L2(out)
    return out


def isotropic(n: int, rng: np.random.Generator, clusters: int = 10_000) -> np.ndarray:
    """The hard case: small clusters drowned in full 384-d noise."""
    centers = rng.standard_normal((clusters, DIM)).astype(np.float32)
    out = np.empty((n, DIM), dtype=np.float32)
    for start in range(0, n, 100_000):
        m = min(100_000, n - start)
        labels = rng.integers(0, clusters, size=m)
        out[start : start + m] = centers[labels] + 1.5 * rng.standard_normal((m, DIM)).astype(
            np.float32
        )
    faiss.normalize_L2(out)
    return out


DATA = {"clustered": clustered, "isotropic": isotropic}


def passages(n: int, rng: np.random.Generator) -> list[str]:
    """Texts whose word frequencies follow Zipf's law, as prose does, without its 100 most
    frequent words (the stopwords BM25 drops): the commonest word left is in about 6 % of
    passages, as a common content word is, not in nearly all of them."""
    words = np.empty(0, dtype=np.int64)
    while len(words) < n * WORDS_PER_PASSAGE:
        draw = rng.zipf(1.1, size=n * WORDS_PER_PASSAGE)
        words = np.concatenate([words, draw[draw > 100]])  # ranks 1-100 are the stopwords
    words = (words[: n * WORDS_PER_PASSAGE] % VOCABULARY).reshape(n, WORDS_PER_PASSAGE)
    return [" ".join(f"w{w}" for w in row) for row in words]


@dataclass
class Built:
    searcher: Searcher
    exact: DenseIndex
    build_seconds: float
    memory: dict[str, int]


def build(vectors: np.ndarray, texts: list[str], ef_search: int, cache: Path | None) -> Built:
    n = len(vectors)
    chunks = [Chunk("synthetic.md", ("Synthetic",), "note", 0, 1, text) for text in texts]
    ids = np.array([vector_id(c.id) for c in chunks], dtype=np.int64)
    params = DenseParams.for_size(n)
    if params.kind == "hnsw":
        params = DenseParams("hnsw", ef_search=ef_search)
    started = time.perf_counter()
    if cache is not None and (cache / "done").exists():
        dense = DenseIndex.load(cache / "dense.faiss", params)
        lexical = LexicalIndex.load(cache / "bm25")
    else:
        dense = DenseIndex.build(vectors, ids, params)
        lexical = LexicalIndex.build(texts)
        if cache is not None:
            cache.mkdir(parents=True, exist_ok=True)
            dense.save(cache / "dense.faiss")
            lexical.save(cache / "bm25")
            (cache / "done").write_text(f"{time.perf_counter() - started:.1f}")
    seconds = time.perf_counter() - started
    sentences = n * SENTENCES_PER_PASSAGE
    files = BuildFiles(
        manifest=None,
        chunks=chunks,
        sentence_chunk=np.repeat(np.arange(n, dtype=np.int32), SENTENCES_PER_PASSAGE),
        sentence_spans=np.zeros((sentences, 2), dtype=np.int32),
        sentence_vectors=np.zeros((0, DIM), dtype=np.float16),  # on disk, memory-mapped
        dense=dense,
        lexical=lexical,
        glossary={},
    )
    searcher = Searcher(files, embedder=None)  # type: ignore[arg-type]  # questions come embedded
    bm25 = lexical._bm25.scores  # type: ignore[attr-defined]
    memory = {
        "FAISS index (vectors, graph, ids)": dense.memory_bytes(),
        "BM25 postings": sum(int(bm25[k].nbytes) for k in ("data", "indices", "indptr")),
        "card weights": int(searcher._weights.nbytes),
        "sentence rows + spans": int(files.sentence_chunk.nbytes + files.sentence_spans.nbytes),
    }
    exact = DenseIndex.build(vectors, ids, DenseParams("flat"))
    return Built(searcher, exact, seconds, memory)


def full_pass(built: Built, query: str, vector: np.ndarray) -> list[int]:
    """The old search: every vector times the question, a full sort of the BM25 scores."""
    files = built.searcher.files
    cosine = built.exact.vectors() @ vector
    lexical = files.lexical.scores(query)
    top = float(lexical.max()) or 1.0
    dense = np.argsort(-cosine, kind="stable")[:CANDIDATES].tolist()
    bm25 = [int(r) for r in np.argsort(-lexical, kind="stable")[:CANDIDATES] if lexical[r] > 0]
    scores = {
        r: BLEND_DENSE_WEIGHT * float(cosine[r]) + (1 - BLEND_DENSE_WEIGHT) * lexical[r] / top
        for r in set(dense) | set(bm25)
    }
    return sorted(scores, key=lambda r: (-round(scores[r], 9), r))[:K]


def timed(search: Callable[[Any], Any], queries: list[Any]) -> tuple[list[float], list[Any]]:
    """Milliseconds per query and the results, the queries run one after another."""
    millis, results = [], []
    for query in queries:
        started = time.perf_counter()
        results.append(search(query))
        millis.append((time.perf_counter() - started) * 1000)
    return millis, results


def searcher_search(searcher: Searcher, query: tuple[str, np.ndarray]) -> list[Any]:
    return searcher.search(query[0], k=K, prepared=query)


def run(
    n: int, kind: str, queries: int, ef_values: list[int], cache: Path | None, seed: int = 7
) -> None:
    rng = np.random.default_rng(seed)
    data = DATA[kind](n + queries, rng)
    base, qvectors = data[:n], data[n:]
    texts = passages(n + queries, rng)
    qtexts = [" ".join(t.split()[:6]) for t in texts[n:]]
    cached = cache / f"{kind}-{n}-seed{seed}" if cache is not None else None
    reused = cached is not None and (cached / "done").exists()
    with all_cores():
        built = build(base, texts[:n], ef_values[0], cached)
    truth = built.exact.search(qvectors, K)[1]
    for ef in ef_values:
        files = built.searcher.files
        if files.dense.params.kind == "hnsw":
            params = DenseParams("hnsw", ef_search=ef)
            files = replace(files, dense=DenseIndex(files.dense._index, params))
        searcher = Searcher(files, embedder=None)  # type: ignore[arg-type]
        dense_found = [searcher._dense_candidates(q)[0][:K] for q in qvectors]
        dense_recall = np.mean(
            [len(set(f) & set(t)) / K for f, t in zip(dense_found, truth, strict=True)]
        )
        # Each design in a loop of its own: interleaved, the naive pass's sweep of every vector
        # and every score (GBs at 1M) evicts the HNSW graph's hot levels between our searches.
        pairs = list(zip(qtexts, qvectors, strict=True))
        ours_ms, found = timed(partial(searcher_search, searcher), pairs)
        naive_ms, expected = timed(lambda q: full_pass(built, q[0], q[1]), pairs)
        overlap = [
            len({h.row for h in hits} & set(rows)) / K
            for hits, rows in zip(found, expected, strict=True)
        ]
        params = searcher.files.dense.params
        per_chunk = {name: size / n for name, size in built.memory.items()}
        print(
            f"\n== {n:,} {kind} passages, {queries} queries, {params.kind} "
            f"(M={params.m}, efSearch={params.ef_search}), load {os.getloadavg()[0]:.1f} =="
        )
        if reused:
            assert cached is not None
            print(
                f"  build (FAISS + BM25) {float((cached / 'done').read_text()):.1f} s when "
                f"cached; loaded from {cached} in {built.build_seconds:.1f} s"
            )
        else:
            print(f"  build (FAISS + BM25) {built.build_seconds:.1f} s")
        print(
            f"  recall@10 vs exact: dense candidates {dense_recall:.3f}, "
            f"final hybrid top 10 {np.mean(overlap):.3f}"
        )
        print(
            f"  whole search ms p50/p95: ours {percentile(ours_ms, 50):6.2f} / "
            f"{percentile(ours_ms, 95):6.2f} | naive full pass + exact "
            f"{percentile(naive_ms, 50):6.2f} / {percentile(naive_ms, 95):6.2f} | p95 ratio "
            f"{percentile(ours_ms, 95) / percentile(naive_ms, 95):.3f}"
        )
        for name, size in per_chunk.items():
            print(f"  memory {name:34} {size:8.0f} B/chunk")
        print(f"  memory {'total in RAM':34} {sum(per_chunk.values()):8.0f} B/chunk")
        print(
            f"  on disk, memory-mapped: sentence vectors (float16) "
            f"{SENTENCES_PER_PASSAGE * DIM * 2} B/chunk, paged in only for quoted passages"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="100000")
    parser.add_argument("--data", default="clustered,isotropic")
    parser.add_argument("--queries", type=int, default=300)
    parser.add_argument("--ef-search", default=str(DenseParams("hnsw").ef_search))
    parser.add_argument("--cache", type=Path, default=None, help="keep built indexes here")
    args = parser.parse_args()
    for n in (int(s) for s in args.sizes.split(",")):
        for kind in args.data.split(","):
            ef_values = [int(e) for e in args.ef_search.split(",")]
            run(n, kind, args.queries, ef_values, args.cache)


if __name__ == "__main__":
    main()
