"""Chunking quality on both corpora: the shipped notes (corpus/) and the team's raw notes.

Builds, in one process, an index per corpus for each chunking variant (the chunking, dedupe,
FAISS, BM25 and glossary of `studybot index`, in memory and without the sentence vectors
search does not read; the hybrid search as shipped) and a naive baseline (800-character windows,
plain bm25s BM25 with its own English tokenizer, MiniLM cosine, and the two fused by
reciprocal rank), then prints hit@1, hit@3 and MRR over the top 10, tuned and held-out
questions apart. The variant marked * is the shipped default.

What counts as a hit:
- seeds (bench/data/seeds_dev.yaml): the passage, read with its heading path as the citation
  shows it, contains every `expect` group (any alternative, case-insensitive). `source` is not
  required: the same fact often sits in two files.
- shipped (bench/data/dev_questions.yaml): the passage comes from the expected file and
  overlaps the text under the expected heading by at least 100 characters (or all of it when
  shorter), so merged, block and window passages are judged like single sections.
- shipped answers (bench/data/answers_shipped.yaml): as for seeds, every `expect` group in the
  passage with its heading path (a flashcard that holds the fact counts, as in bench/answers).

Held-out questions: those with `heldout: true`; in dev_questions.yaml (which has no such
field) those held out by either fixed rule, int(sha1(question), 16) % 10 < 4 (this bench) or
every fifth question (bench/retrieval.py). They were never used for tuning.
"""

from __future__ import annotations

import hashlib
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from bench.common import ROOT, load_yaml, timed
from retrieval.chunk import (
    DEFAULT_OPTIONS,
    ChunkingParams,
    ChunkOptions,
    chunk_documents,
    dedupe,
    effective_limit,
)
from retrieval.dense import DenseIndex, DenseParams
from retrieval.documents import Chunk, Document, vector_id
from retrieval.embed import Embedder, load_embedder
from retrieval.glossary import build_glossary
from retrieval.index_store import BuildFiles
from retrieval.lexical import LexicalIndex
from retrieval.load import discover, read_corpus
from retrieval.search import Scope, Searcher
from retrieval.sections import split_sections

MODEL = "all-MiniLM-L6-v2"
SEEDS = Path("/work/shared/seeds")
K = 10
NAIVE_CHARS = 800
MIN_OVERLAP = 100
# (card weight, threshold, scope): the first is the shipped rule (retrieval/search.py).
CARD_RULES: tuple[tuple[float, float, Scope], ...] = (
    (0.6, 0.65, "deck"),
    (0.6, 0.0, "deck"),  # every card weighted (the rule before)
    (1.0, 0.0, "deck"),
    (0.6, 0.7, "card"),
    (0.6, 0.8, "card"),
)
VARIANTS: dict[str, ChunkOptions] = {
    "auto + 96-token windows without heading": ChunkOptions("auto", bare_window_tokens=96),
    "sections, path for plain text": ChunkOptions("auto"),
    "sections, nearest heading": ChunkOptions("heading"),
    "sections, heading path": ChunkOptions("path"),
    "sections, path below title": ChunkOptions("subpath"),
    "auto + merge small siblings": ChunkOptions("auto", merge_tokens=48),
    "auto + parent blocks": ChunkOptions("auto", parent_blocks=True),
    "auto + merge + parent blocks": ChunkOptions("auto", merge_tokens=48, parent_blocks=True),
    "auto + 96-token windows": ChunkOptions("auto", window_tokens=96),
    "auto + 64-token windows": ChunkOptions("auto", window_tokens=64),
    "auto + fine 96-token windows too": ChunkOptions("auto", fine_tokens=96),
}


@dataclass(frozen=True)
class Question:
    text: str
    heldout: bool
    kind: str
    is_hit: Callable[[Chunk], bool]


