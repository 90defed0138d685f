"""Free-text grading, session 29: a number written another way than the key writes it reads as
the key's. The right option's own "or" in digits ("1 or 3 yrs" for "one or three years") is no
hedge; a sum in brackets is its total ("80 / (80 + 20)" is "80 / 100"); "1st" is "first"; a
bare count in thousands may carry a "k" ("10k" for "10,000"). Misses read in
grading_heldout_b20, _b26, _b27 and _b28; new answers here."""

from __future__ import annotations

from quiz.answer_text import normalise, words
from quiz.bank import BankQuestion
from quiz.grade import FreeTextGrader
from quiz.quantities import quantity_positions
from tests.quiz.grading_kit import graded, points_made


def test_number_forms_read_as_the_key_writes_them() -> None:
    assert normalise("P = 80 / (80 + 20) = 0.8") == "p = 80 / 100 = 0.8"
    assert normalise("(1.5 + 2)") == "3.5"
    assert normalise("the 1st column, a 3rd try") == "the first column, a third try"
    assert quantity_positions("10,000", words("at least 10k events")) == [2]
    assert quantity_positions("10,000", words("at least 5k events")) == []


def test_the_right_options_own_or_in_digits_is_no_hedge(
    grader: FreeTextGrader, bank: dict[str, BankQuestion]
) -> None:
    # ops-cost-001 (A: a SageMaker Savings Plan for one or three years)
    plans = bank["ops-cost-001"]
    own = "a sagemaker savings plan, 1 or 3 yrs, for the endpoints and the training jobs"
    assert not graded(grader, plans, own).hedged
    assert 1 in points_made(grader, plans, own)
    hedge = "a sagemaker savings plan or ec2 reserved instances, 1 yr"
    assert graded(grader, plans, hedge).hedged


def test_a_sum_in_brackets_is_its_total(
    grader: FreeTextGrader, bank: dict[str, BankQuestion]
) -> None:
    # mod-metrics-004: precision 80 / 100 = 0.80, recall 80 / 120 = about 0.67
    metrics = bank["mod-metrics-004"]
    working = "Precision comes to 80 / (80 + 20) = 0.80, and recall is 80 / (80 + 40), so 0.67."
    assert points_made(grader, metrics, working) == [1, 2]
    wrong = "Precision comes to 80 / (80 + 30) = 0.73."
    assert 1 not in points_made(grader, metrics, wrong)


def test_an_ordinal_in_digits_is_the_keys_word(
    grader: FreeTextGrader, bank: dict[str, BankQuestion]
) -> None:
    # alg-autogluon-002: the target goes in the first column
    autogluon = bank["alg-autogluon-002"]
    assert 1 in points_made(grader, autogluon, "churn has to be the 1st column of the csv")
    assert 1 not in points_made(grader, autogluon, "churn has to be the 2nd column of the csv")


def test_thousands_with_a_k_are_the_keys_count(
    grader: FreeTextGrader, bank: dict[str, BankQuestion]
) -> None:
    # ops-ai-007: ONLINE_FRAUD_INSIGHTS requires at least 10,000 events
    fraud = bank["ops-ai-007"]
    assert 1 in points_made(grader, fraud, "get 10k+ events first, that's the minimum")
    assert 1 not in points_made(grader, fraud, "get 5k+ events first, that's the minimum")
