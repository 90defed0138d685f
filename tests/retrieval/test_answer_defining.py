"""A definition quotes the sentence that says what the subject is, also when that sentence opens
with a pronoun but names the subject itself right before a colon, over one saying what fixes it."""

from __future__ import annotations

import pytest

from retrieval.embed import Embedder
from retrieval.service import NotesIndex
from tests.retrieval.conftest import tutor_over

# One paragraph a line, as the notes are written: the colon does not end a line.
NOTES = "\n".join(
    [
        "# Deep learning",
        "",
        "## Hidden-layer activations",
        "",
        "The Rectified Linear Unit (ReLU) outputs the input when it is positive and 0 otherwise. "
        "It is cheap to compute and is the default activation for hidden layers. Its weakness is "
        "the dying ReLU problem: a neuron whose input stays negative outputs 0 with zero gradient "
        "and stops learning.",
        "",
        "## Activation cards",
        "",
        "Leaky ReLU fixes dying ReLU neurons by giving negative inputs a small slope.",
        "",
    ]
)


@pytest.fixture(scope="module")
def tutor(tmp_path_factory: pytest.TempPathFactory, embedder: Embedder) -> NotesIndex:
    return tutor_over(tmp_path_factory, embedder, "defining", {"deep.md": NOTES})


def test_a_pronoun_sentence_naming_the_subject_before_a_colon_defines_it(
    tutor: NotesIndex,
) -> None:
    answer = tutor.ask("what is the dying relu problem")
    assert "stops learning" in answer.text
