"""A comparison's side named only as one item of a list of names ("AlexNet, ResNet, VGG, ...")
is mentioned there, not told about: the side's own line answers for it."""

from __future__ import annotations

import pytest

from retrieval.embed import Embedder
from retrieval.service import NotesIndex
from tests.retrieval.conftest import tutor_over

NETWORKS = """# Image classification

## Built-in networks

Networks each one can use to go deeper: AlexNet, ResNet, VGG, Inception, MobileNet, DenseNet.

## Architectures

- GoogLeNet: even deeper, but with better performance. Introduces inception modules.
- ResNet (Residual Network): even deeper, keeps its performance through skip connections.
"""


@pytest.fixture(scope="module")
def tutor(tmp_path_factory: pytest.TempPathFactory, embedder: Embedder) -> NotesIndex:
    return tutor_over(tmp_path_factory, embedder, "listed", {"networks.md": NETWORKS})


def test_a_side_named_only_in_a_list_of_names_is_not_its_answer(tutor: NotesIndex) -> None:
    answer = tutor.ask("GoogLeNet vs ResNet - what trick does each one use to go deeper?")
    assert "skip connections" in answer.text
    assert "MobileNet" not in answer.text
