"""A scenario's asked kind ("Which step did the team skip?") lifts a passage naming that kind only
when the passage is already a close rival: the notes use the kind word in other senses too
("the step size is the learning rate"), and that word alone must not carry a passage from far
behind over the one holding the answer."""

from __future__ import annotations

import pytest

from retrieval.embed import Embedder
from retrieval.service import NotesIndex
from tests.retrieval.conftest import tutor_over

NOTES = """# Data Preparation

## Log Transform

A log transform compresses right-skewed, positive values such as prices, incomes or view
counts, so a few huge values no longer dominate. Use it when a regression target has a long
tail. If you log-transform the target of a regression, remember to invert the predictions with
the exponential before reporting them.

## Scaling

Standardisation rescales a numeric feature to zero mean and unit variance; min-max scaling
maps it to the range 0 to 1.

# Machine Learning Concepts

## Gradient descent

Gradient descent minimises the loss by stepping downhill along the gradient. Steps shrink as
the gradient approaches zero near a minimum. The step size is the learning rate: too large and
it overshoots the minimum, too small and training is slow or stalls.
"""


@pytest.fixture(scope="module")
def tutor(tmp_path_factory: pytest.TempPathFactory, embedder: Embedder) -> NotesIndex:
    return tutor_over(tmp_path_factory, embedder, "scenario-kind-rival", {"notes.md": NOTES})


def test_a_kind_word_in_another_sense_does_not_lift_a_distant_passage(tutor: NotesIndex) -> None:
    answer = tutor.ask(
        "A team trained a regression model on log-transformed house prices and handed the raw "
        "model outputs to the business, who say every price looks absurdly small. Which step "
        "did the team skip?"
    )
    quoted = " ".join(answer.sentences)
    assert answer.kind == "scenario"
    assert "exponential" in quoted
    assert "step size" not in quoted
