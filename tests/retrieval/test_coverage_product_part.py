"""A comparison's side or a capitalised name that is a product and one of its parts ("xgboost
input", "Glue Python" of "a Glue Python shell job") is no split term the notes lack
(`NotesVocabulary.split_side`, `split_name`): the notes capitalise the product and write the part
often, in the product's passages, seldom right after its name. A feature's name the notes seldom
write ("S3 Select"), a part never in the product's passages and a product written in small letters
("multidimensional scaling") keep the check."""

from __future__ import annotations

from retrieval.coverage import NotesVocabulary

# Enough words that a word the notes hold only a few times is rare (`RARE_PER_WORDS`).
FILLER = " ".join(f"filler{i % 50}" for i in range(9_000))
OFTEN = 6  # more uses than the filler makes rare
NOTES = [
    "XGBoost is weird: it takes CSV or libsvm input. XGBoost runs on CPU instances.",
    "Tune XGBoost with alpha and eta.",
    "SageMaker hosts XGBoost behind an endpoint.",
    "AWS Glue jobs are Spark programs written in Python. AWS Glue also runs Python shell jobs.",
    "AWS Glue crawlers fill the Data Catalog.",
    "Athena reads tables from AWS Glue.",
    "Linear Learner takes recordIO data. A select statement in SQL picks columns.",
    "S3 stores objects. Amazon Athena queries S3 with SQL.",
    "Data with many columns is multidimensional.",
    *(["The input to a model is a vector; Python scripts and scaling steps prepare it."] * OFTEN),
    FILLER,
]
ENGLISH = {"input", "glue", "python", "select", "scaling", "multidimensional", "linear"}


def test_a_products_part_is_no_split_side() -> None:
    vocabulary = NotesVocabulary(NOTES, ENGLISH)
    assert vocabulary.split_side(["linear learner", "xgboost input"]) is None


def test_a_products_part_is_no_split_name() -> None:
    vocabulary = NotesVocabulary(NOTES, ENGLISH)
    assert vocabulary.split_name(["Glue Python"]) is None


def test_a_rare_feature_word_keeps_the_check() -> None:
    vocabulary = NotesVocabulary(NOTES, ENGLISH)
    # "select" shares no passage with S3 and the notes write it once: a feature they lack
    assert vocabulary.split_side(["S3 Select", "Athena"]) == "S3 Select"


def test_a_product_in_small_letters_keeps_the_check() -> None:
    vocabulary = NotesVocabulary(NOTES, ENGLISH)
    # "multidimensional" is a term the notes write in small letters, not a product
    sides = ["multidimensional scaling", "linear learner"]
    assert vocabulary.split_side(sides) == "multidimensional scaling"
