"""A long headed note of several facts about its subject is found by the one line that answers:
its vector, an average of every fact, is far from that line, and a short note that only names
the subject beat it."""

from __future__ import annotations

import pytest

from retrieval.embed import Embedder
from retrieval.search import LONG_NOTE_SENTENCES
from retrieval.service import NotesIndex
from tests.retrieval.conftest import tutor_over

# A service's section as a blog post writes it: five facts, the asked one last.
GLUE = """# Study notes

## AWS Glue

AWS Glue is a serverless data integration service. Crawlers scan data in S3 and fill the Data
Catalog with table definitions. Glue jobs run Apache Spark code written in Scala or Python.
Job bookmarks keep track of data already processed. Skip Glue on the exam when the question
never mentions ETL.
"""

EXAM = """# Services

## Glue on the exam

The exam often lists Glue among the options for moving data.
"""

# Raw notes under no heading: judged by their best line already.
LOOSE = """Kinesis Data Streams keeps records for a day by default. Firehose delivers to S3.
"""

QUESTION = "exam option says glue but the question never talks about etl, still pick it?"


@pytest.fixture(scope="module")
def tutor(tmp_path_factory: pytest.TempPathFactory, embedder: Embedder) -> NotesIndex:
    files = {"glue.md": GLUE, "exam.md": EXAM, "loose.md": LOOSE}
    return tutor_over(tmp_path_factory, embedder, "long-note", files)


def test_the_long_note_holding_the_line_comes_first(tutor: NotesIndex) -> None:
    assert "never mentions ETL" in tutor.searcher.search(QUESTION, k=2)[0].chunk.text


def test_without_the_raise_the_note_naming_the_subject_wins(tutor: NotesIndex) -> None:
    searcher = tutor.searcher
    weight = searcher.long_note_weight
    try:
        searcher.long_note_weight = 0.0  # by the whole passage's vector
        assert "never mentions ETL" not in searcher.search(QUESTION, k=2)[0].chunk.text
    finally:
        searcher.long_note_weight = weight


def test_only_a_note_of_several_sentences_counts(tutor: NotesIndex) -> None:
    searcher = tutor.searcher
    rows = {chunk.source: row for row, chunk in enumerate(searcher.files.chunks)}
    assert searcher.files.sentence_count(rows["glue.md"]) >= LONG_NOTE_SENTENCES
    assert searcher._is_long_note(rows["glue.md"])
    assert not searcher._is_long_note(rows["exam.md"])  # one sentence: its own vector says it


def test_only_the_first_place_changes(tutor: NotesIndex) -> None:
    searcher = tutor.searcher
    raised = [hit.row for hit in searcher.search(QUESTION, k=2)]
    weight = searcher.long_note_weight
    try:
        searcher.long_note_weight = 0.0
        plain = [hit.row for hit in searcher.search(QUESTION, k=2)]
    finally:
        searcher.long_note_weight = weight
    assert raised[1:] == [row for row in plain if row != raised[0]][: len(raised) - 1]


def test_a_first_passage_judged_by_its_best_line_keeps_its_place(tutor: NotesIndex) -> None:
    searcher = tutor.searcher
    rows = {chunk.source: row for row, chunk in enumerate(searcher.files.chunks)}
    glue, exam, loose = rows["glue.md"], rows["exam.md"], rows["loose.md"]
    assert searcher._by_best_sentence(loose) and not searcher._by_best_sentence(exam)
    _, vector = searcher.prepare(QUESTION)
    closeness = {row: 0.0 for row in rows.values()}

    def glue_wins(close: dict[int, float]) -> dict[int, float]:
        return {**{row: 0.0 for row in close}, glue: close[glue]}

    first = searcher._long_note_first([exam, loose, glue], closeness, vector, glue_wins, 3)
    assert first == [glue, exam, loose]
    kept = searcher._long_note_first([loose, exam, glue], closeness, vector, glue_wins, 3)
    assert kept == [loose, exam, glue]
