"""A quote can stop one sentence short of what was asked: the notes' next sentence leans on the
quoted one ("Therefore, ...", "It also ...", "That's why ...") and says the asked part. It is
quoted after it while the answer has room, but only when it holds an asked word the quote does
not (else it is more of the topic, not the answer)."""

from __future__ import annotations

import pytest

from retrieval.embed import Embedder
from retrieval.service import NotesIndex
from tests.retrieval.conftest import tutor_over

NOTES = (
    "# Feature encoding\n\n## One-hot encoding\n\n"
    "· One-hot encoding turns a categorical column into binary indicator columns, one per "
    "category. For example, consider a column named jacket_size. Jackets are sold in small, "
    "medium, large, or extra-large. In this scenario, there are four distinct values for "
    "jacket_size. Therefore, the encoding generates four new columns. Each new column is named "
    "after its value.\n\n"
    "## Label encoding\n\n"
    "· Label encoding maps each category to an integer, which implies an order that nominal "
    "categories do not have.\n\n"
    "## Scaling\n\n"
    "· Standardization rescales a numeric column to mean 0 and standard deviation 1. Min-max "
    "scaling maps it to the range 0 to 1.\n"
)


@pytest.fixture(scope="module")
def tutor(tmp_path_factory: pytest.TempPathFactory, embedder: Embedder) -> NotesIndex:
    return tutor_over(tmp_path_factory, embedder, "continuation", {"encoding.md": NOTES})


def test_the_sentence_going_on_with_the_asked_part_is_quoted(tutor: NotesIndex) -> None:
    answer = tutor.ask(
        "one-hot encoding a jacket size column with four sizes gives how many new columns"
    )
    assert "four distinct values" in answer.text
    assert answer.text.endswith("Therefore, the encoding generates four new columns.")


def test_one_that_adds_no_asked_word_is_not(tutor: NotesIndex) -> None:
    answer = tutor.ask("how many distinct values does jacket_size have")
    assert "four distinct values" in answer.text
    assert "new columns" not in answer.text
