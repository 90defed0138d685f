"""Free-text grading, session 17: a lead that says what another option's thing is or was ("the
reader is registered as an enhanced fan-out consumer", "the SQL flavour has been discontinued")
is no pick of it when the answer turns from it to the right option: it names the right option
strictly and says the other is gone, replaces it ("instead") or takes it away ("drop EFO",
"deregister it"). Misses read in grading_heldout_b16.yaml and _b10.yaml; new answers here."""

from __future__ import annotations

from quiz.bank import BankQuestion
from quiz.grade import FreeTextGrader
from tests.quiz.grading_kit import graded, points_made


def test_a_lead_on_the_cause_then_the_right_option_is_the_right_pick(
    grader: FreeTextGrader, bank: dict[str, BankQuestion]
) -> None:
    # de-kinesis-016 (B: deregister the consumer and poll with GetRecords): 1 enhanced fan-out
    # costs per consumer-shard hour and per GB; 2 with one consumer shared throughput is enough
    kinesis = bank["de-kinesis-016"]
    text = (
        "The reader was registered as a fan-out consumer, so it pays per consumer-shard hour and"
        " per GB. Deregister it and poll with GetRecords; one reader is fine on shared throughput."
    )
    grade = graded(grader, kinesis, text)
    assert grade.other_choice is None and points_made(grader, kinesis, text) == [1, 2]
    dropped = "It's the fan-out consumer that costs per GB; drop EFO and poll with GetRecords."
    assert graded(grader, kinesis, dropped).other_choice is None


def test_a_lead_that_picks_the_other_option_stays_its_pick(
    grader: FreeTextGrader, bank: dict[str, BankQuestion]
) -> None:
    kinesis = bank["de-kinesis-016"]
    # the right option's words later, but nothing turns from the lead's pick
    text = "Register a second fan-out consumer; then poll with GetRecords to split the reading."
    grade = graded(grader, kinesis, text)
    assert grade.other_choice is not None and grade.score == 0.0
