"""The facet bonus: when the leading passages share a subject, the passage that also holds what
the question asks about that subject is raised above the one that only names the subject."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import numpy as np

from retrieval.build import BuildReport
from retrieval.documents import Chunk
from retrieval.embed import Embedder
from retrieval.lexical import tokenize
from retrieval.search import question_facet
from retrieval.service import NotesIndex
from tests.retrieval.conftest import MODEL

NOTES = """# Data streaming

## Stream Hub

Stream Hub is a managed service that takes in records from many producers in real time. Stream
Hub scales by adding shards, and consumer applications read Stream Hub records in order. Stream
Hub is the usual entry point of a real-time analytics pipeline on the platform.

## Stream Hub extras

- ordered records per shard
- replay from a sequence number
- retention of 1 to 365 days

## Delivery Pipe

Delivery Pipe loads streaming records into storage and warehouses without code.
"""


def note(*heading: str) -> Chunk:
    return Chunk("notes.md", ("Streaming notes", *heading), "note", 0, 4, "text")


def card(front: str) -> Chunk:
    return Chunk("cards.csv", (front,), "flashcard", 0, 4, f"Q: {front}\nA: text")


def test_the_facet_is_what_the_question_asks_beyond_the_shared_subject() -> None:
    leading = [note("Stream Hub"), card("Stream Hub: limits"), note("Delivery Pipe")]
    assert question_facet("stream hub retention period", leading) == set(
        tokenize("retention period")
    )


def test_no_facet_when_the_leading_passages_share_no_subject() -> None:
    leading = [note("Stream Hub"), note("Delivery Pipe"), card("Warehouse loads")]
    assert question_facet("stream hub retention period", leading) == set()
    # the file's title is not a subject: every passage of the file is headed by it
    assert question_facet("streaming notes retention", [note("A"), note("B")]) == set()


def test_the_passage_holding_the_facet_comes_first(
    tmp_path: Path, build: Callable[..., BuildReport], embedder: Embedder
) -> None:
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "streams.md").write_text(NOTES, encoding="utf-8")
    build([tmp_path / "notes"], tmp_path / "index")
    searcher = NotesIndex(tmp_path / "index", MODEL, embedder=embedder).searcher
    first = searcher.search("stream hub retention", k=2)[0]
    assert first.chunk.heading[-1] == "Stream Hub extras"
    searcher.facet_weight = 0.0  # without the bonus the overview passage wins
    assert searcher.search("stream hub retention", k=2)[0].chunk.heading[-1] == "Stream Hub"


def test_postings_count_the_same_terms_as_the_tokenizer(
    built_index: Path, embedder: Embedder
) -> None:
    files = NotesIndex(built_index, MODEL, embedder=embedder).searcher.files
    rows = list(range(len(files.chunks)))
    for words in ("kinesis shard limit", "smote minority class", "pipe mode recordio", "zzzz"):
        terms = set(tokenize(words))
        expected = [len(terms & set(tokenize(c.embed_text()))) for c in files.chunks]
        assert np.array_equal(files.lexical.holding(terms, rows), expected), words
