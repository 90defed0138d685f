"""Terse notes say what a comparison's side is on a line labelled with its name ("Glue ETL: ETL
Jobs as Spark programs"), or on the line under a bare item naming it ("- Alpha" over "- L1
regularization term"): that line answers for the side, not a longer sentence elsewhere that only
mentions it; a bare name closing a list of names labels nothing. Sides that share a head word typed
once after the last ("L1 vs L2 regularisation") are each named without it."""

from __future__ import annotations

import pytest

from retrieval.embed import Embedder
from retrieval.service import NotesIndex
from tests.retrieval.conftest import tutor_over

NOTES = """# Data engineering notes

## AWS Data Pipeline vs Glue

Glue ETL - Do not worry about configuring or managing the resources of your Glue ETL jobs.
The Data Catalog makes the data available to Athena or Redshift Spectrum in your account.

## Storage and analytics services

Glue Data Catalog & Crawlers: Metadata repositories for schemas and datasets in your account.
Glue ETL: ETL Jobs as Spark programs, run on a serverless Spark Cluster.
DynamoDB: NoSQL store for key-value items.

## XGBoost hyperparameters

A few of them matter most:

- Alpha
  - L1 regularization term; larger = more conservative
- Lambda
  - L2 regularization term; larger = more conservative

## BlazingText text classification hyperparameters

- `mode` (required): supervised
- `word_ngrams`: how many consecutive words are combined into features
- `vector_dim`
- `buckets`: hash buckets for word n-grams
- `early_stopping`, with `patience` and `min_epochs`

## Semantic segmentation algorithms

You choose one of three network architectures with the `algorithm` hyperparameter:

- Fully Convolutional Network (FCN)
- Pyramid Scene Parsing (PSP)
- DeepLabV3

Each runs on an encoder backbone chosen with `backbone`: ResNet-50 or ResNet-101.

DeepLabV3 and PSP usually give finer boundaries; FCN is simpler and faster.

## ReLU and leaky ReLU

The Rectified Linear Unit (ReLU) outputs the input when it is positive and 0 otherwise.
Its weakness is the dying ReLU problem: a neuron whose input stays negative stops learning.

Variants fix this:

- **Leaky ReLU** gives negative inputs a small fixed slope (such as 0.01).
- **Parametric ReLU (PReLU)** learns that slope during training.

Leaky ReLU, PReLU and ELU keep a small slope for negative inputs.

## AWS Lambda

Lambda function max deployment package size is 50MB and its default timeout is 3 seconds.
"""


@pytest.fixture(scope="module")
def tutor(tmp_path_factory: pytest.TempPathFactory, embedder: Embedder) -> NotesIndex:
    return tutor_over(tmp_path_factory, embedder, "side-terms", {"data.md": NOTES})


def test_a_line_labelled_with_the_side_answers_for_it(tutor: NotesIndex) -> None:
    quoted = " ".join(tutor.ask("Glue ETL vs the Glue Data Catalog, which does what?").sentences)
    assert "Spark programs" in quoted and "Metadata repositories" in quoted


def test_a_bare_item_line_names_the_fact_under_it(tutor: NotesIndex) -> None:
    quoted = " ".join(tutor.ask("xgboost alpha vs lambda").sentences)
    assert "L1 regularization" in quoted and "L2 regularization" in quoted
    assert "deployment package" not in quoted


def test_a_setting_line_is_not_labelled_with_the_bare_setting_above_it(tutor: NotesIndex) -> None:
    quoted = " ".join(
        tutor.ask("blazingtext: word_ngrams vs buckets, what does each one control?").sentences
    )
    assert "hash buckets" in quoted
    assert "vector_dim" not in quoted


def test_a_name_closing_a_list_of_names_labels_nothing(tutor: NotesIndex) -> None:
    quoted = " ".join(tutor.ask("FCN vs DeepLabV3, what's the trade-off between them?").sentences)
    assert "finer boundaries" in quoted
    assert "DeepLabV3: Each runs" not in quoted


def test_a_side_named_in_bold_at_a_lines_start_answers_for_it(tutor: NotesIndex) -> None:
    asked = "leaky ReLU vs PReLU - how does each one handle negative inputs?"
    quoted = " ".join(tutor.ask(asked).sentences)
    assert "small fixed slope" in quoted and "learns that slope" in quoted


REGULARISATION = """# Regularisation

## L1, L2 What is the difference?

L1: sum of weights
- Performs feature selection, entire features go to 0
- Computationally inefficient
- Sparse output

L2: sum of square of weights
- All features remain considered, just weighted
- Computationally efficient
- Dense output

## L2 Regularization

- Sum of squared weights
- None of the weights reduced to zero
"""


@pytest.fixture(scope="module")
def regularisation(tmp_path_factory: pytest.TempPathFactory, embedder: Embedder) -> NotesIndex:
    return tutor_over(tmp_path_factory, embedder, "head", {"regularisation.md": REGULARISATION})


def test_sides_sharing_a_head_word_are_named_without_it(regularisation: NotesIndex) -> None:
    asked = "L1 vs L2 regularisation - which one gives a sparse output and which a dense one?"
    quoted = " ".join(regularisation.ask(asked).sentences)
    assert "Sparse output" in quoted and "Dense output" in quoted