class CachingEmbedder:
    """The real model, remembering every text it embedded: variants share most texts."""

    def __init__(self, inner: Embedder) -> None:
        self.inner = inner
        self.name, self.dim, self.max_seq_length = inner.name, inner.dim, inner.max_seq_length
        self._cache: dict[str, np.ndarray] = {}

    def count_tokens(self, text: str) -> int:
        return self.inner.count_tokens(text)

    def encode(
        self,
        texts: Sequence[str],
        *,
        batch_size: int = 16,
        progress: Callable[[int], None] | None = None,
    ) -> np.ndarray:
        missing = list(dict.fromkeys(t for t in texts if t not in self._cache))
        if missing:
            for text, vector in zip(missing, self.inner.encode(missing), strict=True):
                self._cache[text] = vector
        if progress is not None:
            progress(len(texts))
        return np.vstack([self._cache[t] for t in texts]).astype(np.float32)


# --- questions and what counts as a hit -------------------------------------------------------


def _hash_heldout(text: str) -> bool:
    return int(hashlib.sha1(text.encode("utf-8")).hexdigest(), 16) % 10 < 4


def seeds_questions() -> list[Question]:
    data = load_yaml(ROOT / "bench/data/seeds_dev.yaml")
    return [
        Question(q["question"], bool(q["heldout"]), q["kind"], _expect_hit(q["expect"]))
        for q in data["questions"]
    ]


def _expect_hit(groups: list[list[str]]) -> Callable[[Chunk], bool]:
    lowered = [[a.lower() for a in group] for group in groups]

    def hit(chunk: Chunk) -> bool:
        text = f"{chunk.heading_path}\n{chunk.text}".lower()
        return all(any(a in text for a in group) for group in lowered)

    return hit


def answers_questions(_documents: dict[str, list[Document]]) -> list[Question]:
    data = load_yaml(ROOT / "bench/data/answers_shipped.yaml")
    return [
        Question(q["question"], bool(q["heldout"]), q["kind"], _expect_hit(q["expect"]))
        for q in data["questions"]
    ]


def shipped_questions(documents: dict[str, list[Document]]) -> list[Question]:
    regions = _heading_regions(documents)
    out = []
    for item in load_yaml(ROOT / "bench/data/dev_questions.yaml"):
        key = (item["file"], item["heading"].strip().lower())
        if key not in regions:
            sys.exit(f"dev_questions.yaml: no heading {item['heading']!r} in {item['file']}")
        heldout = item.get("heldout", _hash_heldout(item["question"]) or len(out) % 5 == 4)
        out.append(Question(item["question"], bool(heldout), "shipped", _span_hit(key, regions)))
    return out


Regions = dict[tuple[str, str], list[tuple[int, int]]]


def _heading_regions(documents: dict[str, list[Document]]) -> Regions:
    """(file name, heading) -> the spans of text under that heading, subsections included."""
    regions: Regions = {}
    for source, docs in documents.items():
        for doc in docs:
            if doc.kind != "note":
                continue
            for section in split_sections(doc):
                for title in section.heading:
                    key = (Path(source).name, title.strip().lower())
                    regions.setdefault(key, []).append((section.start, section.end))
    return regions


def _span_hit(key: tuple[str, str], regions: Regions) -> Callable[[Chunk], bool]:
    spans = regions[key]

    def hit(chunk: Chunk) -> bool:
        if chunk.kind != "note" or Path(chunk.source).name != key[0]:
            return False
        for start, end in spans:
            overlap = min(end, chunk.end) - max(start, chunk.start)
            if overlap >= min(MIN_OVERLAP, end - start):
                return True
        return False

    return hit


# --- systems under test ----------------------------------------------------------------------


