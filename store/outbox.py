"""The outbox: messages to Slack as rows, written with the state they belong to, then
delivered once by a sender (bot.slack.delivery).

A row is enqueued under an idempotency key (a second enqueue of the key returns the first
row), claimed by one sender at a time for a short hold, and marked sent with the Slack ts in
the same transaction that records what it was for (`purpose`, e.g. a quiz post's ts).
`uncertain` is set before each send and cleared when Slack's answer is seen: a row found
uncertain was perhaps delivered, and the sender looks in the channel before sending again.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from enum import StrEnum
from typing import Any

from sqlalchemy import delete, func, or_, select, text, update
from sqlalchemy.orm import Session

from store.models import OutboxMessage, QuizPost, SlackConversation
from store.unique import get_or_create

DEFAULT_DEADLINE = timedelta(minutes=30)
# How soon a claim refused for another sender's send in flight in its channel looks again.
IN_FLIGHT_POLL = timedelta(seconds=0.05)
METADATA_EVENT = "studybot_outbox"


class Status(StrEnum):
    PENDING = "pending"
    SENT = "sent"
    FAILED = "failed"


def metadata_for(key: str) -> dict[str, Any]:
    """The Slack message metadata that lets a sender recognise its message in a channel."""
    return {"event_type": METADATA_EVENT, "event_payload": {"key": key}}


def key_of(message: dict[str, Any]) -> str | None:
    """The outbox key a Slack message carries in its metadata, if any."""
    metadata = message.get("metadata")
    if not isinstance(metadata, dict) or metadata.get("event_type") != METADATA_EVENT:
        return None
    payload = metadata.get("event_payload")
    key = payload.get("key") if isinstance(payload, dict) else None
    return key if isinstance(key, str) else None


def enqueue(
    session: Session,
    key: str,
    *,
    channel: str,
    payload: dict[str, Any],
    now: datetime,
    method: str = "chat.postMessage",
    deadline: timedelta = DEFAULT_DEADLINE,
    purpose: str = "",
    subject: str = "",
    notify_user: str | None = None,
    team_id: str | None = None,
) -> OutboxMessage:
    """Write the message in the caller's transaction; the row already under `key` if any.
    Without `team_id` the row goes to the workspace `channel` was last seen in, if known."""
    if team_id is None:
        team_id = team_of(session, channel)
    return get_or_create(
        session,
        lambda: by_key(session, key),
        lambda: OutboxMessage(
            key=key,
            channel=channel,
            team_id=team_id,
            method=method,
            payload=payload,
            purpose=purpose,
            subject=subject,
            notify_user=notify_user,
            status=Status.PENDING,
            attempts=0,
            uncertain=False,
            created_at=now,
            next_attempt_at=now,
            deadline=now + deadline,
            last_error="",
        ),
    )


def remember_team(session: Session, conversation: str, team_id: str, now: datetime) -> None:
    """Note that `conversation` (a channel or a member) is in workspace `team_id`."""
    if not conversation or not team_id:
        return
    known = session.get(SlackConversation, conversation)
    if known is None:
        get_or_create(
            session,
            lambda: session.get(SlackConversation, conversation),
            lambda: SlackConversation(id=conversation, team_id=team_id, seen_at=now),
        )
    elif known.team_id != team_id:
        known.team_id, known.seen_at = team_id, now


def team_of(session: Session, conversation: str) -> str | None:
    """The workspace `conversation` was last seen in (None: unknown, or a single workspace)."""
    return session.scalar(
        select(SlackConversation.team_id).where(SlackConversation.id == conversation)
    )


def by_key(session: Session, key: str) -> OutboxMessage | None:
    return session.scalar(select(OutboxMessage).where(OutboxMessage.key == key))


def ready(session: Session, now: datetime, limit: int = 200) -> list[OutboxMessage]:
    """Pending rows due for an attempt and claimed by nobody (or by an expired hold)."""
    query = (
        select(OutboxMessage)
        .where(
            OutboxMessage.status == Status.PENDING,
            OutboxMessage.next_attempt_at <= now,
            or_(OutboxMessage.claimed_until.is_(None), OutboxMessage.claimed_until < now),
        )
        .order_by(OutboxMessage.id)
        .limit(limit)
    )
    return list(session.scalars(query))


def busy_channels(session: Session, now: datetime) -> set[str]:
    """Channels with a row being sent right now: their next row waits (order per channel)."""
    query = select(OutboxMessage.channel).where(
        OutboxMessage.status == Status.PENDING, OutboxMessage.claimed_until >= now
    )
    return set(session.scalars(query))


def claim(session: Session, row_id: int, holder: str, now: datetime, hold: timedelta) -> bool:
    """Take the row for one attempt, unless someone else holds it; True when it is ours."""
    taken = session.execute(
        update(OutboxMessage)
        .where(
            OutboxMessage.id == row_id,
            OutboxMessage.status == Status.PENDING,
            or_(
                OutboxMessage.claimed_until.is_(None),
                OutboxMessage.claimed_until < now,
                OutboxMessage.claimed_by == holder,
            ),
        )
        .values(claimed_by=holder, claimed_until=now + hold)
        .execution_options(synchronize_session=False)
    )
    return taken.rowcount == 1  # type: ignore[attr-defined]


def lock_channel(session: Session, channel: str) -> None:
    """Make claims in `channel` wait for each other until the transaction ends, across
    processes: a PostgreSQL advisory lock. SQLite needs none: its write transactions begin
    IMMEDIATE (store.db), one at a time."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(
            text("SELECT pg_advisory_xact_lock(hashtext(:key))"), {"key": f"outbox:{channel}"}
        )


