"""Free-text grading, session 11: points made in other words that the grader missed, counted in
the misses of the tuning set and of grading_heldout_b8/_b9/_b10.yaml, one class per test, each on
shipped bank questions with new answers of the same kind."""

from __future__ import annotations

from quiz.answer_text import clauses, normalise
from quiz.bank import BankQuestion
from quiz.grade import FreeTextGrader
from tests.quiz.grading_kit import points_made


def test_a_lone_n_or_w_between_words_is_chat_for_and_or_with(
    grader: FreeTextGrader, bank: dict[str, BankQuestion]
) -> None:
    assert normalise("flips n crops w the same label") == "flips and crops with the same label"
    # a name keeps its letter: "n-grams", "n_estimators", "top n"
    assert normalise("n-grams n_estimators top n") == "n-grams n_estimators top n"
    assert "keep the steps as a recipe" in clauses("keep the steps as a recipe n run the job")
    # eda-databrew-001: 1 DataBrew saves the cleaning steps as a reusable recipe; 2 a DataBrew
    # job applies the recipe on a schedule. One unsplit clause reads closer to 2
    databrew = bank["eda-databrew-001"]
    chat = "keep the steps as a recipe n have a scheduled databrew job apply it to all 400 gb"
    assert points_made(grader, databrew, chat) == [1, 2]
