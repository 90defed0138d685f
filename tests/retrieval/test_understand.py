"""Question understanding, follow-ups and input checks: pure functions, no model needed."""

from __future__ import annotations

import pytest

import retrieval.understand as understand_module
from retrieval.compose import is_title, respell
from retrieval.coverage import NotesVocabulary
from retrieval.followup import refers_back, resolve
from retrieval.intake import EmptyQuestionError, problem
from retrieval.understand import compared_sides, normalise, topic, understand


@pytest.mark.parametrize(
    ("typed", "plain"),
    [
        ("recall formula pls", "recall formula please"),
        ("wat r u", "what are you"),
        ("shud i use ur data", "should i use your data"),
        ("thx, whats PLS in polly", "thanks, what is PLS in polly"),
        ("is faster r-cnn better than u-net", "is faster r-cnn better than u-net"),
        (
            "what goes on the y-axis of a residual plot",
            "what goes on the y-axis of a residual plot",
        ),
        # clipped words, read as the words they clip; a hyphenated name keeps its part
        ("can glue pull from on prem", "can glue pull from on premises"),
        ("what does it do to the vocab", "what does it do to the vocabulary"),
        ("do i run the infra myself", "do i run the infrastructure myself"),
        ("collab filtering in one line", "collaborative filtering in one line"),
        ("our on-prem share", "our on-prem share"),
        ("will ppl see docs thru kendra", "will people see documents through kendra"),
        ("deepar tst metrics, a recsys thing?", "deepar test metrics, a recommender system thing?"),
    ],
)
def test_chat_spelling_is_made_plain_but_capitals_stay_acronyms(typed: str, plain: str) -> None:
    assert normalise(typed) == plain


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("comprehend vs textract?", "comparison"),
        ("batch transform or real time endpoint, when do i use each", "comparison"),
        ("glue or emr for a big spark job?", "comparison"),
        ("whats the payload limit for serverless inference", "limit"),
        ("how many containers can an inference pipeline have", "limit"),
        ("what is random cut forest", "definition"),
        ("partyrock what is it", "definition"),
        ("when should i use pipe mode", "when"),
        ("how do i choose k for k-means", "howto"),
        ("recall formula pls", "casual"),
        (
            "A retailer has 50 TB of images in S3 and needs predictions once a week. They do not "
            "want a running endpoint. Which SageMaker feature should they use?",
            "scenario",
        ),
        # a hyphenated name holding "max" or "min" asks no limit
        ("when should i use max-abs scaling", "when"),
        ("when is min-max scaling the right scaler", "when"),
        ("whats the max payload size", "limit"),
        # a topic named before a colon is no scenario stem; how often is a limit
        (
            "kinesis data streams: how often am i allowed to flip between provisioned and "
            "on-demand mode",
            "limit",
        ),
        ("what separates unsupervised learning from reinforcement learning", "comparison"),
    ],
)
def test_the_kind_of_ask(question: str, kind: str) -> None:
    assert understand(question).kind == kind


@pytest.mark.parametrize(
    "question",
    [
        "kcl for producers or consumers",
        "xgboost in sagemaker trains on several instances - cpu or gpu then?",
        "bias-variance trade-off in one or two lines?",
        "deepar start on cpu or gpu box",
    ],
)
def test_two_values_of_one_subject_are_no_comparison(question: str) -> None:
    """The options follow a link from the subject that takes them: its attribute is asked."""
    ask = understand(question)
    assert ask.kind != "comparison"
    assert ask.subjects == ()


@pytest.mark.parametrize(
    ("question", "sides"),
    [
        ("For a big spark job, glue or emr?", ("glue", "emr")),
        ("what's better for tabular data, xgboost or linear learner", None),
        ("which is better in sagemaker, xgboost or linear learner", None),
    ],
)
def test_two_named_options_after_a_topic_stay_a_comparison(
    question: str, sides: tuple[str, ...] | None
) -> None:
    ask = understand(question)
    assert ask.kind == "comparison"
    if sides:
        assert ask.subjects == sides


