"""A scenario whose ask challenges the stem's plan ("What is wrong with that plan?", "Will that
help?") is answered with the passage's line stating the limitation that rules the plan out, not
only with the sentences saying what the subject is or does."""

from __future__ import annotations

import pytest

from retrieval.challenge import challenges_plan, states_limitation
from retrieval.embed import Embedder
from retrieval.service import NotesIndex
from tests.retrieval.conftest import tutor_over

NOTES = """# Forecasting models

## Trend models

A trend model fits a smooth trend plus weekly and yearly seasonality to one series of daily
values. Typical uses: store footfall per day, web traffic per day, energy demand per hour.
It copes with missing days and with holidays given as a list. Like other curve fitters it is fast
to train on a laptop. It cannot forecast several related series jointly and cannot use other
series as inputs.

## Gradient-boosted forecasts

Gradient-boosted trees forecast from lag features and calendar columns, and one model can be
trained across thousands of related series at once.
"""


@pytest.fixture(scope="module")
def tutor(tmp_path_factory: pytest.TempPathFactory, embedder: Embedder) -> NotesIndex:
    return tutor_over(tmp_path_factory, embedder, "scenario-challenge", {"notes.md": NOTES})


def test_the_line_ruling_the_plan_out_is_quoted(tutor: NotesIndex) -> None:
    answer = tutor.ask(
        "A retailer wants one trend model to learn from the daily footfall of all its 400 stores "
        "together, so that each store's forecast benefits from the others. What is wrong with "
        "that plan?"
    )
    assert "cannot forecast several related series" in " ".join(answer.sentences)


@pytest.mark.parametrize(
    ("ask", "challenges"),
    [
        ("What is wrong with that plan?", True),
        ("What's wrong with the setup?", True),
        ("Will that do it?", True),
        ("Will that help?", True),
        ("Does SMOTE make sense for oversampling the spam class here?", True),
        ("Which recipe fits?", False),
        ("Is that order right, and what should the conversion start from?", False),
        ("What should the team add?", False),
    ],
)
def test_an_ask_challenging_the_plan_is_read_as_one(ask: str, challenges: bool) -> None:
    assert challenges_plan(ask) is challenges


@pytest.mark.parametrize(
    ("line", "limitation"),
    [
        ("It cannot do multiclass classification.", True),
        ("It won't help normalize features with wide-ranging differences.", True),
        ("Accelerates deep learning inference, only works with deep learning.", True),
        ("It does not suit high-dimensional sparse data such as text.", True),
        ("It is supervised, not unsupervised: it needs a label.", False),
        ("Do not flip digits or text, where a mirror image changes the meaning.", False),
        ("It copes with missing days and with holidays given as a list.", False),
    ],
)
def test_a_line_stating_a_limitation_is_read_as_one(line: str, limitation: bool) -> None:
    assert states_limitation(line) is limitation
