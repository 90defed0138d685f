"""Free-text grading, session 15: a point and a clause that both deny, where the denial reaches
the point's term from another distance or from the other side ("never go to the public
Mechanical Turk crowd", "at prediction time you won't have it"), are one claim judged by meaning,
not a term said the other way (misses read in grading_labelled.yaml, grading_heldout_b10.yaml,
_b11 and _b14), on shipped bank questions with new answers of the same kind."""

from __future__ import annotations

from quiz.bank import BankQuestion
from quiz.grade import FreeTextGrader
from tests.quiz.grading_kit import points_made


def test_a_denial_that_reaches_the_term_otherwise_makes_the_denying_point(
    grader: FreeTextGrader, bank: dict[str, BankQuestion]
) -> None:
    # eda-groundtruth-001: 2 Never send sensitive data to the public Mechanical Turk crowd
    workforce = bank["eda-groundtruth-001"]
    crowd = (
        "A private workforce of the hospital's radiologists; the patient scans should never go "
        "to the public Mechanical Turk crowd."
    )
    assert 2 in points_made(grader, workforce, crowd)
    # eda-leakage-001: 2 The feature is not available at prediction time
    leakage = bank["eda-leakage-001"]
    later = "Target leakage: at prediction time that value does not exist yet."
    assert 2 in points_made(grader, leakage, later)


def test_a_denial_past_a_comma_of_the_point_denies_nothing_of_its_term(
    grader: FreeTextGrader, bank: dict[str, BankQuestion]
) -> None:
    # ops-cost-002: 1 The commitment is a dollar amount per hour, not an instance reservation;
    # the answer denies a thing of the commitment that the point never denies
    plan = bank["ops-cost-002"]
    free = "It keeps the discount, and whatever goes over the commitment is not billed at all."
    assert 1 not in points_made(grader, plan, free)
