"""Free-text grading, session 27: a lead that names a key point's subject (the thing the stem
sets the question in, or an alternative it describes) together with another term of that point
states the point; it picks nothing when the answer names the right option strictly. Answers
that told the problem type's setting apart from the algorithm it belongs to were read as
picking the algorithm and zeroed (misses read in grading_heldout_b10.yaml, _b15.yaml and
_b26.yaml); new answers here."""

from __future__ import annotations

from quiz.bank import BankQuestion
from quiz.grade import FreeTextGrader
from tests.quiz.grading_kit import graded, points_made


def test_a_lead_stating_the_subjects_point_leaves_the_pick_to_the_right_option(
    grader: FreeTextGrader, bank: dict[str, BankQuestion]
) -> None:
    # alg-linear-learner-001 (multiclass_classifier with num_classes): the stem names Linear
    # Learner, and point 1 opens with it ("Linear Learner selects the problem type with
    # predictor_type")
    linear = bank["alg-linear-learner-001"]
    text = (
        "Linear Learner reads the kind of problem from predictor_type; here that must be"
        " multiclass_classifier, with num_classes for the five classes."
    )
    grade = graded(grader, linear, text)
    assert grade.other_choice is None and 1 in points_made(grader, linear, text)
    # mod-deep-learning-001 (a sigmoid per label): point 2 opens with softmax, which the stem
    # says the model uses now
    tags = bank["mod-deep-learning-001"]
    softmax = "Softmax returns one label per photo, so put a sigmoid on each output neuron."
    assert graded(grader, tags, softmax).other_choice is None


def test_a_subject_named_without_the_right_option_is_still_the_pick(
    grader: FreeTextGrader, bank: dict[str, BankQuestion]
) -> None:
    linear = bank["alg-linear-learner-001"]
    alone = "Linear Learner works the problem type out through predictor_type by itself."
    assert graded(grader, linear, alone).score == 0.0
    # the subject named without another term of its point stays the pick
    tags = bank["mod-deep-learning-001"]
    kept = "Keep softmax on the output layer and add one neuron for each tag."
    assert graded(grader, tags, kept).score == 0.0