@pytest.mark.parametrize(
    ("question", "sides"),
    [
        ("comprehend vs textract?", ("comprehend", "textract")),
        (
            "batch transform or real time endpoint, when do i use each",
            ("batch transform", "real time endpoint"),
        ),
        ("what's the difference between precision and recall", ("precision", "recall")),
        ("roc auc vs pr curve for imbalanced data", ("roc auc", "pr curve")),
        ("standardization vs min max scaling", ("standardization", "min max scaling")),
        ("is xgboost better than linear learner", ("xgboost", "linear learner")),
        ("is gemini cheaper than sagemaker?", ("gemini", "sagemaker")),
        ("which one is best: kinesis or msk?", ("kinesis", "msk")),
        (
            "collaborative filtering vs content-based filtering, pros and cons?",
            ("collaborative filtering", "content-based filtering"),
        ),
        ("glue vs emr tradeoffs", ("glue", "emr")),
        (  # the ask after a dash is not part of the last side
            "firehose vs kinesis data streams - whats the actual difference",
            ("firehose", "kinesis data streams"),
        ),
        ("precision or recall - when do I use each?", ("precision", "recall")),
        (  # a remark after the last side is not part of it
            "ElasticSearch vs ElastiCache - not the same thing right?",
            ("ElasticSearch", "ElastiCache"),
        ),
        (
            "supervised vs unsupervised learning, short version pls",
            ("supervised", "unsupervised learning"),
        ),
        (  # a topic before a colon belongs to neither side
            "s3 lifecycle rules: transition actions vs expiration actions?",
            ("transition actions", "expiration actions"),
        ),
        (  # a topic before a comma belongs to neither side
            "in a random forest, bagging vs feature sampling?",
            ("bagging", "feature sampling"),
        ),
        (  # two subjects the ask takes one at a time
            "how do kmeans and knn each pick their k value?",
            ("kmeans", "knn"),
        ),
        (  # a clause saying when, or what for, is not part of a side
            "bagging or boosting when the trees overfit a lot?",
            ("bagging", "boosting"),
        ),
        (
            "standard scaler vs robust scaler to get features onto one scale, which suits when?",
            ("standard scaler", "robust scaler"),
        ),
        (  # trimmed of "in ...", the first side would be a part of the second
            "early stopping in a tuning job vs early stopping inside a single training job",
            ("early stopping in a tuning job", "early stopping inside a single training job"),
        ),
        (  # the ask after a colon that follows the sides is not part of the last side
            "seq2seq vs random cut forest: what kind of instances does each one train on?",
            ("seq2seq", "random cut forest"),
        ),
        (  # whatever word opens it: a name holds no colon followed by a space
            "TabTransformer vs CatBoost: both are meant for tables full of categories, so how"
            " does each one deal with them?",
            ("TabTransformer", "CatBoost"),
        ),
        (
            "RDS vs Redshift: does each one store its data by row or by column?",
            ("RDS", "Redshift"),
        ),
        (  # a colon inside a name, with no space after it, is part of the side
            "sagemaker kmeans test:msd vs test:ssd - what does each one measure?",
            ("sagemaker kmeans test:msd", "test:ssd"),
        ),
        (  # the sides around "from"
            "what separates unsupervised learning from reinforcement learning",
            ("unsupervised learning", "reinforcement learning"),
        ),
        ("how does bagging differ from boosting", ("bagging", "boosting")),
        (  # the sides around "compare to", a remark after the dash left out
            "how does kinesis compare to apache kafka - is it basically a hosted version of it?",
            ("kinesis", "apache kafka"),
        ),
        ("how do glue jobs compare with emr steps", ("glue jobs", "emr steps")),
        (  # the sides around "the same thing as", the ask after the comma left out
            "is iot core the same thing as iot analytics, or do they do different jobs?",
            ("iot core", "iot analytics"),
        ),
        (  # two short names joined by "and" that the ask then sets apart
            "redshift and athena - which one has to be provisioned ahead of time?",
            ("redshift", "athena"),
        ),
        ("compare spot training and managed warm pools", ("spot training", "managed warm pools")),
        (  # beside "or" or "vs", a slash is inside a side
            "shadow testing or A/B testing for a risky model?",
            ("shadow testing", "A/B testing"),
        ),
        ("RDS/Aurora vs Redshift: which stores rows?", ("RDS/Aurora", "Redshift")),
        ("glue/emr - which one is serverless?", ("glue", "emr")),  # alone, it parts them
        (  # the condition the sides are weighed for is no part of the last one
            "greengrass or iot analytics if i want to mix outside data into what my devices send?",
            ("greengrass", "iot analytics"),
        ),
        ("l1 or l2 if i want to end up with fewer dimensions?", ("l1", "l2")),
    ],
)
def test_a_comparison_names_both_sides(question: str, sides: tuple[str, ...]) -> None:
    assert understand(question).subjects == sides


