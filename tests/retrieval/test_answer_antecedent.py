"""A sentence opening with a pronoun is quotable when the sentence before it, in its passage,
names the asked subject: the answer then quotes both, and "It" reads as that subject."""

from __future__ import annotations

import pytest

from retrieval.embed import Embedder
from retrieval.service import NotesIndex
from tests.retrieval.conftest import tutor_over

NOTES = """# Deep Learning

## Batch normalization and data augmentation

Batch normalization normalises the inputs to a layer over each mini-batch, then applies a
learned scale and shift. It stabilises and speeds up training, allows higher learning rates and
reduces sensitivity to weight initialization.

Data augmentation adds flipped, cropped or rotated copies of training images.

## Batch size

When raising the batch size across more GPUs, raise the learning rate roughly in proportion.
Rule of thumb: if a larger batch degraded model quality, reduce the batch size.
"""


@pytest.fixture(scope="module")
def tutor(tmp_path_factory: pytest.TempPathFactory, embedder: Embedder) -> NotesIndex:
    return tutor_over(tmp_path_factory, embedder, "antecedent", {"deep.md": NOTES})


def test_a_pronoun_sentence_after_one_naming_the_subject_is_quoted(tutor: NotesIndex) -> None:
    answer = tutor.ask("does adding batch norm let me crank the learning rate up higher")
    quoted = " ".join(answer.sentences)
    assert "allows higher learning rates" in quoted
    assert quoted.index("Batch normalization normalises") < quoted.index("It stabilises")
    assert "batch size across more GPUs" not in quoted
