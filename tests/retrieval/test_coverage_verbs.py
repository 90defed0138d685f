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
