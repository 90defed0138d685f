"""A request for a short answer ("in one line", "in a sentence") is about the answer's form, not
its subject: it is taken out of the question before its kind is read and it is searched, so its
words ("line", "sentence") do not pull the pick to lines about lines. The same words inside a
clause, or closing a yes/no ask, are what is asked about and stay."""

from __future__ import annotations

import pytest

from retrieval.brevity import without_brevity
from retrieval.understand import understand


@pytest.mark.parametrize(
    ("question", "plain", "kind"),
    [
        ("what's an ensemble method, in one sentence?", "what's an ensemble method?", "definition"),
        (
            "In one line, what does automatic model tuning do?",
            "what does automatic model tuning do?",
            "definition",
        ),
        ("hyperparameters - what are they in one line?", "hyperparameters - what are they?", None),
        (
            "k-means in one line - what is it looking for?",
            "k-means - what is it looking for?",
            None,
        ),
        ("athena in one line pls", "athena please", "casual"),
    ],
)
def test_a_request_for_a_short_answer_is_left_out(
    question: str, plain: str, kind: str | None
) -> None:
    ask = understand(question)
    assert ask.text == plain
    assert kind is None or ask.kind == kind


@pytest.mark.parametrize(
    "question",
    [
        "tf-idf: word A shows up 3 times but all in one sentence, word B 3 times in 3 sentences",
        "is each record in one line?",
        "blazingtext wants one sentence per line?",
        "in one line",
    ],
)
def test_the_same_words_as_content_stay(question: str) -> None:
    assert without_brevity(question) == (question, False)
