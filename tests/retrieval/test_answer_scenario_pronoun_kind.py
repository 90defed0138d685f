"""A scenario asking "Which one should they pick?" names no kind of value: "one" stands for the
stem's noun ("a model type"). Read as the asked kind, it sent the answer to passages that happen
to say "one" ("one of the preset entity types", "one probability per class", "one JSON object
per line") instead of the service the stem names (`compose.ASKED_KIND`)."""

from __future__ import annotations

import pytest

from retrieval.compose import ASKED_KIND
from retrieval.service import NotesIndex


@pytest.mark.parametrize(
    "question",
    [
        "A retailer wants to flag fraudulent checkouts with Amazon Fraud Detector, trained on its "
        "own labelled order history. Creating the model asks for a model type. Which one should "
        "they pick?",
        "An insurer plans to score new policy sign-ups with Amazon Fraud Detector using two years "
        "of labelled events in a CSV file. When building the model, the team must choose a model "
        "type. Which one should the team pick?",
    ],
)
def test_which_one_is_answered_from_the_named_service(shipped: NotesIndex, question: str) -> None:
    answer = shipped.ask(question)
    assert "ONLINE_FRAUD_INSIGHTS" in answer.text


@pytest.mark.parametrize(
    ("ask", "kind"),
    [
        ("Which mode should they choose?", "mode"),
        ("What format does it want?", "format"),
        ("Which one should it pick?", None),
        ("What must the team do?", None),
        ("What else must they set?", None),
        ("What does each one do?", None),
    ],
)
def test_a_pronoun_or_the_verbs_subject_is_no_asked_kind(ask: str, kind: str | None) -> None:
    found = ASKED_KIND.search(ask)
    assert (found.group(1) if found else None) == kind
