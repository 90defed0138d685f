"""A comparison side is not quoted with a sentence that names another side first ("Weights and
biases are ..." for biases): that sentence is the other side's, and the side's own sentence ("A
bias is an extra value ...") says what it does."""

from __future__ import annotations

import pytest

from retrieval.embed import Embedder
from retrieval.service import NotesIndex
from tests.retrieval.conftest import tutor_over

NETWORKS = """# Neural networks

## Weights and biases

Each neuron computes a weighted sum of its inputs plus a bias and passes it through an activation.
A weight's job is to scale the signal on each connection, setting how strongly one input counts.
Weights and biases are the learnable parameters of a neural network.
A bias is an extra value added to each neuron's weighted sum, shifting its activation so the
neuron can fire even when all inputs are zero.
L2 regularization keeps weights small to reduce overfitting.
"""


@pytest.fixture(scope="module")
def tutor(tmp_path_factory: pytest.TempPathFactory, embedder: Embedder) -> NotesIndex:
    return tutor_over(tmp_path_factory, embedder, "named-later", {"networks.md": NETWORKS})


def test_a_side_is_quoted_with_its_own_sentence_not_one_naming_the_other_first(
    tutor: NotesIndex,
) -> None:
    answer = tutor.ask("weights vs biases in a neural net - what job does each one do?")
    assert "shifting its activation" in answer.text
