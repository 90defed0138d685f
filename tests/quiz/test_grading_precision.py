"""Free-text grading, session 8: false credits counted in the misses of the tuning set and of
grading_heldout_b7.yaml, one class per test, each on shipped bank questions with new answers of
the same kind (a parameter given another value, ...)."""

from __future__ import annotations

from quiz.bank import BankQuestion
from quiz.grade import FreeTextGrader
from quiz.quantities import gives_another_setting
from tests.quiz.grading_kit import points_made


def test_a_parameter_given_another_value_is_a_wrong_fact(
    grader: FreeTextGrader, bank: dict[str, BankQuestion]
) -> None:
    assert gives_another_setting("multi_label set to 1", "set multi_label to 3")
    assert gives_another_setting("num_models is forced to 1", "num_models will then be 8")
    assert not gives_another_setting("num_models is forced to 1", "num_models becomes 1")
    assert not gives_another_setting("num_models is forced to 1", "it trains 8 models")
    # alg-linear-learner-003: 2 num_models is forced to 1 and the set value is ignored
    linear = bank["alg-linear-learner-003"]
    assert 2 not in points_made(
        grader, linear, "Tuning disables the internal tuning; num_models then ends up at 32"
    )
    assert 2 in points_made(
        grader, linear, "Tuning disables the internal tuning; num_models then ends up at 1"
    )
    # alg-image-classification-002: 1 multi_label set to 1 allows several labels per image
    labels = bank["alg-image-classification-002"]
    assert 1 not in points_made(
        grader, labels, "Image Classification, multi_label = 5 so each photo gets five tags"
    )
    assert 1 in points_made(
        grader, labels, "Image Classification, multi_label = 1 so each photo gets several tags"
    )
