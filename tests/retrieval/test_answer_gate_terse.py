"""The gate lets through a terse ask whose cosines fall a little short when the answer holds
its rarest word: "arima how many series max" matches the ARIMA line poorly because its other
words are the notes' common words, yet its subject is quoted. A question whose rarest word the
notes never hold is still declined."""

from __future__ import annotations

from pathlib import Path

import pytest

import retrieval.answer as answering
from retrieval.build import BuildOptions, build_index
from retrieval.embed import Embedder
from retrieval.service import NotesIndex
from tests.retrieval.conftest import MODEL
from tests.retrieval.test_answer_terse import NOTES

HABITS = """
## Study habits

Write each answer in one line. Say what a thing is good for. Give the max it can take. A good
answer fits in one line. Know the max of each service. Many notes are good. Many services have a
max.
"""


@pytest.fixture(scope="module")
def tutor(tmp_path_factory: pytest.TempPathFactory, embedder: Embedder) -> NotesIndex:
    root = tmp_path_factory.mktemp("gate-terse")
    (root / "notes.md").write_text(NOTES + HABITS, encoding="utf-8")
    index_dir = tmp_path_factory.mktemp("gate-terse-data") / "index"
    build_index(BuildOptions([root], index_dir, MODEL), embedder_factory=lambda _n: embedder)
    return NotesIndex(Path(index_dir), MODEL, embedder=embedder)


def test_a_terse_ask_whose_rarest_word_is_quoted_is_answered(
    tutor: NotesIndex, monkeypatch: pytest.MonkeyPatch
) -> None:
    question = "arima how many series max"
    answer = tutor.ask(question)
    assert answer.covered
    assert "fewer than 100 time series" in answer.text
    assert 0.4 <= answering.calibrated(answer.features[:3]) < 0.5  # short of the gate alone
    monkeypatch.setattr(answering, "TERSE_SHARE", 0.0)
    assert not tutor.ask(question).covered  # the gate alone declines it


def test_a_threshold_of_one_answers_nothing_however_terse(
    tutor: NotesIndex, embedder: Embedder
) -> None:
    strict = NotesIndex(tutor.index_dir, MODEL, embedder=embedder, min_confidence=1.0)
    assert not strict.ask("arima how many series max").covered
    assert not strict.ask("what is pca").covered


def test_a_question_whose_rarest_word_the_notes_never_hold_is_declined(
    tutor: NotesIndex,
) -> None:
    answer = tutor.ask("arima vs tbats how many series max")
    assert not answer.covered
