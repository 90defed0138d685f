"""Free-text grading, session 14: an "or" that joins two details of the right pick is no hedge
(misses read in grading_heldout_b9.yaml and grading_heldout_b13.yaml), on shipped bank questions
with new answers of the same kind."""

from __future__ import annotations

from quiz.bank import BankQuestion
from quiz.grade import FreeTextGrader
from tests.quiz.grading_kit import points_made


def test_an_or_between_details_reached_through_a_preposition_is_no_hedge(
    grader: FreeTextGrader, bank: dict[str, BankQuestion]
) -> None:
    # ops-training-008: 1 Model parallelism splits one model across GPUs when it does not fit
    # in one device's memory; 2 Data parallelism is for models that fit on one GPU
    parallel = bank["ops-training-008"]
    split = (
        "Use model parallelism to split the network's layers or tensors over several GPUs, "
        "because the model does not fit in one GPU's memory."
    )
    assert 1 in points_made(grader, parallel, split)
    # de-kinesis-007: 3 Score with RCF in the Flink code or a SageMaker RCF endpoint
    flink = bank["de-kinesis-007"]
    scored = (
        "A Managed Service for Apache Flink app that scores each reading with Random Cut Forest "
        "inside its own code or by calling a SageMaker RCF endpoint."
    )
    assert 3 in points_made(grader, flink, scored)


def test_another_kind_of_the_picks_thing_after_an_or_is_still_a_hedge(
    grader: FreeTextGrader, bank: dict[str, BankQuestion]
) -> None:
    # a word the key never says right before the right option's word names another thing of
    # its kind: "pipelined GPUs" is not the model parallelism library's split across GPUs
    parallel = bank["ops-training-008"]
    hedge = "Split the model across GPUs with model parallelism or pipelined GPUs, not sure."
    assert points_made(grader, parallel, hedge) == []
