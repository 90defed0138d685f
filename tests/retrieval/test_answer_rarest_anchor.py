"""Search's first passage keeps the answer when it holds the question's rarest word and the
passage whose sentence scores higher does not: a card's terse bullet under its front ("You pay
per shard provisioned per hour" on "Kinesis Streams") matches the question's cosine less than a
neighbouring note's line that shares only its common words ("data streams ... mode")."""

from __future__ import annotations

from collections import Counter

import pytest

from retrieval.embed import Embedder
from retrieval.rarity import rarest_terms
from retrieval.service import NotesIndex
from tests.retrieval.conftest import tutor_over

NOTES = """# Streaming study notes

## Kinesis Data Stream

### Extras
- real time data streams in Kinesis Data Streams mode
- PutRecord (puts a single record into Kinesis Data Stream)
- has to use the Kinesis Client Library to receive the data and then write data to S3

## Kinesis Data Firehose

### Extras
- near real time, never real time
- writes Parquet files straight to S3
"""

DECK = """#separator:Comma
#html:false
#columns:Front,Back,Tags
#tags column:3
"Kinesis Streams","real time, data storage for 1 to 365 days
low latency streaming ingest at scale
Provisioned mode:
- You choose the number of shards provisioned
- You pay per shard provisioned per hour",aws
"Kinesis Overview","Kinesis Data Stream: create real-time machine learning applications
Kinesis Data Firehose: ingest massive data near-real time
Kinesis Data Analytics: real-time ETL / ML algorithms on streams",aws
"""

QUESTION = "kinesis data streams in provisioned mode, how am i charged?"


@pytest.fixture(scope="module")
def tutor(tmp_path_factory: pytest.TempPathFactory, embedder: Embedder) -> NotesIndex:
    files = {"streams.md": NOTES, "cards.csv": DECK}
    return tutor_over(tmp_path_factory, embedder, "rarest-anchor", files)


def test_the_first_passage_holding_the_rarest_word_is_quoted(tutor: NotesIndex) -> None:
    answer = tutor.ask(QUESTION)
    assert answer.covered
    assert "per shard provisioned per hour" in answer.text
    assert answer.passages[0].heading == "Kinesis Streams"


def test_the_rarest_terms_are_the_least_held_of_those_the_notes_hold() -> None:
    counts = Counter({"kinesi": 40, "data": 300, "provis": 2, "mode": 9, "shard": 2})
    assert rarest_terms({"kinesi", "data", "provis", "mode"}, counts) == {"provis"}
    assert rarest_terms({"provis", "shard", "data"}, counts) == {"provis", "shard"}
    # a word the notes never hold names nothing a passage could hold
    assert rarest_terms({"charg", "mode"}, counts) == {"mode"}
    assert rarest_terms({"charg"}, counts) == set()
