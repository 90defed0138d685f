"""A plural a student makes with a bare "s" of a short word the notes write ("dbs" of "db",
"built-ins" of "built-in") or of a chat clip of a longer one ("pics" of "pictures") is a word of
the notes, not a missing subject. A longer word ending in "s" ("chronos") is no clip."""

from __future__ import annotations

import pytest

from retrieval.coverage import NotesVocabulary
from retrieval.embed import Embedder
from retrieval.service import NotesIndex
from tests.retrieval.conftest import tutor_over

NOTES = [
    "A NoSQL db such as DynamoDB stores items by key.",
    "Rekognition finds faces in pictures and videos.",
    "Factorization machines are a built-in algorithm; a chronological split keeps time order.",
]


def test_a_plural_of_a_notes_word_or_its_clip_is_known() -> None:
    vocabulary = NotesVocabulary(NOTES, {})
    assert vocabulary.knows("dbs")
    assert vocabulary.knows("pics")
    assert vocabulary.clipped_plural("built-ins", {"built-in"})


def test_a_longer_word_ending_in_s_is_no_clip() -> None:
    vocabulary = NotesVocabulary(NOTES, {})
    assert not vocabulary.clipped_plural("chronos")
    assert not vocabulary.clipped_plural("pics", {"pictures"})  # passages: as written only


NOTES_MD = """# Migration

## AWS DMS

AWS DMS migrates relational databases, data warehouses and NoSQL databases to AWS.
A source db can stay live while it migrates.
"""


@pytest.fixture(scope="module")
def tutor(tmp_path_factory: pytest.TempPathFactory, embedder: Embedder) -> NotesIndex:
    return tutor_over(tmp_path_factory, embedder, "clipped-plural", {"notes.md": NOTES_MD})


def test_a_clipped_plural_ask_is_answered(
    tutor: NotesIndex, monkeypatch: pytest.MonkeyPatch
) -> None:
    question = "can dms move nosql dbs too"
    answer = tutor.ask(question)
    assert answer.covered, answer.missing
    assert "NoSQL databases" in answer.text
    monkeypatch.setattr(NotesVocabulary, "clipped_plural", lambda _self, _word, _in=None: False)
    assert tutor.ask(question).missing == "dbs"
