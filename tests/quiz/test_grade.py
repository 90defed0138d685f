"""Free-text grading: terms with typos, short terms exact, paraphrases by meaning, feedback."""

from __future__ import annotations

from pathlib import Path

import pytest

from quiz.bank import KeyPoint
from quiz.feedback import citation
from quiz.grade import FreeTextGrader, grade_choice, label_for, term_matches, words
from retrieval.embed import Embedder
from store.models import Question

FIREHOSE = (
    KeyPoint(
        "Firehose delivers to S3 without custom consumer code", ("firehose", "delivery stream")
    ),
    KeyPoint(
        "Firehose converts records to Parquet or ORC", ("parquet", "format conversion", "orc")
    ),
)


def test_terms_match_with_typos_but_short_terms_exactly() -> None:
    assert term_matches("firehose", words("use kinesis firehouse for it"))
    assert term_matches("format conversion", words("turn on formatt conversion"))
    assert not term_matches("orc", words("use force"))
    assert not term_matches("orc", words("or c"))
    assert term_matches("orc", words("write ORC files"))


@pytest.fixture
def grader(embedder: Embedder) -> FreeTextGrader:
    return FreeTextGrader(embedder)


def test_all_points_by_terms(grader: FreeTextGrader) -> None:
    grade = grader.grade(FIREHOSE, "Use a Firehose delivery stream that writes Parquet to S3")
    assert grade.score == 1.0 and grade.correct and label_for(grade.score) == "good"


def test_partial_answer_names_made_and_missed_points(grader: FreeTextGrader) -> None:
    grade = grader.grade(FIREHOSE, "Kinesis Firehose can land the events in the bucket")
    assert grade.score == 0.5
    assert grade.points_made == (FIREHOSE[0].point,)
    assert grade.points_missed == (FIREHOSE[1].point,)


def test_paraphrase_is_matched_by_meaning_above_the_threshold(embedder: Embedder) -> None:
    points = (KeyPoint("MAE is less sensitive to outliers than RMSE", ("mae",)),)
    text = "mean absolute error is not thrown off much by extreme outliers"
    similarity = float(FreeTextGrader(embedder).point_similarities(points, text)[0])
    assert 0.4 < similarity < 0.95
    assert FreeTextGrader(embedder, threshold=similarity - 0.01).grade(points, text).score == 1.0
    assert FreeTextGrader(embedder, threshold=similarity + 0.01).grade(points, text).score == 0.0


def test_unrelated_answer_scores_zero(grader: FreeTextGrader) -> None:
    grade = grader.grade(FIREHOSE, "I would retrain the model with more epochs on a GPU")
    assert grade.score == 0.0 and not grade.correct and label_for(0.0) == "wrong"


def test_choice_grading() -> None:
    assert grade_choice("b", "B").correct
    assert not grade_choice("A", "B").correct


def test_citation_reads_the_section_from_the_notes(corpus: Path) -> None:
    question = Question(source_file="streaming.md", source_heading="Kinesis Data Firehose")
    label, section = citation(question, [corpus])
    assert label == "streaming.md › Kinesis Data Firehose"
    assert section is not None and section.text.startswith("Kinesis Data Firehose is a fully")
    assert "Amazon SQS" not in section.text
