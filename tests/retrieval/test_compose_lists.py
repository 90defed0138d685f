"""A list brought after a line: its items, not the header of the nested list it opens (a title
line brings the header as its next line, and the header was then quoted twice: "Can deploy two
ways: Can deploy two ways:; Persistent endpoint ...")."""

from __future__ import annotations

from retrieval.compose import list_items

CARD = """- Save your trained model to S3
- Can deploy two ways:
  - Persistent endpoint for making individual predictions on demand
  - SageMaker Batch Transform to get predictions for an entire dataset
"""


def test_a_nested_lists_header_is_not_one_of_its_items() -> None:
    items = list_items(CARD, CARD.index(" to S3") + len(" to S3"))
    assert items == [
        "Persistent endpoint for making individual predictions on demand",
        "SageMaker Batch Transform to get predictions for an entire dataset",
    ]


def test_a_headers_own_items_follow_it() -> None:
    header_end = CARD.index("two ways:") + len("two ways:")
    assert list_items(CARD, header_end)[0].startswith("Persistent endpoint")
