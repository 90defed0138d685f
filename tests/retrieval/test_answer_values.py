"""A number question quotes the sentence stating the kind of value asked (a duration for "how
long ... retain", a count for "how many"), not another number of the same subject; a definition
quotes what the subject is, not a property; and the confidence of an answered question is lower
when the quote holds neither what was asked nor the value it asks for."""

from __future__ import annotations

from pathlib import Path

import pytest

from retrieval.build import BuildOptions, build_index
from retrieval.confidence import needs_met
from retrieval.embed import Embedder
from retrieval.facets import states_value
from retrieval.lexical import tokenize
from retrieval.service import NotesIndex
from retrieval.understand import understand
from tests.retrieval.conftest import MODEL

NOTES = {
    "streams.md": "# Streaming\n\n"
    "## Kinesis Data Streams\n\n"
    "Each PutRecord call writes one record of up to 1 MB to a shard of the stream.\n"
    "A shard accepts writes of 1 MB per second and reads of 2 MB per second.\n"
    "Records stay in the stream for 24 hours by default, and the retention period can be raised "
    "to 365 days.\n\n"
    "## Enhanced fan-out\n\n"
    "Enhanced fan-out gives every registered consumer its own 2 MB per second of reads per shard.\n"
    "A stream can register up to 20 enhanced fan-out consumers at once.\n",
    "training.md": "# Training\n\n"
    "## Pipe mode\n\n"
    "Pipe mode streams the training data from S3 into the container while the job runs.\n"
    "It also lets a job train on datasets larger than the 16 TB limit of an EBS volume.\n\n"
    "## Inference pipelines\n\n"
    "Inference pipelines are fully managed.\n"
    "An inference pipeline is a chain of two to five containers that serve one request in turn.\n",
    "fitting.md": "# Model fit\n\n"
    "## Underfitting\n\n"
    "An underfit network scores poorly on the training set and on validation.\n"
    "Train for more epochs or use a bigger network.\n\n"
    "## Overfitting\n\n"
    "An overfit model fits its training data closely and does much worse on new data.\n"
    "Add dropout or regularization, or stop training early.\n",
    "serving.md": "# Serving\n\n"
    "## Batch Transform\n\n"
    "Batch Transform scores a whole dataset in S3 and writes the predictions next to it.\n"
    "Batch transform predictions are ok for real time dashboards that refresh once a day.\n"
    "Each batch transform job starts its own instances, so it is not for real time use.\n",
}


@pytest.fixture(scope="module")
def tutor(tmp_path_factory: pytest.TempPathFactory, embedder: Embedder) -> NotesIndex:
    root = tmp_path_factory.mktemp("values")
    for name, text in NOTES.items():
        (root / name).write_text(text, encoding="utf-8")
    index_dir = tmp_path_factory.mktemp("values-data") / "index"
    build_index(BuildOptions([root], index_dir, MODEL), embedder_factory=lambda _n: embedder)
    return NotesIndex(Path(index_dir), MODEL, embedder=embedder)


@pytest.mark.parametrize(
    ("term", "text", "states"),
    [
        ("retain", "data storage for 1 to 365 days", True),
        ("retain", "PutRecord puts a single record into the stream", False),
        ("biggest", "Max object size is 5TB", True),
        ("many", "Can only optimise for one objective", True),
        ("many", "2 MB/s of reads per shard", False),
        ("availability", "99.5% availability", True),
        ("format", "Training data must be recordIO-protobuf with Float32 values", True),
        ("format", "Works well on sparse data", False),
    ],
)
def test_a_value_word_is_held_by_a_sentence_stating_such_a_value(
    term: str, text: str, states: bool
) -> None:
    assert states_value(tokenize(term)[0], text) is states


def test_how_long_quotes_the_duration_not_the_record_size(tutor: NotesIndex) -> None:
    answer = tutor.ask("how long can kinesis data streams retain records")
    assert answer.covered and answer.kind == "limit"
    assert "365 days" in answer.text and "1 MB" not in answer.text


