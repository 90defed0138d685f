"""A scenario answered by one sentence that says the stem's problem again ("Training for machine
translation can take days") goes on to the line after it, which says what to do ("Pre-trained
models are available"), as a one-sentence definition or how-to answer does."""

from __future__ import annotations

import pytest

from retrieval.embed import Embedder
from retrieval.service import NotesIndex
from tests.retrieval.conftest import tutor_over

NOTES = """66
Q

Seq2Seq: How is it used?

A

Training for machine translation can take days, even on SageMaker

Pre-trained models are available

  • See the example notebook

Public training datasets are available for specific translation tasks

67
Q

Seq2Seq: Important Hyperparameters

A
  • Batch_size
  • Optimizer_type (adam, sgd, rmsprop)
  • Learning_rate
68
Q

Amazon Translate: What is it?

A

A managed neural machine translation service with no model to train.
"""


@pytest.fixture(scope="module")
def tutor(tmp_path_factory: pytest.TempPathFactory, embedder: Embedder) -> NotesIndex:
    return tutor_over(tmp_path_factory, embedder, "scenario-follow-on", {"notes.txt": NOTES})


def test_a_one_sentence_scenario_answer_goes_on_to_what_to_do(tutor: NotesIndex) -> None:
    answer = tutor.ask(
        "We need an English to German translation model with the SageMaker Seq2Seq algorithm, "
        "but we have been told training for translation can run for days and our deadline is "
        "next week. Is there a shortcut?"
    )
    assert "Pre-trained models are available" in " ".join(answer.sentences)
