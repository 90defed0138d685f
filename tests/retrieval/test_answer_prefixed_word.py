"""A word made of an English prefix and an everyday word ("reshuffle", "unpack") is chat, as the
everyday word would be: the model's word list seldom holds the prefixed form, so such a word was
read as a made-up subject and a clearly matched answer was declined by name."""

from __future__ import annotations

import pytest

from retrieval.coverage import NotesVocabulary
from retrieval.embed import Embedder
from retrieval.service import NotesIndex
from tests.retrieval.conftest import tutor_over

NOTES = """# SageMaker training

## Pipe mode

In SageMaker you can set a ShuffleConfig seed on an S3 training channel so the file order is
shuffled each epoch, which is useful in Pipe mode. Pipe mode streams the training data from S3
to the algorithm instead of downloading it first.

## File mode

File mode downloads the whole training data set from S3 to the instance before training starts.
"""


@pytest.fixture(scope="module")
def tutor(tmp_path_factory: pytest.TempPathFactory, embedder: Embedder) -> NotesIndex:
    return tutor_over(tmp_path_factory, embedder, "prefixed", {"training.md": NOTES})


def test_a_prefixed_everyday_word_does_not_decline_a_matched_answer(tutor: NotesIndex) -> None:
    answer = tutor.ask("pipe mode: how do i get sagemaker to reshuffle my s3 files every epoch?")
    assert answer.covered, answer.missing
    assert "ShuffleConfig" in answer.text


def test_a_made_up_word_is_still_the_missing_subject(tutor: NotesIndex) -> None:
    answer = tutor.ask("pipe mode: how do i get sagemaker to blorpify my s3 files every epoch?")
    assert not answer.covered


def test_everyday_words_are_whole_words_or_a_prefix_and_one() -> None:
    vocabulary = NotesVocabulary(["pipe mode"], {"shuffle", "pack", "time", "do"})
    assert vocabulary.everyday("reshuffle")
    assert vocabulary.everyday("unpack")
    assert vocabulary.everyday("downtime")
    assert not vocabulary.everyday("redo")  # too short a rest to be a word's making
    assert not vocabulary.everyday("blorpify")
