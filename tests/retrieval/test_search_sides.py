"""A comparison's search: a passage naming every side is raised above the passages about one
side, and an answer cites the passages it quotes in search's order."""

from __future__ import annotations

import pytest

from retrieval.embed import Embedder
from retrieval.lexical import LexicalIndex
from retrieval.search import both_sides
from retrieval.service import NotesIndex
from retrieval.understand import understand
from tests.retrieval.conftest import tutor_over

NOTES = """# Storage rules

## Archive moves

Archive moves shift objects older than a set age into a colder, cheaper storage tier. Archive
moves run once a day for each bucket. Archive moves keep the object's key and its metadata.

## Purge rules

Purge rules delete objects after a set number of days. Purge rules also remove old versions of an
object. Purge rules cannot be undone once they have run.

## Bucket policies

A lifecycle policy holds archive moves, which change the tier of an object, and purge rules,
which delete it when it ages out.
"""
QUESTION = "archive moves vs purge rules"


@pytest.fixture(scope="module")
def tutor(tmp_path_factory: pytest.TempPathFactory, embedder: Embedder) -> NotesIndex:
    return tutor_over(tmp_path_factory, embedder, "search-sides", {"storage.md": NOTES})


def first_heading(tutor: NotesIndex, sides_weight: float) -> str:
    ask = understand(QUESTION)
    searcher = tutor.searcher
    saved = searcher.sides_weight
    searcher.sides_weight = sides_weight
    try:
        return searcher.search(ask.text, k=3, sides=ask.subjects)[0].chunk.heading[-1]
    finally:
        searcher.sides_weight = saved


def test_the_passage_naming_both_sides_comes_first(tutor: NotesIndex) -> None:
    # Each side's own section repeats its name and wins on the plain blend; the one passage
    # that says what each does, side by side, is what a comparison should read first.
    assert first_heading(tutor, 0.0) == "Archive moves"
    assert first_heading(tutor, tutor.searcher.sides_weight) == "Bucket policies"


def test_sides_do_nothing_outside_a_comparison(tutor: NotesIndex) -> None:
    question = "how do archive moves and purge rules work"
    plain = tutor.searcher.search(question, k=3)
    assert [h.row for h in tutor.searcher.search(question, k=3, sides=())] == [h.row for h in plain]


def test_an_answer_cites_its_quoted_passages_in_search_order(tutor: NotesIndex) -> None:
    answer = tutor.ask(QUESTION)
    ask = understand(QUESTION)
    searched = [h.chunk.heading_path for h in tutor.searcher.search(ask.text, sides=ask.subjects)]
    cited = [p.heading for p in answer.passages]
    assert cited[0] == searched[0] == "Storage rules › Bucket policies"
    assert len(answer.sentences) >= 2  # each side quoted, from passages cited after the first


def test_a_side_is_named_by_its_own_words_or_its_acronym_spelled_out() -> None:
    texts = [
        "Kinesis Data Streams keeps records for replay; Firehose delivers them to storage.",
        "KDS shards hold ordered records.",  # one side only
        "Amazon Firehose loads data into a warehouse.",  # one side only
        "Amazon services stream data.",  # the shared and product words name nothing
    ]
    sides = ["kds (kinesis data streams)", "firehose"]
    named = both_sides(LexicalIndex.build(texts), sides, [0, 1, 2, 3], texts)
    assert named.tolist() == [True, False, False, False]


def test_a_side_within_another_is_named_only_outside_the_longer_name() -> None:
    texts = [
        "Kinesis Data Streams holds shards.",
        "Kinesis has four services; Kinesis Data Streams is one.",
    ]
    sides = ["kinesis", "kinesis data streams"]
    named = both_sides(LexicalIndex.build(texts), sides, [0, 1], texts)
    assert named.tolist() == [False, True]
