"""Free-text grading, session 16: a clause that gives one of a point's amounts and, in the unit of
another the answer never gives, a new one ("1-minute points are kept for 3 days" for "for 15
days", "1 to 30 fps" for "5 to 30"; misses read in grading_heldout_b11, _b12, _b14 and _b15.yaml)
makes no point; on shipped bank questions with new answers of the same kind."""

from __future__ import annotations

from quiz.bank import BankQuestion
from quiz.grade import FreeTextGrader
from quiz.quantities import replaces_a_number
from tests.quiz.grading_kit import points_made


def test_a_new_amount_in_place_of_one_of_the_points_makes_no_point(
    grader: FreeTextGrader, bank: dict[str, BankQuestion]
) -> None:
    # ops-cloudwatch-002: 2 The metrics are sampled every minute, and CloudWatch keeps 1-minute
    # points for 15 days
    cloudwatch = bank["ops-cloudwatch-002"]
    base = "GPUUtilization and MemoryUtilization in CloudWatch; 1-minute data points are kept for"
    assert 2 not in points_made(grader, cloudwatch, f"{base} 2 days")
    assert 2 in points_made(grader, cloudwatch, f"{base} 15 days")
    # mod-metrics-004: 2 Recall = TP / (TP + FN) = 80 / 120 = about 0.67
    metrics = bank["mod-metrics-004"]
    assert points_made(grader, metrics, "precision 80/100 = 0.80; recall 80/(80+20) = 0.8") == [1]
    # a working that comes to the point's result keeps it
    worked = "precision = 80/(80+20) = 0.80 and recall = 80/(80+40) = 0.67"
    assert points_made(grader, metrics, worked) == [1, 2]


def test_an_amount_in_another_unit_or_beside_all_of_the_points_is_a_working() -> None:
    point = "Lambda is limited to 15 minutes and 10,240 MB of memory"
    # the job's two hours is no memory size
    said = "Lambda stops at 15 minutes, the job takes 2 hours"
    assert not replaces_a_number(point, said, said)
    range_point = "The video must run at 5 to 30 frames per second"
    assert replaces_a_number(range_point, "1 to 30 frames per second", "1 to 30 frames per second")
    both = "5 to 30 frames per second, so 12 frames per second is fine"
    assert not replaces_a_number(range_point, both, both)
