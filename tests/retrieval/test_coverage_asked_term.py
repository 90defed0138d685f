"""The term a question asks about is one the notes lack though a check read it as theirs: a name
of letters joined by a number ("graph2vec" beside the notes' word2vec) is coined; a word the
question writes in capitals ("DAX") names a thing though the model's word list holds it; and a
rare word that shares one passage with a notes term by chance ("temperature" in a passage on
scaling) names a kind the notes never write when the answer lacks it ("temperature scaling"),
while one the answer quotes ("census data" beside the notes' census records) is theirs."""

from __future__ import annotations

import pytest

from retrieval.answer import _everyday
from retrieval.coverage import NotesVocabulary
from retrieval.modified import modified_term
from retrieval.understand import understand

NOTES = """# Embeddings

Word2Vec learns word embeddings; Object2Vec embeds pairs of objects. Each embedding is one
dense vector, and a whole graph can turn into one too.

## Scaling

Scaling puts features on one range. Min-max scaling maps to 0-1; standard scaling centres each
feature. A softmax with a high temperature flattens the probabilities after scaling the logits.

## Reduction

Census records often hold redundant columns, which makes them hard to interpret.

## Data

Clean data first. Data drift is checked on captured data. Data quality matters.

## Caching

ElastiCache caches lookups in front of a database.
"""
# Enough other words that a word written once or twice in the notes is rare (`rare`).
PADDING = " ".join(["filler"] * 8_000)
ENGLISH = {"temperature", "census", "dax", "graph", "turn", "whole", "front", "cache"}


@pytest.fixture(scope="module")
def vocabulary() -> NotesVocabulary:
    return NotesVocabulary([*NOTES.split("\n\n"), PADDING], ENGLISH)


def test_a_name_joined_by_a_number_is_coined(vocabulary: NotesVocabulary) -> None:
    question = "How does Graph2Vec turn a whole graph into one embedding vector?"
    assert vocabulary.unknown_subject(question) == "graph2vec"
    assert vocabulary.unknown_subject("How does Word2Vec turn words into vectors?") is None


def test_a_word_written_in_capitals_is_no_everyday_word(vocabulary: NotesVocabulary) -> None:
    assert vocabulary.everyday("dax")
    assert not _everyday(vocabulary, understand("How does DAX cache our lookups?"), "dax")
    assert _everyday(vocabulary, understand("how does dax cache our lookups?"), "dax")


def test_a_rare_word_sharing_a_passage_by_chance_names_an_unwritten_kind(
    vocabulary: NotesVocabulary,
) -> None:
    ask = understand("How does temperature scaling calibrate the probabilities?")
    assert modified_term(vocabulary, ask) is None  # no answer read: the shared passage stands
    assert modified_term(vocabulary, ask, ["Scaling puts features on one range."]) == (
        "temperature scaling"
    )
    quoted = ["A softmax with a high temperature flattens the probabilities after scaling."]
    assert modified_term(vocabulary, ask, quoted) is None


def test_a_rare_word_the_answer_quotes_with_the_term_is_no_kind(
    vocabulary: NotesVocabulary,
) -> None:
    ask = understand("How does census data get simpler to interpret?")
    quoted = ["Census records often hold redundant columns, which makes them hard to interpret."]
    assert modified_term(vocabulary, ask, quoted) is None
