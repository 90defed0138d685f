"""Search without a full pass: the same ranking as scoring every passage, from FAISS's
candidates, the BM25 candidates' own vectors and a partial selection of the BM25 scores."""

from __future__ import annotations

from pathlib import Path

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from retrieval.embed import Embedder
from retrieval.lexical import tokenize
from retrieval.search import (
    BLEND_DENSE_WEIGHT,
    CANDIDATES,
    FACET_POOL,
    SENTENCE_SLACK,
    Searcher,
    _top_positive,
    _unheaded,
    question_facet,
)
from retrieval.service import NotesIndex
from tests.retrieval.conftest import MODEL

QUESTIONS = [
    "how does smote balance classes",
    "rcf anomaly score",
    "kinesis shard write limit",
    "what is athena",
    "pipe mode vs file mode",
]


@given(st.lists(st.sampled_from([0.0, 0.5, 1.0, 1.5, 2.0, 3.25]), max_size=200), st.integers(1, 60))
def test_top_positive_matches_a_stable_full_sort(values: list[float], k: int) -> None:
    scores = np.asarray(values, dtype=np.float32)
    expected = [int(r) for r in np.argsort(-scores, kind="stable")[:k] if scores[r] > 0]
    assert _top_positive(scores, k) == expected


def full_pass_blend(searcher: Searcher, question: str, k: int) -> list[tuple[int, float]]:
    """The hybrid score of every passage, computed the slow way, top k."""
    query, vector = searcher.prepare(question)
    files = searcher.files
    cosine = files.vectors @ vector
    lexical = files.lexical.scores(query)
    top = float(lexical.max()) or 1.0
    dense = set(np.argsort(-cosine, kind="stable")[:CANDIDATES].tolist())
    bm25 = {int(r) for r in np.argsort(-lexical, kind="stable")[:CANDIDATES] if lexical[r] > 0}
    close = {r: float(cosine[r]) for r in dense | bm25}
    for r in close:  # an unheaded one raised towards its best sentence, scored here
        rows = files.sentence_rows(r)
        if rows.size >= 2 and _unheaded(files.chunks[r]):
            best = float((files.sentence_vectors[rows].astype(np.float32) @ vector).max())
            close[r] += searcher.sentence_weight * max(0.0, best - SENTENCE_SLACK - close[r])
    scores = {
        r: (BLEND_DENSE_WEIGHT * close[r] + (1 - BLEND_DENSE_WEIGHT) * lexical[r] / top)
        * float(searcher._weights[r])
        for r in dense | bm25
    }
    leading = sorted(scores, key=lambda r: (-scores[r], r))[:FACET_POOL]
    facet = question_facet(question, [files.chunks[r] for r in leading])
    for r in leading if facet else []:  # the facet bonus, from each passage's own tokens
        held = facet & set(tokenize(files.chunks[r].embed_text()))
        scores[r] += searcher.facet_weight * len(held) / len(facet)
    order = sorted(scores, key=lambda r: (-round(scores[r], 9), r))[:k]
    return [(r, scores[r]) for r in order]


def test_hybrid_search_equals_the_full_pass(built_index: Path, embedder: Embedder) -> None:
    searcher = NotesIndex(built_index, MODEL, embedder=embedder).searcher
    for question in QUESTIONS:
        hits = searcher.search(question, k=5)
        expected = full_pass_blend(searcher, question, 5)
        assert [h.row for h in hits] == [r for r, _ in expected], question
        assert np.allclose([h.score for h in hits], [s for _, s in expected], atol=1e-5)
        _, vector = searcher.prepare(question)
        for hit in hits:
            assert abs(hit.dense - float(searcher.files.vectors[hit.row] @ vector)) < 1e-5


def test_every_mode_returns_ranked_hits(built_index: Path, embedder: Embedder) -> None:
    searcher = NotesIndex(built_index, MODEL, embedder=embedder).searcher
    for mode in ("hybrid", "rrf", "dense", "bm25"):
        hits = searcher.search("how does smote balance classes", k=3, mode=mode)  # type: ignore[arg-type]
        assert hits and [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)
        assert any("SMOTE" in h.chunk.text for h in hits), mode
