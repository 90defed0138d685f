"""A scenario whose ask holds a rare word of its own ("Which setting stops this flapping?") is
answered with the passage's line holding that word too, not only with the lines restating the
stem's setting; what the ask sets its want against ("as opposed to ...") is no word of it."""

from __future__ import annotations

import pytest

from retrieval.embed import Embedder
from retrieval.scenario import CONTRAST
from retrieval.service import NotesIndex
from tests.retrieval.conftest import tutor_over

NOTES = """# Serving models

## Endpoint auto scaling

Endpoint auto scaling adjusts the instance count of a production variant through Application Auto
Scaling. Target tracking on the predefined metric SageMakerVariantInvocationsPerInstance is the
usual choice; step scaling and scheduled scaling are also possible. Cooldown periods prevent
flapping. If an update would change the instance type of a variant that has auto scaling,
UpdateEndpoint fails: delete the scaling policy first, update, then register it again.

## Batch scoring

Batch scoring runs a model over a whole file in object storage and writes the predictions next
to it; no endpoint stays up between runs, so nothing is paid while it is idle.

## Endpoint variants

An endpoint can host several variants of a model and split traffic between them by weight, for
example to test a new model on a tenth of the requests before moving all traffic to it.
"""


@pytest.fixture(scope="module")
def tutor(tmp_path_factory: pytest.TempPathFactory, embedder: Embedder) -> NotesIndex:
    return tutor_over(tmp_path_factory, embedder, "scenario-ask-word", {"notes.md": NOTES})


def test_the_line_holding_the_asks_rare_word_is_quoted(tutor: NotesIndex) -> None:
    answer = tutor.ask(
        "With auto scaling on, our endpoint adds an instance, removes it two minutes later, then "
        "adds it again, all day long. Which setting of the scaling policy stops this flapping?"
    )
    assert "Cooldown periods" in " ".join(answer.sentences)


@pytest.mark.parametrize(
    ("ask", "left"),
    [
        (
            "Which augmentation tricks work for text, as opposed to flipping or cropping images?",
            "Which augmentation tricks work for text, ?",
        ),
        ("When is a tree better rather than a linear model?", "When is a tree better ?"),
        ("Which setting stops this flapping?", "Which setting stops this flapping?"),
    ],
)
def test_what_the_ask_sets_its_want_against_is_left_out(ask: str, left: str) -> None:
    assert CONTRAST.sub("", ask) == left
