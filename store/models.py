"""The studybot schema: typed SQLAlchemy 2.x models and the metadata naming convention.

Idempotency lives here as constraints: one post per channel and local date, one answer per
post and member, one row per processed Slack event id.
"""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Any, ClassVar

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    Time,
    UniqueConstraint,
    false,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from store.types import UTCDateTime

NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map: ClassVar[dict[Any, Any]] = {
        datetime: UTCDateTime(),
        dict[str, Any]: JSON(),
        list[Any]: JSON(),
    }


class Team(Base):
    """A named group of channels; a channel without a team is a team of its own."""

    __tablename__ = "teams"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)


class Channel(Base):
    """A channel subscribed to the daily quiz, with its local schedule."""

    __tablename__ = "channels"

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    name: Mapped[str] = mapped_column(String(200), default="")
    team_id: Mapped[int | None] = mapped_column(
        ForeignKey("teams.id", ondelete="SET NULL"), index=True
    )
    timezone: Mapped[str] = mapped_column(String(64), default="UTC")
    post_time: Mapped[time] = mapped_column(Time, default=time(9, 0))
    # A common.weekdays.Weekdays mask (store imports nothing of ours): Monday to Friday by default.
    weekdays: Mapped[int] = mapped_column(Integer, default=0b0011111)
    # Minutes from post to reveal; quiz.posts.DEFAULT_REVEAL_MINUTES (8 hours) is the default.
    reveal_delay_minutes: Mapped[int] = mapped_column(Integer, default=480)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    # Show each answer's result at once instead of at the reveal (added by migration 0002).
    show_results_early: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    # When the current schedule was set (migration 0004): slots before it were never due.
    schedule_from: Mapped[datetime | None]
    # Why and when Slack refused the channel's posts for good (migration 0008): the channel is
    # then inactive until subscribed again (the Slack error code, e.g. is_archived).
    paused_reason: Mapped[str | None] = mapped_column(String(64))
    paused_at: Mapped[datetime | None]

    team: Mapped[Team | None] = relationship()


class Member(Base):
    """A Slack user who answered, practised or asked something."""

    __tablename__ = "members"

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    name: Mapped[str] = mapped_column(String(200), default="")
    timezone: Mapped[str] = mapped_column(String(64), default="UTC")
    created_at: Mapped[datetime]


