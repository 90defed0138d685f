"""Free-text grading, session 10: a partial answer credited with a second point by a clause
that reads closer to the point it makes (misses read in the tuning set, grading_heldout_b8.yaml
and grading_heldout_b9.yaml), on a shipped bank question with new answers of the same kind."""

from __future__ import annotations

from quiz.bank import BankQuestion
from quiz.grade import FreeTextGrader
from tests.quiz.grading_kit import points_made


def test_a_clause_makes_the_point_it_reads_closest_to_not_a_second_one(
    grader: FreeTextGrader, bank: dict[str, BankQuestion]
) -> None:
    # eda-databrew-001: 1 DataBrew saves the cleaning steps as a reusable recipe; 2 A DataBrew
    # job applies the recipe to the full dataset on a schedule. A clause about the recipe reads
    # close to both, but closer to 1, and says no term of 2
    databrew = bank["eda-databrew-001"]
    recipe_only = "Turn the cleaning steps into a DataBrew recipe that the team can reuse."
    assert points_made(grader, databrew, recipe_only) == [1]
    both = "Save the steps as a recipe, then a DataBrew job runs it over the full dataset weekly."
    assert points_made(grader, databrew, both) == [1, 2]
    # de-etl-003: 2 Without bookmarks the job reprocesses history: a point that counters its own
    # term is made by meaning only, so the clause naming the pick stays evidence for it
    bookmarks = bank["de-etl-003"]
    agrees = "Job bookmarks, so old files are not reprocessed and there are no duplicates."
    assert points_made(grader, bookmarks, agrees) == [1, 2]
