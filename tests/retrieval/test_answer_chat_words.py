"""A chat word (one of the commonest English words, which the notes never write: "wondering",
"grab") is not what a terse ask is about: the terse allowance looks for the ask's rarest word
without it, so a chatty ask whose subject is quoted is answered. A word the notes lack that is
rarer in English, or capitalised, still names what the ask is about."""

from __future__ import annotations

import pytest

import retrieval.answer as answering
from retrieval.coverage import COMMON_WORDS, NotesVocabulary
from retrieval.embed import Embedder
from retrieval.service import NotesIndex
from tests.retrieval.conftest import tutor_over
from tests.retrieval.test_answer_gate_terse import HABITS
from tests.retrieval.test_answer_terse import NOTES


@pytest.fixture(scope="module")
def tutor(tmp_path_factory: pytest.TempPathFactory, embedder: Embedder) -> NotesIndex:
    return tutor_over(tmp_path_factory, embedder, "chat-words", {"notes.md": NOTES + HABITS})


def test_a_chatty_terse_ask_whose_subject_is_quoted_is_answered(
    tutor: NotesIndex, monkeypatch: pytest.MonkeyPatch
) -> None:
    question = "wondering - arima how many series max"
    answer = tutor.ask(question)
    assert answer.covered, answer.missing
    assert "fewer than 100 time series" in answer.text
    assert answering.calibrated(answer.features[:3]) < 0.5  # short of the gate alone
    monkeypatch.setattr(answering, "_chat_terms", lambda _ask, _searcher: set())
    assert not tutor.ask(question).covered  # "wondering", never in the notes, was the rarest


def test_an_absent_subject_is_still_declined(tutor: NotesIndex) -> None:
    assert not tutor.ask("wondering - arima vs tbats how many series max").covered


def test_chat_words_are_common_english_the_notes_never_write() -> None:
    ranks = {"the": 0, "grab": 10, "wonder": 20, "series": 30, "dunn": COMMON_WORDS + 1}
    vocabulary = NotesVocabulary(["ARIMA suits fewer than 100 time series"], ranks)
    assert vocabulary.chat("grab")
    assert vocabulary.chat("wondering")  # a form of a common word
    assert not vocabulary.chat("series")  # the notes write it
    assert not vocabulary.chat("dunn")  # rarer in English: a name, not chat
    assert not vocabulary.chat("tbats")  # no English word at all
    assert not NotesVocabulary(["time series"], {"grab"}).chat("grab")  # no ranks, no chat
    assert not NotesVocabulary(["time series"], {"b": 0}).chat("bed")  # no form of a letter
