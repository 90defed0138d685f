"""Free-text grading by failure class, on shipped bank questions: a phrase set aside ("instead
of X"), a thing dismissed after it is named ("X isn't needed"), ... Each class was counted in the
labelled sets' misses; the answers here are new ones of the same kind."""

from __future__ import annotations

from quiz.answer_text import contrasted, denied_after, words
from quiz.bank import BankQuestion
from quiz.grade import FreeTextGrader
from quiz.quantities import numbers_agree, quantities
from tests.quiz.grading_kit import graded, points_made


def test_a_phrase_set_aside_is_not_said_and_confirms_a_denial(
    grader: FreeTextGrader, bank: dict[str, BankQuestion]
) -> None:
    assert contrasted(words("use auc instead of accuracy"), 4)
    assert contrasted(words("rather than smote's local neighbours"), 4)
    assert not contrasted(words("auc rather than accuracy to judge"), 5)
    # eda-imbalance-001: 1 SMOTE makes synthetic examples rather than copies
    smote = bank["eda-imbalance-001"]
    assert 1 not in points_made(
        grader, smote, "Oversample at random: copies of the rare rows instead of synthetic ones"
    )
    assert 1 in points_made(
        grader, smote, "SMOTE, it makes synthetic rare rows instead of copying them"
    )
    # eda-heteroscedasticity-001: 2 the error variance is not constant
    funnel = bank["eda-heteroscedasticity-001"]
    text = (
        "Heteroscedasticity: the residual variance widens with the fitted value rather than "
        "staying constant"
    )
    assert 2 in points_made(grader, funnel, text)


def test_a_thing_dismissed_after_it_is_named_is_denied(
    grader: FreeTextGrader, bank: dict[str, BankQuestion]
) -> None:
    assert denied_after(words("cdc is not needed"), 1)
    assert denied_after(words("a log transform of the target will not help"), 2)
    assert denied_after(words("the flag can not be given"), 2)
    assert not denied_after(words("the container in the vpc can not call out"), 2)
    assert not denied_after(words("cdc so the copy is not lost"), 1)
    # de-etl-011: 2 DMS copies with a full load and ongoing CDC
    dms = bank["de-etl-011"]
    dismissed = "Convert the schema with SCT, then a DMS full load; ongoing CDC won't be needed"
    assert 2 not in points_made(grader, dms, dismissed)
    assert 2 in points_made(
        grader, dms, "SCT for the schema, then DMS with a full load plus ongoing CDC"
    )
    # eda-heteroscedasticity-001: 3 fix with a log or Box-Cox transform of the target
    funnel = bank["eda-heteroscedasticity-001"]
    assert 3 not in points_made(
        grader, funnel, "Heteroscedasticity; taking the log of the target isn't enough"
    )


def test_initials_of_a_name_the_stem_says_set_the_scene_and_name_no_option(
    grader: FreeTextGrader, bank: dict[str, BankQuestion]
) -> None:
    # de-kinesis-015: the stem says "Kinesis Producer Library"; option B raises KPL aggregation
    kpl = bank["de-kinesis-015"]
    text = "the kpl waits ~100ms to batch, so call the sdk putrecord for these, sent right away"
    grade = graded(grader, kpl, text)
    assert grade.other_choice is None and grade.score == 1.0
    wrong = graded(grader, kpl, "Raise the KPL aggregation so more records share one record")
    assert wrong.other_choice is not None and wrong.score == 0.0


def test_a_part_counts_in_its_wholes_unit_and_a_spelt_count_in_the_point_is_checked(
    grader: FreeTextGrader, bank: dict[str, BankQuestion]
) -> None:
    assert ("event", 400.0) in quantities("9,000 events with 400 of them fraud")
    assert not numbers_agree("run at least two instances", "use 4 instances")
    assert numbers_agree("run at least two instances", "use two instances")
    # ops-ai-007: 1 at least 10,000 events, 2 at least 400 of them labelled fraudulent
    fraud = bank["ops-ai-007"]
    assert points_made(grader, fraud, "Gather 12,000 events, 400 of those labelled as fraud") == [2]
    # ops-ha-001: 1 production endpoints should run at least two instances
    spread = bank["ops-ha-001"]
    assert 1 not in points_made(grader, spread, "Put 4 instances behind the endpoint")
    assert 1 in points_made(grader, spread, "Run at least two instances behind the endpoint")


def test_a_name_the_question_never_says_first_in_the_lead_is_the_pick(
    grader: FreeTextGrader, bank: dict[str, BankQuestion]
) -> None:
    # ops-deploy-003 (serverless inference): "Inference" after an unknown word is not the pick
    idle = bank["ops-deploy-003"]
    other = graded(grader, idle, "SageMaker Elastic Inference, nothing to manage and idle is free")
    assert other.other_choice == "SageMaker Elastic Inference" and other.score == 0.0
    right = graded(
        grader, idle, "Serverless Inference: no instances to manage, no charge when idle"
    )
    assert right.other_choice is None and right.points_made == (idle.key_points[0].point,)
    # de-etl-006 (DMS with CDC): a point's words after another service's name are no pick
    oracle = bank["de-etl-006"]
    glue = graded(grader, oracle, "AWS AppFlow with ongoing replication while the source stays up")
    assert glue.other_choice == "AWS AppFlow" and glue.score == 0.0
    # a sentence's opening capital and a unit are no names
    assert graded(grader, oracle, "Since DMS does a full load and then CDC, it fits").score == 1.0


