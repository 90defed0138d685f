"""Names typed in a form the notes never write are read as the notes write them before search and
the gate: a name run together that the notes write as two words ("guardduty", "GuardDuty" for
"Guard Duty"), and a slip in a name with a number inside ("objec2vec" for "object2vec"). An
English prefix before a word is one word, not two run together ("pretraining")."""

from __future__ import annotations

from retrieval.coverage import NotesVocabulary
from retrieval.spelling import respelled, targets_for

TEXTS = [
    "Guard Duty detects anomalies in account activity.",
    "Object2Vec learns embeddings of pairs; compute nearest neighbors of objects.",
    "Pre training on a large corpus comes first.",
]
ENGLISH = {"in", "the", "what", "does", "detect", "nearest", "possible", "helps", "is", "for"}


def plain(question: str) -> str:
    vocabulary = NotesVocabulary(TEXTS, ENGLISH)
    return respelled(question, vocabulary, targets_for(vocabulary, TEXTS))


def test_a_name_run_together_is_read_as_the_notes_two_words() -> None:
    assert plain("guardduty what does it detect") == "guard duty what does it detect"
    assert plain("what does GuardDuty detect") == "what does Guard Duty detect"


def test_a_slip_in_a_name_with_a_number_inside_is_read_as_the_notes_name() -> None:
    assert plain("objec2vec nearest neighbors possible") == "object2vec nearest neighbors possible"


def test_a_prefixed_word_is_not_split_into_the_notes_two_words() -> None:
    assert plain("pretraining helps") == "pretraining helps"
