"""Free-text grading, session 23: a lead that names another option or rival only to turn it down
("Mechanical Turk is out because ...", "Lambda can't take this ...", "rewriting the clients is
what they want to avoid", "Although BlazingText also makes embeddings ...") is no pick of it
when a later clause names the right option strictly and no other. Misses read in
grading_heldout_b20.yaml and _b22.yaml; new answers here."""

from __future__ import annotations

from quiz.bank import BankQuestion
from quiz.grade import FreeTextGrader
from tests.quiz.grading_kit import graded, points_made


def test_a_lead_that_turns_a_rival_down_leaves_the_pick_to_what_follows(
    grader: FreeTextGrader, bank: dict[str, BankQuestion]
) -> None:
    # de-etl-007 (AWS Batch): 1 Batch runs Docker containers without Lambda's time limit;
    # 2 Lambda stops at 15 minutes and 10,240 MB
    batch = bank["de-etl-007"]
    text = (
        "Lambda won't do because it stops after 15 minutes and 10,240 MB of memory, so run the"
        " container as an AWS Batch job, which has no such time limit."
    )
    grade = graded(grader, batch, text)
    assert grade.other_choice is None and points_made(grader, batch, text) == [1, 2]


def test_an_option_said_to_be_out_or_avoided_is_no_pick(
    grader: FreeTextGrader, bank: dict[str, BankQuestion]
) -> None:
    # eda-groundtruth-001 (a private workforce): Mechanical Turk is the other option
    labelling = bank["eda-groundtruth-001"]
    out = (
        "Mechanical Turk is out since the scans hold patient data, so build a private workforce"
        " from the hospital's own doctors."
    )
    assert graded(grader, labelling, out).other_choice is None
    # de-kinesis-010 (Amazon MSK): Kinesis Data Streams is another option
    kafka = bank["de-kinesis-010"]
    avoided = (
        "Porting every producer to Kinesis is what the team wants to avoid, so choose Amazon MSK,"
        " which is managed Kafka."
    )
    assert graded(grader, kafka, avoided).other_choice is None


def test_a_lead_that_concedes_the_other_option_is_no_pick(
    grader: FreeTextGrader, bank: dict[str, BankQuestion]
) -> None:
    # alg-object2vec-001 (Object2Vec on user-item pairs); BlazingText is another option
    pairs = bank["alg-object2vec-001"]
    text = (
        "Although BlazingText can learn embeddings too, it only does words; Object2Vec learns"
        " embeddings of arbitrary pairs such as users and items."
    )
    assert graded(grader, pairs, text).other_choice is None


def test_a_pick_not_turned_down_or_not_followed_by_the_right_option_stays(
    grader: FreeTextGrader, bank: dict[str, BankQuestion]
) -> None:
    labelling = bank["eda-groundtruth-001"]
    # turned down, but the answer names no right option after it
    alone = "Mechanical Turk is out of the question, the data is too sensitive."
    assert graded(grader, labelling, alone).score == 0.0
    # the denial after "and" is another thing's: the lead still picks Lambda
    batch = bank["de-etl-007"]
    other = "Lambda, and the time limit is not a problem here; AWS Batch would be overkill."
    grade = graded(grader, batch, other)
    assert grade.other_choice is not None and grade.score == 0.0


def test_a_lead_that_sets_the_other_option_against_the_pick_is_no_pick(
    grader: FreeTextGrader, bank: dict[str, BankQuestion]
) -> None:
    # session 25: "Rather than X, ..." and "Instead of X, ..." name X only to set it aside (read
    # in grading_heldout_b22.yaml and _b24.yaml, where good answers were zeroed as picking X)
    batch = bank["de-etl-007"]
    rather = (
        "Rather than splitting the work across Lambda functions, run the container as an AWS"
        " Batch job, which has no 15-minute limit."
    )
    assert graded(grader, batch, rather).other_choice is None
    kafka = bank["de-kinesis-010"]
    instead = (
        "Instead of porting every producer to Kinesis Data Streams, choose Amazon MSK, which is"
        " managed Kafka with the standard Kafka APIs."
    )
    assert graded(grader, kafka, instead).other_choice is None
    # set aside, but no right option follows: the answer picks nothing right
    labelling = bank["eda-groundtruth-001"]
    alone = "Rather than Mechanical Turk, pay a labelling vendor to look at the scans."
    assert graded(grader, labelling, alone).score == 0.0
