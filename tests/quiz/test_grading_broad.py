"""Free-text grading by broad failure class, on shipped bank questions. Each class was counted in
the misses of every labelled set; the answers here are new ones of the same kind, and each rule
was checked on a set it was not read on (see the README's grading paragraph)."""

from __future__ import annotations

from quiz.answer_text import (
    claim_polarity,
    clauses,
    denied_after,
    negated_before,
    normalise,
    opposite_direction,
    prefixed_opposite,
    term_matches,
    words,
)
from quiz.bank import BankQuestion
from quiz.grade import FreeTextGrader
from quiz.quantities import quantities, spell_numbers
from tests.quiz.grading_kit import graded, points_made


def test_a_dot_or_colon_inside_a_name_ends_no_clause(
    grader: FreeTextGrader, bank: dict[str, BankQuestion]
) -> None:
    assert clauses("use ml.p3.16xlarge") == ["use ml.p3.16xlarge"]
    assert clauses("a condition on sagemaker:instancetypes. done here")[:1] == [
        "a condition on sagemaker:instancetypes"
    ]
    # mod-deep-learning-006 (Inferentia): "ml." alone was the lead, so Trainium was never read
    # as the pick
    chips = bank["mod-deep-learning-006"]
    trainium = graded(grader, chips, "ml.trn1 Trainium, low cost and high throughput inference")
    assert trainium.other_choice is not None and trainium.score == 0.0
    assert 1 in points_made(
        grader, chips, "ml.inf2 Inferentia, low cost and high throughput inference"
    )


def test_a_denied_verb_after_a_thing_says_what_it_does_and_does_not_deny_it(
    grader: FreeTextGrader, bank: dict[str, BankQuestion]
) -> None:
    assert not denied_after(words(normalise("outliers don't wreck it")), 1)
    assert not denied_after(words(normalise("the columns they don't use")), 2)
    assert denied_after(words(normalise("json isn't accepted")), 1)
    assert denied_after(words(normalise("policies can't use tags")), 1)
    # eda-correlation-003: 2 it measures monotonic relationships and resists outliers
    spearman = bank["eda-correlation-003"]
    assert 2 in points_made(
        grader, spearman, "Spearman, it works on ranks so outliers don't wreck it"
    )


def test_after_a_lead_that_only_says_unsure_an_or_is_a_hedge(
    grader: FreeTextGrader, bank: dict[str, BankQuestion]
) -> None:
    # ops-deploy-001: C a Batch Transform job
    weekly = bank["ops-deploy-001"]
    hedge = graded(grader, weekly, "Hmm, not sure: a batch transform job, or a serverless endpoint")
    assert hedge.hedged and hedge.score == 0.0
    sure = graded(grader, weekly, "Not sure: a batch transform job, nothing left running")
    assert not sure.hedged and sure.score > 0.0


def test_a_denial_reaches_along_a_list_and_onto_a_need_and_a_repeated_word_needs_one_use(
    grader: FreeTextGrader, bank: dict[str, BankQuestion]
) -> None:
    assert negated_before(words("no brokers to choose or size"), 5)
    assert not negated_before(words("pick a broker or size it"), 4)
    assert claim_polarity("clients need no rewrite", words(normalise("apps don't need a rewrite")))
    point = "DataBrew is visual, no-code data preparation with data profiling"
    assert claim_polarity(point, words("profile the data without code"))
    # de-kinesis-014: 1 MSK Serverless has no brokers to choose or size, 2 MSK keeps the
    # standard Kafka APIs, so clients need no rewrite
    msk = bank["de-kinesis-014"]
    text = "MSK Serverless, no brokers to patch or size, and the Kafka apps don't need a rewrite"
    assert points_made(grader, msk, text) == [1, 2]
    # de-etl-009: 1 DataBrew is visual, no-code data preparation with data profiling
    brew = bank["de-etl-009"]
    assert 1 in points_made(grader, brew, "Glue DataBrew: profile the data visually, without code")


def test_nobody_and_nothing_deny_what_follows(
    grader: FreeTextGrader, bank: dict[str, BankQuestion]
) -> None:
    assert negated_before(words("nothing leaks"), 1)
    # eda-quicksight-001: 1 QuickSight anomaly detection needs no model training
    sight = bank["eda-quicksight-001"]
    assert 1 in points_made(
        grader, sight, "QuickSight's anomaly detection, nobody trains any model"
    )


def test_a_prefix_that_negates_a_word_is_no_typo_of_it_but_its_opposite(
    grader: FreeTextGrader, bank: dict[str, BankQuestion]
) -> None:
    assert prefixed_opposite("deregister", "register")
    assert prefixed_opposite("synchronous", "asynchronous")
    assert not prefixed_opposite("along", "long")
    assert not term_matches("register", words("deregister it"))
    assert not term_matches("UpdateEndpoint", words("the update runs"))
    assert term_matches("asynchronous", words("use async inference"))
    # eda-pii-004: 1 DetectPiiEntities is synchronous and returns each entity's type and offsets
    pii = bank["eda-pii-004"]
    text = "DetectPiiEntities; it is asynchronous, returning each entity type and its offsets"
    assert 1 not in points_made(grader, pii, text)
    text = "DetectPiiEntities; it is synchronous, returning each entity type and its offsets"
    assert 1 in points_made(grader, pii, text)
    # ops-deploy-010: 2 re-register and attach the scaling policy after UpdateEndpoint
    scaling = bank["ops-deploy-010"]
    assert 2 not in points_made(
        grader, scaling, "Deregister the scalable target, then the update works"
    )


