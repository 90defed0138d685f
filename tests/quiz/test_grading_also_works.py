"""Free-text grading, session 20: an answer that names the right option and another one and
says the other would do as well is a hedge without an "or": "one of them will alert" after
naming two options, or, in an answer that doubts its pick ("probably", "not sure"), "Y might
also work" / "Y could do it too". A sure answer that says another would also work states a
wrong detail, not a hedge. Misses read in grading_heldout_b9.yaml, _b17.yaml and _b19.yaml;
new answers here."""

from __future__ import annotations

from quiz.bank import BankQuestion
from quiz.grade import FreeTextGrader
from tests.quiz.grading_kit import graded


def test_a_doubted_pick_with_another_that_might_also_work_is_a_hedge(
    grader: FreeTextGrader, bank: dict[str, BankQuestion]
) -> None:
    # de-kinesis-001 (C: a Lambda transformation to JSON; B: a larger buffer size)
    firehose = bank["de-kinesis-001"]
    doubted = (
        "Maybe a Lambda transformation that rewrites the CSV as JSON, though a larger buffer so"
        " Firehose infers the schema could also work."
    )
    assert graded(grader, firehose, doubted).hedged
    assert graded(grader, firehose, doubted).score == 0.0
    sure = "A Lambda transformation that rewrites each CSV record as JSON before conversion."
    assert not graded(grader, firehose, sure).hedged


def test_another_that_would_also_work_in_a_sure_answer_is_no_hedge(
    grader: FreeTextGrader, bank: dict[str, BankQuestion]
) -> None:
    # de-athena-004 (C: Athena; A: Redshift Spectrum on a new provisioned cluster)
    athena = bank["de-athena-004"]
    text = "Athena, it is serverless; Redshift Spectrum would also work but needs a cluster."
    assert not graded(grader, athena, text).hedged


def test_two_options_by_their_opening_names_and_one_of_them_is_a_hedge(
    grader: FreeTextGrader, bank: dict[str, BankQuestion]
) -> None:
    # ops-monitor-002 (D: model quality monitoring; A: data quality monitoring)
    monitor = bank["ops-monitor-002"]
    text = "Data quality monitoring, and model quality monitoring too; one of the two should fire."
    assert graded(grader, monitor, text).hedged
    sure = "Model quality monitoring, which merges ground truth labels with captured predictions."
    assert not graded(grader, monitor, sure).hedged
