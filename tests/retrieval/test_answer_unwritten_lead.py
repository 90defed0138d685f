"""A question that opens with a two-word term and then asks of it ("gradient accumulation - how do
i fake a bigger batch") is declined by that term when the notes never write it, its first word is
an everyday one, and neither the answer nor its passage holds the term's head word: the notes' own
words (gradients, batches) found a passage about something else."""

from __future__ import annotations

import pytest

from retrieval.coverage import NotesVocabulary
from retrieval.embed import Embedder
from retrieval.service import NotesIndex
from tests.retrieval.conftest import tutor_over

NOTES = """# Training

## Gradient descent

Gradient descent updates the weights against the gradient of the loss; a bigger batch gives a
smoother gradient, while a small batch fits in less GPU memory.

## Spot training

Managed spot training runs a job on spare EC2 capacity for up to 90 % less; checkpoints let an
interrupted job resume where it stopped.

## Costs

Storage costs accumulate every month a bucket keeps the data, so old checkpoints are deleted.
"""


@pytest.fixture(scope="module")
def tutor(tmp_path_factory: pytest.TempPathFactory, embedder: Embedder) -> NotesIndex:
    return tutor_over(tmp_path_factory, embedder, "unwritten-lead", {"training.md": NOTES})


def test_a_term_the_notes_never_write_opening_the_question_is_declined(tutor: NotesIndex) -> None:
    answer = tutor.ask("gradient accumulation - how do i fake a bigger batch on a small gpu?")
    assert not answer.covered
    assert answer.missing == "gradient accumulation"


def test_a_term_the_notes_write_opening_the_question_is_answered(tutor: NotesIndex) -> None:
    answer = tutor.ask("spot training - what happens when a job is interrupted?")
    assert answer.covered
    assert "resume" in answer.text


def test_only_an_everyday_word_before_a_notes_word_opens_such_a_term() -> None:
    english = {"gradient", "accumulation", "spot", "training", "how", "does"}
    vocabulary = NotesVocabulary(NOTES.split("\n## "), english)
    lead = vocabulary.unwritten_lead("gradient accumulation, how does it work")
    assert lead == "gradient accumulation"
    # the notes write "spot training": a term of theirs
    assert vocabulary.unwritten_lead("spot training: how does it work") is None
    # a first word that is no everyday word names a product, and its part follows
    assert vocabulary.unwritten_lead("checkpoints storage - how does it work") is None
    # an opening that asks straight away holds no term
    assert vocabulary.unwritten_lead("how does gradient accumulation work") is None
