"""The confidence an answered question shows is the chance its quote is right, on the scale the
Slack hint reads: an answer that holds the question and meets its kind's needs is shown as sure,
one that misses a comparison's side or most of the question gets the hint, and no answer shows
under the decline threshold."""

from __future__ import annotations

from bot.slack.render.answers import SURE_CONFIDENCE
from retrieval.answer import answered_confidence

FLOOR = 0.5


def test_an_answer_that_holds_the_question_and_meets_its_needs_is_shown_as_sure() -> None:
    assert answered_confidence(1.0, 1.0, FLOOR) >= SURE_CONFIDENCE
    assert answered_confidence(0.5, 1.0, FLOOR) >= SURE_CONFIDENCE


def test_an_answer_naming_one_side_of_a_comparison_gets_the_hint() -> None:
    assert FLOOR <= answered_confidence(1.0, 0.5, FLOOR) < SURE_CONFIDENCE


def test_an_answer_holding_little_of_the_question_is_less_sure_than_one_holding_it() -> None:
    assert answered_confidence(0.1, 1.0, FLOOR) < answered_confidence(0.9, 1.0, FLOOR)
    assert answered_confidence(0.1, 1.0, FLOOR) < SURE_CONFIDENCE


def test_an_answered_question_never_shows_under_the_decline_threshold() -> None:
    assert answered_confidence(0.0, 0.0, FLOOR) == FLOOR
    assert answered_confidence(0.0, 0.0, 0.6) == 0.6
