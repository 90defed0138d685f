"""A label the notes repeat under many subjects' headings ("DeepAR: Instance Types", "Seq2Seq:
Instance Types", ...) files the words most of its passages hold ("cpu", "gpu"): a comparison
asking "which can get by on cpu" is answered from each side's card under that label, even from a
line that leaves "cpu" unsaid ("Can only use GPU instance types"), and a terse card's next best
line is quoted with the pick, in the card's order."""

from __future__ import annotations

import pytest

from retrieval.documents import Chunk
from retrieval.embed import Embedder
from retrieval.filing import homes_of, label_of
from retrieval.service import NotesIndex
from tests.retrieval.conftest import filler_topics, tutor_over

CARDS = """# Built-in algorithms

## DeepAR

DeepAR forecasts one-dimensional time series with a recurrent neural network.
DeepAR trains one model over many related time series at once.

## DeepAR: Instance Types

Can use CPU or GPU
Single or multi machine
Start with CPU (C4.2xlarge, C4.4xlarge)
CPU-only for inference

## Seq2Seq

Seq2Seq turns one sequence of tokens into another sequence of tokens.
Seq2Seq reports accuracy against the provided validation dataset.

## Seq2Seq: Instance Types

Can only use GPU instance types (P3 for example)
Can only use a single machine for training, so cannot be parallelized

## IP Insights: Instance Types

CPU or GPU
GPU recommended for training on large data sets

## Object2Vec: Instance Types

Can only train on a single machine (CPU or GPU, multi-GPU OK)
Inference: use ml.p2.2xlarge
"""

# Other notes, so that "cpu" is a word few of the notes' sentences hold, as in real notes.
FILLER = filler_topics(40)


@pytest.fixture(scope="module")
def tutor(tmp_path_factory: pytest.TempPathFactory, embedder: Embedder) -> NotesIndex:
    files = {"cards.md": CARDS, "other.md": f"# Other notes\n\n{FILLER}\n"}
    return tutor_over(tmp_path_factory, embedder, "card-label", files)


def _chunk(heading: str, text: str) -> Chunk:
    return Chunk("notes.md", ("Notes", heading), "note", 0, len(text), text)


def test_a_label_repeated_under_three_subjects_files_what_most_of_its_passages_hold() -> None:
    chunks = [
        _chunk("DeepAR: Instance Types", "Can use CPU or GPU"),
        _chunk("Seq2Seq: Instance Types", "Can only use GPU instance types"),
        _chunk("XGBoost: Instance Types", "CPU only for multiple instance training"),
        _chunk("XGBoost: Hyperparameters", "Eta shrinks the step size"),
        _chunk("Rekognition: The Nitty Gritty", "Images come from S3"),
    ]
    homes = homes_of(chunks)
    assert label_of(chunks[0]) == "instance types"
    assert {"cpu", "gpu"} <= homes["instance types"]
    assert "instanc" not in homes["instance types"]  # the label's own words file nothing new
    assert "hyperparameters" not in homes  # under one subject only: its own heading
    assert "the nitty gritty" not in homes


def test_each_side_is_answered_from_its_card_under_the_label_filing_the_ask(
    tutor: NotesIndex,
) -> None:
    answer = tutor.ask("deepar vs seq2seq for training hardware - which of them can get by on cpu?")
    assert answer.covered
    assert "Can use CPU or GPU" in answer.text
    assert "Can only use GPU instance types" in answer.text
    assert "validation dataset" not in answer.text  # Seq2Seq's overview says nothing of it
    # a card's two lines keep the card's order
    assert answer.text.index("Can use CPU or GPU") < answer.text.index("CPU-only for inference")