def variant_files(
    documents: dict[str, list[Document]], options: ChunkOptions, embedder: CachingEmbedder
) -> BuildFiles:
    """What `studybot index` builds for search (chunks, dedupe, vectors, FAISS, BM25, glossary),
    in memory and without the sentence vectors that only answer composition reads."""
    limit = effective_limit(ChunkingParams(MODEL, 0), embedder)
    collected: list[Chunk] = []
    for docs in documents.values():
        collected.extend(chunk_documents(docs, embedder, limit, options))
    chunks, _ = dedupe(collected)
    texts = [c.embed_text() for c in chunks]
    vectors = embedder.encode(texts)
    ids = np.array([vector_id(c.id) for c in chunks], dtype=np.int64)
    return BuildFiles(
        manifest=None,
        chunks=chunks,
        sentence_chunk=np.zeros(0, dtype=np.int32),
        sentence_spans=np.zeros((0, 2), dtype=np.int32),
        sentence_vectors=np.zeros((0, vectors.shape[1]), dtype=np.float32),
        dense=DenseIndex.build(vectors, ids, DenseParams.for_size(len(chunks))),
        lexical=LexicalIndex.build(texts),
        glossary=build_glossary(c.text for c in chunks),
    )


def searching(searcher: Searcher) -> Callable[[str], list[Chunk]]:
    return lambda q: [h.chunk for h in searcher.search(q, k=K)]


