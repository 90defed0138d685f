"""Problem reports on quiz questions: one per member and question; three quarantine it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from quiz.clock import require_aware
from quiz.errors import QuizError
from quiz.posts import ensure_member
from quiz.sync import set_quarantine
from store.models import Question, QuestionReport
from store.unique import insert_unique

QUARANTINE_AFTER = 3
REASON_MAX_CHARS = 1000


class UnknownQuestion(QuizError):
    def __init__(self, question_id: int) -> None:
        self.question_id = question_id
        super().__init__(f"There is no question with id {question_id}.")


@dataclass(frozen=True)
class ReportOutcome:
    """What a report did: whether it counted, the question's report count, a new quarantine."""

    bank_id: str
    stem: str
    reports: int
    counted: bool
    quarantined_now: bool
    reasons: tuple[str, ...] = ()


def report_question(
    session: Session, question_id: int, member_id: str, now: datetime, *, reason: str = ""
) -> ReportOutcome:
    """Store the member's report once; the report that reaches three quarantines the question."""
    now = require_aware(now)
    question = session.get(Question, question_id)
    if question is None:
        raise UnknownQuestion(question_id)
    ensure_member(session, member_id, now)
    counted = _add_report(session, question_id, member_id, reason.strip()[:REASON_MAX_CHARS], now)
    reports = _count(session, question_id)
    quarantined_now = counted and reports >= QUARANTINE_AFTER and not question.quarantined
    if quarantined_now:
        set_quarantine(session, question.bank_id, True)
    return ReportOutcome(
        question.bank_id,
        question.stem,
        reports,
        counted,
        quarantined_now,
        _reasons(session, question_id) if quarantined_now else (),
    )


def _add_report(
    session: Session, question_id: int, member_id: str, reason: str, now: datetime
) -> bool:
    report = QuestionReport(
        question_id=question_id, member_id=member_id, reason=reason, created_at=now
    )
    return insert_unique(session, report)  # False: this member already reported the question


def _count(session: Session, question_id: int) -> int:
    query = select(func.count()).where(QuestionReport.question_id == question_id)
    return int(session.scalar(query) or 0)


def _reasons(session: Session, question_id: int) -> tuple[str, ...]:
    query = (
        select(QuestionReport.reason)
        .where(QuestionReport.question_id == question_id, QuestionReport.reason != "")
        .order_by(QuestionReport.id)
    )
    return tuple(session.scalars(query))
