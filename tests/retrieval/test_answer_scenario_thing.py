"""A scenario asking for one named thing by its kind ("Which permission ...?", "Which function
...?"): the passage's sentence naming a thing the question does not, and holding most of the
question's words, is quoted (`retrieval.thing`), where the quote said what the subject is or
named the plain function the stem already used."""

from __future__ import annotations

from retrieval.service import NotesIndex
from retrieval.thing import IDENTIFIER, names_thing


def test_the_permission_is_quoted_beside_the_role(shipped: NotesIndex) -> None:
    answer = shipped.ask(
        "Our analyst may create SageMaker training jobs, yet each one that names the shared "
        "SageMaker execution role is denied. Which permission is she missing?"
    )
    assert "PassRole" in answer.text


def test_the_variant_function_is_quoted_over_the_plain_one(shipped: NotesIndex) -> None:
    answer = shipped.ask(
        "A Kinesis Data Analytics SQL application gives every sensor record an anomaly score, "
        "but nobody can tell which input columns pushed a score up. Which function would have "
        "told them?"
    )
    assert "RANDOM_CUT_FOREST_WITH_EXPLANATION" in answer.text


def test_identifiers_are_code_colons_underscores_and_inner_capitals() -> None:
    text = "Use `recordId`, iam:PassRole, value_counts and UpdateShardCount; IAM and S3 are none."
    assert IDENTIFIER.findall(text) == [
        "`recordId`",
        "iam:PassRole",
        "value_counts",
        "UpdateShardCount",
    ]


def test_a_name_the_question_or_a_heading_holds_names_no_thing() -> None:
    subjects = frozenset({"sagemak", "cloudwatch"})
    assert not names_thing("SageMaker writes CloudWatch logs.", "which api?", subjects)
    assert not names_thing("Call UpdateShardCount.", "is UpdateShardCount a call?", subjects)
    assert names_thing("Call UpdateShardCount.", "which api call?", subjects)
