"""Two values of one setting set side by side ("quicksight standard or enterprise", "KNN with
k = 1 vs k = 50") are no two subjects to find: the notes must mention what the values belong to,
and two numbers ask what the setting's small and large values do, answered from the line that
says so rather than from a line that happens to hold one of the numbers. Names set side by side
keep their sides, and a number typed after a name is part of it ("type 1 vs type 2")."""

from __future__ import annotations

import pytest

from retrieval.embed import Embedder
from retrieval.service import NotesIndex
from retrieval.two_values import setting_asked, two_values, without_numbers
from retrieval.understand import understand
from tests.retrieval.conftest import tutor_over

NOTES = """# Analytics and algorithms

## Amazon QuickSight

Amazon QuickSight is the AWS business intelligence service for dashboards. SPICE is its in-memory
engine that keeps imported data fast to query. Enterprise edition adds row-level security,
Active Directory integration and encryption at rest.

## K-Nearest Neighbors

K-Nearest Neighbors (KNN) is a supervised, index-based SageMaker algorithm for classification or
regression. `k` is the number of nearest neighbours used for each prediction. Small k fits noise;
large k smooths the decision. Training samples about 50 points per class by default.

## Data sizes

Keep the validation set at about 50 rows per class at least; standard practice is to stratify it
so that rare classes appear in it too.
"""

_COMMON = frozenset({"standard", "enterprise", "global", "local", "wide", "narrow"})


def _common(word: str) -> bool:
    return word in _COMMON


@pytest.fixture(scope="module")
def tutor(tmp_path_factory: pytest.TempPathFactory, embedder: Embedder) -> NotesIndex:
    return tutor_over(tmp_path_factory, embedder, "two-values", {"notes.md": NOTES})


def test_two_word_values_are_checked_by_what_they_belong_to() -> None:
    found = two_values(("quicksight standard", "enterprise"), _common)
    assert found is not None and found.owner == "quicksight"
    assert found.values == ("standard", "enterprise")
    found = two_values(("clarify global explanation", "local one"), _common)
    assert found is not None and (found.owner, found.values) == ("clarify", ("global", "local"))


def test_names_and_numbered_names_keep_their_sides() -> None:
    assert two_values(("sagemaker unified studio", "studio"), _common) is None
    assert two_values(("vertex ai", "sagemaker"), _common) is None
    assert two_values(("type 1", "type 2"), _common) is None
    assert two_values(("accuracy 0.93", "precision 0.40"), _common) is None


def test_two_numbers_ask_about_the_setting_without_them() -> None:
    found = two_values(("Probability cut-off at 0.3", "0.7"), _common)
    assert found is not None and found.numbers and found.owner == "Probability cut-off"
    text = "Probability cut-off at 0.3 vs 0.7 on a fraud model - what does each do?"
    assert (
        without_numbers(text, found) == "Probability cut-off on a fraud model - what does each do?"
    )
    ask = setting_asked(understand("KNN with k = 1 vs k = 50 - what happens to the decision?"))
    assert ask.kind != "comparison" and "50" not in ask.text


def test_a_value_word_is_no_missing_subject(tutor: NotesIndex) -> None:
    answer = tutor.ask("quicksight standard or enterprise for row-level security?")
    assert answer.covered, answer.missing
    assert "row-level security" in answer.text


def test_two_numbers_are_answered_by_what_small_and_large_values_do(tutor: NotesIndex) -> None:
    answer = tutor.ask("KNN with k = 1 vs k = 50 - what happens to the decision in each case?")
    assert answer.covered, answer.missing
    assert "Small k fits noise" in answer.text
    assert "50 points" not in answer.text  # a number is no side: the line holding it is no answer
