"""One judgement of whether the notes hold a comparison's side whose words they never write
together (`NotesVocabulary.side_held`): a product's part asked in small letters ("object2vec
endpoints"), or a side whose words the answer's passage holds ("recurrent cell" beside the notes'
LSTM cell, "part of a recurrent net"), is held; a part capitalised as a feature's name
("Object2Vec Endpoints", as "S3 Select"), a part of a name the other side shares ("gini
coefficient" beside "gini impurity") and a side no passage holds keep the check."""

from __future__ import annotations

from retrieval.coverage import NotesVocabulary

NOTES = [
    "Object2Vec: can only train on a single machine (CPU or GPU, multi-GPU OK).",
    "Inference uses ml.p2.2xlarge endpoints; endpoints scale with traffic.",
    "Real-time endpoints serve one request at a time; endpoints need an instance type.",
    "DeepAR can use CPU or GPU.",
    "S3 stores objects; a select statement in SQL picks columns.",
    "Athena queries S3 with SQL.",
    "The Gini impurity of a node; a correlation coefficient measures a linear link.",
    "Gini impurity splits decision trees.",
    "LSTM Cell: maintains separate short-term and long-term states. Part of a recurrent net.",
    "A spreadsheet cell holds one value.",
    "A recurrent net reads a sequence in time.",
]
ENGLISH = {"select", "coefficient", "impurity", "cell", "scale", "traffic", "recurrent", "net"}


def test_a_products_part_in_small_letters_is_held() -> None:
    vocabulary = NotesVocabulary(NOTES, ENGLISH)
    assert vocabulary.absent_side(["deepar", "object2vec endpoints"]) is None
    assert vocabulary.unwritten_sides(["deepar", "object2vec endpoints"]) == []


def test_a_features_name_and_a_part_both_sides_name_keep_the_check() -> None:
    vocabulary = NotesVocabulary(NOTES, ENGLISH)
    named = ["deepar", "Object2Vec Endpoints"]
    assert vocabulary.unwritten_sides(named) == ["Object2Vec Endpoints"]
    gini = ["gini coefficient", "gini impurity"]
    assert vocabulary.unwritten_sides(gini) == ["gini coefficient"]


def test_a_side_whose_words_the_answers_passage_holds_is_held() -> None:
    vocabulary = NotesVocabulary(NOTES, ENGLISH)
    sides = ["lstm cell", "recurrent cell"]
    assert vocabulary.unwritten_sides(sides) == ["recurrent cell"]
    passage = (
        "LSTM Cell: maintains separate short-term and long-term states. Part of a recurrent net."
    )
    assert vocabulary.unwritten_sides(sides, passage) == []
    # a passage with only some of its words leaves the side unwritten
    other = "A spreadsheet cell holds one value."
    assert vocabulary.unwritten_sides(sides, other) == ["recurrent cell"]
