"""A follow-on says only what the answer has not said (`retrieval.unsaid`)."""

from __future__ import annotations

from retrieval.compose import _plain
from retrieval.unsaid import unsaid


def test_items_a_topic_line_already_brought_are_left_out() -> None:
    said = _plain("Convert to protobuf using sample code. Packs into integer tensors.")
    follow = "Packs into integer tensors; A lot like the TF/IDF lab."
    assert unsaid(follow, said) == "A lot like the TF/IDF lab."
    assert unsaid("Packs into integer tensors.", said) == ""
    assert unsaid("Tokens must be integers.", said) == "Tokens must be integers."