def naive_windows(documents: dict[str, list[Document]]) -> list[Chunk]:
    """800-character windows over each file's text, cut at the nearest space."""
    chunks = []
    for source, docs in documents.items():
        for doc in docs:
            start = 0
            while start < len(doc.text):
                end = min(len(doc.text), start + NAIVE_CHARS)
                if end < len(doc.text):
                    end = doc.text.rfind(" ", start + NAIVE_CHARS // 2, end) + 1 or end
                text = doc.text[start:end].strip()
                if text:
                    chunks.append(Chunk(source, (), doc.kind, start, end, text, context=""))
                start = end
    return chunks


def naive_search(
    chunks: list[Chunk], embedder: CachingEmbedder
) -> dict[str, Callable[[str], list[Chunk]]]:
    import bm25s

    texts = [c.text for c in chunks]
    bm25 = bm25s.BM25()
    bm25.index(bm25s.tokenize(texts, stopwords="en", show_progress=False), show_progress=False)
    vectors = embedder.encode(texts)

    def lexical_order(q: str) -> list[int]:
        words = bm25s.tokenize([q], stopwords="en", return_ids=False, show_progress=False)[0]
        known = [w for w in words if w in bm25.vocab_dict]
        if not known:
            return []
        ids, scores = bm25.retrieve([known], k=min(50, len(chunks)), show_progress=False)
        return [int(i) for i, s in zip(ids[0], scores[0], strict=True) if s > 0]

    def dense_order(q: str) -> list[int]:
        return [int(i) for i in np.argsort(-(vectors @ embedder.encode([q])[0]))[:50]]

    def rrf_order(q: str) -> list[int]:
        fused: dict[int, float] = {}
        for order in (dense_order(q), lexical_order(q)):
            for rank, row in enumerate(order):
                fused[row] = fused.get(row, 0.0) + 1 / (60 + rank + 1)
        return sorted(fused, key=lambda r: -fused[r])

    def top(order: Callable[[str], list[int]]) -> Callable[[str], list[Chunk]]:
        return lambda q: [chunks[i] for i in order(q)[:K]]

    return {
        "naive bm25": top(lexical_order),
        "naive MiniLM": top(dense_order),
        "naive bm25+MiniLM (RRF)": top(rrf_order),
    }


# --- scoring and the table -------------------------------------------------------------------


def ranks(search: Callable[[str], list[Chunk]], questions: list[Question]) -> list[int | None]:
    out: list[int | None] = []
    for q in questions:
        hits = search(q.text)
        out.append(next((i + 1 for i, c in enumerate(hits) if q.is_hit(c)), None))
    return out


def scores(found: list[int | None]) -> tuple[float, float, float]:
    n = len(found) or 1
    return (
        sum(r == 1 for r in found) / n,
        sum(1 for r in found if r and r <= 3) / n,
        sum(1 / r for r in found if r) / n,
    )


def row(name: str, found: list[int | None], questions: list[Question], extra: str = "") -> str:
    tuned = [r for r, q in zip(found, questions, strict=True) if not q.heldout]
    held = [r for r, q in zip(found, questions, strict=True) if q.heldout]
    cells = " | ".join(" ".join(f"{v:5.3f}" for v in scores(part)) for part in (tuned, held))
    return f"{name:32} {cells} {extra}"


def header(questions: list[Question]) -> str:
    n_held = sum(q.heldout for q in questions)
    return (
        f"{'':32} {'tuned (' + str(len(questions) - n_held) + ')':^17} | "
        f"{'held-out (' + str(n_held) + ')':^17}\n"
        f"{'system':32} {'hit@1 hit@3   MRR':17} | {'hit@1 hit@3   MRR':17}"
    )


def by_kind(found: list[int | None], questions: list[Question]) -> str:
    kinds: dict[str, list[int | None]] = {}
    for r, q in zip(found, questions, strict=True):
        if q.heldout:
            kinds.setdefault(q.kind, []).append(r)
    return "  ".join(
        f"{kind} {scores(rs)[0]:.2f}/{scores(rs)[1]:.2f} (n={len(rs)})"
        for kind, rs in sorted(kinds.items())
    )


def evaluate_corpus(
    name: str,
    roots: list[Path],
    make_questions: Callable[[dict[str, list[Document]]], list[Question]],
    embedder: CachingEmbedder,
) -> dict[str, list[int | None]]:
    documents, _ = read_corpus(discover(roots))
    questions = make_questions(documents)
    print(f"\n== {name}: {', '.join(map(str, roots))}; {len(questions)} questions ==")
    print(header(questions))
    results: dict[str, list[int | None]] = {}
    naive_chunks = naive_windows(documents)
    for label, search in naive_search(naive_chunks, embedder).items():
        results[label] = ranks(search, questions)
        print(row(label, results[label], questions, f"{len(naive_chunks)} windows"))
    files_by_variant: dict[str, BuildFiles] = {}
    for label, options in VARIANTS.items():
        seconds, files = timed(lambda o=options: variant_files(documents, o, embedder))
        files_by_variant[label] = files
        results[label] = ranks(searching(Searcher(files, embedder)), questions)
        star = "*" if options == DEFAULT_OPTIONS else " "
        extra = f"{len(files.chunks)} passages, built in {seconds:.0f} s"
        print(row(f"{star}{label}", results[label], questions, extra))
    print("flashcards: weight x (only cards or decks restating the notes at cosine >=):")
    for label, files in files_by_variant.items():
        for weight, cosine, scope in CARD_RULES:
            searcher = Searcher(
                files, embedder, card_weight=weight, restated_cosine=cosine, restated_scope=scope
            )
            found = ranks(searching(searcher), questions)
            print(row(f"  {label[:16]}, x{weight} {scope} >={cosine}", found, questions))
    default = next(label for label, o in VARIANTS.items() if o == DEFAULT_OPTIONS)
    print(f"held-out hit@1/hit@3 by kind, {default}: {by_kind(results[default], questions)}")
    naive = "naive bm25+MiniLM (RRF)"
    print(f"held-out hit@1/hit@3 by kind, {naive}: {by_kind(results[naive], questions)}")
    return results


def main(argv: list[str]) -> None:
    """`python -m bench.chunking [seeds] [shipped]`: both corpora when none is named."""
    wanted = set(argv) or {"seeds", "shipped"}
    embedder = CachingEmbedder(load_embedder(MODEL))
    if "seeds" in wanted and SEEDS.is_dir():
        evaluate_corpus("team's raw notes", [SEEDS], lambda _docs: seeds_questions(), embedder)
    elif "seeds" in wanted:
        print(f"(no raw notes at {SEEDS}: the seeds part is skipped)")
    if "shipped" in wanted:
        evaluate_corpus("shipped corpus", [ROOT / "corpus"], shipped_questions, embedder)
        evaluate_corpus(
            "shipped corpus, answers_shipped.yaml", [ROOT / "corpus"], answers_questions, embedder
        )


if __name__ == "__main__":
    main(sys.argv[1:])
