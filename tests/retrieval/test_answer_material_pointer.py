"""The student's pointer at their own study material ("on the flashcards", "according to these
notes", "the redshift card") names where the answer comes from, not what is asked: it is left out
before the question is searched and checked, so the notes' word for itself is no subject they
"don't mention", and a unit named by its subject is where the answer is read."""

from __future__ import annotations

import pytest

import retrieval.answer as answering
from retrieval import material
from retrieval.embed import Embedder
from retrieval.material import Pointed, named_hits, read_pointer, title_words, without_pointer
from retrieval.service import NotesIndex
from tests.retrieval.conftest import tutor_over
from tests.retrieval.test_answer_terse import NOTES


@pytest.fixture(scope="module")
def tutor(tmp_path_factory: pytest.TempPathFactory, embedder: Embedder) -> NotesIndex:
    return tutor_over(tmp_path_factory, embedder, "material-pointer", {"notes.md": NOTES})


def test_a_pointer_at_the_flashcards_is_no_missing_subject(
    tutor: NotesIndex, monkeypatch: pytest.MonkeyPatch
) -> None:
    question = "what does kinesis data firehose do with incoming records on the flashcards?"
    answer = tutor.ask(question)
    assert answer.covered, answer.missing
    assert "buffers incoming records" in answer.text.lower()
    monkeypatch.setattr(answering, "read_pointer", lambda text, written, titled: Pointed(text))
    assert "flashcards" in tutor.ask(question).missing  # read as a subject the notes lack


def test_a_subject_the_notes_lack_is_still_declined(tutor: NotesIndex) -> None:
    answer = tutor.ask("what does kubernetes do according to my notes?")
    assert not answer.covered
    assert "kubernetes" in answer.missing.lower()


@pytest.mark.parametrize(
    ("question", "left"),
    [
        (
            "dynamodb vs s3 on the flashcards - which one is serverless?",
            "dynamodb vs s3 - which one is serverless?",
        ),
        ("How does dropout work, according to these notes?", "How does dropout work?"),
        ("the kms bit of the notes lists SSE and CSE", "the kms bit lists SSE and CSE"),
        (
            "which metric do the cards call 'correct positives'?",
            "which metric do call 'correct positives'?",
        ),
        ("In the flashcards' service list, what is DMS?", "what is DMS?"),
        ("what does the redshift card say?", "what does redshift say?"),
        ("recall card vs precision card - which one?", "recall vs precision - which one?"),
        ("svm card: text vs images", "svm: text vs images"),
        ("which does the card push?", "which does push?"),
        (
            "what does 'availability' mean when the flashcards talk about s3?",
            "what does 'availability' mean about s3?",
        ),
        ("the photo on an ID card. Which one fits?", "the photo on an ID card. Which one fits?"),
        ("A card issuer flags fraud. Which metric?", "A card issuer flags fraud. Which metric?"),
        ("what are sagemaker model cards", "what are sagemaker model cards"),  # a subject
        ("where are the release notes", "where are the release notes"),
        ("my notes", "my notes"),  # nothing else: left as written
    ],
)
def test_without_pointer(question: str, left: str) -> None:
    assert without_pointer(question) == left


def test_a_unit_word_the_notes_write_stays() -> None:
    written = {("the", "card"), ("card", "numbers")}
    assert without_pointer("who may store the card numbers?", written) == (
        "who may store the card numbers?"
    )
    assert without_pointer("who may store the card numbers?") == "who may store numbers?"


def test_the_named_units_are_read() -> None:
    assert read_pointer("recall card vs precision card?").units == ("recall", "precision")
    assert read_pointer("what does the card say about s3?").units == ()


METRICS = """# Metrics

## Recall

- share of the actual positives the model finds
- a good choice when false negatives cost a lot, such as fraud detection

## Precision

- share of the predicted positives that are right
- a good choice when false positives cost a lot, such as drug testing

## F1

- the harmonic mean of precision and recall, for when you care about precision and recall alike
"""


@pytest.fixture(scope="module")
def metrics(tmp_path_factory: pytest.TempPathFactory, embedder: Embedder) -> NotesIndex:
    return tutor_over(tmp_path_factory, embedder, "named-units", {"metrics.md": METRICS})


def test_named_units_are_where_the_answer_is_read(
    metrics: NotesIndex, monkeypatch: pytest.MonkeyPatch
) -> None:
    question = (
        "recall card vs precision card - which one fits fraud detection and which drug testing?"
    )
    answer = metrics.ask(question)
    assert "fraud detection" in answer.text and "drug testing" in answer.text
    assert "harmonic mean" not in answer.text  # the F1 card names both, but was not pointed at
    monkeypatch.setattr(answering, "named_hits", lambda hits, units: [])
    assert "harmonic mean" in metrics.ask(question).text


