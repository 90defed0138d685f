"""A scenario's reasons take the sentence after the first one in its passage when there is room:
notes state a problem and then what to do about it, and the sentence closest to the stem is
often the problem the stem describes, not the remedy it asks for."""

from __future__ import annotations

import pytest

from retrieval.embed import Embedder
from retrieval.service import NotesIndex
from tests.retrieval.conftest import tutor_over

NOTES = """# SageMaker text algorithms

## Seq2Seq

Seq2Seq is a supervised SageMaker algorithm that turns one sequence of tokens into another,
such as a sentence in one language into the same sentence in another.

## Seq2Seq training time

Training for machine translation can take days, even on SageMaker. Pre-trained models are
available. See the example notebook. Public training datasets are available for English to
German translation.

## BlazingText

BlazingText learns word vectors or classifies short texts, and trains in minutes on one
instance.
"""


@pytest.fixture(scope="module")
def tutor(tmp_path_factory: pytest.TempPathFactory, embedder: Embedder) -> NotesIndex:
    return tutor_over(tmp_path_factory, embedder, "following-notes", {"text.md": NOTES})


def test_the_remedy_after_the_restated_problem_is_quoted(tutor: NotesIndex) -> None:
    answer = tutor.ask(
        "We need an English to German translation model with the SageMaker Seq2Seq algorithm, "
        "but we have been told that training for machine translation can take days and our "
        "deadline is next week. Is there a shortcut?"
    )
    assert answer.kind == "scenario" and answer.covered
    quoted = " ".join(answer.sentences)
    assert "can take days" in quoted
    assert "Pre-trained models are" in quoted
