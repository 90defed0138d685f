"""A window of raw notes under no heading, many unrelated lines, is found by the one line that
answers: search raises such a passage's closeness to the question towards its best sentence's."""

from __future__ import annotations

import numpy as np
import pytest

from retrieval.embed import Embedder
from retrieval.service import NotesIndex
from tests.retrieval.conftest import tutor_over

# Raw study notes as a student keeps them: one flat list of unrelated facts, no title or heading.
FLAT = """- Kinesis has video streams, data streams, firehose and data analytics
- Athena runs SQL over S3 without servers
- Polly turns text into speech and Transcribe turns speech into text
- Lex builds chatbots and Step Functions orchestrate workflows
- Algorithms are stored in docker containers in ECS, and training spins up EC2 instances
- Ground truth labels data with human workers
- Spot training uses checkpoints to survive interruptions
- Deployed into a public VPC by default
"""

TRAINING = """# Training

## Training jobs

A training job needs the URL of the S3 bucket with the training data, the compute resources,
the URL of the S3 bucket for the output, and the path of the training code. Training jobs can
run built-in algorithms, Spark MLlib, or custom Python TensorFlow and MXNet code. Training
algorithms can be built in or your own.
"""

QUESTION = "where are the training algorithms stored"


@pytest.fixture(scope="module")
def tutor(tmp_path_factory: pytest.TempPathFactory, embedder: Embedder) -> NotesIndex:
    files = {"flat.txt": FLAT, "training.md": TRAINING}
    return tutor_over(tmp_path_factory, embedder, "best-sentence", files)


def test_the_flat_list_holding_the_line_comes_first(tutor: NotesIndex) -> None:
    searcher = tutor.searcher
    first = searcher.search(QUESTION, k=2)[0]
    assert "docker containers" in first.chunk.text
    weight = searcher.sentence_weight
    try:
        searcher.sentence_weight = 0.0  # by the whole passage's vector, the overview wins
        assert "docker containers" not in searcher.search(QUESTION, k=2)[0].chunk.text
    finally:
        searcher.sentence_weight = weight


def test_a_one_sentence_passage_has_no_best_sentence_of_its_own(tutor: NotesIndex) -> None:
    files = tutor.searcher.files
    vector = tutor.searcher.prepare(QUESTION)[1]
    rows = list(range(len(files.chunks)))
    best = files.best_sentence_cosines(rows, vector)
    for row, value in zip(rows, best.tolist(), strict=True):
        sentences = files.sentence_rows(row)
        if sentences.size < 2:
            assert value == -1.0
        else:
            cosines = files.sentence_vectors[sentences].astype(np.float32) @ vector
            assert value == pytest.approx(float(cosines.max()), abs=1e-5)


def test_no_rows_asked_reads_nothing(tutor: NotesIndex) -> None:
    vector = tutor.searcher.prepare(QUESTION)[1]
    assert tutor.searcher.files.best_sentence_cosines([], vector).size == 0


def test_a_headed_passage_keeps_its_own_cosine(tutor: NotesIndex) -> None:
    searcher = tutor.searcher
    hits = searcher.search(QUESTION, k=2)
    headed = next(h for h in hits if h.chunk.source == "training.md")
    weight = searcher.sentence_weight
    try:
        searcher.sentence_weight = 0.0
        alone = next(h for h in searcher.search(QUESTION, k=2) if h.chunk.source == "training.md")
    finally:
        searcher.sentence_weight = weight
    assert headed.score == pytest.approx(alone.score)
