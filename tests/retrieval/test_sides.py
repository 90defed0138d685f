"""A comparison's side is named by the words that set it apart from the other sides (`sides`)."""

from __future__ import annotations

from retrieval.lexical import tokenize
from retrieval.sides import Side, side_tokens, sides_of


def _sides(*typed: str) -> list[Side]:
    return sides_of([[set(tokenize(t))] for t in typed], list(typed))


def _named(sides: list[Side], text: str, heading: str = "", context: str = "") -> list[bool]:
    words = tokenize(text)
    return [s.names(words, tokenize(heading), tokenize(context)) for s in sides]


def test_a_side_within_another_is_named_only_outside_the_longer_name() -> None:
    sides = _sides("Redshift", "Redshift Spectrum")
    assert _named(sides, "Redshift Spectrum queries data in S3 in place.") == [False, True]
    assert _named(sides, "Redshift is a data warehouse for OLAP.") == [True, False]
    assert _named(sides, "Redshift loads the data; Redshift Spectrum reads it in S3.") == [
        True,
        True,
    ]


def test_a_word_both_sides_share_names_neither() -> None:
    sides = _sides("small batch size", "large batch size")
    assert _named(sides, "The batch size is the number of examples per update.") == [False, False]
    assert _named(sides, "Large batches use the GPU efficiently.") == [False, True]
    # the shared words may come from the passage the sentence is in
    assert _named(sides, "Small ones give noisy gradients.", context="batch size") == [True, False]


def test_a_heading_helps_but_never_names_a_side_alone() -> None:
    sides = _sides("warm start IDENTICAL_DATA_AND_ALGORITHM", "TRANSFER_LEARNING")
    under = "Warm start"
    assert _named(sides, "IDENTICAL_DATA_AND_ALGORITHM: same data, same algorithm.", under) == [
        True,
        False,
    ]
    assert _named(sides, "Up to five parent jobs.", under) == [False, False]


def test_product_words_name_nothing() -> None:
    sides = _sides("Amazon Comprehend", "Amazon Textract")
    assert _named(sides, "Amazon offers many services.") == [False, False]
    assert _named(sides, "Textract reads forms and tables.") == [False, True]


def test_a_negated_word_does_not_name_a_side() -> None:
    sides = _sides("XGBoost", "Linear Learner")
    heading = tokenize("Linear Learner vs XGBoost")
    text = "XGBoost: non-linear interactions in dense tabular data."
    assert [s.names(side_tokens(text), set(heading)) for s in sides] == [True, False]
