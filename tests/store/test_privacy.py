"""Member export and forget: everything about the member, and only that member."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta

from sqlalchemy import func, select

from store import outbox
from store.db import Database
from store.models import (
    AskLog,
    Base,
    Channel,
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
from store.privacy import export_member, forget_member

NOW = datetime(2025, 1, 6, 9, tzinfo=UTC)


def _seed(db: Database) -> None:
    with db.session() as session:
        question = Question(
            bank_id="de-x-001", version=1, content_hash="h", domain="data-engineering",
            topic="x", difficulty=1, stem="s", options={"A": "a"}, answer="A",
            explanation="e", key_points=[], source_file="f.md", source_heading="H",
            created_at=NOW,
        )  # fmt: skip
        post = QuizPost(
            channel=Channel(id="C1", name="c1"), quiz_date=date(2025, 1, 6), question=question,
            posted_at=NOW, closes_at=NOW + timedelta(hours=4),
        )  # fmt: skip
        for member_id in ("U1", "U2"):
            session.add(Member(id=member_id, name=member_id.lower(), created_at=NOW))
            session.add(SlackConversation(id=member_id, team_id="T1", seen_at=NOW))
            session.flush()
            session.add(
                QuizAnswer(
                    post=post,
                    member_id=member_id,
                    choice="A",
                    score=1.0,
                    correct=True,
                    points=10,
                    streak=1,
                    feedback="ok",
                    answered_at=NOW,
                )
            )
            session.add(
                ScoreTotal(
                    channel_id="C1",
                    month=date(2025, 1, 1),
                    member_id=member_id,
                    points=10,
                    answers=1,
                    correct=1,
                )
            )
            card = PracticeCard(
                member_id=member_id, item_kind="card", item_key="k", state={"card_id": 1},
                due=NOW, created_at=NOW,
            )  # fmt: skip
            session.add(card)
            session.flush()
            session.add(ReviewLog(practice_card_id=card.id, rating=3, reviewed_at=NOW))
            session.add(
                AskLog(
                    member_id=member_id,
                    question="what is rcf",
                    sources=["a.md › RCF"],
                    confidence=0.8,
                    asked_at=NOW,
                )
            )
            session.flush()
            session.add(
                QuestionReport(
                    question_id=question.id, member_id=member_id, reason="typo", created_at=NOW
                )
            )
            session.add(PracticeNudge(member_id=member_id, enabled=True, updated_at=NOW))


def test_export_holds_every_row_about_the_member(db: Database) -> None:
    _seed(db)
    with db.session() as session:
        data = export_member(session, "U1")
        assert export_member(session, "U-NOBODY") is None
    assert data is not None
    json.dumps(data)  # JSON-ready
    assert data["member"]["id"] == "U1"
    assert [a["question"] for a in data["answers"]] == ["de-x-001"]
    assert data["answers"][0]["member_id"] == "U1"
    assert len(data["practice_cards"]) == len(data["review_logs"]) == len(data["ask_logs"]) == 1
    assert data["score_totals"][0]["points"] == 10
    assert data["question_reports"][0]["question"] == "de-x-001"
    assert data["practice_nudges"][0]["enabled"] is True
    assert "U2" not in json.dumps(data)


def test_every_table_with_a_member_column_is_exported_and_forgotten() -> None:
    """A new table about members must be added to export and forget (this test says so)."""
    about_members = {
        table.name
        for table in Base.metadata.sorted_tables
        if "member_id" in table.columns and table.name != "members"
    }
    exported = {"answers", "score_totals", "practice_cards", "ask_logs", "question_reports",
                "practice_nudges"}  # fmt: skip
    assert about_members == exported


def test_forget_deletes_the_member_and_keeps_the_others(db: Database) -> None:
    _seed(db)
    with db.session() as session:
        counts = forget_member(session, "U1")
        assert forget_member(session, "U-NOBODY") is None
    assert counts == {
        "review_logs": 1,
        "practice_cards": 1,
        "answers": 1,
        "score_totals": 1,
        "ask_logs": 1,
        "question_reports": 1,
        "practice_nudges": 1,
        "slack_conversations": 1,
        "outbox": 0,
        "members": 1,
    }
    with db.session() as session:
        assert export_member(session, "U1") is None
        for model in (
            QuizAnswer,
            PracticeCard,
            AskLog,
            ScoreTotal,
            QuestionReport,
            PracticeNudge,
            SlackConversation,
            Member,
        ):
            assert session.scalar(select(func.count()).select_from(model)) == 1, model
        assert session.scalar(select(func.count()).select_from(ReviewLog)) == 1
        assert session.scalar(select(func.count()).select_from(QuizPost)) == 1


def test_forget_deletes_what_was_said_to_the_member_in_the_outbox(db: Database) -> None:
    """Their practice-card DMs, graded-reply notes and answers are text about them: gone with
    them, sent or not; the other member's messages and the channel's post stay."""
    _seed(db)
    with db.session() as session:
        for member in ("U1", "U2"):
            dm = outbox.enqueue(
                session,
                f"practice:{member}",
                channel=member,
                payload={"text": f"card for {member}"},
                now=NOW,
                notify_user=member,
            )
            outbox.enqueue(
                session,
                f"graded:{member}",
                channel="C1",
                method="chat.postEphemeral",
                now=NOW,
                payload={"user": member, "text": "Not quite: the key is B"},
            )
            outbox.enqueue(
                session,
                f"answer:C1:{member}",
                channel="C1",
                now=NOW,
                payload={"text": "RCF finds anomalies"},
                notify_user=member,
            )
            if member == "U1":  # one of theirs was sent already
                outbox.mark_sent(session, dm.id, ts="1.1", channel="D1", landing=None)
        kept_id = outbox.enqueue(session, "post:1", channel="C1", payload={}, now=NOW).id
    with db.session() as session:
        counts = forget_member(session, "U1")
    assert counts is not None and counts["outbox"] == 3
    with db.session() as session:
        left = {row.key for row in session.scalars(select(OutboxMessage))}
        assert left == {"practice:U2", "graded:U2", "answer:C1:U2", "post:1"}
        assert session.get(OutboxMessage, kept_id) is not None
