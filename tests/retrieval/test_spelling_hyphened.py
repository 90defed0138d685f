"""A word typed closed that the notes write hyphenated ("realtime" for "real-time", "builtin" for
"built-in") is read in the notes' form before search: search reads the hyphenated word as its
parts and the closed one as a word of its own, so as typed it matched no passage saying it."""

from __future__ import annotations

from retrieval.coverage import NotesVocabulary
from retrieval.spelling import respelled, targets_for

TEXTS = [
    "EMR: Real-time streaming and batch jobs.",
    "Built-in algorithms: linear regression, k-means.",
    "A start-up may also write startup.",
]
ENGLISH = {"can", "handle", "or", "only", "batch", "jobs", "which", "are", "a", "is", "streaming"}


def plain(question: str) -> str:
    vocabulary = NotesVocabulary(TEXTS, ENGLISH)
    return respelled(question, vocabulary, targets_for(vocabulary, TEXTS))


def test_a_closed_word_is_read_as_the_notes_hyphenated_word() -> None:
    assert plain("can emr handle realtime streaming") == "can emr handle real-time streaming"
    assert plain("which are builtin") == "which are built-in"


def test_a_capital_is_kept() -> None:
    assert plain("Realtime or batch") == "Real-time or batch"


def test_a_closed_word_the_notes_also_write_closed_is_left_alone() -> None:
    assert plain("a startup") == "a startup"


def test_an_english_word_is_left_alone() -> None:
    vocabulary = NotesVocabulary(["Plain-text files."], {"plaintext", "is", "it"})
    texts = ["Plain-text files."]
    assert respelled("is it plaintext", vocabulary, targets_for(vocabulary, texts)) == (
        "is it plaintext"
    )
