"""Bank sync: versions for edited questions, retirement, quarantine, and a broken bank that
changes nothing already stored."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
import yaml
from sqlalchemy import func, select

from quiz.answering import submit_answer
from quiz.errors import BankError
from quiz.sync import load_corpus, set_quarantine, sync_bank
from store.db import Database
from store.models import Flashcard, Question, QuizAnswer
from tests.quiz.conftest import NOW
from tests.quiz.helpers import open_today, subscribe


def _resync(db: Database, corpus: Path, days: int = 1):  # type: ignore[no-untyped-def]
    questions, cards = load_corpus([corpus])
    with db.session() as session:
        return sync_bank(session, questions, cards, NOW + timedelta(days=days))


def _edit(corpus: Path, qid: str, **changes: object) -> None:
    for path in (corpus / "questions").glob("*.yaml"):
        data = yaml.safe_load(path.read_text())
        for item in data:
            if item["id"] == qid:
                item.update(changes)
                path.write_text(yaml.safe_dump(data, sort_keys=False))
                return
    raise AssertionError(qid)


def test_resync_without_changes_changes_nothing(synced: Database, corpus: Path) -> None:
    report = _resync(synced, corpus)
    assert (report.added, report.new_versions, report.unchanged) == ([], [], 8)
    assert report.cards_added == report.cards_updated == 0


def test_an_edit_makes_a_new_version_and_old_answers_keep_theirs(
    synced: Database, corpus: Path
) -> None:
    subscribe(synced)
    post = open_today(synced, "C1", NOW)
    qid, old_stem = post.question.bank_id, post.question.stem
    with synced.session() as session:
        submit_answer(session, post.id, "U1", NOW, text=post.question.answer)
    _edit(corpus, qid, stem="A rewritten scenario stem about the same service. Which option?")
    report = _resync(synced, corpus)
    assert report.new_versions == [qid]
    with synced.session() as session:
        versions = session.scalars(
            select(Question).where(Question.bank_id == qid).order_by(Question.version)
        ).all()
        assert [(v.version, v.is_current) for v in versions] == [(1, False), (2, True)]
        answer = session.scalar(select(QuizAnswer))
        assert answer is not None
        assert answer.post.question.version == 1 and answer.post.question.stem == old_stem


def test_a_broken_file_stops_the_sync_and_keeps_the_store(synced: Database, corpus: Path) -> None:
    _edit(corpus, "de-kinesis-001", stem="changed")
    _edit(corpus, "mo-rcf-001", answer="Z")
    with pytest.raises(BankError) as caught:
        _resync(synced, corpus)
    assert caught.value.question_id == "mo-rcf-001"
    assert caught.value.file.endswith("modeling.yaml")
    with synced.session() as session:
        assert session.scalar(select(func.count()).select_from(Question)) == 8
        assert session.scalar(select(func.max(Question.version))) == 1


def test_a_failure_during_the_write_rolls_everything_back(synced: Database, corpus: Path) -> None:
    _edit(corpus, "de-kinesis-001", stem="A new stem for the Firehose question. Which one?")
    questions, cards = load_corpus([corpus])
    with pytest.raises(RuntimeError), synced.session() as session:
        sync_bank(session, questions, cards, NOW)
        raise RuntimeError("disk full")
    with synced.session() as session:
        assert session.scalar(select(func.count()).select_from(Question)) == 8


def test_removed_questions_and_cards_are_retired_not_deleted(
    synced: Database, corpus: Path
) -> None:
    path = corpus / "questions" / "streaming.yaml"
    data = yaml.safe_load(path.read_text())
    path.write_text(yaml.safe_dump(data[1:], sort_keys=False))
    cards = corpus / "flashcards" / "cards.csv"
    cards.write_text("\n".join(cards.read_text().splitlines()[:-1]) + "\n")
    report = _resync(synced, corpus)
    assert report.retired == ["de-kinesis-001"] and report.cards_retired == 1
    with synced.session() as session:
        row = session.scalar(select(Question).where(Question.bank_id == "de-kinesis-001"))
        assert row is not None and not row.is_current
        assert session.scalar(select(func.count()).select_from(Flashcard)) == 3


def test_quarantine_carries_over_to_new_versions(synced: Database, corpus: Path) -> None:
    with synced.session() as session:
        assert set_quarantine(session, "mo-rcf-001", True) == 1
    _edit(corpus, "mo-rcf-001", explanation="Fixed explanation.")
    _resync(synced, corpus)
    with synced.session() as session:
        rows = session.scalars(select(Question).where(Question.bank_id == "mo-rcf-001")).all()
        assert len(rows) == 2 and all(r.quarantined for r in rows)
