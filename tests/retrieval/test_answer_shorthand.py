"""Typed shorthand the notes carry into a quote reads as prose in the answer: an ASCII arrow
("utterance -> intent") is shown as an arrow, a copied web page's reference markers
("softargmax[1]: 184", its page number after a hair space) are dropped, and a bracketed value
or an index in code stays."""

from __future__ import annotations

import pytest

from retrieval.embed import Embedder
from retrieval.sentences import as_read
from retrieval.service import NotesIndex
from tests.retrieval.conftest import tutor_over

LEX = (
    "# Conversational AI\n\n## Amazon Lex\n\n"
    "Amazon Lex is a chat bot engine. A conversation flows as utterance -> intent -> "
    "lambda -> slot, where the slot holds extra information.\n"
)
SOFTMAX = (
    "# Activations\n\n## Softmax\n\n"
    "The softmax function, also known as softargmax[1]:\u200a184\u200a or normalized exponential "
    "function,[2]:\u200a198\u200a is a generalization of the logistic function to multiple "
    "dimensions.\n"  # the hair spaces of the page the notes copied
)


@pytest.fixture(scope="module")
def tutor(tmp_path_factory: pytest.TempPathFactory, embedder: Embedder) -> NotesIndex:
    files = {"lex.md": LEX, "activations.md": SOFTMAX}
    return tutor_over(tmp_path_factory, embedder, "shorthand", files)


def test_an_ascii_arrow_is_shown_as_an_arrow(tutor: NotesIndex) -> None:
    answer = tutor.ask("how does a lex conversation flow from utterance to slot")
    assert "utterance → intent → lambda → slot" in answer.text
    assert "->" not in answer.text


def test_a_copied_pages_reference_markers_are_dropped(tutor: NotesIndex) -> None:
    answer = tutor.ask("softmax is a generalization of which function")
    assert "softargmax or normalized exponential function, is a generalization" in answer.text
    assert "[1]" not in answer.text


def test_a_bracketed_value_or_an_index_in_code_stays() -> None:
    kept = "range: [0,1], weights[0] and x[1] stay."
    assert as_read(kept) == kept


def test_a_marker_cut_off_at_the_end_is_dropped_with_its_stop() -> None:
    cut = "better than any of the constituent algorithms alone.[."
    assert as_read(cut) == "better than any of the constituent algorithms alone."
    assert as_read("a list [.") == "a list [."  # no stop before it: not a cut marker
