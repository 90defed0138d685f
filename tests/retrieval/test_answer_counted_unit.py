"""A number question that counts in a unit ("how many days ...", "how many ms ...") quotes the
sentence with a number of that unit, not one with another count or another unit of the same
subject ("three Availability Zones", "53 minutes a year" for "how many days")."""

from __future__ import annotations

from pathlib import Path

import pytest

from retrieval.build import BuildOptions, build_index
from retrieval.embed import Embedder
from retrieval.limits import _counted_unit
from retrieval.service import NotesIndex
from tests.retrieval.conftest import MODEL

NOTES = {
    "storage.md": "# Storage\n\n"
    "## S3 Intelligent-Tiering\n\n"
    "S3 Intelligent-Tiering stores each object in three Availability Zones and moves objects "
    "between access tiers without a retrieval fee.\n"
    "An object moves to the infrequent access tier after 30 days without access.\n"
    "Its availability target allows roughly 53 minutes of downtime a year.\n",
    "streams.md": "# Streaming\n\n"
    "## Kinesis enhanced fan-out\n\n"
    "Enhanced fan-out gives each of up to 20 consumers its own 2 MB per second of reads.\n"
    "Records reach an enhanced fan-out consumer with a latency of about 70 ms.\n",
}


@pytest.fixture(scope="module")
def tutor(tmp_path_factory: pytest.TempPathFactory, embedder: Embedder) -> NotesIndex:
    root = tmp_path_factory.mktemp("units")
    for name, text in NOTES.items():
        (root / name).write_text(text, encoding="utf-8")
    index_dir = tmp_path_factory.mktemp("units-data") / "index"
    build_index(BuildOptions([root], index_dir, MODEL), embedder_factory=lambda _n: embedder)
    return NotesIndex(Path(index_dir), MODEL, embedder=embedder)


@pytest.mark.parametrize(
    ("question", "unit"),
    [
        ("s3 intelligent-tiering: how many days without access?", "day"),
        ("enhanced fan-out, roughly how many ms of latency", "ms"),
        ("how many consumers can use enhanced fan-out", ""),  # a count, no unit
        ("how much downtime a year does it allow", ""),  # "a year" is per, not counted
    ],
)
def test_the_unit_counted_in_is_the_word_after_how_many(question: str, unit: str) -> None:
    assert _counted_unit(question) == unit


def test_how_many_days_quotes_the_days_not_another_count(tutor: NotesIndex) -> None:
    answer = tutor.ask(
        "s3 intelligent-tiering: how many days without access before an object moves to a "
        "cheaper tier?"
    )
    assert answer.covered and answer.kind == "limit"
    assert "30 days" in answer.text and "three Availability Zones" not in answer.text


def test_how_many_ms_quotes_the_latency_not_the_read_rate(tutor: NotesIndex) -> None:
    answer = tutor.ask("kinesis enhanced fan-out, roughly how many ms of latency")
    assert answer.covered and answer.kind == "limit"
    assert "70 ms" in answer.text and "2 MB" not in answer.text
