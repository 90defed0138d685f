"""Free-text grading, session 28: a lead that passes another option by ("Skip the Glue job: ...")
or says what it would do ("A Glue job would mean rewriting the script as Spark, so ...") names it
only to set it aside, when a later clause names the right option strictly and no other; a lead
saying the other option would serve ("Lambda would work fine") still picks it. Misses read in
grading_heldout_b25.yaml and _b26.yaml (good answers zeroed as picking the option set aside);
new answers here."""

from __future__ import annotations

from quiz.bank import BankQuestion
from quiz.grade import FreeTextGrader
from tests.quiz.grading_kit import graded, points_made


def test_a_lead_that_passes_the_other_option_by_is_no_pick(
    grader: FreeTextGrader, bank: dict[str, BankQuestion]
) -> None:
    # de-etl-007 (AWS Batch): a Glue ETL job with PySpark is another option
    batch = bank["de-etl-007"]
    text = (
        "Skip the Glue ETL job: run the container as an AWS Batch job, which has no 15-minute"
        " limit, since Lambda stops every run at 15 minutes."
    )
    grade = graded(grader, batch, text)
    assert grade.other_choice is None and points_made(grader, batch, text)


def test_a_lead_that_says_what_the_other_option_would_do_is_no_pick(
    grader: FreeTextGrader, bank: dict[str, BankQuestion]
) -> None:
    batch = bank["de-etl-007"]
    text = (
        "A Glue ETL job would mean rewriting the whole script in PySpark, so run the container"
        " as an AWS Batch job, which has no 15-minute limit."
    )
    grade = graded(grader, batch, text)
    assert grade.other_choice is None and points_made(grader, batch, text)


def test_the_other_option_said_to_serve_or_used_after_a_pass_stays_the_pick(
    grader: FreeTextGrader, bank: dict[str, BankQuestion]
) -> None:
    batch = bank["de-etl-007"]
    # what it would do is to serve: the lead picks the Glue job
    serving = "A Glue ETL job would work fine here, and AWS Batch needs more setup."
    grade = graded(grader, batch, serving)
    assert grade.other_choice is not None and grade.score == 0.0
    # what is passed by is the retry, not the Glue job the answer then uses
    used = "Skip the retries and use a Glue ETL job with PySpark; AWS Batch is too heavy."
    grade = graded(grader, batch, used)
    assert grade.other_choice is not None and grade.score == 0.0
