"""A comparison of one subject's two aspects ("deepar: which hardware for training vs for
inference") is parsed with the aspects as its sides and the subject as their topic, and answered
from the subject's passage with a sentence for each aspect, also when the passage leaves one
aspect unnamed. A side named on a line of its own in terse notes ("CLASSIFICATION") is quoted
with the fact under it."""

from __future__ import annotations

import pytest

from retrieval.embed import Embedder
from retrieval.service import NotesIndex
from retrieval.understand import understand
from tests.retrieval.conftest import tutor_over

CARDS = (
    "#separator:Tab\nFront\tBack\n"
    'DeepAR: Instance Types\t"Can use CPU or GPU\nSingle or multi machine\nCPU-only for inference'
    '\nMay need larger instances for tuning"\n'
    'DeepAR: How is it used?\t"Always include entire time series for training, testing, and'
    ' inference.\nTrain on many time series and not just one when possible."\n'
    'Semantic Segmentation: What training input does it expect?\t"JPG Images and PNG annotations'
    '\nLabel maps to describe annotations\nJPG images accepted for inference"\n'
)

NOTES = """# SageMaker

## Inference pipelines

You use an inference pipeline to chain preprocessing and inference containers on one endpoint.
Models can be deployed on multiple hardware platforms for inference.

## Training jobs

Training jobs run on the instance type you pick; GPU instances speed up deep learning training.
Spot training lowers the cost of training jobs.

## Elastic Inference

Elastic Inference attaches GPU acceleration to a CPU inference endpoint.

## Linear Learner hyperparameters

Name of the hyperparameter tuning job is CreateHyperparameterTuningJob.

REGRESSION
predictor_type='regressor'
mean square error, cross entropy loss, absolute error.

CLASSIFICATION
predictor_type='binary_classifier'
predictor_type='multiclass_classifier'
F1 measure, precision, recall, or accuracy.
"""


@pytest.fixture(scope="module")
def tutor(tmp_path_factory: pytest.TempPathFactory, embedder: Embedder) -> NotesIndex:
    files = {"deck.csv": CARDS, "sagemaker.md": NOTES}
    return tutor_over(tmp_path_factory, embedder, "topic", files)


def test_the_aspects_are_the_sides_and_the_subject_their_topic() -> None:
    ask = understand("deepar: which hardware for training vs for inference?")
    assert ask.subjects == ("training", "inference")
    assert ask.topic == "deepar"


def test_each_aspect_is_answered_from_the_subjects_passage(tutor: NotesIndex) -> None:
    answer = tutor.ask("deepar: which hardware for training vs for inference?")
    assert "CPU or GPU" in answer.text and "CPU-only for inference" in answer.text


def test_an_aspect_asked_as_a_clause_is_read_in_the_subjects_card(tutor: NotesIndex) -> None:
    answer = tutor.ask(
        "semantic segmentation: what file types for the training images vs what it accepts at"
        " inference?"
    )
    assert "PNG annotations" in answer.text and "accepted for inference" in answer.text


def test_a_side_named_on_a_line_of_its_own_brings_the_fact_under_it(tutor: NotesIndex) -> None:
    answer = tutor.ask(
        "linear learner: if I set it up for regression vs classification, which metrics does each"
        " one get judged on?"
    )
    assert "absolute error" in answer.text and "F1 measure" in answer.text
