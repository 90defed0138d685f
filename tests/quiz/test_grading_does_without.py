"""Free-text grading, session 19: a point that denies a thing ("the CSV has no header") is made
by a clause that does without it: one that takes it away ("strip the header line", "delete the
header row") or calls it lacking ("headerless"), as "no header" would. Only a point that denies
the thing reads a removal so: nothing changes for a point that states it. Misses read in
grading_heldout_b9.yaml and _b14.yaml; new answers here."""

from __future__ import annotations

from quiz.answer_text import does_without, words
from quiz.bank import BankQuestion
from quiz.grade import FreeTextGrader
from tests.quiz.grading_kit import points_made


def test_taking_the_header_away_makes_the_no_header_point(
    grader: FreeTextGrader, bank: dict[str, BankQuestion]
) -> None:
    # alg-autogluon-002 (B: label first, no header): 1 the target goes in the first column;
    # 2 the CSV has no header row
    autogluon = bank["alg-autogluon-002"]
    stripped = "Put the churn label first and strip the header line out of the CSV."
    assert 2 in points_made(grader, autogluon, stripped)
    kept = "Put the label in the first column and keep the header row with the names."
    assert points_made(grader, autogluon, kept) == [1]


def test_a_headerless_csv_makes_the_no_header_point(
    grader: FreeTextGrader, bank: dict[str, BankQuestion]
) -> None:
    # alg-catboost-002 (D: categorical_index.json): 1 a JSON file lists the categorical
    # columns; 2 the CSV keeps the target first and has no header
    catboost = bank["alg-catboost-002"]
    text = (
        "Write a categorical_index.json that lists the postcode and shop id columns as"
        " categorical, and leave the CSV headerless with the target in the first column."
    )
    assert points_made(grader, catboost, text) == [1, 2]


def test_what_does_without_a_word() -> None:
    assert does_without(words("keep the file headerless"), 3)
    assert does_without(words("delete the header row"), 3)
    assert not does_without(words("add a header row"), 3)
    # "unless" and "less" name nothing that is lacking
    assert not does_without(words("less data unless sampled"), 0)
