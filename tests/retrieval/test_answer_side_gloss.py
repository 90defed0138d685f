"""A comparison side is answered by the line saying what it is when the ask names no aspect: the
gloss opening the section headed by its name ("a fully managed ... service"), or a fact under its
bare item line; an item of a flat list is no label of the item below it, and a setting's name
line keeps its defaults in brackets without ceasing to label its description. A glossary line's
first sentence is quoted with the next one on its line."""

from __future__ import annotations

import pytest

from retrieval.compose import Candidate, _under_item
from retrieval.documents import Chunk
from retrieval.embed import Embedder
from retrieval.service import NotesIndex
from tests.retrieval.conftest import tutor_over

NOTES = """# Cloud study notes

## Widget Forge

Consolidation sends every widget batch to several reviewers, so that one reviewer's slip
is caught by the others before the batch ships.

## Amazon Widget Forge

- a fully managed widget review service that makes it easy to build accurate widget batches.

## Gadget Press

- Gadget Press: visual gadget preparation and cleaning tool

## Network layers

- Input Layer: The first layer in a network. This layer receives every record that passes through.

- Hidden Layer: A layer between the input and output layers. Hidden layers are tailored to a task.
"""


@pytest.fixture(scope="module")
def tutor(tmp_path_factory: pytest.TempPathFactory, embedder: Embedder) -> NotesIndex:
    return tutor_over(tmp_path_factory, embedder, "side-gloss", {"notes.md": NOTES})


def test_a_side_is_answered_by_the_gloss_under_its_heading(tutor: NotesIndex) -> None:
    quoted = " ".join(tutor.ask("widget forge vs gadget press, which one is for what?").sentences)
    assert "fully managed widget review service" in quoted
    assert "Consolidation sends" not in quoted


def test_a_glossary_line_goes_on_to_what_the_side_does(tutor: NotesIndex) -> None:
    """ "Input Layer: The first layer ..." only places the term; the sentence after it on its
    line ("This layer receives ...", "Hidden layers are tailored ...") says what it does."""
    quoted = " ".join(tutor.ask("input layer vs hidden layer - what does each one do?").sentences)
    assert "receives every record" in quoted
    assert "tailored to a task" in quoted


def _first_line_under(text: str, line: str) -> tuple[Candidate, Chunk]:
    chunk = Chunk("notes.txt", ("Notes",), "note", 0, 10, text)
    start = text.index(line)
    return Candidate(0, 0, start, start + len(line), line, 0.5, 0.5), chunk


def test_an_item_of_a_flat_list_labels_no_item_below_it() -> None:
    text = "- Build process: explore, split data\n- Ground truth\n- Algorithms: built in, custom"
    candidate, chunk = _first_line_under(text, "Algorithms: built in, custom")
    assert _under_item(candidate, chunk).text == candidate.text


def test_a_fact_under_a_name_after_another_names_fact_is_labelled() -> None:
    """The short fact over "- Gamma" is Eta's (it sits deeper): "Gamma" closes no list of
    names, so it labels the line under it."""
    text = (
        "A few:\n- Eta\n    - Step size shrinkage, prevents overfitting\n"
        "- Gamma\n    - Minimum loss reduction"
    )
    candidate, chunk = _first_line_under(text, "Minimum loss reduction")
    assert _under_item(candidate, chunk).text == "Gamma: Minimum loss reduction"


def test_a_setting_line_with_its_defaults_labels_its_description() -> None:
    text = (
        "Parameters:\n- alpha [default=0]\n    L1 term.\n"
        "- gamma [default=0, alias: min_split_loss]\n    Minimum loss reduction to split a leaf."
    )
    candidate, chunk = _first_line_under(text, "Minimum loss reduction to split a leaf.")
    assert _under_item(candidate, chunk).text == "gamma: Minimum loss reduction to split a leaf."
