"""Free-text grading, session 8: false credits counted in the misses of the tuning set and of
grading_heldout_b7.yaml, one class per test, each on shipped bank questions with new answers of
the same kind (a parameter given another value, ...)."""

from __future__ import annotations

from quiz.answer_text import changes_otherwise, denies_the_subject, opposite_only, words
from quiz.bank import BankQuestion
from quiz.grade import FreeTextGrader
from quiz.quantities import gives_another_setting
from tests.quiz.grading_kit import points_made


def test_a_parameter_given_another_value_is_a_wrong_fact(
    grader: FreeTextGrader, bank: dict[str, BankQuestion]
) -> None:
    assert gives_another_setting("multi_label set to 1", "set multi_label to 3")
    assert gives_another_setting("num_models is forced to 1", "num_models will then be 8")
    assert not gives_another_setting("num_models is forced to 1", "num_models becomes 1")
    assert not gives_another_setting("num_models is forced to 1", "it trains 8 models")
    # alg-linear-learner-003: 2 num_models is forced to 1 and the set value is ignored
    linear = bank["alg-linear-learner-003"]
    assert 2 not in points_made(
        grader, linear, "Tuning disables the internal tuning; num_models then ends up at 32"
    )
    assert 2 in points_made(
        grader, linear, "Tuning disables the internal tuning; num_models then ends up at 1"
    )
    # alg-image-classification-002: 1 multi_label set to 1 allows several labels per image
    labels = bank["alg-image-classification-002"]
    assert 1 not in points_made(
        grader, labels, "Image Classification, multi_label = 5 so each photo gets five tags"
    )
    assert 1 in points_made(
        grader, labels, "Image Classification, multi_label = 1 so each photo gets several tags"
    )


def test_a_clause_that_denies_the_points_subject_takes_the_point_back(
    grader: FreeTextGrader, bank: dict[str, BankQuestion]
) -> None:
    point = words("Job bookmarks track processed data so later runs read only new data")
    assert denies_the_subject(point, words("job bookmarks do not track what was processed"))
    assert not denies_the_subject(point, words("job bookmarks do not need a crawler"))
    assert not denies_the_subject(point, words("it does not track anything"))
    assert not denies_the_subject(point, words("the crawler does not track processed data"))
    # ops-secrets-001: 1 Secrets Manager stores credentials and rotates them
    secrets = bank["ops-secrets-001"]
    text = (
        "Keep the password in Secrets Manager, the job reads it at run time with its role; "
        "note that Secrets Manager won't rotate database credentials"
    )
    assert 1 not in points_made(grader, secrets, text)
    assert 1 in points_made(grader, secrets, text.replace("won't rotate", "will also rotate"))
    # de-etl-003: 1 job bookmarks track processed data so later runs read only new data
    bookmarks = bank["de-etl-003"]
    text = "Turn on job bookmarks so each run reads only new files; bookmarks do not track state"
    assert 1 not in points_made(grader, bookmarks, text)


def test_a_clause_that_goes_the_other_way_only_does_not_make_the_point(
    grader: FreeTextGrader, bank: dict[str, BankQuestion]
) -> None:
    assert changes_otherwise(words("higher map is better"), words("a lower map is better"))
    assert changes_otherwise(words("common words are down-weighted"), words("boosts common words"))
    assert not changes_otherwise(words("higher map is better"), words("a higher map is better"))
    # a point that goes both ways is left to the other checks
    assert not changes_otherwise(
        words("reduce max_depth to make the model more conservative"), words("lower max_depth")
    )
    assert not changes_otherwise(words("common words are down-weighted"), words("use boosting"))
    # eda-text-002: 2 words present in most documents are down-weighted
    tfidf = bank["eda-text-002"]
    assert 2 not in points_made(
        grader, tfidf, "TF-IDF; it amplifies the terms found in almost all of the documents"
    )
    assert 2 in points_made(
        grader, tfidf, "TF-IDF; it lowers the weight of terms found in almost all documents"
    )
    # alg-object-detection-002: 2 higher mAP means boxes and classes match the ground truth
    detection = bank["alg-object-detection-002"]
    assert 2 not in points_made(
        grader, detection, "mAP: a lower mAP says the boxes sit closer to the ground truth"
    )
    assert 2 in points_made(
        grader, detection, "mAP: a higher mAP says the boxes sit closer to the ground truth"
    )


def test_the_opposite_of_a_point_word_in_a_clause_about_it_takes_the_point_back(
    grader: FreeTextGrader, bank: dict[str, BankQuestion]
) -> None:
    assert opposite_only(words("asynchronous jobs"), words("a synchronous call"))
    assert not opposite_only(words("asynchronous jobs"), words("not a synchronous call"))
    assert not opposite_only(words("asynchronous jobs"), words("asynchronous, not synchronous"))
    # eda-pii-003: 2 asynchronous jobs return a redacted copy
    pii = bank["eda-pii-003"]
    text = "Comprehend PII: a synchronous DetectPiiEntities pass and it saves redacted copies"
    assert 2 not in points_made(grader, pii, text)
    assert 2 in points_made(grader, pii, text.replace("a synchronous", "an asynchronous"))
    # ops-training-004: 2 checkpoints saved to S3 let the job resume after interruption
    spot = bank["ops-training-004"]
    text = "Managed spot training, with checkpoints in S3 written before the interruption"
    assert 2 in points_made(grader, spot, text + " so the job resumes after it")
    assert 2 not in points_made(grader, spot, text + " and the job resumes before it")


def test_another_name_where_the_point_names_one_is_a_wrong_detail(
    grader: FreeTextGrader, bank: dict[str, BankQuestion]
) -> None:
    # mod-tuning-005: 2 its explainability report uses SageMaker Clarify SHAP values
    autopilot = bank["mod-tuning-005"]
    text = "Autopilot with its notebooks; its explainability report scores feature importance"
    assert 2 not in points_made(grader, autopilot, text + " with Spark MLlib")
    assert 2 in points_made(grader, autopilot, text + " with SHAP values from Clarify")
    # alg-xgboost-004: 2 general purpose M instances suit it; multi-instance training uses CPU
    xgboost = bank["alg-xgboost-004"]
    text = "M5 instances since XGBoost is memory-bound; multi-instance training uses"
    assert 2 not in points_made(grader, xgboost, text + " TPU instances")
    assert 2 in points_made(grader, xgboost, text + " CPU instances")
