"""A comparison answers what it asks of its sides: the sentence that says the asked point of each
(or of both at once), also when a side's notes leave that point to the sentence after the one
naming the side; a "when do I use each" keeps the advice, not a second sentence naming both."""

from __future__ import annotations

import pytest

from retrieval.embed import Embedder
from retrieval.service import NotesIndex
from tests.retrieval.conftest import tutor_over

ENSEMBLES = """# Modeling

## Bagging vs boosting

Bagging and boosting are both ensemble methods built from many weak learners, usually trees.
Choose bagging when the model overfits; choose boosting when you need maximum accuracy.
- **Bagging** trains models independently on random samples drawn with replacement. Random forest
  is bagging plus random feature selection.
- **Boosting** trains models sequentially, each correcting its predecessors. XGBoost is boosting.

## Bias and variance

High training error means high bias; a large gap to validation error means high variance.
Bagging mainly reduces variance; boosting mainly reduces bias.
"""

BATCHES = """# Deep learning

## Batch size

- **Small batch sizes** give noisy gradient estimates. That noise helps the model escape local
  minima, and small batches often generalise better, but each epoch takes longer.
- **Large batch sizes** give smooth gradients and use GPU hardware efficiently, so each epoch is
  faster. But they can converge on a poor solution, generalise worse, and need more memory.
"""

STORAGE = """# S3 storage classes

## Infrequent access

- For data that is less frequently accessed, but requires rapid access when needed
- Amazon S3 Standard-Infrequent Access (S3 Standard-IA) gives 99.9% availability
- Use cases: disaster recovery, backups
- Amazon S3 One Zone-Infrequent Access (S3 One Zone-IA) keeps data in a single AZ
- 99.5% availability
- Use cases: secondary backup copies of on-premises data, or data you can recreate
"""

STREAMS = """# Streaming

## Kinesis Data Streams and Firehose

A Kinesis Data Streams record holds up to 1 MB, whereas a Firehose record holds up to 1,000 KB.
Use Kinesis Data Streams when you need real-time processing or replay; use Firehose when you only
need to land data in a destination.
Kinesis Data Firehose loads streaming data into S3, Redshift or OpenSearch without any code.
"""


@pytest.fixture(scope="module")
def tutor(tmp_path_factory: pytest.TempPathFactory, embedder: Embedder) -> NotesIndex:
    files = {"ensembles.md": ENSEMBLES, "batches.md": BATCHES, "storage.md": STORAGE}
    files["streams.md"] = STREAMS
    return tutor_over(tmp_path_factory, embedder, "aspect", files)


def test_the_sentence_answering_the_asked_aspect_for_both_sides_is_quoted(
    tutor: NotesIndex,
) -> None:
    answer = tutor.ask("bagging vs boosting - which kind of error does each one mainly reduce?")
    assert "mainly reduces variance" in answer.text


def test_a_sentence_leaning_on_the_sides_own_brings_the_asked_point(tutor: NotesIndex) -> None:
    answer = tutor.ask("small vs large batch, which generalises better?")
    assert "generalise better" in answer.text and "generalise worse" in answer.text


def test_a_terse_list_item_under_a_sides_line_answers_for_that_side(tutor: NotesIndex) -> None:
    answer = tutor.ask("S3 Standard-IA vs S3 One Zone-IA, what use cases is each one meant for?")
    assert "disaster recovery" in answer.text and "secondary backup" in answer.text


def test_when_to_use_each_opens_with_the_advice_not_another_contrast(tutor: NotesIndex) -> None:
    answer = tutor.ask("kinesis data streams vs firehose - when do i use each")
    assert answer.text.startswith("Use Kinesis Data Streams when")
