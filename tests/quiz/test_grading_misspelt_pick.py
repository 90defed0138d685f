"""Free-text grading, session 16: the right option's name misspelt in the lead ("AWS Bacth",
"amazon kendera", misses read in grading_heldout_b14.yaml and _b15.yaml) is the right pick, not a
name the question never says; on shipped bank questions with new answers of the same kind."""

from __future__ import annotations

from quiz.answer_text import misspells
from quiz.bank import BankQuestion
from quiz.grade import FreeTextGrader
from tests.quiz.grading_kit import graded, points_made


def test_one_slip_in_a_long_word_is_a_misspelling() -> None:
    known = frozenset({"batch", "kendra", "bedrock", "macie"})
    assert misspells("btach", known)  # two letters swapped
    assert misspells("kndra", known)  # a letter dropped
    assert misspells("beddrock", known)  # a letter added
    assert not misspells("batch", known)  # the word itself
    assert not misspells("bitch", frozenset({"batsh"}))  # two slips
    assert not misspells("mace", known)  # too short to misspell


def test_the_right_option_misspelt_in_the_lead_is_the_right_pick(
    grader: FreeTextGrader, bank: dict[str, BankQuestion]
) -> None:
    # de-etl-007: 1 AWS Batch runs Docker containers as batch jobs without Lambda's time limit;
    # 2 Lambda is limited to 15 minutes and 10,240 MB of memory
    batch = bank["de-etl-007"]
    text = "AWS Btach, it runs the Docker container as a batch job; Lambda caps at 15 minutes"
    grade = graded(grader, batch, text)
    assert grade.other_choice is None and points_made(grader, batch, text) == [1, 2]
    # mod-bedrock-001: 1 Bedrock is a serverless API to foundation models; 2 no instances to
    # manage, prompts are not used for training
    bedrock = bank["mod-bedrock-001"]
    text = "Amazon Bedroc: a serverless API in front of foundation models, nothing to host"
    assert points_made(grader, bedrock, text) == [1]
    # a name the question never says is still another pick
    foreign = graded(grader, bedrock, "Amazon Lightsail: a serverless API to foundation models")
    assert foreign.other_choice is not None and foreign.score == 0.0