def channel_wait(
    session: Session,
    channel: str,
    row_id: int,
    *,
    holder: str,
    now: datetime,
    at: datetime,
    spacing: timedelta,
) -> float:
    """Seconds before `channel` may take a message, as far as other senders (processes) go:
    one of theirs in it is held for a send (a claim past `now`), or one of their sends in it
    ended less than `spacing` before `at` (`sent_at`, by the sender's clock, which `at` must
    be too). Run after `lock_channel`, in the transaction that then claims the row. A
    sender's own spacing is its pacer's business, not looked at here."""
    theirs = (OutboxMessage.channel == channel, OutboxMessage.id != row_id)
    held = select(OutboxMessage.id).where(
        *theirs,
        OutboxMessage.claimed_until >= now,
        OutboxMessage.claimed_by != holder,
        OutboxMessage.status == Status.PENDING,
    )
    if session.scalar(held.limit(1)) is not None:
        return IN_FLIGHT_POLL.total_seconds()
    last = session.scalar(
        select(func.max(OutboxMessage.sent_at)).where(
            *theirs,
            OutboxMessage.sent_at > at - spacing,
            or_(OutboxMessage.sent_by.is_(None), OutboxMessage.sent_by != holder),
        )
    )
    if last is None:
        return 0.0
    return max((_aware(last) + spacing - at).total_seconds(), 0.0)


def _aware(at: datetime) -> datetime:
    return at if at.tzinfo is not None else at.replace(tzinfo=UTC)


def begin_send(session: Session, row_id: int) -> None:
    """Committed before the request goes out: a crash from here on leaves the row uncertain."""
    session.execute(
        update(OutboxMessage)
        .where(OutboxMessage.id == row_id)
        .values(uncertain=True, attempts=OutboxMessage.attempts + 1)
        .execution_options(synchronize_session=False)
    )


# What a sent message records, by purpose: (session, subject, ts) in the same transaction.
OnSent = Callable[[Session, str, str], None]


def _record_quiz_post(session: Session, subject: str, ts: str) -> None:
    session.execute(
        update(QuizPost)
        .where(QuizPost.id == int(subject))
        .values(slack_ts=ts)
        .execution_options(synchronize_session=False)
    )


ON_SENT: dict[str, OnSent] = {"quiz_post": _record_quiz_post}


@dataclass(frozen=True)
class Landing:
    """A send that ended (Slack may have counted it): when, by the sender's clock, and who."""

    at: datetime
    by: str


def recent_landings(
    session: Session, *, at: datetime, window: timedelta, other_than: str | None = None
) -> list[tuple[str, datetime]]:
    """(key, sent_at) of the sends that ended in the `window` before `at` (by the senders'
    clocks, as `channel_wait`): what Slack may still count in its rolling budget. A pacer
    made by a restart or a takeover starts from these, not from nothing. `other_than`
    leaves out one sender's own (its pacer counted them as they landed). Which keys count
    against the budget is the sender's business."""
    query = select(OutboxMessage.key, OutboxMessage.sent_at).where(
        OutboxMessage.sent_at > at - window
    )
    if other_than is not None:
        query = query.where(
            or_(OutboxMessage.sent_by.is_(None), OutboxMessage.sent_by != other_than)
        )
    return [(key, _aware(sent_at)) for key, sent_at in session.execute(query)]


