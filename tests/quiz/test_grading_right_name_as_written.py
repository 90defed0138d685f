"""Free-text grading, session 24: the right option named as the student wrote it is the right
pick, not another: a possessive inside its opening name ("Rekognition's content moderation API",
where "API" is a name the question never says) and one slip in its distinctive word ("inference
recomender", whose next clause says "the model"). Misses read in grading_heldout_b8.yaml,
_b22.yaml and _b23.yaml; new answers here."""

from __future__ import annotations

from quiz.answer_text import words
from quiz.bank import BankQuestion
from quiz.grade import FreeTextGrader
from quiz.hedging import _said_exactly
from tests.quiz.grading_kit import graded, points_made


def test_a_possessive_s_is_no_word_inside_a_name() -> None:
    tokens = words("use Rekognition's content moderation API")
    assert _said_exactly("rekognition content moderation", tokens) == [1]
    # a lone "s" that opens the text is said
    assert _said_exactly("s", ["s"]) == [0]


def test_the_opening_name_with_a_possessive_names_the_right_option(
    grader: FreeTextGrader, bank: dict[str, BankQuestion]
) -> None:
    # mod-ai-rekognition-001 (Rekognition content moderation with A2I review): 1 moderation
    # labels with confidence; 2 borderline results go to human review with Augmented AI
    moderation = bank["mod-ai-rekognition-001"]
    text = (
        "Go with Rekognition's content moderation API: it labels unsafe images with a confidence"
        " score, and Augmented AI sends the borderline ones to human reviewers."
    )
    grade = graded(grader, moderation, text)
    assert grade.other_choice is None and points_made(grader, moderation, text) == [1, 2]


def test_the_right_option_misspelt_is_named_strictly(
    grader: FreeTextGrader, bank: dict[str, BankQuestion]
) -> None:
    # ops-recommender-001 (SageMaker Inference Recommender); SageMaker Model Monitor is another
    # option: "the model" in the next clause is no pick of it
    recommender = bank["ops-recommender-001"]
    text = (
        "Inference Recomender, it load-tests the model on each instance type and reports latency"
        " and cost per inference."
    )
    grade = graded(grader, recommender, text)
    assert grade.other_choice is None and points_made(grader, recommender, text) == [1, 2]
    # misspelt on one side of an "or", the right option is still hedged against another
    hedge = graded(grader, recommender, "Inference Recomender or Model Monitor, not sure which")
    assert hedge.hedged and hedge.score == 0.0


def test_another_word_near_a_name_is_no_slip_of_it(
    grader: FreeTextGrader, bank: dict[str, BankQuestion]
) -> None:
    # eda-text-002 (TF-IDF): "frequent" is a word of its own, not "frequency" misspelt, so
    # removing frequent words by hand does not turn the bag-of-words pick into TF-IDF
    tfidf = bank["eda-text-002"]
    text = "Bag of words with raw counts per document, then delete the most frequent words by hand."
    assert graded(grader, tfidf, text).other_choice is not None
