"""Free-text grading, session 22: a verb any option may use ("deploy", "set") names no other
option, though that option's noun shares its stem ("a canary deployment", "the maximum
setting"): the answer's opening verb is how it says what to do, not a pick. Misses read in
grading_heldout_b15.yaml and _b21.yaml; new answers here."""

from __future__ import annotations

from quiz.bank import BankQuestion
from quiz.grade import FreeTextGrader
from tests.quiz.grading_kit import graded, points_made


def test_deploy_names_no_deployment_option(
    grader: FreeTextGrader, bank: dict[str, BankQuestion]
) -> None:
    # ops-deploy-005 (A: a shadow variant; C: a blue/green canary deployment)
    shadow = bank["ops-deploy-005"]
    verb = (
        "Deploy it as a shadow variant beside production, so it sees a copy of the live requests."
    )
    assert graded(grader, shadow, verb).other_choice is None
    assert 1 in points_made(grader, shadow, verb)
    canary = "Deploy it with a blue/green canary deployment and automatic rollback."
    assert graded(grader, shadow, canary).other_choice is not None


def test_set_names_no_setting_option(grader: FreeTextGrader, bank: dict[str, BankQuestion]) -> None:
    # de-etl-007 (B: AWS Batch; A: Lambda with memory raised to the maximum setting)
    batch = bank["de-etl-007"]
    verb = "Set it up as an AWS Batch job that runs the Docker container with no time limit."
    assert graded(grader, batch, verb).other_choice is None
    assert graded(grader, batch, verb).score > 0.0
    setting = "Raise the Lambda memory to the maximum setting."
    assert graded(grader, batch, setting).other_choice is not None
