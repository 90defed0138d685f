"""Terse notes written as one fact per paragraph (a blank line between facts): a one-sentence
answer does not go on with the next paragraph when that paragraph is about something else
(no word of the ask or of the quote, no "it" or "this" leaning back on it); a paragraph that
leans back, or that goes on about what the quote names, still follows it."""

from __future__ import annotations

import pytest

from retrieval.embed import Embedder
from retrieval.service import NotesIndex
from tests.retrieval.conftest import tutor_over

NOTES = (
    "# Study notes\n\n"
    "## Amazon Neptune ML\n\n"
    "Works on graph neural networks for node and link prediction.\n\n"
    "Uses the Deep Graph Library.\n\n"
    "t-SNE (t-Distributed Stochastic Neighbor Embedding)\n\n"
    "## Caffe\n\n"
    "Caffe is a deep learning framework made with expression, speed and modularity in mind.\n\n"
    "It is developed by Berkeley AI Research and by community contributors.\n"
)


@pytest.fixture(scope="module")
def tutor(tmp_path_factory: pytest.TempPathFactory, embedder: Embedder) -> NotesIndex:
    return tutor_over(tmp_path_factory, embedder, "paragraph-facts", {"notes.md": NOTES})


def test_the_next_paragraph_about_something_else_is_not_quoted(tutor: NotesIndex) -> None:
    answer = tutor.ask("which graph library does neptune ml use")
    assert "Deep Graph Library" in answer.text
    assert "t-SNE" not in answer.text


def test_a_next_paragraph_leaning_back_on_the_quote_is_quoted(tutor: NotesIndex) -> None:
    answer = tutor.ask("what is caffe")
    assert "deep learning framework" in answer.text
    assert "Berkeley AI Research" in answer.text
