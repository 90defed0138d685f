"""A scenario quotes its passage's sentence closest to the question when that sentence leads
every quoted reason clearly: the reasons' bonuses (a name the question does not hold, a word of
the ask) had lifted lines restating the service ("Amazon Translate is the neural machine
translation service ...", "If the source language is set to auto ...") over the line that
answers ("Formality and profanity masking settings exist ...")."""

from __future__ import annotations

import pytest

import retrieval.scenario as scenario
from retrieval.service import NotesIndex

ASK = (
    "Chat replies are machine-translated for French and Korean customers. The French replies "
    "must sound polite and swear words must be masked. Which Amazon Translate settings cover this?"
)
ANSWER = "Formality and profanity masking"


def test_the_line_closest_to_the_question_is_quoted(shipped: NotesIndex) -> None:
    assert ANSWER in " ".join(shipped.ask(ASK).sentences)


def test_without_the_lead_rule_only_the_restating_lines_are_quoted(
    shipped: NotesIndex, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(scenario, "CLOSEST_LEAD", 99.0)
    assert ANSWER not in " ".join(shipped.ask(ASK).sentences)
