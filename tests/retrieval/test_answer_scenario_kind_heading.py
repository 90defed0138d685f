"""A scenario asking for a kind of value ("Which evaluation metric ...?") is answered by the
passage that names that kind in its headings ("Evaluation Metrics > Log loss"), not by one whose
sentence mentions the kind in passing ("pair XGBoost with an evaluation metric that suits
imbalance")."""

from __future__ import annotations

import pytest

from retrieval.embed import Embedder
from retrieval.service import NotesIndex
from tests.retrieval.conftest import tutor_over

NOTES = """# Evaluation Metrics

## Log loss

Log loss, also called cross-entropy, measures how good predicted probabilities are, not just the
final labels: a confident wrong probability costs the most. Watch it when the probabilities
themselves feed a decision.

## Precision

Precision is the share of predicted positives that are truly positive.

# XGBoost

## XGBoost imbalance

For imbalanced classes, pair XGBoost with an evaluation metric that suits imbalance, such as
AUC, instead of plain accuracy. A model that always predicts the majority label still scores
high accuracy.
"""


@pytest.fixture(scope="module")
def tutor(tmp_path_factory: pytest.TempPathFactory, embedder: Embedder) -> NotesIndex:
    return tutor_over(tmp_path_factory, embedder, "kind-heading", {"metrics.md": NOTES})


def test_the_passage_headed_by_the_asked_kind_answers(tutor: NotesIndex) -> None:
    answer = tutor.ask(
        "A model's predicted probabilities feed straight into an insurer's pricing engine, so "
        "the probabilities themselves must be trustworthy, not just the yes/no labels. Which "
        "evaluation metric should the team watch?"
    )
    assert answer.covered
    assert "Log loss" in answer.text and "AUC" not in answer.text
