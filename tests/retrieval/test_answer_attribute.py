"""A short ask for one attribute of a subject ("vector_dim - what if I set it too large") is
answered with the sentence holding the asked attribute, quoted after the one the answer is
built on (which names the subject), and only what the answer quoted before it is weighed by the
gate."""

from __future__ import annotations

import pytest

from retrieval.embed import Embedder
from retrieval.service import NotesIndex
from tests.retrieval.conftest import tutor_over

NOTES = (
    "# Amazon SageMaker algorithms\n\n"
    "## IP Insights\n\n"
    "Unsupervised learning of IP address usage patterns.\n"
    "Identifies suspicious behaviour from IP addresses.\n\n"
    "### Hyperparameters\n\n"
    "- Num_entity_vectors: hash size\n"
    "  - Set to twice the number of unique entity identifiers\n"
    "- Vector_dim - Size of embedding vectors\n"
    "  - Scales model size\n"
    "  - Too large results in overfitting\n"
    "- Epochs, learning rate, batch size, etc.\n\n"
    "## Neural Topic Model\n\n"
    "Neural Topic Model (NTM) is an unsupervised algorithm that organizes documents into topics "
    "with neural variational inference.\n"
    "Like LDA you choose the number of topics.\n\n"
    "### Predictions\n\n"
    "For prediction NTM returns the topic weights for each document.\n\n"
    "## Kinesis Data Firehose\n\n"
    "Near real time delivery to S3, Redshift, OpenSearch and Splunk.\n"
    "Can output parquet file format.\n\n"
    "### Transformations\n\n"
    "- Record transformation through a Lambda function\n"
    "- Outputs Parquet or ORC on the fly\n"
)


@pytest.fixture(scope="module")
def tutor(tmp_path_factory: pytest.TempPathFactory, embedder: Embedder) -> NotesIndex:
    return tutor_over(tmp_path_factory, embedder, "attribute", {"notes.md": NOTES})


def test_the_sentence_with_the_asked_attribute_is_quoted(tutor: NotesIndex) -> None:
    answer = tutor.ask("ip insights vector_dim - what if I set it too large")
    assert answer.sentences[0].startswith("Vector_dim")
    assert any(s.startswith("Too large results in overfitting.") for s in answer.sentences[1:])


def test_an_attribute_in_another_passage_about_the_subject_is_quoted(tutor: NotesIndex) -> None:
    answer = tutor.ask("firehose: what file formats can it convert records to on the fly?")
    assert any("Parquet or ORC" in s for s in answer.sentences)


def test_the_gate_reads_the_quote_without_the_attribute_sentence() -> None:
    """An off-topic ask's word may be an attribute sentence's too ("running"): the gate weighs
    what the answer quoted before it, as it was fitted on."""
    from retrieval.compose import Composition

    composition = Composition(
        ["Vector_dim - Size of embedding vectors.", "Too large."], [0], 0.5, 0.0
    )
    assert composition.weighed == composition.sentences
    brought = Composition(
        ["Vector_dim - Size of embedding vectors.", "Too large."], [0], 0.5, 0.0, extra=1
    )
    assert brought.weighed == ["Vector_dim - Size of embedding vectors."]


def test_what_comes_back_is_held_by_a_sentence_saying_what_it_returns(tutor: NotesIndex) -> None:
    answer = tutor.ask("ntm inference what comes back per doc")
    assert any("topic weights" in s for s in answer.sentences)
