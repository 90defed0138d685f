"""One subject asked two aspects, answered with a sentence per aspect inside the subject's
passages: the passage that states what was asked of the aspects is read ("which distribution type
for the train channel, and which for the test channel"), and an aspect its passage leaves unnamed
takes the line that states the ask ("what comes back at inference": the "Return format" line);
a sentence stating each aspect in a clause of its own answers both; sides the subject's passages
never name are compared as things of their own; a line stating a value of the kind an aspect
asks ("CSV only" for "training input format") answers it.
Also the ask's forms that name one subject and two aspects."""

from __future__ import annotations

import pytest

from retrieval.embed import Embedder
from retrieval.service import NotesIndex
from retrieval.understand import understand
from tests.retrieval.conftest import tutor_over

CARDS = (
    "#separator:Tab\nFront\tBack\n"
    'PCA: What input does it take?\t"Train Input: application/recordIO-wrapped-protobuf; text/csv'
    "\nOperates in 2 modes: regular or randomized"
    '\nReturn format: application/json (vector of projections)"\n'
    "What does SageMaker Inference Recommender report?\tFor each candidate instance type it"
    " load-tests the model and reports latency and cost per inference; advanced jobs replay your"
    " own traffic pattern.\n"
)

NOTES = """# SageMaker

## K-Means input formats

K-Means trains from a train channel and an optional test channel, with RecordIO-protobuf or CSV
data. For the train channel AWS recommends the ShardedByS3Key distribution; the test channel is
normally FullyReplicated. CSV input has no label column.

## K-Means hyperparameters

K-Means `epochs` are passes over the training data. Evaluation metrics on the test channel are
`test:msd` and `test:ssd`.

## Training jobs

Training jobs run on the instance type you pick. A test set held out from training measures the
model. Spot training lowers the cost of training jobs.

## Inference

Real-time inference serves one request at a time from an endpoint. Batch inference scores a whole
dataset. A test request checks the endpoint before traffic moves to it.

## Endpoints

An endpoint hosts a model for real-time inference; autoscaling adds instances as inference traffic
grows.

## Inference Recommender

SageMaker Inference Recommender load-tests a model on candidate instance types and reports latency
and cost for each. A default job gives quick instance recommendations; an advanced job replays a
traffic pattern you define against chosen instances.

## BlazingText text classification mode

BlazingText text classification mode learns to predict one or more labels for each sentence from
its words.

## BlazingText hyperparameters

Text classification mode:

- `word_ngrams`: how many consecutive words are combined into features
- `buckets`: hash buckets for word n-grams

## S3 buckets

Each S3 bucket holds objects under keys, a key being a word or a path. A bucket policy controls
who reads the bucket. Model artifacts land in an output bucket.

## IP Insights input

- User names and account IDs can be fed in directly
- Training channel, optional validation (computes AUC score)
- CSV only
- Entity, IP

## Channels

A training job reads a train channel and may read a test channel; each channel is an S3 prefix
in a bucket.
"""


@pytest.fixture(scope="module")
def tutor(tmp_path_factory: pytest.TempPathFactory, embedder: Embedder) -> NotesIndex:
    files = {"deck.csv": CARDS, "sagemaker.md": NOTES}
    return tutor_over(tmp_path_factory, embedder, "aspectpicks", files)


@pytest.mark.parametrize(
    ("question", "subjects", "topic"),
    [
        (
            "sagemaker k-means: which s3 distribution type for the train channel, and which for"
            " the test channel?",
            ("train channel", "test channel"),
            "sagemaker k-means",
        ),
        (
            "sagemaker pca: what format goes in for training vs what comes back at inference?",
            ("training", "inference"),
            "sagemaker pca",
        ),
        (
            "for ip insights: training input format vs what the validation channel gives you",
            ("training input format", "what the validation channel gives you"),
            "ip insights",
        ),
    ],
)
def test_one_subject_and_its_two_aspects_are_read(
    question: str, subjects: tuple[str, ...], topic: str
) -> None:
    ask = understand(question)
    assert (ask.kind, ask.subjects, ask.topic) == ("comparison", subjects, topic)


def test_the_passage_stating_the_ask_answers_both_aspects(tutor: NotesIndex) -> None:
    answer = tutor.ask(
        "k-means: which s3 distribution type for the train channel vs the test channel?"
    )
    assert "ShardedByS3Key" in answer.text and "FullyReplicated" in answer.text


def test_an_unnamed_aspect_takes_the_line_stating_the_ask(tutor: NotesIndex) -> None:
    answer = tutor.ask("pca: what format goes in for training vs what comes back at inference?")
    assert "recordIO-wrapped-protobuf" in answer.text and "vector of projections" in answer.text


def test_a_sentence_stating_each_aspect_in_a_clause_answers_both(tutor: NotesIndex) -> None:
    answer = tutor.ask(
        "inference recommender: default job vs advanced job - what does each one actually do?"
    )
    assert "quick instance recommendations" in answer.text and "traffic pattern" in answer.text


def test_aspects_the_subjects_passages_never_name_are_compared_as_things(
    tutor: NotesIndex,
) -> None:
    answer = tutor.ask(
        "blazingtext text classification: word_ngrams vs buckets, what does each one control?"
    )
    assert "consecutive words" in answer.text and "hash buckets" in answer.text


def test_an_aspect_is_answered_by_a_value_of_the_kind_it_asks(tutor: NotesIndex) -> None:
    answer = tutor.ask(
        "for ip insights: training input format vs what the optional validation channel gives you"
    )
    assert "CSV only" in answer.text and "AUC" in answer.text
    assert answer.text.count("Entity, IP") <= 1
