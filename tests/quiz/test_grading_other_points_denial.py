"""Free-text grading, session 16: a denial in a clause that reads closer to another key point and
says no term of this one ("without that every run re-reads the history", "the city has no
hotel"; misses read in grading_heldout_b14.yaml and _b15.yaml) takes nothing back of this point;
on shipped bank questions with new answers of the same kind."""

from __future__ import annotations

from quiz.bank import BankQuestion
from quiz.grade import FreeTextGrader
from tests.quiz.grading_kit import points_made


def test_a_denial_that_makes_another_point_takes_nothing_back_of_this_one(
    grader: FreeTextGrader, bank: dict[str, BankQuestion]
) -> None:
    # de-etl-003: 1 Job bookmarks track processed data so later runs read only new data;
    # 2 Without bookmarks the job reprocesses history and creates duplicates
    glue = bank["de-etl-003"]
    text = (
        "Enable job bookmarks on the Glue job so it keeps track of the files it has handled; "
        "without them each run reads the old files again and you get duplicate rows."
    )
    assert 1 in points_made(grader, glue, text)
    # mod-ai-lex-001: 1 A Lambda function can validate slot values during the Lex dialogue
    lex = bank["mod-ai-lex-001"]
    text = (
        "Use a Lambda code hook for validation; when the guest names a city with no hotel, "
        "the function turns the value down and Lex asks for that slot again."
    )
    assert 1 in points_made(grader, lex, text)


def test_a_clause_that_says_the_points_term_the_other_way_still_takes_it_back(
    grader: FreeTextGrader, bank: dict[str, BankQuestion]
) -> None:
    # de-etl-003: a clause that denies the bookmarks themselves takes point 1 back
    glue = bank["de-etl-003"]
    assert 1 not in points_made(grader, glue, "Job bookmarks don't track processed data.")