def test_many_sides_are_told_apart_without_comparing_every_pair(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A question of thousands of "1 vs 2" took a minute: each side was checked against every
    other. Only the three sides kept are checked, each against the others once."""
    calls = []
    within = understand_module._within

    def counted(*args: object) -> bool:
        calls.append(1)
        return within(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(understand_module, "_within", counted)
    sides = 400
    ask = understand("1 vs 2 " * (sides // 2))
    assert compared_sides(ask) == ("1", "2 1", "2 1")
    assert len(calls) <= 3 * sides


def test_a_long_question_asking_about_each_side_is_a_comparison() -> None:
    ask = understand(
        "spot instances vs on-demand instances for training, what do you win and lose with each?"
    )
    assert (ask.kind, ask.subjects) == ("comparison", ("spot instances", "on-demand instances"))


@pytest.mark.parametrize(
    ("question", "sides"),
    [
        (
            "how do covariance and spearman differ in the kind of relationship they assume?",
            ("covariance", "spearman"),
        ),
        (
            "lightgbm and catboost are both gradient boosting, so what's different about each?",
            ("lightgbm", "catboost"),
        ),
        ("pca and kmeans both builtin", ("pca", "kmeans")),
    ],
)
def test_two_names_joined_by_and_then_set_side_by_side_are_a_comparison(
    question: str, sides: tuple[str, ...]
) -> None:
    ask = understand(question)
    assert (ask.kind, ask.subjects) == ("comparison", sides)


@pytest.mark.parametrize(
    "question",
    [
        "we keep images and labels both in s3, how do we train on them?",
        "we keep the raw images and the labels both in one s3 bucket, how do we feed them to"
        " a training job?",
    ],
)
def test_a_scene_holding_two_things_both_is_no_comparison(question: str) -> None:
    assert understand(question).kind != "comparison"


def test_a_long_question_naming_its_sides_before_it_asks_is_a_comparison() -> None:
    ask = understand(
        "elastic net vs lasso: which of them keeps correlated features together and which one"
        " drops all but one of them?"
    )
    assert (ask.kind, ask.subjects, ask.topic) == ("comparison", ("elastic net", "lasso"), "")


def test_a_scenario_separates_the_ask_from_its_constraints() -> None:
    ask = understand(
        "A company wants to cut the cost of training a large GPU model. The training can tolerate "
        "interruptions and can resume later. What should the ML specialist do?"
    )
    assert ask.focus == "What should the ML specialist do?"
    assert len(ask.constraints) >= 2
    assert any("interruptions" in c for c in ask.constraints)


@pytest.mark.parametrize(
    ("question", "focus", "places"),
    [
        (
            "A retailer has 50 TB of images in S3 and needs predictions weekly. They do not want "
            "a running endpoint. Which SageMaker feature should they use?",
            "Which SageMaker feature should they use?",
            ("S3",),
        ),
        (
            "census data with hundreds of redundant features, we want to group counties with "
            "k-means but it is hard to interpret; what do we do first",
            "what do we do first",
            (),
        ),
        (
            "clickstream events must land in S3 as parquet within a couple of minutes and we dont "
            "want to write any consumer code",
            "clickstream events must land in S3 as parquet within a couple of minutes and we "
            "don't want to write any consumer code",
            ("S3",),
        ),
        (
            "We need near-real-time ingestion into Redshift with no servers to manage. Kinesis "
            "Data Streams or Firehose into Redshift?",
            "Kinesis Data Streams or Firehose into Redshift?",
            (),
        ),
    ],
)
def test_a_scenario_knows_its_ask_and_where_its_data_sits(
    question: str, focus: str, places: tuple[str, ...]
) -> None:
    ask = understand(question)
    assert (ask.kind, ask.focus, ask.places) == ("scenario", focus, places)


@pytest.mark.parametrize(
    ("question", "previous", "subject", "resolved"),
    [
        (
            "and what about its input format?",
            "which sagemaker algorithm for time series forecasting",
            "DeepAR",
            "DeepAR input format?",
        ),
        (
            "and for async?",
            "whats the payload limit for serverless inference",
            "Serverless inference",
            "whats the payload limit for async",
        ),
        (
            "tell me more about that one",
            "which service for chatbots",
            "Amazon Lex",
            "tell me more about Amazon Lex",
        ),
        ("what is smote", "which service for chatbots", "Amazon Lex", "what is smote"),
    ],
)
def test_a_follow_up_is_asked_about_the_previous_subject(
    question: str, previous: str, subject: str, resolved: str
) -> None:
    assert resolve(question, previous, subject) == resolved


def test_a_full_question_is_no_follow_up() -> None:
    assert not refers_back(
        "how many shards does a kinesis data stream need for 5 MB per second of writes today"
    )


def test_bad_input_gets_a_message_not_a_search() -> None:
    with pytest.raises(EmptyQuestionError):
        problem(" \n\t ")
    assert "binary" in (problem("\x00\x01\x02abc\x03") or "")
    assert "100,000 characters" in (problem("a" * 100_000) or "")
    assert problem("what is smote") is None


@pytest.mark.parametrize(
    ("question", "named"),
    [
        ("what's a good recipe for banana bread", "a good recipe for banana bread"),
        ("comprehend vs textract?", "comprehend or textract"),
        ("how do i stop an llm from hallucinating", "stop an llm from hallucinating"),
        ("what is amazon bedrock", "amazon bedrock"),
    ],
)
def test_a_decline_names_what_was_asked_in_the_students_words(question: str, named: str) -> None:
    assert topic(understand(question)) == named


NOTES = [
    "AWS Glue runs serverless Spark jobs you write in Python. Clean the data before training.",
    "Entity extraction finds names; resolution of images is measured in pixels.",
    "Amazon SageMaker trains models. Use AWS Lambda for small transforms.",
    "SageMaker Studio is the IDE for notebooks; npts forecasts sparse series. Quotas and limits.",
]
ENGLISH = {
    "clean",
    "rooms",
    "entity",
    "resolution",
    "recipe",
    "lambda",
    "limits",
    "jobs",
    "glue",
    "free",
}


@pytest.mark.parametrize(
    ("question", "missing"),
    [
        ("how do i use codewhisperer to write python", "codewhisperer"),
        ("aws clean rooms for ml", "aws clean rooms"),
        ("aws entity resolution vs glue", "aws entity resolution"),
        ("aws lambda limits", None),  # the notes put "aws lambda" together
        ("aws glue jobs", None),
        ("sagemaker trains models", None),
        ("hw do i clean data", None),  # a short unknown word is chat or a typo, not a subject
        ("is sagemaker studio lab free", "sagemaker studio lab"),  # a longer name than the notes'
        ("sagemaker studio notebooks", None),  # "notebooks" is an attribute the notes hold
        ("what is ntps good for", None),  # two letters swapped: a typo of the notes' "npts"
    ],
)
def test_a_subject_the_notes_never_mention(question: str, missing: str | None) -> None:
    assert NotesVocabulary(NOTES, ENGLISH).unknown_subject(question) == missing


def test_the_first_word_of_a_short_ask_is_its_subject() -> None:
    notes = [*NOTES, "Computer vision models find defects in images."]
    vocabulary = NotesVocabulary(notes, ENGLISH | {"lookout"})
    question = "how does lookout for vision find defects"
    assert vocabulary.unknown_subject(question, ("lookout",)) == "lookout for vision"
    # a gerund after "for" says what the name is used for: no part of the name
    question = "lookout for finding defects in images"
    assert vocabulary.unknown_subject(question, ("lookout",)) == "lookout"
    assert vocabulary.unknown_subject(question) is None


@pytest.mark.parametrize(
    ("line", "title"),
    [
        ("Amazon Forecast Prophet", True),
        ("AWS S3 Data Partitioning", True),
        ("Transfer learning mode / incremental training", True),
        ("Uses of the learned embeddings:", False),  # a list header brings its items instead
        ("Payloads up to 4 MB", False),
        ("Kinesis Firehose can write to S3", False),
    ],
)
def test_a_line_that_only_names_a_topic_is_a_title(line: str, title: bool) -> None:
    assert is_title(line) is title


@pytest.mark.parametrize(
    ("typed", "other"),
    [
        ("bayesian optimisation", "bayesian optimization"),
        ("regularization", "regularisation"),
        ("normalise the data", "normalize the data"),
        ("noise", "noise"),
    ],
)
def test_a_comparison_side_is_looked_for_in_both_spellings(typed: str, other: str) -> None:
    assert respell(typed) == other


def test_the_topic_keeps_a_word_that_starts_like_a_pronoun() -> None:
    assert topic(understand("what instance type for deepar")) == "instance type for deepar"


@pytest.mark.parametrize(
    ("question", "focus", "constraints"),
    [
        (
            "we want cheap GPU training, interruptions are fine, but we cannot lose hours of "
            "progress when an instance goes away",
            None,
            2,
        ),
        (
            "We need near-real-time ingestion into Redshift and S3 with light transformations "
            "and no servers to manage; Kinesis Data Streams or Firehose?",
            "Kinesis Data Streams or Firehose",
            2,
        ),
    ],
)
def test_a_stem_written_as_statements_is_a_scenario(
    question: str, focus: str | None, constraints: int
) -> None:
    ask = understand(question)
    assert ask.kind == "scenario" and len(ask.constraints) == constraints
    assert ask.focus == (focus or ask.text)


def test_a_long_question_about_something_is_no_stem() -> None:
    ask = understand(
        "does the auto hyperparam tuning work w/ my own custom algo or only built in ones"
    )
    assert ask.kind != "scenario"


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        (
            "On a multi-model endpoint, how does the caller say which of the models should "
            "serve the request?",
            "casual",
        ),
        (
            "PCA randomized mode loses a little precision for us, is there a setting to get "
            "some of that accuracy back?",
            "casual",
        ),
        (
            "how long does an object have to sit in S3 Standard before a lifecycle rule is "
            "allowed to move it over to the Glacier class?",
            "limit",
        ),
        (
            "For object detection with the built-in algorithm, how do I tell it where each "
            "bounding box sits in my training images?",
            "casual",
        ),
        (
            "once our feature pipeline is cleaned up by hand in the notebook, how can we get the "
            "very same steps applied to every new file each night?",
            "casual",
        ),
    ],
)
def test_a_sentence_asking_a_detail_of_what_it_names_is_no_scenario(
    question: str, kind: str
) -> None:
    assert understand(question).kind == kind


def test_a_sentence_asking_for_an_option_after_its_stem_stays_a_scenario() -> None:
    ask = understand(
        "our clickstream lands in S3 every minute and nobody wants to run servers, which "
        "service should turn it into parquet?"
    )
    assert ask.kind == "scenario"


def test_a_stem_asking_how_we_should_go_about_it_stays_a_scenario() -> None:
    ask = understand(
        "our clickstream lands in S3 every minute and nobody wants to run servers, how should "
        "we turn it into parquet for the analysts?"
    )
    assert ask.kind == "scenario"


def test_a_hyphenated_in_is_no_place() -> None:
    ask = understand(
        "Forecast weekly demand for thousands of related products that share seasonality, "
        "using a SageMaker built-in algorithm."
    )
    assert ask.kind == "scenario" and ask.places == ()


@pytest.mark.parametrize(
    ("text", "label"),
    [
        (
            "Rank correlations\nSpearman's coefficient\nAlso used for non-Gaussian data.",
            "Spearman's",
        ),
        ("Notes\nA: Binning\nGroups values into ranges of equal width.", ""),  # a card's label
        ("Notes\nsome risk\nTask nodes run tasks and hold no data.", ""),  # a broken line's tail
        ("Notes\n- Spearman's coefficient\nAlso used for non-Gaussian data.", ""),  # a list item
        ("Notes\nSpearman's coefficient is robust\nAlso used for non-Gaussian data.", ""),
    ],
)
def test_a_bare_line_above_a_terse_line_names_its_subject(text: str, label: str) -> None:
    from retrieval.documents import Chunk
    from retrieval.terse import bare_label

    chunk = Chunk("notes.md", ("Correlation",), "note", 0, len(text), text)
    found = bare_label(chunk, text.rindex("\n") + 1)
    assert found.startswith(label) if label else found == ""
    card = Chunk("cards.csv", ("Correlation",), "flashcard", 0, len(text), text)
    assert bare_label(card, text.rindex("\n") + 1) == ""


def test_pick_x_over_y_prefers_sentences_about_x() -> None:
    from retrieval.documents import Chunk
    from retrieval.prefer import option_terms, options, preference

    found = options("when should I pick spearman over pearson correlation")
    assert found == ("spearman", "pearson correlation")
    preferred = (option_terms(found[0]), option_terms(found[1]))
    text = "Rank correlations\nSpearman's coefficient\nAlso used for non-Gaussian data."
    chunk = Chunk("notes.md", ("Correlation",), "note", 0, len(text), text)
    assert preference(preferred, "Also used for non-Gaussian data.", chunk, text.rindex("\n") + 1)
    pearson = "Pearson correlation below -0.5 is negative."
    assert preference(preferred, pearson, chunk, 0) == -1.0
    assert options("when should I use pipe mode") is None


@pytest.mark.parametrize(
    ("question", "found"),
    [
        ("99 % accuracy on the training set but only 70 % on validation, what now", "overfitting"),
        ("validation 70% while training hits 99%", "overfitting"),
        ("train error 2% test error 15%", "overfitting"),
        ("training accuracy 62% and validation accuracy 60%", "underfitting"),
        ("95% on training and 94% on test", ""),
        ("how do i fix overfitting at 99% train and 70% test", ""),  # named already
    ],
)
def test_symptoms_give_their_diagnosis(question: str, found: str) -> None:
    from retrieval.diagnose import diagnosis

    assert diagnosis(question) == found
    assert understand(question).diagnosis == found


@pytest.mark.parametrize(
    ("question", "found"),
    [
        (
            "Our churn model performs poorly on its training data and on the test set.",
            "underfitting",
        ),
        ("The forecaster does badly even on the weeks it was trained on. Why?", "underfitting"),
        (
            "It scores nearly perfectly on the training split but poorly on validation.",
            "overfitting",
        ),
        ("The net reaches 98% on training data and does badly on unseen data.", "overfitting"),
        ("Our model performs badly on the validation set. What now?", ""),  # the fit is unknown
        ("Labels are badly skewed in the training data. What now?", ""),  # no score told
        ("It scores very well on training and on test data alike.", ""),
        ("About 0.4 % of rows are anomalies. Which value should the training job use?", ""),
    ],
)
def test_symptoms_told_in_words_give_their_diagnosis(question: str, found: str) -> None:
    """Without a number, "does badly on the rows it was trained on" is still underfitting and
    "almost perfectly on training but badly on validation" overfitting: the answer then quotes
    what the symptoms mean, not the stem's setting."""
    from retrieval.diagnose import diagnosis

    assert diagnosis(question) == found
    assert understand(question).diagnosis == found


@pytest.mark.parametrize(
    ("typed", "plain"),
    [
        ("kmeans n knn both need feature_dim", "kmeans and knn both need feature_dim"),
        ("glue n emr run spark?", "glue and emr run spark?"),
        ("keep the top n features", "keep the top n features"),  # a count, not "and"
        ("divide by n or n-1", "divide by n or n-1"),  # an option set against another
        ("use n-grams for order", "use n-grams for order"),
    ],
)
def test_a_lone_n_between_two_words_is_and(typed: str, plain: str) -> None:
    assert normalise(typed) == plain


def test_chat_n_joining_two_names_that_both_then_takes_is_a_comparison() -> None:
    ask = understand("kmeans n knn both need a feature_dim")
    assert ask.kind == "comparison"
    assert ask.subjects == ("kmeans", "knn")


@pytest.mark.parametrize(
    ("question", "sides"),
    [
        ("lda vs ntm - is a gpu needed or optional for each?", ("lda", "ntm")),
        ("athena vs redshift, can both of them query s3 or only one?", ("athena", "redshift")),
    ],
)
def test_a_yes_no_ask_after_the_sides_is_no_part_of_them(
    question: str, sides: tuple[str, ...]
) -> None:
    assert understand(question).subjects == sides
