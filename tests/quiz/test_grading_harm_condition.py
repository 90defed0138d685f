"""Free-text grading, session 26: a point that says what a thing at some level keeps from
happening ("High parallelism stops Bayesian search from learning from completed jobs") names the
cause of a harm, not a change it asks for, and what the level keeps from happening is said
denied ("the search can't learn from results"). An answer that sets the thing the other way
("fewer parallel jobs") with the harm it cures gives the remedy: the word set that way
contradicts nothing and is no evidence for the point either; the remedy alone still says the
thing the other way. Read in the misses of grading_heldout_b14, b19 and b25."""

from __future__ import annotations

from quiz.answer_text import changes_otherwise, claim_polarity, harm_condition, words
from quiz.bank import BankQuestion
from quiz.grade import FreeTextGrader
from tests.quiz.grading_kit import points_made

HARM = "High parallelism stops Bayesian search from learning from completed jobs"


def test_a_level_before_a_harming_verb_is_a_harm_condition() -> None:
    assert harm_condition(words(HARM))
    # a change the point asks for is none ("Decrease the learning rate to avoid overshooting")
    assert not harm_condition(words("Decrease the learning rate to avoid overshooting"))
    assert not harm_condition(words("Bagging reduces variance and helps avoid overfitting"))


def test_the_remedy_given_with_the_harm_says_nothing_against_it() -> None:
    remedy = words("cut the parallel jobs way down: all at once, bayesian search can not learn")
    assert claim_polarity(HARM, remedy) is not False
    assert not changes_otherwise(words(HARM), remedy)
    # the remedy alone says the thing the other way
    assert claim_polarity(HARM, words("cut the number of parallel jobs way down")) is False
    # a change the point asks for is still contradicted the other way
    asked = "Decrease the batch size so gradient noise helps escape local minima"
    assert claim_polarity(asked, words("increase the batch size")) is False


def test_what_the_level_keeps_from_happening_is_said_denied() -> None:
    # "stops Bayesian search from learning" says the search does not learn
    assert claim_polarity(HARM, words("bayesian search can not learn from the results"))
    assert claim_polarity(HARM, words("bayesian search learns just as well")) is False


def test_the_remedy_with_the_reason_makes_the_harm_point(
    grader: FreeTextGrader, bank: dict[str, BankQuestion]
) -> None:
    # mod-tuning-001: 1 High parallelism stops Bayesian search from learning from completed
    # jobs; 2 Keep parallelism low for the best result within a fixed budget of jobs
    tuning = bank["mod-tuning-001"]
    answer = (
        "Run fewer parallel jobs. With every job launched together, the Bayesian search has "
        "nothing finished to learn from, so low parallelism gives the best result in the budget."
    )
    assert points_made(grader, tuning, answer) == [1, 2]
    # the remedy alone does not say why the level harms
    assert 1 not in points_made(grader, tuning, "Lower the maximum parallel jobs to five.")
