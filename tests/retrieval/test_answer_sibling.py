"""Same subject, wrong sibling: a detail asked of one subject is quoted from that subject's
card, not from the card beside it that states the same detail for another subject, nor from the
subject's overview card."""

from __future__ import annotations

import pytest

from retrieval.embed import Embedder
from retrieval.lexical import tokenize
from retrieval.service import NotesIndex
from retrieval.sibling import FACET_WEIGHT, Siblings
from tests.retrieval.conftest import tutor_over

DECK = """#separator:Comma
#html:false
#columns:Front,Back,Tags
#tags column:3
"Object Detection: What's it for?","Finds every object in a picture and draws a box around each one with a label.",cv
"Object Detection: What training input does it expect?","JSON annotation files, one per picture, beside JPG or PNG files.",cv
"Image Classification: What's it for?","Gives a whole picture one label or several labels from a fixed set.",cv
"Image Classification: What training input does it expect?","MXNet RecordIO files. Raw pictures need an .lst listing file.",cv
"Image Classification: How is it used?","Start from a network trained on a large public picture set and train it further.",cv
"""  # noqa: E501

ASKED = set(tokenize("image classification input format"))
FACET = set(tokenize("input format"))
LABELS = ["Object Detection", "Image Classification"]


@pytest.fixture(scope="module")
def tutor(tmp_path_factory: pytest.TempPathFactory, embedder: Embedder) -> NotesIndex:
    return tutor_over(tmp_path_factory, embedder, "siblings", {"cards.csv": DECK})


def test_the_detail_is_quoted_from_the_asked_subjects_card(tutor: NotesIndex) -> None:
    quoted = " ".join(tutor.ask("image classification input format").sentences)
    assert "RecordIO" in quoted
    assert "JSON" not in quoted


def test_another_subjects_card_earns_nothing_for_the_detail() -> None:
    siblings = Siblings.of(ASKED, FACET, LABELS)
    assert siblings.weight(0, frozenset(tokenize("JSON annotation files, one per picture"))) == 0
    # the same sentence naming the subject asked is that subject's detail
    named = frozenset(tokenize("image classification accepts JSON too"))
    assert siblings.weight(0, named) > FACET_WEIGHT


def test_the_asked_subjects_card_earns_more_than_an_unnamed_passage() -> None:
    siblings = Siblings.of(ASKED, FACET, [*LABELS, ""])
    said = frozenset(tokenize("MXNet RecordIO files"))
    assert siblings.weight(1, said) > siblings.weight(2, said) == FACET_WEIGHT


def test_no_subject_without_a_card_named_after_it() -> None:
    unnamed = Siblings.of(ASKED, FACET, ["Object Detection", ""])
    assert unnamed.weight(0, frozenset(tokenize("JSON annotation files"))) == FACET_WEIGHT
