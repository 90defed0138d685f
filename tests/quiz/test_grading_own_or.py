"""Free-text grading, session 21: an "or" that joins no two picks is no hedge. The right
option's own "or" ("for one or three years") said as the answer's term ("a one- or three-year
plan") joins the pick's own alternatives, and an "or" before a thing the key itself offers
("or lower the learning rate", where a key point says lowering it also helps) names no other
option, though another option says the same words the other way ("Increase the learning rate").
Misses read in grading_heldout_b14.yaml and _b20.yaml; new answers here."""

from __future__ import annotations

from quiz.bank import BankQuestion
from quiz.grade import FreeTextGrader
from tests.quiz.grading_kit import graded


def test_the_right_options_own_or_is_no_hedge(
    grader: FreeTextGrader, bank: dict[str, BankQuestion]
) -> None:
    # ops-cost-001 (A: a SageMaker Savings Plan for one or three years)
    plans = bank["ops-cost-001"]
    own = "Get a SageMaker Savings Plan on a one- or three-year term for the endpoints."
    assert not graded(grader, plans, own).hedged
    assert graded(grader, plans, own).score > 0.0
    hedge = "Get a SageMaker Savings Plan or EC2 Reserved Instances for the endpoints."
    assert graded(grader, plans, hedge).hedged


def test_an_or_before_what_the_key_offers_is_no_second_pick(
    grader: FreeTextGrader, bank: dict[str, BankQuestion]
) -> None:
    # mod-deep-learning-004 (D: gradient clipping; B: increase the learning rate); a key point
    # says lowering the learning rate also helps
    exploding = bank["mod-deep-learning-004"]
    offered = "the gradients explode -> clip their norm before every update, or lower the LR"
    assert not graded(grader, exploding, offered).hedged
    assert graded(grader, exploding, offered).score > 0.0
    other = "the gradients explode -> clip their norm before every update, or increase the LR"
    assert graded(grader, exploding, other).hedged