def test_how_many_quotes_the_count_not_the_throughput(tutor: NotesIndex) -> None:
    answer = tutor.ask("how many enhanced fan-out consumers can a stream have")
    assert answer.covered
    assert "20" in answer.text and "2 MB" not in answer.text


def test_superlatives_ask_for_a_limit() -> None:
    assert understand("biggest single object you can put in S3?").kind == "limit"
    assert understand("availability of S3 One Zone-IA").kind == "limit"


def test_a_pronoun_sentence_with_the_number_comes_with_its_antecedent(tutor: NotesIndex) -> None:
    answer = tutor.ask("EBS volume size limit that pipe mode lets you get around")
    assert answer.covered and "16 TB" in answer.text
    assert "Pipe mode" in answer.text  # what "It" is


def test_a_definition_quotes_what_it_is_not_a_property(tutor: NotesIndex) -> None:
    answer = tutor.ask("what's an inference pipeline")
    assert answer.covered
    assert answer.sentences[0].startswith("An inference pipeline is a chain")


def test_confidence_is_lower_when_the_quote_lacks_the_value_asked(tutor: NotesIndex) -> None:
    right = tutor.ask("how long can kinesis data streams retain records")
    unstated = tutor.ask("what is the availability of a kinesis data stream")
    assert right.covered and unstated.covered
    assert right.features[3] == 1.0
    assert unstated.features[3] == 0.0  # no percentage anywhere: the need is not met
    assert right.confidence > unstated.confidence


def test_needs_met_reads_the_kinds_needs(tutor: NotesIndex) -> None:
    from retrieval.compose import Composer

    searcher = tutor.searcher
    ask = understand("how long can kinesis data streams retain records")
    prepared = searcher.prepare(ask.text)
    hits = searcher.search(ask.text, k=5, prepared=prepared)
    composer = Composer(searcher, ask, prepared[0], prepared[1])
    composition = composer.compose(hits)
    assert needs_met(ask, composition, hits[0]) == 1.0  # the retention period is stated
    sides = understand("kinesis data streams vs firehose")
    assert needs_met(sides, composition, hits[0]) == 0.5  # Firehose is never named


def test_a_yes_no_question_gets_the_sentence_that_says_no(tutor: NotesIndex) -> None:
    answer = tutor.ask("is batch transform ok for real time predictions")
    assert answer.covered
    assert "not for real time use" in answer.text


def test_a_stem_with_overfitting_symptoms_gets_the_overfitting_remedies(tutor: NotesIndex) -> None:
    answer = tutor.ask(
        "Our deep network gets 99 % accuracy on the training set but only 70 % on validation "
        "after 50 epochs, and we cannot collect more data. What should we try?"
    )
    assert answer.covered and answer.kind == "scenario"
    assert "dropout" in answer.text and "more epochs" not in answer.text


@pytest.mark.parametrize(
    ("sentence", "default_only"),
    [
        ("Lambda's default timeout is 3 seconds, so raise it for heavier transforms.", True),
        ("A single invocation runs for at most 15 minutes; the default timeout is 3 s.", False),
        ("Payloads can be up to 6 MB.", False),
    ],
)
def test_a_default_is_no_bound(sentence: str, default_only: bool) -> None:
    from retrieval.limits import BOUND_ASKED, _default_only

    assert BOUND_ASKED.search("lambda timeout max?? my transform takes ages")
    assert _default_only(sentence) is default_only


@pytest.mark.parametrize(
    ("subject", "sentence", "other"),
    [
        ("s3 one zone ia", "S3 Standard-IA: 99.9% Availability", True),
        ("S3 One Zone-IA", "S3 Standard-IA: 99.9% Availability", True),
        ("S3 One Zone-IA", "S3 One Zone-IA: 99.5% availability", False),
        ("kinesis data streams retain records", "data storage for 1 to 365 days", False),
    ],
)
def test_a_sibling_variants_number_is_not_the_subjects(
    subject: str, sentence: str, other: bool
) -> None:
    from retrieval.limits import sibling

    assert sibling(set(tokenize(subject)), set(tokenize(sentence))) is other
