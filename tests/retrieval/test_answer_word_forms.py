"""A question's word that is another form of a known word is that word, not a missing subject:
the notes' noun as the student's verb or clipped plural ("embeds" of "embedding", "params" of
"parameters"), or a plural or verb form of an everyday word ("plugs"), which the model's word
list seldom holds whole. Either was read as a made-up name and a matched answer was declined."""

from __future__ import annotations

import pytest

from retrieval.coverage import NotesVocabulary
from retrieval.embed import Embedder
from retrieval.service import NotesIndex
from tests.retrieval.conftest import tutor_over

NOTES = """# Object2Vec

## How it learns

Object2Vec learns an embedding for each object of a pair so that the embeddings of related pairs
sit close together. Each pair's relationship label is kept, and the encoder learns from it.

## Hyperparameters

The main Object2Vec parameters are enc_dim, the size of each embedding, and num_layers.
"""


@pytest.fixture(scope="module")
def tutor(tmp_path_factory: pytest.TempPathFactory, embedder: Embedder) -> NotesIndex:
    return tutor_over(tmp_path_factory, embedder, "word-forms", {"object2vec.md": NOTES})


def test_a_verb_made_of_a_notes_noun_does_not_decline(tutor: NotesIndex) -> None:
    answer = tutor.ask("what does object2vec keep about the pairs when it embeds them")
    assert answer.covered, answer.missing
    assert "relationship label is kept" in answer.text


def test_a_made_up_word_is_still_missing(tutor: NotesIndex) -> None:
    answer = tutor.ask("what does object2vec keep about the pairs when it zorbles them")
    assert not answer.covered


def test_forms_of_notes_words_and_of_everyday_words() -> None:
    vocabulary = NotesVocabulary(
        ["The embeddings and parameters of each job."], {"plug", "ek", "embedding"}
    )
    assert vocabulary.knows("embeds")  # "embed" starts "embeddings"
    assert vocabulary.knows("params")  # "param" starts "parameters"
    assert not vocabulary.knows("analyzer")  # "-er" makes another word, a name
    assert vocabulary.everyday("plugs")
    assert not vocabulary.everyday("eks")  # "ek" is too short a word to be its form
