"""Free-text grading, session 19: a point that places a thing at the start of a line or below a
value is not made by a clause that places it at the end or above the value ("end every line
with __label__" against "each line starts with __label__"; "demand stays above P90" against
"demand stays below P90"), as "after" is not "before". Misses read in grading_heldout_b8.yaml,
_b9.yaml and _b18.yaml; new answers here."""

from __future__ import annotations

from quiz.answer_text import opposite_only, words
from quiz.bank import BankQuestion
from quiz.grade import FreeTextGrader
from tests.quiz.grading_kit import points_made


def test_a_label_at_the_end_of_the_line_is_not_at_its_start(
    grader: FreeTextGrader, bank: dict[str, BankQuestion]
) -> None:
    # alg-blazingtext-002 (A): 1 one sentence per line; 2 each line starts with __label__
    blazingtext = bank["alg-blazingtext-002"]
    ending = "Put one sentence on each line and end every line with __label__ and its class."
    assert points_made(grader, blazingtext, ending) == [1]
    starting = "Write one sentence per line, each beginning with __label__ followed by the class."
    assert points_made(grader, blazingtext, starting) == [1, 2]


def test_demand_above_p90_is_not_demand_below_it(
    grader: FreeTextGrader, bank: dict[str, BankQuestion]
) -> None:
    # mod-ai-forecast-001 (D: P90): 2 demand stays below P90 about 90 % of the time
    forecast = bank["mod-ai-forecast-001"]
    text = "Stock to P90: demand stays {} the P90 forecast about 90% of the time, so you run out"
    text += " about one day in ten."
    assert 2 in points_made(grader, forecast, text.format("below"))
    assert 2 not in points_made(grader, forecast, text.format("above"))


def test_place_words_and_their_opposites() -> None:
    starts, below = words("each line starts with the label"), words("demand stays below it")
    assert opposite_only(starts, words("the label goes at the end"))
    assert opposite_only(below, words("demand comes in above it"))
    assert not opposite_only(below, words("demand stays under it"))