def test_a_word_of_another_option_inside_the_right_ones_phrase_and_the_stems_parameter_pick_nothing(
    grader: FreeTextGrader, bank: dict[str, BankQuestion]
) -> None:
    # mod-tuning-003: A a TRANSFER_LEARNING warm start; C a warm start "of type IDENTICAL_..."
    tuning = bank["mod-tuning-003"]
    text = "A warm start of the type TRANSFER_LEARNING, last month's job as parent, new data ok"
    right = graded(grader, tuning, text)
    assert right.other_choice is None and right.score == 1.0
    # the opening "warm start tuning job" of C has no word that A or B lacks
    text = "A warm start tuning job, the type TRANSFER_LEARNING, which takes new data"
    assert graded(grader, tuning, text).other_choice is None
    wrong = graded(grader, tuning, "A warm start of type IDENTICAL_DATA_AND_ALGORITHM")
    assert wrong.other_choice is not None and wrong.score == 0.0
    # alg-ip-insights-002: every option is an amount of num_entity_vectors, which the stem names
    hashing = bank["alg-ip-insights-002"]
    text = "num_entity_vectors is the hash size for entities: twice the unique users, so 800,000"
    sized = graded(grader, hashing, text)
    assert sized.other_choice is None and sized.score == 1.0


def test_amounts_written_with_a_hyphen_an_article_a_k_or_a_multiplier_are_read(
    grader: FreeTextGrader, bank: dict[str, BankQuestion]
) -> None:
    assert ("second", 90 * 86400.0) in quantities("beyond the 90-day event history")
    assert spell_numbers("(up to five)") == "(up to 5)"
    assert ("second", 2592000.0) in quantities(spell_numbers("anything over a month online"))
    assert not any(k for k, _ in quantities(spell_numbers("100k short runs an hr")))
    assert ("", 800000.0) in quantities("800k")
    assert normalise("800k (2x the users)") == "800k (twice the users)"
    # ops-cloudtrail-002: 2 the trail keeps events beyond the 90-day event history
    trail = bank["ops-cloudtrail-002"]
    text = "A trail with S3 data events, delivered to S3, since the event history keeps 30 days"
    assert 2 not in points_made(grader, trail, text)
    # de-transfer-001: 2 more than about a week online means Snowball
    snow = bank["de-transfer-001"]
    assert 2 not in points_made(grader, snow, "Snowball Edge: over a month online, ship a device")
    assert 2 in points_made(grader, snow, "Snowball Edge: over a week online, ship a device")
    # alg-ip-insights-002: 2 about twice the number of unique entity identifiers
    hashing = bank["alg-ip-insights-002"]
    assert 2 in points_made(grader, hashing, "800k, 2x the unique users")


def test_keeping_a_thing_as_it_is_does_not_change_it_the_points_way(
    grader: FreeTextGrader, bank: dict[str, BankQuestion]
) -> None:
    point = words("reduce regularization strength")
    assert opposite_direction(point, 1, words("strengthen the regularization"), 2)
    assert opposite_direction(point, 1, words("keep the regularization as it is"), 2)
    assert not opposite_direction(point, 1, words("weaken the regularization"), 2)
    # mod-concepts-006: 3 reduce regularization strength
    under = bank["mod-concepts-006"]
    kept = "Underfitting; better features and a more complex model, but keep the regularization"
    assert 3 not in points_made(grader, under, kept)
    assert 3 in points_made(grader, under, "Underfitting; better features, less regularization")


def test_words_that_together_only_the_right_option_says_name_it(
    grader: FreeTextGrader, bank: dict[str, BankQuestion]
) -> None:
    # eda-pii-005: A Macie with a custom data identifier; B Macie with managed identifiers only;
    # C a Glue crawler with a custom classifier: no word of A is A's alone
    macie = bank["eda-pii-005"]
    right = graded(grader, macie, "Macie, add a custom data identifier; the managed ones miss it")
    assert right.other_choice is None and right.score > 0.0
    wrong = graded(grader, macie, "Macie with its managed data identifiers only")
    assert wrong.other_choice is not None and wrong.score == 0.0


def test_a_clause_with_a_term_of_the_point_and_another_plain_count_is_a_wrong_fact(
    grader: FreeTextGrader, bank: dict[str, BankQuestion]
) -> None:
    # mod-tuning-003: 1 warm start reuses previous tuning jobs as parents (up to five)
    tuning = bank["mod-tuning-003"]
    ten = "A TRANSFER_LEARNING warm start for the new data; up to ten old jobs can be parents"
    assert 1 not in points_made(grader, tuning, ten)
    five = "A TRANSFER_LEARNING warm start for the new data; up to five old jobs can be parents"
    assert 1 in points_made(grader, tuning, five)


def test_a_thing_said_to_be_too_much_is_turned_down(
    grader: FreeTextGrader, bank: dict[str, BankQuestion]
) -> None:
    assert denied_after(words("spot is too risky"), 1)
    # ops-training-004: 1 managed spot training can cut training cost by up to about 90 %
    spot = bank["ops-training-004"]
    assert 1 not in points_made(
        grader, spot, "On-demand with S3 checkpoints; spot is too risky here"
    )