def test_an_answer_that_only_names_the_pick_makes_no_other_point_by_meaning(
    grader: FreeTextGrader, bank: dict[str, BankQuestion]
) -> None:
    # eda-viz-001: 1 a box plot shows the median and quartiles (naming the pick makes it),
    # 3 box plots compare distributions across groups (reads close to "box plots" alone)
    boxes = bank["eda-viz-001"]
    assert points_made(grader, boxes, "Box plots") == [1]
    assert 3 in points_made(grader, boxes, "Box plots, to compare the distributions of the groups")
    # eda-pii-002: 2 redacting during transcription keeps PII out of stored text
    pii = bank["eda-pii-002"]
    assert points_made(grader, pii, "Transcribe PII redaction") == [1]


def test_a_thing_left_to_you_is_not_done_for_you(
    grader: FreeTextGrader, bank: dict[str, BankQuestion]
) -> None:
    # de-transfer-002: 2 DataSync handles scheduling, encryption and integrity checks
    sync = bank["de-transfer-002"]
    left = "DataSync from the NFS share; the scheduling and integrity checks you script yourself"
    assert 2 not in points_made(grader, sync, left)
    done = "DataSync from the NFS share; it handles the scheduling and the integrity checks"
    assert 2 in points_made(grader, sync, done)


def test_a_comparison_the_other_way_or_as_equals_contradicts_the_point(
    grader: FreeTextGrader, bank: dict[str, BankQuestion]
) -> None:
    # mod-metrics-005: 1 MAE is less sensitive to outliers than MSE or RMSE
    mae = bank["mod-metrics-005"]
    assert 1 not in points_made(
        grader, mae, "MAE, although outliers sway it more than they sway MSE"
    )
    assert 1 not in points_made(grader, mae, "MAE; it is equally thrown by outliers, like MSE")
    assert 1 in points_made(grader, mae, "MAE, outliers sway it less than they sway MSE")


def test_after_a_lead_that_only_diagnoses_the_next_clause_picks(
    grader: FreeTextGrader, bank: dict[str, BankQuestion]
) -> None:
    # mod-deep-learning-003: the diagnosis (vanishing gradients) is point 1's, not an option's
    deep = bank["mod-deep-learning-003"]
    rate = graded(grader, deep, "Vanishing gradients; so increase the learning rate tenfold")
    assert rate.other_choice is not None and rate.score == 0.0
    fix = graded(grader, deep, "Vanishing gradients; so swap sigmoid for ReLU, add residual links")
    assert fix.other_choice is None and fix.points_made[:1] == (deep.key_points[0].point,)


def test_an_options_opening_name_names_it(
    grader: FreeTextGrader, bank: dict[str, BankQuestion]
) -> None:
    # ops-monitor-002: "Data quality monitoring against the training baseline" is option A,
    # "Model quality monitoring with ground truth labels" the right one (the stem says "data
    # quality" and "model", so those words alone tell no option apart)
    monitor = bank["ops-monitor-002"]
    wrong = graded(grader, monitor, "Data quality monitoring fed with ground truth labels")
    assert wrong.other_choice is not None and wrong.score == 0.0
    assert 1 in points_made(grader, monitor, "a model quality monitor")
    # de-etl-003: "Glue DataBrew profiling of the source files" is another option
    bookmarks = bank["de-etl-003"]
    brew = graded(grader, bookmarks, "Glue DataBrew profiling, so later runs read only new data")
    assert brew.other_choice is not None and brew.score == 0.0


def test_a_clause_that_reads_like_the_point_but_gives_another_value_is_not_the_point(
    grader: FreeTextGrader, bank: dict[str, BankQuestion]
) -> None:
    # ops-ai-007: 1 ONLINE_FRAUD_INSIGHTS requires at least 10,000 events
    fraud = bank["ops-ai-007"]
    assert 1 not in points_made(grader, fraud, "It needs more fraud examples, at least 300.")
    # de-kinesis-004: 2 classic consumers share the shard read limit; fan-out lowers latency
    # to about 70 ms (a read rate is no latency)
    fan = bank["de-kinesis-004"]
    assert 2 not in points_made(
        grader, fan, "Enhanced fan-out: each consumer reads 1 MB/s per shard alone"
    )


def test_keeping_what_the_right_option_changes_is_the_pick(
    grader: FreeTextGrader, bank: dict[str, BankQuestion]
) -> None:
    # alg-kmeans-002: "Set init_method from random to kmeans++"
    kmeans = bank["alg-kmeans-002"]
    kept = graded(grader, kmeans, "Leave init_method on random but run more epochs, stable then")
    assert kept.other_choice == "random" and kept.score == 0.0
    changed = graded(grader, kmeans, "Don't keep random starts: init_method kmeans++ spreads them")
    assert changed.other_choice is None and changed.score > 0.0
    # mod-deep-learning-003: "Replace sigmoid with ReLU activations and add residual connections"
    deep = bank["mod-deep-learning-003"]
    stay = graded(
        grader, deep, "Stay with sigmoid and add more layers; the gradients vanish anyway"
    )
    assert stay.other_choice == "sigmoid" and stay.score == 0.0
