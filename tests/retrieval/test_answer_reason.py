"""A why-ask's reason (`retrieval.reason`): the quote is built on what the thing does, and the
passage gives the reason in a sentence of its own ("... as it penalizes generic words"). That
sentence is quoted after the quote, even though, read with their passage, the two sentences'
vectors lie close."""

from __future__ import annotations

import pytest

import retrieval.reason as reason
from retrieval.embed import Embedder
from retrieval.service import NotesIndex
from tests.retrieval.conftest import tutor_over

NOTES = """# Text features

## Term frequency and inverse document frequency (TF-IDF)

TF-IDF turns text into numbers a model can take. The first function (term frequency) counts
how often a word appears in a document. The second function (inverse document frequency)
counts how many documents of the corpus hold the word. The product is a good weighting for
words as it penalizes generic words that appear in every document.

## Bag of words

A bag of words keeps the count of each word of a document and drops their order.
"""


@pytest.fixture(scope="module")
def tutor(tmp_path_factory: pytest.TempPathFactory, embedder: Embedder) -> NotesIndex:
    return tutor_over(tmp_path_factory, embedder, "reason", {"notes.md": NOTES})


QUESTION = "why tf-idf and not just word counts"


def test_the_reason_is_quoted_after_what_the_thing_does(tutor: NotesIndex) -> None:
    answer = tutor.ask(QUESTION)
    assert answer.covered
    assert "penalizes generic words" in answer.text


def test_without_the_reason_pick_it_is_not_brought(
    tutor: NotesIndex, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(reason, "REASON", reason.re.compile(r"(?!)"))
    assert "penalizes generic words" not in tutor.ask(QUESTION).text


@pytest.mark.parametrize(
    ("sentence", "gives"),
    [
        ("A good weighting as it penalizes generic words.", True),
        ("This is because the data is fetched by a background process.", True),
        ("It counts how often a word appears.", False),
    ],
)
def test_what_gives_a_reason(sentence: str, gives: bool) -> None:
    assert bool(reason.REASON.search(sentence)) is gives
