"""Free-text grading, session 9: false credits counted in the misses of the tuning set and of
grading_heldout_b8.yaml, one class per test, each on shipped bank questions with new answers of
the same kind."""

from __future__ import annotations

from quiz.bank import BankQuestion
from quiz.grade import FreeTextGrader
from tests.quiz.grading_kit import graded, points_made


def test_a_point_whose_own_term_is_taken_back_is_not_made_by_a_vaguer_clause(
    grader: FreeTextGrader, bank: dict[str, BankQuestion]
) -> None:
    # mod-ai-translate-001: 1 Custom terminology fixes how specific terms are translated;
    # 2 Terms can be left untranslated. "fixes the approved translations" reads close to 2,
    # but the answer says its own word the other way
    translate = bank["mod-ai-translate-001"]
    denied = (
        "Custom terminology fixes the approved translations, "
        "but it will not keep a brand name untranslated."
    )
    assert points_made(grader, translate, denied) == [1]
    said = (
        "Custom terminology sets the translations of the product names, "
        "and a brand can be left untranslated."
    )
    assert points_made(grader, translate, said) == [1, 2]
    # de-etl-003: 2 Without bookmarks the job reprocesses history and creates duplicates: a point
    # that counters its own term agrees with "no reprocessing"
    bookmarks = bank["de-etl-003"]
    agrees = "Job bookmarks, so old files are not reprocessed and there are no duplicates."
    assert 2 in points_made(grader, bookmarks, agrees)


def test_naming_another_option_and_saying_either_would_do_is_a_hedge(
    grader: FreeTextGrader, bank: dict[str, BankQuestion]
) -> None:
    # eda-missing-002: the column median; the mean is another option
    missing = bank["eda-missing-002"]
    hedge = (
        "Fill the gaps with the column median, though the mean would do too, either should be fine."
    )
    assert graded(grader, missing, hedge).hedged
    assert points_made(grader, missing, hedge) == []
    # rejecting the other option is no hedge, even with an "either"
    rejects = (
        "Fill the gaps with the column median; the mean gets dragged by the outliers, "
        "so not that one either."
    )
    assert not graded(grader, missing, rejects).hedged
    assert points_made(grader, missing, rejects)
    # ops-training-004: managed spot training; a larger GPU instance is another option
    spot = bank["ops-training-004"]
    both = (
        "Managed spot training with checkpoints written to S3 and a larger GPU instance type, "
        "either one helps."
    )
    assert graded(grader, spot, both).hedged


def test_an_amount_the_stem_states_names_no_option(
    grader: FreeTextGrader, bank: dict[str, BankQuestion]
) -> None:
    # mod-metrics-007: the stem has 12 categories; "Overall accuracy across all 12 categories"
    # is another option, but repeating the scenario's amount picks nothing
    metrics = bank["mod-metrics-007"]
    macro = "Macro F1 across the 12 categories, so every class counts the same however rare it is."
    assert graded(grader, metrics, macro).other_choice is None
    assert 1 in points_made(grader, metrics, macro)
    # eda-viz-003: the stem has 40 numeric features; "A histogram for each of the 40 features"
    viz = bank["eda-viz-003"]
    heat = "Compute the correlation matrix of the 40 features and show it as a heat map."
    assert points_made(grader, viz, heat) == [1]
    # an amount only another option says still names it
    shards = bank["de-kinesis-002"]
    assert graded(grader, shards, "3 shards are enough").other_choice == "3 shards"
