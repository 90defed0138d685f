"""Free-text grading, session 14: a point and a clause that both deny, each in its own words, are
one claim, not a contradiction (misses read in grading_labelled.yaml, grading_heldout_b9.yaml,
_b11 and _b13), on shipped bank questions with new answers of the same kind."""

from __future__ import annotations

from quiz.bank import BankQuestion
from quiz.grade import FreeTextGrader
from tests.quiz.grading_kit import points_made


def test_a_denial_put_another_way_makes_the_denying_point(
    grader: FreeTextGrader, bank: dict[str, BankQuestion]
) -> None:
    # eda-correlation-002: 2 No correlation is not negative correlation
    correlation = bank["eda-correlation-002"]
    zero = "A value near 0 shows no linear link, which is not the same as a negative correlation."
    assert 2 in points_made(grader, correlation, zero)
    # de-kinesis-007: 2 Managed Service for Apache Flink has no built-in RANDOM_CUT_FOREST function
    flink = bank["de-kinesis-007"]
    missing = (
        "Use a Managed Service for Apache Flink app with a SageMaker RCF endpoint; "
        "Flink has no RANDOM_CUT_FOREST function you could call."
    )
    assert 2 in points_made(grader, flink, missing)


def test_a_denial_of_another_thing_still_takes_a_stated_point_back(
    grader: FreeTextGrader, bank: dict[str, BankQuestion]
) -> None:
    # eda-correlation-002: 3 Correlation does not imply causation; the answer says it does
    correlation = bank["eda-correlation-002"]
    reversed_ = "It is no negative correlation, and the correlation does prove causation here."
    assert 3 not in points_made(grader, correlation, reversed_)