class Question(Base):
    """One version of a bank question; an edit adds a row with the next version."""

    __tablename__ = "questions"
    __table_args__ = (
        UniqueConstraint("bank_id", "version"),
        Index(None, "is_current", "quarantined"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    bank_id: Mapped[str] = mapped_column(String(100))
    version: Mapped[int]
    content_hash: Mapped[str] = mapped_column(String(64))
    domain: Mapped[str] = mapped_column(String(64))
    topic: Mapped[str] = mapped_column(String(64))
    difficulty: Mapped[int]
    stem: Mapped[str] = mapped_column(Text)
    options: Mapped[dict[str, Any]]
    answer: Mapped[str] = mapped_column(String(1))
    explanation: Mapped[str] = mapped_column(Text)
    key_points: Mapped[list[Any]]
    source_file: Mapped[str] = mapped_column(String(200))
    source_heading: Mapped[str] = mapped_column(String(300))
    is_current: Mapped[bool] = mapped_column(Boolean, default=True)
    quarantined: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime]


class Flashcard(Base):
    """A flashcard mirrored from the corpus, keyed by a hash of its front."""

    __tablename__ = "flashcards"

    id: Mapped[int] = mapped_column(primary_key=True)
    card_key: Mapped[str] = mapped_column(String(64), unique=True)
    front: Mapped[str] = mapped_column(Text)
    back: Mapped[str] = mapped_column(Text)
    tags: Mapped[str] = mapped_column(String(500), default="")
    domain: Mapped[str | None] = mapped_column(String(64))
    topic: Mapped[str | None] = mapped_column(String(64))
    is_current: Mapped[bool] = mapped_column(Boolean, default=True)
    updated_at: Mapped[datetime]


class QuizPost(Base):
    """The question posted to a channel on one local date."""

    __tablename__ = "quiz_posts"
    __table_args__ = (UniqueConstraint("channel_id", "quiz_date"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    channel_id: Mapped[str] = mapped_column(ForeignKey("channels.id", ondelete="CASCADE"))
    quiz_date: Mapped[date] = mapped_column(Date)
    question_id: Mapped[int] = mapped_column(ForeignKey("questions.id"), index=True)
    posted_at: Mapped[datetime]
    closes_at: Mapped[datetime]
    closed_at: Mapped[datetime | None]
    slack_ts: Mapped[str | None] = mapped_column(String(32))

    channel: Mapped[Channel] = relationship()
    question: Mapped[Question] = relationship(lazy="joined")


class QuizAnswer(Base):
    """A member's one scored answer to a post."""

    __tablename__ = "answers"
    __table_args__ = (
        UniqueConstraint("post_id", "member_id"),
        Index(None, "member_id", "post_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    post_id: Mapped[int] = mapped_column(ForeignKey("quiz_posts.id", ondelete="CASCADE"))
    member_id: Mapped[str] = mapped_column(ForeignKey("members.id", ondelete="CASCADE"))
    choice: Mapped[str | None] = mapped_column(String(1))
    text: Mapped[str | None] = mapped_column(Text)
    score: Mapped[float] = mapped_column(Float)
    correct: Mapped[bool] = mapped_column(Boolean)
    points: Mapped[int]
    streak: Mapped[int]
    feedback: Mapped[str] = mapped_column(Text, default="")
    answered_at: Mapped[datetime]

    post: Mapped[QuizPost] = relationship()


class ScoreTotal(Base):
    """Points per channel, member and calendar month of the quiz date, kept with each answer.

    Month and all-time leaderboards read this instead of scanning every answer.
    """

    __tablename__ = "score_totals"

    channel_id: Mapped[str] = mapped_column(
        ForeignKey("channels.id", ondelete="CASCADE"), primary_key=True
    )
    month: Mapped[date] = mapped_column(Date, primary_key=True)
    member_id: Mapped[str] = mapped_column(
        ForeignKey("members.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    points: Mapped[int] = mapped_column(Integer, default=0)
    answers: Mapped[int] = mapped_column(Integer, default=0)
    correct: Mapped[int] = mapped_column(Integer, default=0)


class PracticeCard(Base):
    """A member's spaced-repetition state for one flashcard or bank question."""

    __tablename__ = "practice_cards"
    __table_args__ = (
        UniqueConstraint("member_id", "item_kind", "item_key"),
        Index(None, "member_id", "due"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    member_id: Mapped[str] = mapped_column(ForeignKey("members.id", ondelete="CASCADE"))
    item_kind: Mapped[str] = mapped_column(String(16))
    item_key: Mapped[str] = mapped_column(String(100))
    state: Mapped[dict[str, Any]]
    due: Mapped[datetime]
    created_at: Mapped[datetime]


class ReviewLog(Base):
    """One practice review: the rating given and when."""

    __tablename__ = "review_logs"

    id: Mapped[int] = mapped_column(primary_key=True)
    practice_card_id: Mapped[int] = mapped_column(
        ForeignKey("practice_cards.id", ondelete="CASCADE"), index=True
    )
    rating: Mapped[int]
    reviewed_at: Mapped[datetime]
    review_duration_ms: Mapped[int | None]


class AskLog(Base):
    """A question asked of the notes, what was cited, and the member's feedback."""

    __tablename__ = "ask_logs"

    id: Mapped[int] = mapped_column(primary_key=True)
    member_id: Mapped[str | None] = mapped_column(
        ForeignKey("members.id", ondelete="CASCADE"), index=True
    )
    channel_id: Mapped[str | None] = mapped_column(String(32))
    question: Mapped[str] = mapped_column(Text)
    sources: Mapped[list[Any]]
    confidence: Mapped[float] = mapped_column(Float)
    feedback: Mapped[str | None] = mapped_column(String(16))
    asked_at: Mapped[datetime]


class ProcessedEvent(Base):
    """A Slack event id already handled; a retry with the same id is ignored."""

    __tablename__ = "processed_events"

    event_id: Mapped[str] = mapped_column(String(100), primary_key=True)
    received_at: Mapped[datetime]


class QuestionReport(Base):
    """A member's report of a problem with a question; three reports quarantine it."""

    __tablename__ = "question_reports"
    __table_args__ = (UniqueConstraint("question_id", "member_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    question_id: Mapped[int] = mapped_column(
        ForeignKey("questions.id", ondelete="CASCADE"), index=True
    )
    member_id: Mapped[str] = mapped_column(ForeignKey("members.id", ondelete="CASCADE"))
    reason: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime]


class SchedulerLease(Base):
    """Who may run the scheduled jobs: one holder at a time, until `expires_at` (renewed)."""

    __tablename__ = "scheduler_leases"

    name: Mapped[str] = mapped_column(String(64), primary_key=True)
    holder: Mapped[str] = mapped_column(String(128))
    acquired_at: Mapped[datetime]
    expires_at: Mapped[datetime]


class ScheduleChange(Base):
    """A channel whose jobs must be rescheduled; the lease holder applies and deletes it."""

    __tablename__ = "schedule_changes"

    channel_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    requested_at: Mapped[datetime]


class JobClaim(Base):
    """At most once per key (a post's publication, a reveal, a weekly board, a nudge):
    claimed before the Slack call, done after it, deleted when the call failed."""

    __tablename__ = "job_claims"

    key: Mapped[str] = mapped_column(String(200), primary_key=True)
    holder: Mapped[str] = mapped_column(String(128))
    claimed_at: Mapped[datetime]
    done_at: Mapped[datetime | None]


class PracticeNudge(Base):
    """A member's opt-in to the daily practice nudge (sent at their local nudge time)."""

    __tablename__ = "practice_nudges"

    member_id: Mapped[str] = mapped_column(
        ForeignKey("members.id", ondelete="CASCADE"), primary_key=True
    )
    enabled: Mapped[bool] = mapped_column(Boolean, default=True)
    updated_at: Mapped[datetime]


class SlackConversation(Base):
    """The workspace a channel or member belongs to (seen on their Slack requests): what the
    scheduler queues for them is sent with that workspace's own token (OAuth installs)."""

    __tablename__ = "slack_conversations"

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    team_id: Mapped[str] = mapped_column(String(32))
    seen_at: Mapped[datetime]


class OutboxMessage(Base):
    """One message to Slack, written in the transaction of the state it belongs to and
    delivered by the outbox sender; `key` makes it exactly once, `slack_ts` records it."""

    __tablename__ = "outbox"
    __table_args__ = (
        Index(None, "status", "next_attempt_at"),
        # A claim looks for a recent send, or one in flight, in its channel (store.outbox).
        Index(None, "channel", "sent_at"),
        Index(None, "channel", "claimed_until"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(200), unique=True)
    channel: Mapped[str] = mapped_column(String(32))
    # The workspace (OAuth installs: its own token sends it); None: the single bot token.
    team_id: Mapped[str | None] = mapped_column(String(32))
    method: Mapped[str] = mapped_column(String(64))
    payload: Mapped[dict[str, Any]]
    # What the sent message records, e.g. "quiz_post" with the post id as `subject`.
    purpose: Mapped[str] = mapped_column(String(32), default="")
    subject: Mapped[str] = mapped_column(String(100), default="")
    # The member to tell (ephemerally, in `channel`) when it could not be delivered.
    notify_user: Mapped[str | None] = mapped_column(String(32))
    status: Mapped[str] = mapped_column(String(16), default="pending")
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    # A send began and its outcome was never seen: look in the channel before sending again.
    uncertain: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime]
    next_attempt_at: Mapped[datetime]
    deadline: Mapped[datetime]
    claimed_by: Mapped[str | None] = mapped_column(String(128))
    claimed_until: Mapped[datetime | None]
    # When the row's last send ended, by the clock of the sender that made it (`sent_by`).
    sent_at: Mapped[datetime | None]
    sent_by: Mapped[str | None] = mapped_column(String(128))
    slack_ts: Mapped[str | None] = mapped_column(String(32))
    slack_channel: Mapped[str | None] = mapped_column(String(32))
    last_error: Mapped[str] = mapped_column(Text, default="")
