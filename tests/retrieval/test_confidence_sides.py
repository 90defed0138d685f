"""A comparison's side counts as named in the answer only by its own words: when one side's
words sit inside the other's ("Redshift" and "Redshift Spectrum"), a quote about the longer one
does not name the shorter one too. The rule is search's and composition's (`retrieval/sides.py`)."""

from __future__ import annotations

from retrieval.confidence import sides_named


def _named(sides: list[str], text: str) -> list[bool]:
    return sides_named(sides, text, set())


def test_a_side_inside_the_other_is_not_named_by_the_longer_side() -> None:
    text = "Redshift Spectrum queries data in S3 without loading it first."
    assert _named(["redshift", "redshift spectrum"], text) == [False, True]


def test_a_side_inside_the_other_is_named_when_said_apart_from_it() -> None:
    text = "Redshift is the warehouse; Redshift Spectrum queries files in S3 from it."
    assert _named(["redshift", "redshift spectrum"], text) == [True, True]


def test_sides_sharing_a_word_are_named_by_the_words_they_do_not_share() -> None:
    text = "Large batch sizes give smooth gradients and use the GPU efficiently."
    assert _named(["small batch", "large batch"], text) == [False, True]


def test_sides_with_no_word_in_common_are_named_as_before() -> None:
    text = "Comprehend finds entities in text; Textract reads forms."
    assert _named(["comprehend", "textract"], text) == [True, True]
