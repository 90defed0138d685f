"""Free-text grading, session 12: a word of another option that the key itself says of the right
one (misses read in grading_heldout_b8.yaml and grading_heldout_b11.yaml), on shipped bank
questions with new answers of the same kind."""

from __future__ import annotations

from quiz.bank import BankQuestion
from quiz.grade import FreeTextGrader
from tests.quiz.grading_kit import points_made


def test_a_word_the_key_says_of_the_right_option_picks_no_other(
    grader: FreeTextGrader, bank: dict[str, BankQuestion]
) -> None:
    # ops-training-006: the right option is an OnStart lifecycle script, another "a lifecycle
    # configuration with only an OnCreate script"; key point 1 says "Lifecycle configurations
    # run shell scripts automatically"
    notebooks = bank["ops-training-006"]
    onstart = "Give the notebooks a lifecycle configuration whose OnStart script runs the installs."
    assert points_made(grader, notebooks, onstart) == [1]
    # the other option's own word still picks it
    oncreate = "A lifecycle configuration with an OnCreate script that installs the libraries."
    assert points_made(grader, notebooks, oncreate) == []


def test_the_right_options_opening_name_outweighs_a_word_the_key_says(
    grader: FreeTextGrader, bank: dict[str, BankQuestion]
) -> None:
    # mod-ai-rekognition-001: "Rekognition content moderation with A2I review" is right, and
    # "labels" is a word of two other options that key point 1 says ("unsafe-content labels")
    moderation = bank["mod-ai-rekognition-001"]
    labels = (
        "Rekognition content moderation flags the explicit photos with moderation labels "
        "and a confidence score."
    )
    assert points_made(grader, moderation, labels) == [1]
    custom = "Rekognition Custom Labels trained on our own flagged photos."
    assert points_made(grader, moderation, custom) == []
