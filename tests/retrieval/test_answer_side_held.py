"""A comparison's side whose words the notes never write together is answered when the answer's
passage holds its words in its own terms (`NotesVocabulary.side_held`: "a plain rnn cell" beside
the notes' "LSTM Cell ... Part of RNN"): the notes speak of the side there."""

from __future__ import annotations

import pytest

from retrieval.embed import Embedder
from retrieval.service import NotesIndex
from tests.retrieval.conftest import tutor_over

NOTES = """# Deep learning

## Recurrent networks

LSTM Cell: Maintains separate short-term and long-term states. Part of RNN, dealing with sequence
in time.

## Spreadsheets

A spreadsheet cell holds one value typed into a plain grid.
"""


@pytest.fixture(scope="module")
def tutor(tmp_path_factory: pytest.TempPathFactory, embedder: Embedder) -> NotesIndex:
    return tutor_over(tmp_path_factory, embedder, "side-held", {"notes.md": NOTES})


def test_a_side_whose_words_the_answers_passage_holds_is_answered(tutor: NotesIndex) -> None:
    answer = tutor.ask("lstm cell vs a plain rnn cell - what state does the lstm keep?")
    assert answer.covered, answer.missing
    assert "long-term states" in answer.text
