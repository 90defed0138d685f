"""A question's compatibility letters and apostrophe-less negations are made plain before it is
read: neither is a word the notes could hold."""

from __future__ import annotations

import pytest

from retrieval.understand import normalise, understand


@pytest.mark.parametrize(
    ("typed", "plain"),
    [
        ("what is ＳａｇｅＭａｋｅｒ Ｃｌａｒｉｆｙ", "what is SageMaker Clarify"),  # full-width
        ("how do i ﬁt a model", "how do i fit a model"),  # a ligature
        ("if firehose cant keep up, wat does it do", "if firehose can't keep up, what does it do"),
        ("it wont scale and wasnt cheap", "it won't scale and wasn't cheap"),
        (
            "CANT is an acronym here, constant is a word",
            "CANT is an acronym here, constant is a word",
        ),
    ],
)
def test_letters_and_negations_are_made_plain(typed: str, plain: str) -> None:
    assert normalise(typed) == plain


def test_a_full_width_question_is_read_as_its_plain_letters() -> None:
    assert understand("ｇｌｕｅ ｖｓ ｅｍｒ").subjects == understand("glue vs emr").subjects
