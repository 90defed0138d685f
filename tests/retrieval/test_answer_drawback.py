"""An ask for a thing's drawback (`retrieval.drawback`): the quote is built on what the thing is,
and the passage states its cost in a sentence of its own that turns against what it grants
("Each one costs memory, though, ..."). That sentence is quoted after the quote."""

from __future__ import annotations

import pytest

import retrieval.drawback as drawback
from retrieval.embed import Embedder
from retrieval.service import NotesIndex
from tests.retrieval.conftest import tutor_over

NOTES = """# Deep learning

## Convolutional filters

A filter in a convolutional network is a small grid of learned weights that slides across the
image with a given stride. At each position it computes a dot product, producing a feature map
that lights up where its pattern occurs. Early filters detect edges and colours; deeper ones
detect shapes and objects. Each one costs memory, though, and needs more data to train.

## Pooling layers

Pooling layers downsample feature maps. Max pooling keeps the largest value in each window,
average pooling keeps the mean.
"""


@pytest.fixture(scope="module")
def tutor(tmp_path_factory: pytest.TempPathFactory, embedder: Embedder) -> NotesIndex:
    return tutor_over(tmp_path_factory, embedder, "drawback", {"notes.md": NOTES})


QUESTION = "adding filters to a convolutional layer, any catch?"


def test_the_cost_is_quoted_after_what_the_thing_is(tutor: NotesIndex) -> None:
    answer = tutor.ask(QUESTION)
    assert answer.covered
    assert "costs memory" in answer.text


def test_without_the_drawback_ask_the_cost_is_not_brought(
    tutor: NotesIndex, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(drawback, "DRAWBACK_ASK", drawback.re.compile(r"(?!)"))
    assert "costs memory" not in tutor.ask(QUESTION).text


@pytest.mark.parametrize(
    ("question", "drawback_ask"),
    [
        ("more filters in a conv layer, whats the catch", True),
        ("why does nobody bother with maxout", True),
        ("emr spot on core nodes risky?", True),
        ("does random cut forest catch breaks in periodicity?", False),
        ("what does a convolutional filter compute", False),
    ],
)
def test_what_asks_for_a_drawback(question: str, drawback_ask: bool) -> None:
    assert bool(drawback.DRAWBACK_ASK.search(question)) is drawback_ask


@pytest.mark.parametrize(
    ("sentence", "states"),
    [
        ("More filters capture more patterns but need more memory and data.", True),
        ("But doubles parameters that need to be trained, not often practical.", True),
        ("No risk of data loss when removing task nodes.", False),
    ],
)
def test_what_states_a_drawback(sentence: str, states: bool) -> None:
    found = bool(drawback.DRAWBACK.search(sentence)) and not drawback.DENIED.search(sentence)
    assert found is states
