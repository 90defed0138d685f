"""Free-text grading, session 18: an answer that swaps the roles of a key point makes no point by
it: it says the point's claim of another of the question's subjects ("NTM ... runs on CPU only"
against "LDA trains on CPU only"; "the KPL, since it sends every record immediately" against "the
SDK PutRecord call sends each record immediately"), or relates the point's two things the other
way round ("positives divided by negatives", "raises precision and lowers recall"). Misses read
in grading_heldout_b12.yaml, _b15, _b11, _b16 and _b17; new answers here."""

from __future__ import annotations

from quiz.bank import BankQuestion
from quiz.grade import FreeTextGrader
from tests.quiz.grading_kit import points_made


def test_a_claim_said_of_the_other_subject_makes_no_point(
    grader: FreeTextGrader, bank: dict[str, BankQuestion]
) -> None:
    # alg-lda-001: 1 LDA trains on CPU only and on a single instance; 2 LDA may be cheaper, NTM
    # supports GPU and multiple instances
    lda = bank["alg-lda-001"]
    swapped = "NTM is the cheaper one because it runs on CPU only; LDA can use GPUs."
    assert points_made(grader, lda, swapped) == []
    # de-kinesis-015: 2 the SDK PutRecord call sends each record immediately; "it" is the KPL
    kinesis = bank["de-kinesis-015"]
    assert 2 not in points_made(
        grader, kinesis, "Stay with the KPL, since it sends every record immediately."
    )


def test_each_claim_said_of_its_own_subject_still_counts(
    grader: FreeTextGrader, bank: dict[str, BankQuestion]
) -> None:
    lda = bank["alg-lda-001"]
    text = "LDA, it only runs on CPU on one instance, so it can be cheaper than NTM."
    assert points_made(grader, lda, text) == [1, 2]
    kinesis = bank["de-kinesis-015"]
    text = (
        "Switch to PutRecord in the SDK: it sends each record immediately, whereas the KPL"
        " buffers records and adds latency."
    )
    assert points_made(grader, kinesis, text) == [1, 2]


def test_two_things_related_the_other_way_round_make_no_point(
    grader: FreeTextGrader, bank: dict[str, BankQuestion]
) -> None:
    # eda-imbalance-003: 2 recall rises and precision falls (misses read in
    # grading_heldout_b17.yaml; the ratio ones in _b11.yaml and _b16.yaml)
    imbalance = bank["eda-imbalance-003"]
    swapped = (
        "Drop the threshold: precision goes up while recall goes down, and no retraining is needed."
    )
    kept = (
        "Drop the threshold: recall goes up while precision goes down, and no retraining is needed."
    )
    assert points_made(grader, imbalance, swapped) == [1, 3]
    assert points_made(grader, imbalance, kept) == [1, 2, 3]
    # alg-xgboost-002: 2 start near negative cases divided by positive cases
    xgboost = bank["alg-xgboost-002"]
    inverted = "Use scale_pos_weight, set to the positive count divided by the negative count."
    right = "Use scale_pos_weight, set to the negative count divided by the positive count."
    assert points_made(grader, xgboost, inverted) == [1]
    assert points_made(grader, xgboost, right) == [1, 2]


def test_a_claim_term_standing_as_a_subject_is_claimed_of_nothing_else(
    grader: FreeTextGrader, bank: dict[str, BankQuestion]
) -> None:
    # session 25 (read in grading_heldout_b20.yaml and _b22.yaml): the point's term that opens
    # a clause or a conjunct is that clause's subject, not a claim of another subject.
    # de-kinesis-007: 2 Managed Service for Apache Flink has no built-in RANDOM_CUT_FOREST
    flink = bank["de-kinesis-007"]
    text = (
        "KDA SQL apps are gone and Flink ships no built-in RANDOM_CUT_FOREST function, so score"
        " the readings in a Flink app through a SageMaker RCF endpoint."
    )
    assert 2 in points_made(grader, flink, text)
    # de-kinesis-010: 1 Amazon MSK is managed Apache Kafka using standard Kafka APIs
    kafka = bank["de-kinesis-010"]
    text = (
        "Amazon MSK. It runs Apache Kafka for them with the usual Kafka APIs, so the existing"
        " producers stay as they are; Kafka Connect connectors carry over unchanged."
    )
    assert 1 in points_made(grader, kafka, text)


def test_each_claim_tied_to_the_other_thing_of_a_pair_makes_no_point(
    grader: FreeTextGrader, bank: dict[str, BankQuestion]
) -> None:
    # session 25 (read in grading_heldout_b9.yaml, _b15.yaml and _b21.yaml): two points open
    # with two things of a kind ("online store", "offline store"); a clause that opens with
    # one and reads like the other's point says that point's claim of the wrong thing.
    # eda-featurestore-001: 1 the online store serves the latest values with low latency;
    # 2 the offline store keeps history in S3 for point-in-time training data
    store = bank["eda-featurestore-001"]
    swapped = (
        "Use Feature Store. The offline store answers the model with the newest values at low"
        " latency, while the online store holds the full history in S3 for training sets."
    )
    kept = (
        "Use Feature Store. The online store answers the model with the newest values at low"
        " latency, while the offline store holds the full history in S3 for training sets."
    )
    assert points_made(grader, store, swapped) == []
    assert points_made(grader, store, kept) == [1, 2]


def test_a_rival_given_what_the_key_sets_it_apart_from_makes_no_point(
    grader: FreeTextGrader, bank: dict[str, BankQuestion]
) -> None:
    # session 25 (read in grading_heldout_b9.yaml, _b10.yaml and _b24.yaml): a point sets a
    # thing only another option names apart ("SSML only affects the document it is written
    # in", "Fargate has no GPUs"); a clause that opens with it and gives it what another has
    # ("also", "too", "either") takes the point back.
    # ops-ai-002: 2 SSML only affects the document it is written in
    polly = bank["ops-ai-002"]
    granted = "A pronunciation lexicon; SSML tags would also cover all the lessons in one go."
    kept = "A pronunciation lexicon; SSML tags only change the one document that holds them."
    assert 2 not in points_made(grader, polly, granted)
    assert 2 in points_made(grader, polly, kept)
    # ops-containers-001: 2 ... Fargate has no GPUs
    containers = bank["ops-containers-001"]
    granted = "EKS with Deep Learning Containers; Fargate could run the GPU jobs too."
    assert 2 not in points_made(grader, containers, granted)
