"""A quoted line becomes a sentence (capital first letter, final stop) without respelling an
identifier that opens it: list items joined from the notes ("ml.eia1.medium; ml.eia1.large")
were shown as "Ml.eia1.medium", which names no instance type."""

from __future__ import annotations

import pytest

from retrieval.compose import as_sentence


@pytest.mark.parametrize(
    ("line", "shown"),
    [
        ("ml.eia1.medium; ml.eia1.large", "ml.eia1.medium; ml.eia1.large."),
        ("num_layers_encoder sets the depth", "num_layers_encoder sets the depth."),
        ("s3://bucket/prefix holds the data", "s3://bucket/prefix holds the data."),
        ("k-NN stores the training set", "k-NN stores the training set."),
        ("f1 balances precision and recall", "f1 balances precision and recall."),
    ],
)
def test_an_opening_identifier_keeps_its_spelling(line: str, shown: str) -> None:
    assert as_sentence(line) == shown


@pytest.mark.parametrize(
    ("line", "shown"),
    [
        ("- training runs on spot capacity", "Training runs on spot capacity."),
        ("xgboost handles missing values:", "Xgboost handles missing values:"),
        ("model.", "Model."),
    ],
)
def test_a_plain_opening_word_is_capitalised(line: str, shown: str) -> None:
    assert as_sentence(line) == shown


@pytest.mark.parametrize(
    ("line", "shown"),
    [
        ("Trains on GPU instances (ml.p3)", "Trains on GPU instances (ml.p3)."),
        ("Reads float32 data (see the FAQ.)", "Reads float32 data (see the FAQ.)"),
        ("Is it managed?", "Is it managed?"),
    ],
)
def test_a_closing_bracket_ends_a_sentence_only_after_a_stop(line: str, shown: str) -> None:
    assert as_sentence(line) == shown
