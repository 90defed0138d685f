"""Free-text grading, session 11: points made in other words that the grader missed, counted in
the misses of the tuning set and of grading_heldout_b8/_b9/_b10.yaml, one class per test, each on
shipped bank questions with new answers of the same kind."""

from __future__ import annotations

from quiz.answer_text import claim_polarity, clauses, gapped_positions, normalise, words
from quiz.bank import BankQuestion
from quiz.grade import FreeTextGrader
from tests.quiz.grading_kit import graded, points_made


def test_a_lone_n_or_w_between_words_is_chat_for_and_or_with(
    grader: FreeTextGrader, bank: dict[str, BankQuestion]
) -> None:
    assert normalise("flips n crops w the same label") == "flips and crops with the same label"
    # a name keeps its letter: "n-grams", "n_estimators", "top n"
    assert normalise("n-grams n_estimators top n") == "n-grams n_estimators top n"
    # an "n" that counts is no "and"
    counted = "keep the top n features of the last n days, save every n steps"
    assert normalise(counted) == counted
    assert "keep the steps as a recipe" in clauses("keep the steps as a recipe n run the job")
    # eda-databrew-001: 1 DataBrew saves the cleaning steps as a reusable recipe; 2 a DataBrew
    # job applies the recipe on a schedule. One unsplit clause reads closer to 2
    databrew = bank["eda-databrew-001"]
    chat = "keep the steps as a recipe n have a scheduled databrew job apply it to all 400 gb"
    assert points_made(grader, databrew, chat) == [1, 2]


def test_a_term_said_with_one_more_word_inside_it_is_said(
    grader: FreeTextGrader, bank: dict[str, BankQuestion]
) -> None:
    tokens = words("they keep full root control over the boxes")
    assert gapped_positions("full control", tokens) == [2]
    assert gapped_positions("stops under-performing", words("stopping the under-performing")) == [0]
    # a word that denies, changes or joins breaks the term
    assert gapped_positions("little data", words("little or no data")) == []
    assert gapped_positions("little data", words("little more data")) == []
    # ops-containers-002: 2 They give full control on self-managed instances
    dlami = bank["ops-containers-002"]
    admin = (
        "A Deep Learning AMI on GPU EC2 machines, the drivers and frameworks come preinstalled "
        "and the team has full admin control of the servers"
    )
    assert points_made(grader, dlami, admin) == [1, 2]
    ssh = (
        "Deep Learning AMI on EC2: drivers preinstalled, and you get full SSH control over the "
        "machines"
    )
    assert points_made(grader, dlami, ssh) == [1, 2]
    either = (
        "Use the Deep Learning AMI on EC2 GPU instances, drivers already there, and full or "
        "partial control is up to you"
    )
    assert points_made(grader, dlami, either) == [1]


def test_an_amount_with_a_unit_that_the_stem_states_names_no_option(
    grader: FreeTextGrader, bank: dict[str, BankQuestion]
) -> None:
    # ops-security-005: the stem's script needs 45 minutes and 20 GB; "Set the Lambda memory to
    # 20 GB ..." is another option, but an answer that repeats the scenario's 20 GB picks nothing
    lambda_limits = bank["ops-security-005"]
    chat = (
        "lambda tops out at 15 minutes, a 45 minute 20 GB script wont fit, "
        "so use a sagemaker processing job"
    )
    assert graded(grader, lambda_limits, chat).other_choice is None
    assert points_made(grader, lambda_limits, chat) == [1, 3]
    # an amount only another option says still names it
    assert graded(grader, lambda_limits, "raise the timeout to 60 minutes").other_choice


def test_a_thing_the_answer_takes_away_is_not_its_pick(
    grader: FreeTextGrader, bank: dict[str, BankQuestion]
) -> None:
    # de-kinesis-016: deregister the consumer and poll with GetRecords; two other options use
    # fan-out. Dropping fan-out is no pick of it
    fan_out = bank["de-kinesis-016"]
    ditch = (
        "ditch enhanced fan-out, the consumer-shard hours and per GB fees are its charge; "
        "one reader is fine on the shared throughput with GetRecords"
    )
    assert graded(grader, fan_out, ditch).other_choice is None
    assert points_made(grader, fan_out, ditch) == [1, 2]
    # de-kinesis-008: a HOTSPOTS option is wrong; saying it is gone picks nothing
    hotspots = bank["de-kinesis-008"]
    gone = (
        "HOTSPOTS is deprecated, it went with KDA for SQL; in a Flink app count the requests "
        "per grid cell over a window"
    )
    assert graded(grader, hotspots, gone).other_choice is None
    # where another option removes ("Drop every row ...", "Remove the EVENT_TIMESTAMP column"),
    # removing its thing, in its words or others, is its pick
    missing = bank["eda-missing-001"]
    drop = "drop the rows with missing values"
    assert graded(grader, missing, drop).other_choice == missing.options["A"]
    fraud = bank["ops-ai-007"]
    timestamp = "drop the event_timestamp column"
    assert graded(grader, fraud, timestamp).other_choice == fraud.options["B"]
    assert points_made(grader, fraud, timestamp) == []


def test_a_denial_that_runs_a_word_further_over_a_word_both_deny_is_the_same_denial(
    grader: FreeTextGrader, bank: dict[str, BankQuestion]
) -> None:
    def said(point: str, clause: str) -> bool | None:
        return claim_polarity(point, words(normalise(clause)))

    commitment = "The commitment is a dollar amount per hour, not an instance reservation"
    # both deny "reservation"; the answer's "rather than" does not reach "instances"
    assert said(commitment, "a dollar-per-hour commitment rather than a reservation of instances")
    endpoint = "No persistent endpoint, so you pay only while the job runs"
    assert said(endpoint, "there is no endpoint left running")
    # a word denied in one only, with no word both deny, is still said the other way
    assert said(commitment, "it is a reservation of instances, not a dollar amount") is False
    # a denial reached from further back anchors nothing ("such as not" mentions the word)
    stop_words = "Negations such as not appear in many default stop word lists"
    assert said(stop_words, "negations like not aren't in the default stop word lists") is False
    # ops-cost-002: 1 The commitment is a dollar amount per hour, not an instance reservation
    savings = bank["ops-cost-002"]
    hourly = (
        "Coverage stays, because the Savings Plan is an hourly dollar commitment rather than "
        "a reservation of instances"
    )
    assert points_made(grader, savings, hourly) == [1]


def test_a_paraphrase_that_keeps_half_the_points_words_makes_it_below_the_threshold(
    grader: FreeTextGrader, bank: dict[str, BankQuestion]
) -> None:
    # ops-monitor-006: 1 Bias drift monitoring reports bias; it does not correct the model.
    # "reports ... does not fix the model" keeps its words but reads below the threshold
    monitor = bank["ops-monitor-006"]
    reports = (
        "That monitor only reports the violation, it does not fix the model; "
        "the team must retrain with rebalanced data."
    )
    assert points_made(grader, monitor, reports) == [1, 2]
    # alg-kmeans-002: 2 This gives better and more stable clusters than random starts
    kmeans = bank["alg-kmeans-002"]
    steadier = (
        "Change init_method from random to kmeans++. It puts the first centroids far apart from "
        "one another, so repeated runs give steadier and better segments."
    )
    assert points_made(grader, kmeans, steadier) == [1, 2]
