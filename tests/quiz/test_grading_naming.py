"""Free-text grading, session 10: naming the pick in a partial answer that makes another point of
its own (misses read in the tuning set and grading_heldout_b9.yaml), on shipped bank questions
with new answers of the same kind."""

from __future__ import annotations

from quiz.bank import BankQuestion
from quiz.grade import FreeTextGrader
from quiz.hedging import Choices, adds_to_the_pick
from tests.quiz.grading_kit import points_made


def test_the_pick_named_as_the_subject_of_another_point_makes_no_point_that_adds_to_it(
    grader: FreeTextGrader, bank: dict[str, BankQuestion]
) -> None:
    # mod-ai-kendra-001: 1 Kendra answers natural language questions from documents (the naming
    # point, more than "Amazon Kendra"); 2 Connectors index many sources and respect ACLs
    kendra = bank["mod-ai-kendra-001"]
    connectors = (
        "Amazon Kendra, its connectors index SharePoint and S3 and respect the access lists."
    )
    assert points_made(grader, kendra, connectors) == [2]
    # the pick alone still makes the naming point; saying what it adds makes it too
    assert points_made(grader, kendra, "Kendra") == [1]
    both = (
        "Kendra answers natural language questions straight from the documents, "
        "and its connectors respect the access control lists."
    )
    assert points_made(grader, kendra, both) == [1, 2]
    # ops-ai-004: 2 Built-in integration with Textract and a confidence-based review condition
    a2i = bank["ops-ai-004"]
    routed = "Use Amazon A2I so that predictions with low confidence go to human reviewers."
    assert points_made(grader, a2i, routed) == [1]
    # eda-featurestore-001: 2 The offline store keeps history in S3 for point-in-time training
    features = bank["eda-featurestore-001"]
    online = (
        "SageMaker Feature Store, its online store serves the latest feature values at low latency."
    )
    assert points_made(grader, features, online) == [1]


def test_a_point_that_is_no_more_than_the_pick_adds_nothing_to_it() -> None:
    choices = Choices.of(
        {"A": "A multiplicative model of trend and seasonality", "B": "An additive model"}, "A"
    )
    assert not adds_to_the_pick("Use a multiplicative model", choices)
    assert adds_to_the_pick("Seasonal swings grow with the level", choices)
