"""Free-text grading, session 20: an answer that says a point's own number in a clause about it
("of which 400 or more are fraud", "subnets in 2+ zones") gives no wrong value for it by another
amount of the same kind elsewhere (another point's "10,000 events or more", "one zone going
down"); read in the misses of grading_heldout_b11 and _b14."""

from __future__ import annotations

from quiz.bank import BankQuestion
from quiz.grade import FreeTextGrader
from tests.quiz.grading_kit import points_made


def test_another_amount_beside_the_points_own_number_is_another_things(
    grader: FreeTextGrader, bank: dict[str, BankQuestion]
) -> None:
    # ops-ai-007: 1 ONLINE_FRAUD_INSIGHTS requires at least 10,000 events; 2 At least 400 events
    # must be labelled fraudulent; 3 Training data is CSV with EVENT_TIMESTAMP and EVENT_LABEL
    fraud = bank["ops-ai-007"]
    answer = "Collect 10,000 events or more, and 400 or more of them need the fraud label"
    assert points_made(grader, fraud, answer) == [1, 2]
    # ops-ha-002: 1 An endpoint in a VPC needs subnets in at least two Availability Zones
    zones = bank["ops-ha-002"]
    answer = "give the endpoint subnets in 2+ AZs, then losing one az is survivable"
    assert 1 in points_made(grader, zones, answer)


def test_another_number_for_the_point_is_still_a_wrong_value(
    grader: FreeTextGrader, bank: dict[str, BankQuestion]
) -> None:
    fraud = bank["ops-ai-007"]
    # the point's own number is said of nothing here: 400 is not the fraud count
    answer = "It needs 10,000 events or more and about 40 fraud labels; 400 rows is plenty"
    assert 2 not in points_made(grader, fraud, answer)
    zones = bank["ops-ha-002"]
    assert 1 not in points_made(grader, zones, "subnets in one AZ are enough for the endpoint")
