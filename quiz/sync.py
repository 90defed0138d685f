"""Mirrors the bank files into the store: new questions, new versions of edited ones, retirements.

Files are loaded and validated before anything is written, and the caller's transaction wraps
the writes, so a broken bank changes nothing that is already stored.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from quiz.bank import (
    BankFlashcard,
    BankQuestion,
    flashcard_files,
    load_bank,
    load_flashcards,
    question_files,
)
from quiz.clock import require_aware
from store.models import Flashcard as FlashcardRow
from store.models import Question


@dataclass
class SyncReport:
    added: list[str] = field(default_factory=list)
    new_versions: list[str] = field(default_factory=list)
    unchanged: int = 0
    retired: list[str] = field(default_factory=list)
    cards_added: int = 0
    cards_updated: int = 0
    cards_retired: int = 0


def load_corpus(roots: Iterable[Path]) -> tuple[list[BankQuestion], list[BankFlashcard]]:
    """Every question and flashcard under the corpus roots; raises `BankError` on a bad file."""
    roots = list(roots)
    questions = load_bank(question_files(roots))
    cards = [card for path in flashcard_files(roots) for card in load_flashcards(path)]
    return questions, cards


def sync_bank(
    session: Session,
    questions: Sequence[BankQuestion],
    cards: Sequence[BankFlashcard],
    now: datetime,
) -> SyncReport:
    now = require_aware(now)
    report = SyncReport()
    _sync_questions(session, questions, now, report)
    _sync_flashcards(session, cards, now, report)
    session.flush()
    return report


def _sync_questions(
    session: Session, questions: Sequence[BankQuestion], now: datetime, report: SyncReport
) -> None:
    latest: dict[str, Question] = {}
    for row in session.scalars(select(Question).order_by(Question.bank_id, Question.version)):
        latest[row.bank_id] = row
    for question in questions:
        row = latest.get(question.id)
        if row is None:
            session.add(_question_row(question, 1, False, now))
            report.added.append(question.id)
        elif row.content_hash == question.content_hash:
            row.is_current = True
            report.unchanged += 1
        else:
            row.is_current = False
            session.add(_question_row(question, row.version + 1, row.quarantined, now))
            report.new_versions.append(question.id)
    in_bank = {q.id for q in questions}
    for bank_id, row in latest.items():
        if bank_id not in in_bank and row.is_current:
            row.is_current = False
            report.retired.append(bank_id)


def _question_row(
    question: BankQuestion, version: int, quarantined: bool, now: datetime
) -> Question:
    content = question.content()
    return Question(
        bank_id=question.id,
        version=version,
        content_hash=question.content_hash,
        domain=question.domain,
        topic=question.topic,
        difficulty=question.difficulty,
        stem=question.stem,
        options=dict(question.options),
        answer=question.answer,
        explanation=question.explanation,
        key_points=content["key_points"],
        source_file=question.source.file,
        source_heading=question.source.heading,
        is_current=True,
        quarantined=quarantined,
        created_at=now,
    )


def _sync_flashcards(
    session: Session, cards: Sequence[BankFlashcard], now: datetime, report: SyncReport
) -> None:
    rows = {row.card_key: row for row in session.scalars(select(FlashcardRow))}
    seen: set[str] = set()
    for card in cards:
        if card.key in seen:
            continue
        seen.add(card.key)
        tags = " ".join(card.tags)
        row = rows.get(card.key)
        if row is None:
            session.add(
                FlashcardRow(
                    card_key=card.key,
                    front=card.front,
                    back=card.back,
                    tags=tags,
                    domain=card.tag("domain"),
                    topic=card.tag("topic"),
                    is_current=True,
                    updated_at=now,
                )
            )
            report.cards_added += 1
        elif (row.back, row.tags, row.is_current) != (card.back, tags, True):
            row.back, row.tags, row.is_current, row.updated_at = card.back, tags, True, now
            row.domain, row.topic = card.tag("domain"), card.tag("topic")
            report.cards_updated += 1
    for key, row in rows.items():
        if key not in seen and row.is_current:
            row.is_current = False
            report.cards_retired += 1


def set_quarantine(session: Session, bank_id: str, quarantined: bool) -> int:
    """Quarantine (or release) every version of a question; returns how many rows changed."""
    rows = list(session.scalars(select(Question).where(Question.bank_id == bank_id)))
    for row in rows:
        row.quarantined = quarantined
    return len(rows)
