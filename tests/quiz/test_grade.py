"""Free-text grading: terms with typos, short terms exact, paraphrases by meaning, negation,
hedges and wrong options that reuse the key's words, feedback, labelled answer files."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.answer_words import feedback_text
from quiz.answer_text import (
    acronyms_of,
    claim_polarity,
    clauses,
    negated_at,
    normalise,
    opposite_direction,
    stems,
    term_positions,
)
from quiz.bank import BankQuestion, KeyPoint, load_bank, question_files
from quiz.calibration import load_labelled
from quiz.errors import BankError
from quiz.feedback import citation, feedback_of
from quiz.grade import FreeTextGrader, Grade, grade_choice, label_for, term_matches, words
from quiz.hedging import Choices, naming_point, rival_terms
from quiz.names_in_text import names
from quiz.quantities import numbers_agree, quantity_positions
from retrieval.embed import Embedder
from store.models import Question
from tests.quiz.grading_kit import graded

FIREHOSE = (
    KeyPoint(
        "Firehose delivers to S3 without custom consumer code", ("firehose", "delivery stream")
    ),
    KeyPoint(
        "Firehose converts records to Parquet or ORC", ("parquet", "format conversion", "orc")
    ),
)


def test_terms_match_with_typos_but_short_terms_exactly() -> None:
    assert term_matches("firehose", words("use kinesis firehouse for it"))
    assert term_matches("format conversion", words("turn on formatt conversion"))
    assert not term_matches("orc", words("use force"))
    assert not term_matches("orc", words("or c"))
    assert term_matches("orc", words("write ORC files"))


def test_all_points_by_terms(grader: FreeTextGrader) -> None:
    grade = grader.grade(FIREHOSE, "Use a Firehose delivery stream that writes Parquet to S3")
    assert grade.score == 1.0 and grade.correct and label_for(grade.score) == "good"


def test_partial_answer_names_made_and_missed_points(grader: FreeTextGrader) -> None:
    grade = grader.grade(
        FIREHOSE, "Kinesis Firehose puts the events in the bucket with no consumer code"
    )
    assert grade.score == 0.5
    assert grade.points_made == (FIREHOSE[0].point,)
    assert grade.points_missed == (FIREHOSE[1].point,)


def test_paraphrase_is_matched_by_meaning_above_the_threshold(embedder: Embedder) -> None:
    points = (KeyPoint("MAE is less sensitive to outliers than RMSE", ("mae",)),)
    # (spelt out in full, "mean absolute error" would name the term "mae" by its initials)
    text = "the absolute error metric is not thrown off much by extreme outliers"
    similarity = float(FreeTextGrader(embedder).point_similarities(points, text)[0])
    assert 0.4 < similarity < 0.95
    assert FreeTextGrader(embedder, threshold=similarity - 0.01).grade(points, text).score == 1.0
    assert FreeTextGrader(embedder, threshold=similarity + 0.01).grade(points, text).score == 0.0


def test_unrelated_answer_scores_zero(grader: FreeTextGrader) -> None:
    grade = grader.grade(FIREHOSE, "I would retrain the model with more epochs on a GPU")
    assert grade.score == 0.0 and not grade.correct and label_for(0.0) == "wrong"


def test_choice_grading() -> None:
    assert grade_choice("b", "B").correct
    assert not grade_choice("A", "B").correct


def test_citation_reads_the_section_from_the_notes(corpus: Path) -> None:
    question = Question(source_file="streaming.md", source_heading="Kinesis Data Firehose")
    label, section = citation(question, [corpus])
    assert label == "streaming.md › Kinesis Data Firehose"
    assert section is not None and section.text.startswith("Kinesis Data Firehose is a fully")
    assert "Amazon SQS" not in section.text


CORPUS = Path(__file__).resolve().parents[2] / "corpus"


@pytest.fixture(scope="module")
def step_functions() -> BankQuestion:
    """The shipped Step Functions question: orchestration (point 1), retries and history (2)."""
    return next(q for q in load_bank(question_files([CORPUS])) if q.id == "de-etl-008")


def test_the_step_functions_paraphrase_makes_both_points(
    grader: FreeTextGrader, step_functions: BankQuestion
) -> None:
    text = (
        "I would build a state machine that calls glue and then sagemaker, it has built in "
        "retries and keeps the execution history"
    )
    grade = graded(grader, step_functions, text)
    assert grade.points_missed == () and grade.score == 1.0
    assert not grade.hedged and grade.other_choice is None


def test_a_hedge_between_options_earns_nothing(
    grader: FreeTextGrader, step_functions: BankQuestion
) -> None:
    grade = graded(grader, step_functions, "Either Step Functions or a Glue workflow with retries")
    assert grade.hedged and grade.score == 0.0 and grade.points_made == ()
    committed = graded(
        grader, step_functions, "Step Functions, it retries failed steps and keeps the history"
    )
    assert not committed.hedged and committed.score == 1.0


def test_a_negated_point_is_not_made(grader: FreeTextGrader, step_functions: BankQuestion) -> None:
    orchestration, retries = (kp.point for kp in step_functions.key_points)
    text = "Step Functions runs the steps as a state machine, but it doesn't retry anything"
    grade = graded(grader, step_functions, text)
    assert grade.points_made == (orchestration,) and grade.points_missed == (retries,)
    negated = graded(grader, step_functions, "A state machine in Step Functions without retries")
    assert negated.points_missed == (retries,)


def test_the_key_words_said_of_another_option_earn_nothing(
    grader: FreeTextGrader, step_functions: BankQuestion
) -> None:
    text = "A Glue workflow with triggers, it retries failed jobs and keeps an audit history"
    grade = graded(grader, step_functions, text)
    assert grade.score == 0.0 and grade.other_choice == "AWS Glue workflow with triggers"
    assert "audit history" in " ".join(kp.terms[1] for kp in step_functions.key_points)


def test_feedback_names_the_hedge_and_the_points(
    grader: FreeTextGrader, step_functions: BankQuestion, corpus: Path
) -> None:
    question = Question(
        stem=step_functions.stem,
        options=step_functions.options,
        answer=step_functions.answer,
        explanation=step_functions.explanation,
        source_file="streaming.md",
        source_heading="Kinesis Data Firehose",
    )
    hedged = graded(grader, step_functions, "step functions or a glue workflow, not sure")
    text = feedback_text(feedback_of(question, hedged, 0, 0, [corpus]))
    assert "hedges between options" in text
    assert all(kp.point in text for kp in step_functions.key_points)
    partial = graded(grader, step_functions, "Step Functions to chain the Glue and SageMaker jobs")
    text = feedback_text(feedback_of(question, partial, 5, 1, [corpus]))
    assert f"Points made: {step_functions.key_points[0].point}." in text
    assert f"Points missed: {step_functions.key_points[1].point}." in text


def test_stems_contractions_and_negation_scope() -> None:
    assert term_matches("retry", words("it has built in retries"))
    assert normalise("it doesn't retry, it cant wait") == "it does not retry, it can not wait"
    tokens = words(normalise("json isn't accepted"))
    assert negated_at(tokens, 0, 1)
    tokens = words("firehose no lambda needed")
    assert not negated_at(tokens, 0, 1) and negated_at(tokens, 2, 3)
    assert clauses("Use MAE; it ignores outliers because errors are not squared") == [
        "use mae",
        "it ignores outliers",
        "errors are not squared",
        "use mae; it ignores outliers because errors are not squared",
    ]


def test_a_denied_verb_denies_what_it_governs_but_not_only_does_not(
    grader: FreeTextGrader,
) -> None:
    tokens = words(normalise("taking the log doesn't change it to additive"))
    assert negated_at(tokens, len(tokens) - 1, len(tokens))
    tokens = words("cbow and skipgram are not limited to a single instance")
    assert negated_at(tokens, 8, 9)
    tokens = words("it is not only cheaper but faster")
    assert not negated_at(tokens, 6, 7)
    point = (KeyPoint("Taking the logarithm converts multiplicative to additive", ("additive",)),)
    assert grader.grade(point, "taking the log doesn't change it to additive").score == 0.0
    assert grader.grade(point, "taking the log turns it into an additive one").score == 1.0


def test_labelled_answers_name_the_bad_entry(tmp_path: Path, step_functions: BankQuestion) -> None:
    path = tmp_path / "labelled.yaml"
    path.write_text(
        "- {question: de-etl-008, points: [1], answer: step functions}\n"
        "- {question: de-etl-008, points: [3], answer: step functions}\n",
        encoding="utf-8",
    )
    with pytest.raises(BankError, match=r"labelled.yaml, question de-etl-008: entry 2: points"):
        load_labelled(path, [step_functions])
    path.write_text("- {question: de-etl-008, label: partial, answer: retries}\n", encoding="utf-8")
    with pytest.raises(BankError, match="entry 1: a partial label needs points"):
        load_labelled(path, [step_functions])
    path.write_text("- {question: de-etl-008, label: good, points: [1], answer: x}\n")
    with pytest.raises(BankError, match="label good disagrees with points"):
        load_labelled(path, [step_functions])


INFERENCE = (
    KeyPoint(
        "Asynchronous inference supports payloads up to 1 GB and long processing times",
        ("1 GB", "asynchronous"),
    ),
    KeyPoint("It queues requests, writes results to S3 and can scale to zero", ("zero", "queue")),
)
INFERENCE_CHOICES = Choices.of(
    {
        "A": "Asynchronous inference with S3 payloads and scale-to-zero auto scaling",
        "B": "A real-time endpoint with target tracking auto scaling",
        "C": "Serverless inference with the maximum memory size",
    },
    "A",
    stem="Scans of up to 800 MB take ten minutes each and arrive in bursts.",
)


def _inference(grader: FreeTextGrader, text: str) -> Grade:
    return grader.grade(INFERENCE, text, choices=INFERENCE_CHOICES)


def test_a_one_word_lead_that_names_another_option_earns_nothing(grader: FreeTextGrader) -> None:
    grade = _inference(grader, "Real-time, it queues the requests and scales to zero.")
    assert grade.other_choice == INFERENCE_CHOICES.others[0] and grade.score == 0.0
    right = _inference(grader, "Asynchronous, it queues the requests and scales to zero.")
    assert right.other_choice is None and INFERENCE[1].point in right.points_made


def test_an_or_with_something_the_key_never_says_is_a_hedge(grader: FreeTextGrader) -> None:
    assert _inference(grader, "asynchronous inference or a bigger instance").hedged
    inside_a_claim = _inference(
        grader, "Asynchronous inference: results land in S3 or in a topic, and it scales to zero"
    )
    assert not inside_a_claim.hedged and INFERENCE[1].point in inside_a_claim.points_made


def test_a_number_in_the_points_unit_must_agree(grader: FreeTextGrader) -> None:
    wrong = _inference(grader, "Asynchronous inference takes payloads of up to 6 GB.")
    assert INFERENCE[0].point in wrong.points_missed
    right = _inference(grader, "Asynchronous inference takes payloads of up to 1 GB.")
    assert INFERENCE[0].point in right.points_made
    assert numbers_agree("Retention is 24 hours, up to 365 days", "kept for 365 days")
    assert not numbers_agree("Retention is 24 hours, up to 365 days", "retention 7 days")
    assert numbers_agree("up to 90 % cheaper", "around 90 percent less and 3 jobs")


def test_acronyms_of_the_questions_own_phrases_are_spelt_out(grader: FreeTextGrader) -> None:
    assert acronyms_of(["Kinesis Producer Library", "true positive rate", "on the"]) == {
        "kpl": ("kinesis", "producer", "library"),
        "tpr": ("true", "positive", "rate"),
    }
    points = (KeyPoint("The Kinesis Producer Library batches small records", ("aggregation",)),)
    choices = Choices.of({"A": "Use the Kinesis Producer Library", "B": "Add shards"}, "A")
    assert grader.grade(points, "the KPL, it packs small records together", choices=choices).score


def test_a_claim_said_the_other_way_round_is_no_evidence() -> None:
    point = "Existing Kafka producers and connectors migrate without rewrites"
    rewritten = words(normalise("the Kafka producers will have to be rewritten"))
    assert claim_polarity(point, rewritten) is False
    assert claim_polarity(point, words("producers move over with no rewrites")) is True
    assert claim_polarity(point, words("a managed service")) is None
    tokens = words("k means is unsupervised clustering not classification")
    assert not negated_at(tokens, 4, 5) and negated_at(tokens, 6, 7)


def test_a_word_the_question_uses_is_not_a_typo_of_a_term() -> None:
    assert term_positions("shared", words("its own pipe per shard")) == [4]
    assert term_positions("shared", words("its own pipe per shard"), frozenset({"shard"})) == []
    assert term_positions("recordio", words("reads the records")) == []
    assert term_positions("expiration", words("expiraton after a year")) == [0]
    assert words("set num_samples_per_tree") == ["set", "num_samples_per_tree"]
    assert term_positions("normalize", words("set normalize_data")) == [1]


def test_the_lead_clause_may_be_one_word() -> None:
    assert clauses("Boosting, it reduces variance and trains in parallel")[:2] == [
        "boosting",
        "it reduces variance and trains in parallel",
    ]


def test_a_change_the_other_way_contradicts_the_point(grader: FreeTextGrader) -> None:
    points = (
        KeyPoint("Reduce max_depth or eta to make the model more conservative", ("max_depth",)),
        KeyPoint("Raise regularization such as gamma, lambda or alpha", ("gamma", "lambda")),
    )
    assert opposite_direction(words("reduce max_depth"), 1, words("increase max_depth"), 1)
    assert not opposite_direction(words("reduce max_depth"), 1, words("lower max_depth"), 1)
    point = words("decrease the batch size")
    assert opposite_direction(point, 2, words("keep the batch size large"), 2)
    assert not opposite_direction(point, 2, words("keep the batch size small"), 2)
    wrong = grader.grade(points, "Increase max_depth and eta, and lower gamma and lambda")
    assert wrong.score == 0.0
    right = grader.grade(points, "Lower max_depth and eta, and raise gamma and lambda")
    assert right.score == 1.0


def test_a_change_word_counts_in_any_form_and_a_level_before_the_word_too(
    grader: FreeTextGrader,
) -> None:
    point = words("more trees reduces noise")
    assert opposite_direction(point, 3, words("that just adds noise"), 3)
    assert not opposite_direction(point, 3, words("it lowers the noise"), 3)
    high = words("high parallelism stops the search from learning")
    assert opposite_direction(high, 1, words("lower max parallel jobs"), 2)
    points = (KeyPoint("High parallelism stops the search learning", ("parallelism",)),)
    assert grader.grade(points, "lower max parallelism").score == 0.0
    assert grader.grade(points, "a high parallelism keeps it from learning").score == 1.0


def test_a_denied_point_is_not_made_by_a_term_in_another_clause(
    grader: FreeTextGrader, step_functions: BankQuestion
) -> None:
    retries = step_functions.key_points[1]
    assert "error" in retries.terms
    text = "Step Functions, although it has no retry logic so you write your own error handling"
    assert retries.point in graded(grader, step_functions, text).points_missed


def test_a_short_option_names_the_point_that_says_its_name(grader: FreeTextGrader) -> None:
    points = (
        KeyPoint("Kendra is an intelligent search service over documents", ("semantic search",)),
        KeyPoint("It answers natural-language questions with passages", ("natural language",)),
    )
    choices = Choices.of(
        {"A": "Amazon Kendra", "B": "Amazon OpenSearch Service", "C": "Amazon Comprehend"}, "A"
    )
    assert naming_point(choices, points) == (0, ("kendra",))
    grade = grader.grade(points, "kendra", choices=choices)
    assert grade.points_made == (points[0].point,)
    assert grader.grade(points, "opensearch", choices=choices).score == 0.0
    long_option = Choices.of({"A": "Decrease the batch size and the rate", "B": "Add layers"}, "A")
    assert naming_point(long_option, (KeyPoint("Decrease the batch size", ("noise",)),))[0] is None


def test_amounts_compare_across_units_of_the_same_kind() -> None:
    assert not numbers_agree("payloads up to 1 GB", "payloads of up to 6 MB")
    assert numbers_agree("payloads up to 1 GB", "payloads of up to 1,000 MB and 3 shards")
    assert not numbers_agree("beyond 1.5 × IQR", "past 3 x IQR")
    tokens = words("from the one day default up to a year")
    assert quantity_positions("24 hours", tokens) == [2]
    assert quantity_positions("365 days", tokens) == [7]
    assert quantity_positions("7 days", tokens) == []


def test_the_points_own_number_beside_others_is_a_working(grader: FreeTextGrader) -> None:
    points = (KeyPoint("A shard accepts 1 MB/s of writes", ("1 mb/s",)),)
    working = "Each shard takes 1 MB/s, so 2.5 MB/s needs 3 shards"
    assert grader.grade(points, working).score == 1.0
    assert grader.grade(points, "Each shard takes 2 MB/s").score == 0.0
    retention = (KeyPoint("Retention is 24 hours by default, up to 365 days", ("24 hours",)),)
    said = "It keeps records for one day by default and you can raise that to a year"
    assert grader.grade(retention, said).score == 1.0


def test_a_hyphenated_name_or_an_amount_of_another_option_is_another_pick(
    grader: FreeTextGrader,
) -> None:
    points = (KeyPoint("SSE-KMS key use is logged in CloudTrail", ("sse-kms", "cloudtrail")),)
    sse = Choices.of({"A": "SSE-S3 with S3-managed keys", "B": "SSE-KMS with KMS keys"}, "B")
    wrong = grader.grade(points, "SSE-S3, the key use is logged in CloudTrail", choices=sse)
    assert wrong.other_choice == "SSE-S3 with S3-managed keys" and wrong.score == 0.0
    right = grader.grade(points, "SSE-KMS rather than SSE-S3, logged in CloudTrail", choices=sse)
    assert right.other_choice is None and right.score == 1.0
    shards = (KeyPoint("A shard accepts 1 MB/s of writes", ("1 mb/s",)),)
    counts = Choices.of({"A": "5 shards", "B": "3 shards", "C": "10 shards"}, "A")
    three = grader.grade(shards, "Three shards, since one shard takes 1 MB/s", choices=counts)
    assert three.other_choice == "3 shards" and three.score == 0.0
    assert grader.grade(shards, "five shards, a shard takes 1 MB/s", choices=counts).score == 1.0


def test_is_no_denies_what_follows_and_the_options_words_repeat_it() -> None:
    assert not negated_at(words("canvas is no-code ml"), 0, 1)
    assert not negated_at(words("msk serverless has no brokers"), 0, 2)
    assert negated_at(words("k-means is not supervised"), 0, 2)
    point = "On-demand mode scales automatically without shard capacity planning"
    clause = words("kinesis data streams in on-demand capacity mode")
    assert claim_polarity(point, clause) is False
    affirmed = frozenset(stems(words("Kinesis Data Streams in on-demand capacity mode")))
    assert claim_polarity(point, clause, affirmed=affirmed) is True
    denied = words("on-demand mode but no capacity scaling")
    assert claim_polarity(point, denied, affirmed=affirmed) is False


def test_an_or_between_two_long_options_is_a_hedge(grader: FreeTextGrader) -> None:
    points = (KeyPoint("The Kinesis Producer Library aggregates small records", ("kpl",)),)
    choices = Choices.of(
        {
            "A": "Use the Kinesis Producer Library to aggregate and batch records",
            "B": "Use the Kinesis Client Library on the web servers to batch reads",
        },
        "A",
    )
    text = (
        "Use the Kinesis Producer Library to aggregate and batch records or use the Kinesis "
        "Client Library on the web servers to batch reads"
    )
    assert grader.grade(points, text, choices=choices).hedged
    aside = "The Kinesis Producer Library (KPL), it aggregates the small records"
    assert words(clauses(aside)[0]) == ["the", "kinesis", "producer", "library", "kpl"]
    assert grader.grade(points, aside, choices=choices).score == 1.0


def test_one_word_of_a_naming_term_that_only_the_right_option_says_names_it(
    grader: FreeTextGrader,
) -> None:
    points = (
        KeyPoint("The model registry versions models in groups", ("model registry", "version")),
        KeyPoint("Only approved versions are deployed", ("approved",)),
    )
    choices = Choices.of(
        {
            "A": "Register each version in the SageMaker Model Registry",
            "B": "Store model files in S3 with a DynamoDB table",
        },
        "A",
    )
    # the run of the option's words the naming point says is a name of the pick too
    assert naming_point(choices, points) == (
        0,
        ("model registry", "version", "registry versions", "registry"),
    )
    assert grader.grade(points, "the registry", choices=choices).points_made == (points[0].point,)
    assert grader.grade(points, "dynamodb table of model files", choices=choices).score == 0.0


def test_british_and_american_spellings_are_one_word() -> None:
    assert stems(words("optimise normalisation behaviour centre artefacts catalogue")) == stems(
        words("optimize normalization behavior center artifacts catalog")
    )
    # -ise words that American English spells -ise too keep their own stem
    assert stems(["supervised", "raise"]) == ["supervis", "rais"]
    assert term_positions("batch normalization", words("add batch normalisation")) == [1]


def test_a_spelling_of_a_key_term_is_no_thing_the_key_never_says(grader: FreeTextGrader) -> None:
    points = (
        KeyPoint("Use ReLU instead of sigmoid in hidden layers", ("relu",)),
        KeyPoint("Residual connections or batch normalization also help", ("residual",)),
    )
    choices = Choices.of(
        {"A": "Replace sigmoid with ReLU and add residual connections", "B": "Clip gradients"}, "A"
    )
    text = "Swap the sigmoids for ReLU and add residual connections or batch normalisation"
    grade = grader.grade(points, text, choices=choices)
    assert not grade.hedged and grade.score == 1.0


def test_a_pick_that_is_no_option_earns_nothing(
    grader: FreeTextGrader, step_functions: BankQuestion
) -> None:
    airflow = graded(grader, step_functions, "Apache Airflow on MWAA, it retries and keeps history")
    assert airflow.other_choice == "Apache Airflow" and airflow.score == 0.0
    assert graded(grader, step_functions, "Amazon MQ with retries").other_choice == "Amazon MQ"
    # a name first in the lead is the pick even with a word of the right option after it (the
    # tuning set labels this one a wrong pick); a name that says the right option keeps it
    chained = "Chain Lambda functions with SNS; they retry and keep a history of the executions"
    assert graded(grader, step_functions, chained).other_choice == "Lambda"
    beside = "Use Lambda to start a Step Functions state machine; it retries and keeps history"
    assert graded(grader, step_functions, beside).other_choice is None
    assert graded(grader, step_functions, "AWS Config records every execution").score == 0.0
    # a name the question says (the stem's Glue and SageMaker) or one said after the pick is fine
    right = "I'd use a Step Functions state machine that calls Glue; unlike Lambda it has retries"
    grade = graded(grader, step_functions, right)
    assert grade.other_choice is None and grade.score == 1.0


def test_an_or_clause_right_after_the_lead_is_a_second_pick(
    grader: FreeTextGrader, step_functions: BankQuestion
) -> None:
    for text in (
        "Step Functions; or a Glue workflow with triggers, both can retry",
        "Step Functions. Or a Glue workflow with triggers.",
        "Step Functions - or maybe a Glue workflow",
    ):
        assert graded(grader, step_functions, text).hedged, text
    detail = "Step Functions: a state machine with retries; or a plain retry in each state"
    assert not graded(grader, step_functions, detail).hedged


def test_a_spelt_out_number_in_the_points_unit_must_agree_too(grader: FreeTextGrader) -> None:
    limit = "Lambda is limited to 15 minutes and 10,240 MB of memory"
    assert not numbers_agree(limit, "lambda stops after ten minutes")
    assert numbers_agree(limit, "lambda stops after fifteen minutes")
    # "a"/"an" is seldom a count when the point has a number: no wrong fact here
    assert numbers_agree(limit, "it stops after a quarter of an hour")
    points = (KeyPoint(limit, ("15 minutes", "lambda")),)
    assert grader.grade(points, "Lambda stops after ten minutes").score == 0.0
    assert grader.grade(points, "Lambda stops after fifteen minutes").score == 1.0


def test_a_term_denied_right_before_it_takes_the_point_back(grader: FreeTextGrader) -> None:
    points = (
        KeyPoint("Kinesis Data Streams retains records so consumers can replay them", ("replay",)),
    )
    denied = grader.grade(points, "Kinesis Data Streams, but records can't be replayed later")
    assert denied.score == 0.0
    kept = grader.grade(points, "Kinesis Data Streams, consumers can replay the records")
    assert kept.score == 1.0
    # denied in one clause, said plainly in another: the answer still says it
    both = "Consumers can replay the records; there is no replay limit per consumer"
    assert grader.grade(points, both).score == 1.0


def test_denying_the_alternative_a_point_is_about_keeps_the_point(grader: FreeTextGrader) -> None:
    points = (
        KeyPoint("Multi-label problems need one sigmoid output per label", ("sigmoid",)),
        KeyPoint("Softmax forces outputs to sum to 1, so it returns one label", ("softmax",)),
    )
    choices = Choices.of(
        {"A": "A sigmoid on each output neuron", "B": "Softmax over all the labels"},
        "A",
        stem="The output layer uses softmax, so each photo gets one label.",
    )
    assert rival_terms(choices, points) == {"softmax"}
    text = "A sigmoid per label, not softmax: it forces the outputs to sum to 1, returns one label"
    assert grader.grade(points, text, choices=choices).score == 1.0


def test_an_or_with_another_thing_of_the_right_options_kind_is_a_hedge(
    grader: FreeTextGrader,
) -> None:
    points = (KeyPoint("Serverless inference has no instances to manage", ("serverless",)),)
    choices = Choices.of(
        {"A": "A serverless inference endpoint", "B": "A real-time endpoint on one instance"}, "A"
    )
    assert grader.grade(points, "serverless or asynchronous inference", choices=choices).hedged
    same = grader.grade(points, "serverless inference or a serverless endpoint", choices=choices)
    assert not same.hedged and same.score == 1.0


def test_no_to_the_problem_a_point_counters_agrees_with_it(grader: FreeTextGrader) -> None:
    points = (KeyPoint("Median imputation resists outliers and skew", ("median", "outliers")),)
    assert grader.grade(points, "The median, there's no outlier problem with it").score == 1.0


def test_title_case_is_no_name_and_a_number_about_something_else_is_no_wrong_fact(
    grader: FreeTextGrader, step_functions: BankQuestion
) -> None:
    assert names("Use A State Machine In Step Functions") == []
    assert names("Use Apache Airflow on MWAA") == ["Apache Airflow", "MWAA"]
    titled = graded(grader, step_functions, "Orchestrate It With A State Machine That Retries")
    assert titled.other_choice is None
    limit = (KeyPoint("Lambda is limited to 15 minutes", ("lambda",)),)
    text = "Lambda is limited to 15 minutes; the job needs two hours"
    assert grader.grade(limit, text).score == 1.0


def test_a_word_any_answer_says_in_passing_names_no_option(grader: FreeTextGrader) -> None:
    points = (
        KeyPoint("One endpoint hosts many models", ("multi-model",)),
        KeyPoint("Models load from S3 on first use", ("on first use", "load")),
    )
    choices = Choices.of(
        {
            "A": "A multi-model endpoint that loads models from S3",
            "B": "A pipeline that chains the models together",
            "C": "Fit a separate model for each city, the new ones too",
        },
        "A",
    )
    for text in ("Host them together behind one endpoint", "One endpoint for all of them"):
        assert grader.grade(points, text, choices=choices).other_choice is None
    picked = grader.grade(points, "A pipeline that chains them", choices=choices)
    assert picked.other_choice == choices.others[0]


def test_a_name_common_to_the_options_names_the_right_one_when_nothing_else_does(
    grader: FreeTextGrader,
) -> None:
    points = (KeyPoint("SageMaker Savings Plans discount SageMaker usage", ("savings plans",)),)
    choices = Choices.of(
        {
            "A": "A SageMaker Savings Plan for one or three years",
            "B": "A Compute Savings Plan for one or three years",
            "C": "EC2 Reserved Instances of the same instance types",
        },
        "A",
    )
    text = "SageMaker Savings Plan; EC2 Reserved Instances would also apply"
    assert grader.grade(points, text, choices=choices).other_choice is None
    assert grader.grade(points, "a compute savings plan", choices=choices).score == 0.0
    # the option's own "or" is no hedge, even beside "both"
    own = "A SageMaker Savings Plan for one or three years, it covers both hosting and training"
    assert grader.grade(points, own, choices=choices).score == 1.0


def test_the_options_name_in_the_naming_point_names_the_pick(grader: FreeTextGrader) -> None:
    points = (
        KeyPoint("Clarify measures dataset bias before training", ("pre-training", "bias")),
        KeyPoint("Metrics include class imbalance for a facet", ("class imbalance", "facet")),
    )
    choices = Choices.of(
        {"A": "SageMaker Clarify pre-training bias metrics", "B": "SageMaker Debugger rules"}, "A"
    )
    assert grader.grade(points, "clarify", choices=choices).points_made == (points[0].point,)
    assert grader.grade(points, "debugger", choices=choices).score == 0.0


def test_a_name_that_says_a_word_of_the_key_terms_is_no_foreign_pick(
    grader: FreeTextGrader,
) -> None:
    points = (KeyPoint("Attribution drift compares SHAP values with a baseline", ("SHAP",)),)
    choices = Choices.of({"A": "Feature attribution drift monitoring", "B": "Data quality"}, "A")
    text = "Track the Clarify SHAP values against the baseline"
    assert grader.grade(points, text, choices=choices).score == 1.0
    assert grader.grade(points, "Apache Airflow", choices=choices).other_choice == "Apache Airflow"


def test_a_word_two_wrong_options_share_names_a_wrong_pick(grader: FreeTextGrader) -> None:
    points = (
        KeyPoint("Use a multiplicative model", ("multiplicative",)),
        KeyPoint("Seasonal swings grow with the level", ("seasonal swings", "grow")),
    )
    choices = Choices.of(
        {
            "A": "A multiplicative model of trend and seasonality",
            "B": "An additive model with constant seasonal swings",
            "C": "An additive model after scaling",
        },
        "A",
    )
    wrong = grader.grade(points, "Additive, it grows with the level", choices=choices)
    assert wrong.other_choice == choices.others[0] and wrong.score == 0.0
    right = grader.grade(points, "Multiplicative, its seasonal swings grow", choices=choices)
    assert right.score == 1.0


def test_little_of_a_thing_is_said_by_none_of_it(grader: FreeTextGrader) -> None:
    points = (KeyPoint("It forecasts new items with little history", ("new item",)),)
    assert grader.grade(points, "a new item gets forecasts even with no history").score == 1.0
    assert grader.grade(points, "a new item needs a long history first").score == 0.0
    assert grader.grade(points, "not for a new item").score == 0.0


def test_a_term_reaching_past_the_words_that_name_the_pick_still_counts(
    embedder: Embedder,
) -> None:
    terms_only = FreeTextGrader(embedder, threshold=1.01)  # no clause is that close
    points = (
        KeyPoint("Comprehend detects sentiment with pretrained APIs", ("sentiment",)),
        KeyPoint("Targeted sentiment covers specific entities", ("targeted sentiment",)),
    )
    choices = Choices.of(
        {"A": "Amazon Comprehend sentiment and targeted sentiment", "B": "Amazon Translate"}, "A"
    )
    text = "Comprehend sentiment, and targeted sentiment for the things it mentions"
    assert terms_only.grade(points, text, choices=choices).score == 1.0
    assert terms_only.grade(points, "Comprehend sentiment", choices=choices).score == 0.5


def test_a_typo_is_in_a_long_word_and_a_formula_must_give_the_points_values(
    grader: FreeTextGrader,
) -> None:
    assert term_positions("tp / (tp + fn)", words("tp/(tp+fp)")) == []
    assert term_positions("dynamic partitioning", words("dynamic partitoning")) == [0]
    points = (KeyPoint("Recall = TP / (TP + FN) = 80 / 120 = about 0.67", ("recall",)),)
    assert grader.grade(points, "Precision = TP/(TP+FP) = 80/100 = 0.80").score == 0.0
    assert grader.grade(points, "Recall = TP/(TP+FN) = 80/120 = 0.67").score == 1.0


def test_a_term_written_joined_or_apart_or_in_another_form_is_the_term(
    grader: FreeTextGrader,
) -> None:
    assert term_positions("fast file", words("fastfile mode")) == [0]
    assert term_positions("batch_skipgram", words("use batch skipgram")) == [1]
    assert term_positions("binary classification", words("as a binary classifier")) == [2]
    assert term_positions("fast file", words("a fast filter")) == []
    points = (
        KeyPoint("batch_skipgram spreads training over many CPUs", ("batch_skipgram",)),
        KeyPoint("cbow and skipgram run on a single instance", ("skipgram", "single")),
    )
    choices = Choices.of({"A": "mode batch_skipgram on CPUs", "B": "mode skipgram on a GPU"}, "A")
    made = grader.grade(points, "batch skipgram", choices=choices).points_made
    assert made == (points[0].point,)


def test_an_or_between_things_the_key_offers_is_no_hedge(grader: FreeTextGrader) -> None:
    points = (
        KeyPoint("Use ReLU instead of sigmoid in hidden layers", ("relu",)),
        KeyPoint(
            "Residual connections or batch normalization also help",
            ("residual", "batch normalization"),
        ),
    )
    choices = Choices.of(
        {
            "A": "Replace sigmoid with ReLU and add residual connections",
            "B": "Replace the hidden layers with softmax layers to normalise them",
        },
        "A",
    )
    text = "Use ReLU and add residual connections or batch normalisation"
    assert grader.grade(points, text, choices=choices).score == 1.0
    hedge = "ReLU and residual connections, or softmax layers"
    assert grader.grade(points, hedge, choices=choices).score == 0.0


def test_the_name_of_an_alternative_carries_no_claim_to_deny(grader: FreeTextGrader) -> None:
    points = (
        KeyPoint("AWS Batch runs containers without Lambda's time limit", ("batch", "container")),
        KeyPoint("Lambda is limited to 15 minutes", ("15 minutes", "lambda")),
    )
    choices = Choices.of({"A": "AWS Batch with a container job", "B": "AWS Lambda"}, "A")
    text = "AWS Batch, since the job needs two hours while Lambda stops at a quarter of an hour"
    assert points[0].point in grader.grade(points, text, choices=choices).points_made


def test_a_plain_number_is_told_apart_by_what_it_counts(grader: FreeTextGrader) -> None:
    points = (
        KeyPoint("Precision = TP / (TP + FP) = 80 / 100 = 0.80", ("precision",)),
        KeyPoint("Recall = TP / (TP + FN) = 80 / 120 = about 0.67", ("recall",)),
    )
    choices = Choices.of(
        {
            "A": "Precision 0.80 and recall 0.67",
            "B": "Precision 0.67 and recall 0.80",
            "C": "Precision 0.80 and recall 0.94",
        },
        "A",
    )
    for text, other in (("precision 0.67, recall 0.8", 0), ("precision 0.80, recall 0.94", 1)):
        wrong = grader.grade(points, text, choices=choices)
        assert wrong.other_choice == choices.others[other] and wrong.score == 0.0
    right = grader.grade(points, "precision 0.8 and recall 0.67", choices=choices)
    assert right.other_choice is None and right.score == 1.0


def test_a_term_another_option_says_does_not_name_the_right_one(grader: FreeTextGrader) -> None:
    points = (
        KeyPoint("Returned records need a result field", ("result",)),
        KeyPoint(
            "Dropped means filtered; ProcessingFailed means it failed",
            ("dropped", "processingfailed"),
        ),
    )
    choices = Choices.of({"A": "Dropped", "B": "ProcessingFailed", "C": "Retry"}, "A")
    wrong = grader.grade(points, "ProcessingFailed, the records are filtered", choices=choices)
    assert wrong.other_choice == "ProcessingFailed" and wrong.score == 0.0
    assert grader.grade(points, "Dropped: filtered on purpose", choices=choices).score > 0


def test_the_whole_answer_comes_last_so_its_last_piece_is_a_clause(
    grader: FreeTextGrader,
) -> None:
    text = "fastfile mode, no code changes, starts instantly"
    parts = clauses(text)
    assert parts[0] == parts[-1] == text and "starts instantly" in parts[1:-1]
    points = (
        KeyPoint("Fast File mode presents S3 objects as files", ("fast file",)),
        KeyPoint("Training starts quickly without code changes", ("start",)),
    )
    assert grader.grade(points, text).score == 1.0
    assert clauses("use mae") == ["use mae"]


def test_a_times_sign_is_the_word_times() -> None:
    assert words("trend × seasonality") == ["trend", "times", "seasonality"]
    assert term_positions("trend × seasonality", words("Trend times seasonality")) == [0]


def test_a_word_said_the_opposite_way_contradicts_the_point(grader: FreeTextGrader) -> None:
    point = "Each record needs a record identifier and an event time"
    assert claim_polarity(point, words("the event time is optional")) is False
    assert claim_polarity(point, words("it needs an event time")) is True
    assert claim_polarity("Clarify measures bias before training", words("after training")) is False
    points = (KeyPoint(point, ("event time",)),)
    assert grader.grade(points, "the event time is optional, you can skip it").score == 0.0
    assert grader.grade(points, "every record carries an event time").score == 1.0


def test_a_point_about_the_pick_needs_the_pick_named(grader: FreeTextGrader) -> None:
    points = (
        KeyPoint("One-hot encoding creates one binary column per category", ("one-hot",)),
        KeyPoint("It suits nominal categories for linear models", ("nominal",)),
    )
    choices = Choices.of({"A": "One-hot encoding", "B": "Label encoding"}, "A")
    text = "The categories are nominal and the model is linear, so not label encoding"
    assert grader.grade(points, text, choices=choices).score == 0.0
    named = "One-hot, since the categories are nominal and the model is linear"
    assert grader.grade(points, named, choices=choices).score == 1.0


def test_a_number_written_against_a_word_is_two_words() -> None:
    assert words("q3+1.5iqr") == ["q3", "1", "5", "iqr"]
    assert words("10gb on ml.p3.2xlarge") == ["10", "gb", "on", "ml", "p3", "2", "xlarge"]
    assert term_positions("1.5", words("above q3+1.5iqr")) == [2]


def test_a_span_of_time_in_words_is_its_minutes_and_may_stand_beside_other_amounts(
    grader: FreeTextGrader,
) -> None:
    assert normalise("stops after a quarter of an hour") == "stops after 15 minutes"
    assert normalise("half an hour or an hour and a half") == "30 minutes or 90 minutes"
    points = (KeyPoint("Lambda is limited to 15 minutes", ("15 minutes", "lambda")),)
    text = "the job needs two hours while Lambda stops at a quarter of an hour"
    assert grader.grade(points, text).score == 1.0
    assert grader.grade(points, "Lambda stops after half an hour").score == 0.0


def test_a_clause_means_the_same_however_it_is_spelt(embedder: Embedder) -> None:
    points = (KeyPoint("Raise regularization such as gamma or lambda", ("gamma",)),)
    grader = FreeTextGrader(embedder)
    british = grader.point_similarities(points, "more regularisation, a higher lambda")
    american = grader.point_similarities(points, "more regularization, a higher lambda")
    assert float(british[0]) == pytest.approx(float(american[0]), abs=1e-5)


def test_an_answer_with_no_words_makes_no_point_and_raises_nothing(
    grader: FreeTextGrader, bank: dict[str, BankQuestion]
) -> None:
    # the quiz asks for words before it grades, but the grader is a public piece: text of symbols
    # or control bytes alone has no clause, and is read as the whole answer, which says nothing
    assert clauses("\x00\xff") == ["\x00\xff"]
    for text in ("\x00\xff" * 50, "!!! ???", "\u200b\u200b"):
        assert graded(grader, bank["de-etl-007"], text).score == 0.0
