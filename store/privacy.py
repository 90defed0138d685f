"""Everything stored about one member: export it as plain data, or forget it."""

from __future__ import annotations

from typing import Any

from sqlalchemy import delete, inspect, or_, select
from sqlalchemy.orm import DeclarativeBase, Session

from store.models import (
    AskLog,
    Member,
    OutboxMessage,
    PracticeCard,
    PracticeNudge,
    Question,
    QuestionReport,
    QuizAnswer,
    QuizPost,
    ReviewLog,
    ScoreTotal,
    SlackConversation,
)

EPHEMERAL_METHOD = "chat.postEphemeral"  # a note only its `user` sees


def _plain(row: DeclarativeBase) -> dict[str, Any]:
    mapper = inspect(type(row))
    values = {column.key: getattr(row, column.key) for column in mapper.column_attrs}
    return {k: v.isoformat() if hasattr(v, "isoformat") else v for k, v in values.items()}


def export_member(session: Session, member_id: str) -> dict[str, Any] | None:
    """A JSON-ready dict of the member's rows, or None when nothing is stored."""
    member = session.get(Member, member_id)
    if member is None:
        return None
    cards = list(
        session.scalars(
            select(PracticeCard)
            .where(PracticeCard.member_id == member_id)
            .order_by(PracticeCard.id)
        )
    )
    reviews = session.scalars(
        select(ReviewLog)
        .where(ReviewLog.practice_card_id.in_([c.id for c in cards]))
        .order_by(ReviewLog.id)
    )
    owned = select(ScoreTotal).where(ScoreTotal.member_id == member_id)
    asks = select(AskLog).where(AskLog.member_id == member_id)
    return {
        "member": _plain(member),
        "answers": _exported_answers(session, member_id),
        "score_totals": [_plain(t) for t in session.scalars(owned)],
        "practice_cards": [_plain(c) for c in cards],
        "review_logs": [_plain(r) for r in reviews],
        "ask_logs": [_plain(a) for a in session.scalars(asks.order_by(AskLog.id))],
        "question_reports": _exported_reports(session, member_id),
        "practice_nudges": [
            _plain(n)
            for n in session.scalars(
                select(PracticeNudge).where(PracticeNudge.member_id == member_id)
            )
        ],
    }


def messages_to(session: Session, member_id: str) -> list[int]:
    """Outbox rows holding what was said to the member, sent or still waiting: their DMs
    (practice cards, nudges, report thanks), answers that name them to be told if undelivered
    (`notify_user`), and notes shown only to them (ephemeral, e.g. graded replies: the member
    is the payload's `user`)."""
    rows = session.execute(
        select(OutboxMessage.id, OutboxMessage.method, OutboxMessage.payload).where(
            or_(
                OutboxMessage.channel == member_id,
                OutboxMessage.notify_user == member_id,
                OutboxMessage.method == EPHEMERAL_METHOD,
            )
        )
    )
    return [
        row_id
        for row_id, method, payload in rows
        if method != EPHEMERAL_METHOD or payload.get("user") == member_id
    ]


def _exported_answers(session: Session, member_id: str) -> list[dict[str, Any]]:
    """The member's answers, each with its channel, date and question (id and version)."""
    answers = session.execute(
        select(
            QuizAnswer, QuizPost.channel_id, QuizPost.quiz_date, Question.bank_id, Question.version
        )
        .join(QuizPost, QuizAnswer.post_id == QuizPost.id)
        .join(Question, QuizPost.question_id == Question.id)
        .where(QuizAnswer.member_id == member_id)
        .order_by(QuizAnswer.answered_at, QuizAnswer.id)
    )
    return [
        _plain(a)
        | {"channel_id": ch, "quiz_date": d.isoformat(), "question": b, "question_version": v}
        for a, ch, d, b, v in answers
    ]


def _exported_reports(session: Session, member_id: str) -> list[dict[str, Any]]:
    return [
        _plain(r) | {"question": bank_id}
        for r, bank_id in session.execute(
            select(QuestionReport, Question.bank_id)
            .join(Question, QuestionReport.question_id == Question.id)
            .where(QuestionReport.member_id == member_id)
            .order_by(QuestionReport.id)
        )
    ]


def forget_member(session: Session, member_id: str) -> dict[str, int] | None:
    """Delete every row about the member; returns counts per table, or None if unknown."""
    if session.get(Member, member_id) is None:
        return None
    card_ids = select(PracticeCard.id).where(PracticeCard.member_id == member_id)
    messages = messages_to(session, member_id)
    counts: dict[str, int] = {}
    for name, statement in (
        ("review_logs", delete(ReviewLog).where(ReviewLog.practice_card_id.in_(card_ids))),
        ("practice_cards", delete(PracticeCard).where(PracticeCard.member_id == member_id)),
        ("answers", delete(QuizAnswer).where(QuizAnswer.member_id == member_id)),
        ("score_totals", delete(ScoreTotal).where(ScoreTotal.member_id == member_id)),
        ("ask_logs", delete(AskLog).where(AskLog.member_id == member_id)),
        ("question_reports", delete(QuestionReport).where(QuestionReport.member_id == member_id)),
        ("practice_nudges", delete(PracticeNudge).where(PracticeNudge.member_id == member_id)),
        # the workspace their direct messages go through (OAuth installs)
        ("slack_conversations", delete(SlackConversation).where(SlackConversation.id == member_id)),
        ("outbox", delete(OutboxMessage).where(OutboxMessage.id.in_(messages))),
        ("members", delete(Member).where(Member.id == member_id)),
    ):
        counts[name] = session.execute(statement).rowcount  # type: ignore[attr-defined]
    session.expunge_all()
    return counts
