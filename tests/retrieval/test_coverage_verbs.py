"""A product prefix that opens a clause as its subject, after an auxiliary or a word the clause
qualifies, and is followed by one or two words before the clause ends: those words hold the
clause's verb ("does sagemaker offer mlflow", "the algorithms sagemaker ships built in",
"something amazon rewrote, or ..."), so they name no product the notes lack."""

from __future__ import annotations

from retrieval.coverage import NotesVocabulary

NOTES = [
    "SageMaker now also offers managed MLflow to track experiments.",
    "SageMaker has built-in algorithms such as neural topic modeling.",
    "XGBoost on SageMaker is something like the regular open source XGBoost library.",
    "Amazon Web Services (AWS) serves ML teams.",
]
ENGLISH = {"offer", "ship", "wrote", "regular", "library", "something", "proton", "teams"}


def test_a_word_after_an_auxiliary_and_a_prefix_is_the_verb() -> None:
    vocabulary = NotesVocabulary(NOTES, ENGLISH)
    assert vocabulary.unknown_subject("does sagemaker offer mlflow") is None
    # Opening the question, the same words are a name the notes never write together.
    assert vocabulary.unknown_subject("sagemaker offer mlflow") == "sagemaker offer mlflow"


def test_a_relative_clause_after_a_prefix_holds_its_verb() -> None:
    vocabulary = NotesVocabulary(NOTES, ENGLISH)
    asked = "is neural topic modeling one of the algorithms sagemaker ships built in?"
    assert vocabulary.unknown_subject(asked) is None
    assert vocabulary.unknown_subject("what is sagemaker ships built in?") == "sagemaker ships"


def test_a_verb_after_a_prefix_is_no_product_search_failed_to_find() -> None:
    vocabulary = NotesVocabulary(NOTES, ENGLISH)
    asked = "Is SageMaker's XGBoost something Amazon rewrote, or the regular library?"
    assert vocabulary.unknown_subject(asked) is None
    assert vocabulary.unfound_product(asked, NOTES) is None
    assert vocabulary.unfound_product("what is amazon rewrote", NOTES) == "amazon rewrote"


def test_a_name_followed_by_its_verb_stays_a_name() -> None:
    vocabulary = NotesVocabulary(NOTES, ENGLISH)
    assert vocabulary.unknown_subject("What does AWS Proton do for ML teams?") == "aws proton"


# A verb's form with what it acts on after it says what the student does, not what about.
ACTION_NOTES = [
    "Heteroscedasticity: detect it with a residual plot or a Breusch-Pagan test.",
    "Elastic Inference attaches a GPU accelerator to an instance for cheap inference.",
    "AWS Lambda runs functions without servers; a container image may be up to 10 GB.",
    "Models are shipped to the endpoint after training.",
]
# "besides" is English as the model's word list has it: unknown, a word that long opening the
# question would be its made-up subject (`NotesVocabulary._coined`)
ACTION_ENGLISH = {
    "picking",
    "pick",
    "bigger",
    "lambda",
    "shipped",
    "ship",
    "plot",
    "residual",
    "besides",
}


def test_a_gerund_before_its_object_is_the_students_action() -> None:
    vocabulary = NotesVocabulary(ACTION_NOTES, ACTION_ENGLISH)
    asked = "besides eyeballing a residual plot, how do i test for heteroscedasticity?"
    assert vocabulary.unknown_subject(asked) is None
    # after an auxiliary in its clause the gerund is what is asked about
    asked = "how does eyeballing a residual plot work?"
    assert vocabulary.unknown_subject(asked) == "eyeballing"
    assert vocabulary.unknown_subject("what is eyeballing?") == "eyeballing"


def test_a_comparison_side_opened_by_a_gerund_and_its_object_names_no_subject() -> None:
    vocabulary = NotesVocabulary(ACTION_NOTES, ACTION_ENGLISH)
    sides = ["elastic inference", "just picking a bigger gpu instance"]
    asked = "elastic inference vs just picking a bigger gpu instance - what do i gain?"
    assert vocabulary.unknown_subject(asked, sides) is None
    sides = ["elastic inference", "just picking"]
    assert vocabulary.unknown_subject("elastic inference vs just picking", sides) == "picking"


def test_a_participle_before_its_complement_opens_a_clause_not_a_term() -> None:
    vocabulary = NotesVocabulary(ACTION_NOTES, ACTION_ENGLISH)
    asked = "lambda shipped as a container image - how big can it get?"
    assert vocabulary.unwritten_lead(asked) is None
    assert vocabulary.unwritten_lead("lambda shipped - how big can it get?") == "lambda shipped"
    # a word ending in "ed" whose rest is no English verb is no past form
    asked = "does a nosebleed in a residual plot show heteroscedasticity"
    assert vocabulary.unknown_subject(asked) == "nosebleed"
