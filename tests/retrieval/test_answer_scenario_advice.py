"""A scenario whose quoted sentences advise nothing the stem does not already say also quotes
the passage's sentence advising a step the stem lacks ("With few images, use transfer
learning"), added last when there is room."""

from __future__ import annotations

import pytest

from retrieval.embed import Embedder
from retrieval.service import NotesIndex
from tests.retrieval.conftest import tutor_over

NOTES = """# Feature Engineering

## Image Feature Preparation

Image preprocessing prepares pictures for a convolutional neural network. Resize or crop every
image to the input size the network expects (for example 224 x 224 pixels), convert colour
channels consistently and scale pixel values. For SageMaker image classification and object
detection you provide JPG or PNG images with a .lst file or a JSON annotation file, or pack them
into RecordIO format for faster Pipe mode training. Label the images first, for example with
SageMaker Ground Truth. With few images, use transfer learning from a model pretrained on
ImageNet.

## Text Feature Preparation

Tokenize text, remove stop words and build n-grams before training a text model.
"""


@pytest.fixture(scope="module")
def tutor(tmp_path_factory: pytest.TempPathFactory, embedder: Embedder) -> NotesIndex:
    return tutor_over(tmp_path_factory, embedder, "scenario-advice", {"notes.md": NOTES})


def test_the_sentence_advising_the_missing_step_is_quoted(tutor: NotesIndex) -> None:
    answer = tutor.ask(
        "We hold about 700 labelled pictures of five part types and a small GPU budget, and want "
        "to train the SageMaker image classification algorithm. Starting from random weights was "
        "the plan. How should we set it up?"
    )
    assert "transfer learning" in " ".join(answer.sentences)
