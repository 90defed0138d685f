"""A when-to-use ask is answered by the line saying in which situation to use the subject ("Use
it when a column has thousands of categories"), not by the line saying what the subject is, nor
by the line saying when not to use it, which score higher by cosine; an ask for when not to use
it keeps the line against it. A situation line about a sibling the passage also covers is not
the answer."""

from __future__ import annotations

import pytest

from retrieval.embed import Embedder
from retrieval.service import NotesIndex
from retrieval.situation import says_situation
from tests.retrieval.conftest import tutor_over

NOTES = """# Feature engineering notes

## Categorical encoding

### Target encoding and hashing
Target encoding replaces each category with the mean of the target for that category, computed \
on the training folds. Do not use target encoding without out-of-fold means, where it leaks the \
label into the features. Choose feature hashing when the list of categories keeps growing. Use \
target encoding when a column has thousands of categories, where one-hot columns would explode \
the width.

## Scaling

### Standardization
Standardization shifts each column to mean 0 and scales it to standard deviation 1.
"""


@pytest.fixture(scope="module")
def tutor(tmp_path_factory: pytest.TempPathFactory, embedder: Embedder) -> NotesIndex:
    return tutor_over(tmp_path_factory, embedder, "situation", {"features.md": NOTES})


def test_a_when_ask_is_answered_by_the_situation_line(tutor: NotesIndex) -> None:
    answer = tutor.ask("when should I use target encoding?")
    assert answer.covered
    assert answer.sentences[0].startswith("Use target encoding when a column has thousands")
    assert "Do not use" not in answer.text
    assert "keeps growing" not in answer.text  # the sibling's situation


def test_an_ask_for_when_not_to_use_keeps_the_line_against(tutor: NotesIndex) -> None:
    answer = tutor.ask("when should I not use target encoding?")
    assert answer.covered
    assert "without out-of-fold means" in answer.text


def test_situation_lines() -> None:
    assert says_situation("Use it when the order is meaningful.")
    assert says_situation("Choose max-abs for sparse, already centred data.")
    assert says_situation("Object Tags - useful for security / lifecycle")
    assert says_situation("It is also commonly used for image recognition challenges.")
    assert says_situation("if you need faster startup")
    # advice against, a description, and what something does
    assert not says_situation("Do not use it for nominal data; use one-hot encoding there.")
    assert not says_situation("Max-abs scaling divides each column by its largest value.")
    assert not says_situation("Uses states, actions for each state, and a value (Q)")
    assert not says_situation("Pickle can be used for serializing and deserializing objects.")
