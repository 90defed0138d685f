"""Free-text grading, session 18: an answer that says a key point's claim of another of the
question's subjects swaps their roles and makes no point by it ("NTM ... runs on CPU only"
against "LDA trains on CPU only"; "the KPL, since it sends every record immediately" against "the
SDK PutRecord call sends each record immediately"). Misses read in grading_heldout_b15.yaml and
_b12.yaml; new answers here."""

from __future__ import annotations

from quiz.bank import BankQuestion
from quiz.grade import FreeTextGrader
from tests.quiz.grading_kit import points_made


def test_a_claim_said_of_the_other_subject_makes_no_point(
    grader: FreeTextGrader, bank: dict[str, BankQuestion]
) -> None:
    # alg-lda-001: 1 LDA trains on CPU only and on a single instance; 2 LDA may be cheaper, NTM
    # supports GPU and multiple instances
    lda = bank["alg-lda-001"]
    swapped = "NTM is the cheaper one because it runs on CPU only; LDA can use GPUs."
    assert points_made(grader, lda, swapped) == []
    # de-kinesis-015: 2 the SDK PutRecord call sends each record immediately; "it" is the KPL
    kinesis = bank["de-kinesis-015"]
    assert 2 not in points_made(
        grader, kinesis, "Stay with the KPL, since it sends every record immediately."
    )


def test_each_claim_said_of_its_own_subject_still_counts(
    grader: FreeTextGrader, bank: dict[str, BankQuestion]
) -> None:
    lda = bank["alg-lda-001"]
    text = "LDA, it only runs on CPU on one instance, so it can be cheaper than NTM."
    assert points_made(grader, lda, text) == [1, 2]
    kinesis = bank["de-kinesis-015"]
    text = (
        "Switch to PutRecord in the SDK: it sends each record immediately, whereas the KPL"
        " buffers records and adds latency."
    )
    assert points_made(grader, kinesis, text) == [1, 2]
