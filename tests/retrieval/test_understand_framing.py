"""A comparison's framing words are neither part of a side nor asked content: a remark on the
names ("ElastiCache sound alike"), the ask's other answer ("or a different score") and small-letter
words before two written values (a topic) are left off the sides, and the gate's answered share
does not count the remark words, which no note could hold."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any, cast

import pytest

from retrieval.answer import _terms_and_said
from retrieval.compose import Composition
from retrieval.framing import unframed
from retrieval.understand import understand


@pytest.mark.parametrize(
    ("question", "sides"),
    [
        (
            "ElasticSearch and ElastiCache sound alike - what is each one for?",
            ("ElasticSearch", "ElastiCache"),
        ),
        ("is f1 the same as macro f1 or a different score?", ("f1", "macro f1")),
        (
            "firehose record status Dropped vs ProcessingFailed - which is which?",
            ("Dropped", "ProcessingFailed"),
        ),
        ("leaky ReLU vs PReLU - how does each one work?", ("leaky ReLU", "PReLU")),
        ("random forest vs RCF - same kind of algorithm?", ("random forest", "RCF")),
    ],
)
def test_a_comparison_side_holds_no_framing_words(question: str, sides: tuple[str, ...]) -> None:
    assert understand(question).subjects == sides


def test_remarks_on_the_names_are_unframed_and_the_ask_stays() -> None:
    assert unframed("glue and emr sound alike - what is each one actually for?") == (
        "glue and emr - what is each one for?"
    )
    assert unframed("AWS Batch vs Batch Transform - not the same thing, right? what is each") == (
        "AWS Batch vs Batch Transform - ? what is each"
    )
    assert unframed("glue vs emr, what separates the two?") == "glue vs emr, ?"


def test_the_answered_share_leaves_a_comparisons_remark_words_out() -> None:
    ask = understand("ElasticSearch and ElastiCache sound alike - what is each one actually for?")
    composition = Composition(["ElasticSearch: search. ElastiCache: a data cache."], [0], 0.5, 0.0)
    main = cast(Any, SimpleNamespace(chunk=SimpleNamespace(heading=("Databases",), text="")))
    terms, said = _terms_and_said(ask, composition, main)
    assert not {"sound", "alik", "actual"} & terms
    assert {"elasticsearch", "elasticach"} <= terms & said
