"""Free-text grading, session 13: a parameter the key sets by its inverse ("1 /
num_samples_per_tree should approximate the anomaly ratio") given the share itself, or a count
whose inverse is another share than the answer's own (false credits read in
grading_heldout_b11.yaml and grading_heldout_b12.yaml), on shipped bank questions with new
answers of the same kind."""

from __future__ import annotations

from quiz.bank import BankQuestion
from quiz.grade import FreeTextGrader
from quiz.quantities import gives_another_reciprocal
from tests.quiz.grading_kit import points_made

POINT = "1 / num_samples_per_tree should approximate the anomaly ratio"


def _wrong(clause: str) -> bool:
    return gives_another_reciprocal(POINT, clause, clause)


def test_a_share_given_where_its_inverse_belongs_is_a_wrong_value() -> None:
    assert _wrong("make num_samples_per_tree 0.01, the share of bad readings")
    assert _wrong("num_samples_per_tree of 50 for the 0.2 % of anomalies")
    assert not _wrong("num_samples_per_tree of 500 for the 0.2 % of anomalies")
    assert not _wrong("num_samples_per_tree near 500")
    # the inverse's own value and the "1" of "1/" are no value of the parameter
    assert not _wrong("pick num_samples_per_tree so that 1/num_samples_per_tree is 0.002")
    assert not gives_another_reciprocal("num_trees reduces noise", "num_trees 0.5", "")


def test_a_parameter_set_to_the_share_its_inverse_should_match_makes_no_point(
    grader: FreeTextGrader, bank: dict[str, BankQuestion]
) -> None:
    # eda-outliers-002: 3 Set num_samples_per_tree so its inverse approximates the anomaly ratio
    outliers = bank["eda-outliers-002"]
    text = "Random Cut Forest scores each reading; give num_samples_per_tree the value 0.005"
    assert 3 not in points_made(grader, outliers, text)
    assert 3 in points_made(grader, outliers, text.replace("0.005", "200"))
    # alg-rcf-001: 1 1 / num_samples_per_tree should approximate the anomaly ratio
    rcf = bank["alg-rcf-001"]
    text = "More num_trees for steadier scores, and num_samples_per_tree near 40 for the 0.4 % rate"
    assert 1 not in points_made(grader, rcf, text)
    assert 1 in points_made(grader, rcf, text.replace("near 40", "near 250"))