def test_named_hits_need_every_unit(metrics: NotesIndex) -> None:
    hits = metrics.searcher.search("recall precision f1", k=3)
    assert {h.chunk.heading[-1] for h in named_hits(hits, ["recall", "precision"])} == {
        "Recall",
        "Precision",
    }
    assert named_hits(hits, ["recall", "roc curve"]) == []


@pytest.mark.parametrize(
    ("question", "left"),
    [
        ("firehose input format in the blog json or csv", "firehose input format json or csv"),
        ("What is Kafka, per the blog's MSK note?", "What is Kafka, MSK note?"),
        (
            "In the outline's algorithm types, which one is BlazingText?",
            "which one is BlazingText?",
        ),
        ("Which remedy is on the cheat sheet's list?", "Which remedy is list?"),
        ("the exact outline of every car in a photo", "the exact outline of every car in a photo"),
    ],
)
def test_a_document_no_title_names_is_a_pointer(question: str, left: str) -> None:
    assert without_pointer(question) == left


def test_a_document_a_title_names_stays() -> None:
    titled = frozenset({"machine", "learning", "cheat", "sheet"})
    question = "Which remedy is on the cheat sheet's list?"
    assert without_pointer(question, titled=titled) == question
    assert without_pointer("json or csv in the blog", titled=titled) == "json or csv"


SHEET = """# Machine Learning Cheat Sheet

## Regularisation

- dropout switches off random units while training
"""


def test_the_notes_titles_keep_their_document_in_the_question(
    tmp_path_factory: pytest.TempPathFactory, embedder: Embedder
) -> None:
    tutor = tutor_over(tmp_path_factory, embedder, "document-pointer", {"sheet.md": SHEET})
    assert title_words(tutor.searcher, tutor.searcher.files.chunks) >= {"cheat", "sheet"}
    kept = tutor.ask("what does dropout do, per the cheat sheet?")
    assert "cheat sheet" in kept.searched
    assert "blog" not in tutor.ask("what does dropout do, per the blog?").searched


@pytest.mark.parametrize(
    ("question", "left"),
    [
        (
            "dynamodb vs elasticache on the services overview card - which one caches?",
            "dynamodb vs elasticache - which one caches?",
        ),
        (
            "QuickSight and Athena on the services overview card, what is each one for?",
            "QuickSight and Athena, what is each one for?",
        ),
        (
            "mysql vs mongodb in the blog's database list - which one is relational?",
            "mysql vs mongodb - which one is relational?",
        ),
        # no comparison before the place: its subject is what is asked about
        (
            "How does the agent on the reinforcement learning card learn?",
            "How does the agent reinforcement learning learn?",
        ),
        ("What is Kafka, per the blog's MSK note?", "What is Kafka, MSK note?"),
        # "and" joining what the student does: no sides open the question
        (
            "how do i train and deploy on the sagemaker card?",
            "how do i train and deploy sagemaker?",
        ),
        # the comparison is in another sentence (a scenario's stem)
        (
            "Dropout and early stopping are in place. Which remedy on the regularisation card?",
            "Dropout and early stopping are in place. Which remedy regularisation?",
        ),
    ],
)
def test_a_place_after_a_comparison_is_no_word_of_its_last_side(question: str, left: str) -> None:
    assert without_pointer(question) == left


OVERVIEW = """# Data engineering

## Major services for data engineering

- DynamoDB: NoSQL store
- ElastiCache: data cache technology
- Redshift: data warehouse for analytics
- Athena: serverless query of your data in S3

## Redshift overview

- Redshift Spectrum queries data in S3 without loading it
- Redshift serves BI dashboards over all the services that land data in S3
"""


def test_a_comparison_on_a_named_card_is_answered(
    tmp_path_factory: pytest.TempPathFactory,
    embedder: Embedder,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    tutor = tutor_over(tmp_path_factory, embedder, "placed-pointer", {"overview.md": OVERVIEW})
    question = "dynamodb vs elasticache on the services overview card - which one is the cache?"
    answer = tutor.ask(question)
    assert answer.covered, answer.missing
    assert "NoSQL store" in answer.text and "data cache technology" in answer.text
    monkeypatch.setattr(material, "_placed", lambda found: False)
    assert "services overview" in tutor.ask(question).missing  # read as the last side's words
