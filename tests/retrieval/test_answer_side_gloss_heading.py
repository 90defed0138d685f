"""A comparison side's gloss under its own section heading answers for it however the heading
writes the side's name: terse notes go on from the heading in small letters ("Collaborative
filtering" over "based on (user, item, rating) tuples"), write a hyphened name apart ("One hot
encoding") or give a product's full name ("Amazon Kinesis Data Firehose" for "firehose"); and a
gloss holding what both sides are asked says it of its side."""

from __future__ import annotations

import pytest

from retrieval.embed import Embedder
from retrieval.service import NotesIndex
from tests.retrieval.conftest import tutor_over

NOTES = """# Workshop notes

## Crowd sorting

- based on (visitor, widget, score) triples taken from the guest book.

- Compared to catalogue sorting, crowd sorting gives more varied picks, and crowd sorting
costs more to run in the workshop.

## Shelf ranking

- Shelf ranking orders widgets by their label colour and their size on the shelf.

## Two tone gluing

- a process by which painted widgets are joined into one piece for the kiln.

- Two-tone gluing is common in the workshop, where widgets are glued by hand.

## Acme Widget Press Stream

- buffers incoming widgets in a tray before delivering them to the kiln.

- When delivery falls behind, the press stream tray grows and the kiln waits for the widgets.

## Kiln Loader

- Kiln Loader: a tool for writing your own loading scripts for the kiln.
"""


@pytest.fixture(scope="module")
def tutor(tmp_path_factory: pytest.TempPathFactory, embedder: Embedder) -> NotesIndex:
    return tutor_over(tmp_path_factory, embedder, "side-gloss-heading", {"notes.md": NOTES})


def _quoted(tutor: NotesIndex, question: str) -> str:
    return " ".join(tutor.ask(question).sentences).lower()


def test_a_line_going_on_from_its_heading_in_small_letters_is_the_sides_gloss(
    tutor: NotesIndex,
) -> None:
    quoted = _quoted(tutor, "crowd sorting vs shelf ranking - which one is for what?")
    assert "(visitor, widget, score) triples" in quoted


def test_a_heading_writing_a_hyphened_name_apart_heads_the_sides_gloss(tutor: NotesIndex) -> None:
    quoted = _quoted(tutor, "two-tone gluing vs shelf ranking - which one is for what?")
    assert "joined into one piece" in quoted


def test_a_products_full_name_ending_with_the_side_heads_its_gloss(tutor: NotesIndex) -> None:
    quoted = _quoted(tutor, "kiln loader vs press stream - which one is for what?")
    assert "buffers incoming widgets" in quoted
