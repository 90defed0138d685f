"""A comparison side's answer filed under its own heading that names what was asked ("Seq2Seq:
What training input does it expect?", "Random Cut Forest: Instance Types") beats the side's
overview line: the line under that heading answers the ask without repeating its words."""

from __future__ import annotations

import pytest

from retrieval.embed import Embedder
from retrieval.service import NotesIndex
from tests.retrieval.conftest import filler_topics, tutor_over

CARDS = """# Built-in algorithms

## Seq2Seq

Seq2Seq trains a model that turns one sequence of tokens into another sequence of tokens.
Seq2Seq is built with recurrent and convolutional layers with attention.

## Seq2Seq: What training input does it expect?

RecordIO-Protobuf - tokens must be integers, not floating point values.

## BlazingText

BlazingText trains Word2vec word vectors or a text classifier very quickly.
BlazingText scales across many CPU cores or a single GPU.

## BlazingText: What training input does it expect?

Word2vec just wants a text file with one training sentence per line.

## BlazingText hyperparameters

Text classification mode:

- `word_ngrams`: how many consecutive words are combined into features
- `buckets`: hash buckets for word n-grams

## S3 bucket policies and access control

An S3 bucket policy is a JSON document attached to a bucket that allows or denies actions.
"""

# Other notes, so that "input" and "control" are words few of the notes' sentences hold, as in
# real notes.
FILLER = (
    filler_topics(13)
    + "\n\n## Input files\n\nEach job reads one input file per channel."
    + "\n\n## Roles\n\nIAM roles control who may start a job."
)


@pytest.fixture(scope="module")
def tutor(tmp_path_factory: pytest.TempPathFactory, embedder: Embedder) -> NotesIndex:
    files = {"cards.md": CARDS, "other.md": f"# Other notes\n\n{FILLER}\n"}
    return tutor_over(tmp_path_factory, embedder, "filed-aspect", files)


def test_a_side_answer_filed_under_its_heading_naming_the_ask_is_quoted(
    tutor: NotesIndex,
) -> None:
    answer = tutor.ask("seq2seq vs blazingtext: what does each one want as training input?")
    assert answer.covered
    assert "RecordIO-Protobuf" in answer.text
    assert "one training sentence per line" in answer.text


def test_a_question_asking_nothing_files_nothing(tutor: NotesIndex) -> None:
    """Without a clause that asks, the question's words are its setting ("when we have ..."):
    a heading holding one of them files no answer to it."""
    answer = tutor.ask("seq2seq or blazingtext when we have integer training input tokens")
    assert "RecordIO-Protobuf" not in answer.text


def test_a_heading_of_another_subject_files_nothing_for_a_side(tutor: NotesIndex) -> None:
    """A side of a named subject ("buckets" of BlazingText) is not filed under another thing of
    that name whose heading holds an asked word ("S3 bucket policies and access control")."""
    answer = tutor.ask(
        "blazingtext text classification: word_ngrams vs buckets, what does each one control?"
    )
    assert "hash buckets" in answer.text
    assert "bucket policy" not in answer.text