def unknown_landings(
    session: Session, *, at: datetime, window: timedelta, other_than: str | None = None
) -> list[tuple[int, str]]:
    """(id, key) of the pending rows whose send began and was never seen to end (uncertain,
    with no landing in the `window` before `at`): a sender that crashed between send and
    record. Slack may have counted them at any moment up to now. `other_than` leaves out
    the rows that sender holds (its own sends in flight)."""
    query = select(OutboxMessage.id, OutboxMessage.key).where(
        OutboxMessage.status == Status.PENDING,
        OutboxMessage.uncertain.is_(True),
        or_(OutboxMessage.sent_at.is_(None), OutboxMessage.sent_at <= at - window),
    )
    if other_than is not None:
        query = query.where(
            or_(OutboxMessage.claimed_by.is_(None), OutboxMessage.claimed_by != other_than)
        )
    return [(row_id, key) for row_id, key in session.execute(query)]


def mark_sent(
    session: Session, row_id: int, *, ts: str, channel: str, landing: Landing | None
) -> bool:
    """Record delivery (and what it was for) once; False when the row was already sent.
    Without `landing` (an earlier send, found in the channel) the last one recorded stands."""
    row = session.get(OutboxMessage, row_id, with_for_update=True)
    if row is None or row.status == Status.SENT:
        return False
    row.status = Status.SENT
    row.slack_ts = ts
    row.slack_channel = channel
    if landing is not None:
        row.sent_at, row.sent_by = landing.at, landing.by
    row.uncertain = False
    row.claimed_by = None
    row.claimed_until = None
    hook = ON_SENT.get(row.purpose)
    if hook is not None:
        hook(session, row.subject, ts)
    return True


def retry_later(
    session: Session,
    row_id: int,
    *,
    at: datetime,
    error: str,
    uncertain: bool,
    landing: Landing | None = None,
) -> None:
    """Hand the row back for another attempt at `at` (uncertain: look before re-sending;
    `landing`: the send ended and may have counted in its channel)."""
    landed = {"sent_at": landing.at, "sent_by": landing.by} if landing is not None else {}
    session.execute(
        update(OutboxMessage)
        .where(OutboxMessage.id == row_id, OutboxMessage.status == Status.PENDING)
        .values(
            next_attempt_at=at,
            last_error=error[:2000],
            uncertain=uncertain,
            claimed_by=None,
            claimed_until=None,
            **landed,
        )
        .execution_options(synchronize_session=False)
    )


def refund_attempt(session: Session, row_id: int) -> None:
    """A 429 is Slack asking us to wait, not a failure: it does not use up the budget."""
    session.execute(
        update(OutboxMessage)
        .where(OutboxMessage.id == row_id, OutboxMessage.attempts > 0)
        .values(attempts=OutboxMessage.attempts - 1)
        .execution_options(synchronize_session=False)
    )


def mark_failed(session: Session, row_id: int, *, error: str, now: datetime) -> OutboxMessage:
    row = session.get(OutboxMessage, row_id, with_for_update=True)
    assert row is not None
    row.status = Status.FAILED
    row.last_error = error[:2000]
    row.uncertain = False
    row.claimed_by = None
    row.claimed_until = None
    return row


def revive(session: Session, row_id: int, *, now: datetime, deadline: timedelta) -> bool:
    """A given-up row sent again because someone asked for it again (a member's `/study quiz`
    after the schedule gave up on the day's post): pending from `now` until `now + deadline`
    with a fresh attempt budget, and marked uncertain so that the sender looks in the channel
    before it posts (an earlier send may have landed after all). False if it was not failed."""
    revived = session.execute(
        update(OutboxMessage)
        .where(OutboxMessage.id == row_id, OutboxMessage.status == Status.FAILED)
        .values(
            status=Status.PENDING,
            attempts=0,
            uncertain=True,
            next_attempt_at=now,
            deadline=now + deadline,
            claimed_by=None,
            claimed_until=None,
        )
        .execution_options(synchronize_session=False)
    )
    return bool(revived.rowcount)


def release_claims_of(session: Session, holders: set[str]) -> int:
    """Free the rows held by senders known to be gone (a lease taken over), at once."""
    if not holders:
        return 0
    result = session.execute(
        update(OutboxMessage)
        .where(OutboxMessage.claimed_by.in_(holders), OutboxMessage.status == Status.PENDING)
        .values(claimed_by=None, claimed_until=None)
        .execution_options(synchronize_session=False)
    )
    return int(result.rowcount)  # type: ignore[attr-defined]


def prune(session: Session, before: datetime) -> int:
    """Forget rows sent or given up on before `before` (their keys can no longer recur)."""
    result = session.execute(
        delete(OutboxMessage)
        .where(OutboxMessage.status != Status.PENDING, OutboxMessage.created_at < before)
        .execution_options(synchronize_session=False)
    )
    return int(result.rowcount)  # type: ignore[attr-defined]


def pending_count(session: Session) -> int:
    query = select(func.count()).where(OutboxMessage.status == Status.PENDING)
    return int(session.scalar(query) or 0)
