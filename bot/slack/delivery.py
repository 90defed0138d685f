"""The outbox sender: delivers `store.outbox` rows to Slack exactly once.

Each attempt waits its turn at the pacer (per channel, per workspace) and only then claims
the row, so a claim is never held while waiting. Before a send the row is marked uncertain
(committed); Slack's answer clears it. An uncertain row (a timeout, a dropped reply, a
crash between send and record) is looked for in the channel by the key in its message
metadata before anything is sent again. 429 waits for Retry-After without using up the
budget; 5xx and connection failures back off; at the deadline the row is given up on with
one log line and a metric, and the member who asked is told.
"""

from __future__ import annotations

import base64
import http.client
import os
import socket
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from typing import TYPE_CHECKING, Any, Protocol
from urllib.error import URLError

import structlog
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from sqlalchemy.exc import SQLAlchemyError

from bot.metrics import OUTBOX_UNDELIVERED, QUIZ_POSTS, SLACK_RATE_LIMITED
from bot.slack import messages
from bot.slack.pacing import Pacer
from quiz.clock import Clock, utc_now
from store import outbox
from store.db import Database
from store.models import OutboxMessage

if TYPE_CHECKING:
    from bot.slack.services import Services

log = structlog.get_logger(__name__)

CLAIM_HOLD = timedelta(seconds=60)
MAX_BACKOFF_S = 60.0
LOOKBACK_MESSAGES = 200
NOTICE_DEADLINE = timedelta(hours=1)
UPLOAD_METHOD = "files.uploadV2"
EPHEMERAL_METHOD = "chat.postEphemeral"
# ok:false errors that say nothing about whether the message landed.
TRANSIENT_ERRORS = frozenset(
    {"internal_error", "fatal_error", "service_unavailable", "request_timeout"}
)


@dataclass(frozen=True)
class Pending:
    """What a transport needs of a row."""

    id: int
    key: str
    channel: str
    method: str
    payload: dict[str, Any]


@dataclass(frozen=True)
class Delivered:
    ts: str
    channel: str


class RateLimited(Exception):
    def __init__(self, retry_after_s: float) -> None:
        super().__init__(f"rate limited for {retry_after_s} s")
        self.retry_after_s = retry_after_s


class NotSent(Exception):
    """Slack certainly did not take the message (connection refused): send again."""


class MaybeSent(Exception):
    """The outcome is unknown (timeout, dropped reply, 5xx): look before sending again."""


class Refused(Exception):
    """Slack refused the message for good (channel_not_found, invalid_blocks…)."""


class Transport(Protocol):
    def send(self, message: Pending) -> Delivered: ...

    def find(self, message: Pending) -> Delivered | None: ...


class Outcome(StrEnum):
    SENT = "sent"
    FOUND = "found"  # an uncertain earlier send had landed: recorded, not re-sent
    RETRY = "retry"
    FAILED = "failed"
    SKIPPED = "skipped"  # already sent, or another sender holds it


def backoff_s(attempts: int) -> float:
    return min(MAX_BACKOFF_S, 2.0 ** max(attempts - 1, 0))


class OutboxSender:
    """Drains the outbox of one process; any number of processes may run one."""

    def __init__(
        self,
        database: Database,
        transport: Transport,
        pacer: Pacer,
        *,
        holder: str,
        clock: Clock = utc_now,
        hold: timedelta = CLAIM_HOLD,
        poll_s: float = 1.0,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.database = database
        self.transport = transport
        self.pacer = pacer
        self.holder = holder
        self.clock = clock
        self.hold = hold
        self.poll_s = poll_s
        self.sleep = sleep
        self._wake = threading.Event()

    # -- entry points -------------------------------------------------------------

    def deliver(self, row_id: int, now: datetime | None = None) -> Outcome:
        """One attempt at this row, after its channel's turn (for answers and jobs); `now` is
        when the caller started, moved on by the time spent waiting for the turn."""
        row = self._load(row_id)
        if row is None:
            return Outcome.SKIPPED
        waited = self.pacer.wait_turn(row.channel)
        return self.attempt(row_id, now + timedelta(seconds=waited) if now else None)

    def deliver_soon(self, row_id: int, now: datetime, within_s: float) -> Outcome:
        """`deliver`, retried in this thread while the next try is due within `within_s` of
        `now` (a reply the member waits for); anything later is left to the drain."""
        at = now
        outcome = self.deliver(row_id, at)
        while outcome is Outcome.RETRY:
            with self.database.session() as session:
                row = session.get(OutboxMessage, row_id)
                due = row.next_attempt_at if row is not None else None
            if due is None or (due - now).total_seconds() > within_s:
                break
            wait = max((due - at).total_seconds(), 0.0)
            self.sleep(wait)
            at += timedelta(seconds=wait)
            outcome = self.deliver(row_id, at)
        return outcome

    def drain_once(self, now: datetime | None = None) -> int:
        """One round over due rows, oldest first, one per channel whose turn has come."""
        now = now or self.clock()
        with self.database.session() as session:
            busy = outbox.busy_channels(session, now)
            rows = [_pending(r) for r in outbox.ready(session, now)]
        attempted = 0
        seen: set[str] = set()
        for row in rows:
            if row.channel in seen or row.channel in busy:
                continue  # keep each channel's messages in order
            seen.add(row.channel)
            if self.pacer.try_turn(row.channel) > 0:
                continue
            self.attempt(row.id, now)
            attempted += 1
        return attempted

    def run(self, stop: threading.Event) -> None:
        """Drain until `stop` is set; a database or Slack outage only delays the next round."""
        log.info("outbox sender started", holder=self.holder)
        while not stop.is_set():
            try:
                busy = self.drain_once() > 0
            except SQLAlchemyError:
                log.warning("outbox sender: database unavailable, retrying")
                busy = False
            except Exception:  # the sender must outlive any one bad round
                log.exception("outbox sender round failed")
                busy = False
            if not busy:
                self._wake.wait(self.poll_s)
                self._wake.clear()

    def wake(self) -> None:
        self._wake.set()

    # -- one attempt ----------------------------------------------------------------

    def attempt(self, row_id: int, now: datetime | None = None) -> Outcome:
        now = now or self.clock()
        with self.database.session() as session:
            if not outbox.claim(session, row_id, self.holder, now, self.hold):
                return Outcome.SKIPPED
            row = session.get(OutboxMessage, row_id)
            assert row is not None
            pending, uncertain, deadline = _pending(row), row.uncertain, row.deadline
            attempts, notify = row.attempts, row.notify_user
            if not uncertain and now < deadline:
                outbox.begin_send(session, row_id)  # the common case: one transaction
        if uncertain and pending.method != EPHEMERAL_METHOD:
            try:
                found = self.transport.find(pending)
            except Exception as exc:  # cannot look now: never send blind, try later
                return self._later(pending, now, attempts, repr(exc), uncertain=True)
            if found is not None:
                self._record(pending, found, now)
                log.info("outbox: earlier send had landed", key=pending.key, ts=found.ts)
                return Outcome.FOUND
        if now >= deadline:
            return self._give_up(pending, notify, "deadline passed", now)
        if uncertain:
            with self.database.session() as session:
                outbox.begin_send(session, pending.id)
        try:
            delivered = self.transport.send(pending)
        except RateLimited as limited:
            SLACK_RATE_LIMITED.labels(method=pending.method).inc()
            self.pacer.refund()
            self.pacer.hold(pending.channel, limited.retry_after_s)
            at = now + timedelta(seconds=limited.retry_after_s)
            with self.database.session() as session:
                outbox.refund_attempt(session, pending.id)
                outbox.retry_later(session, pending.id, at=at, error="ratelimited", uncertain=False)
            return Outcome.RETRY
        except NotSent as exc:
            return self._later(pending, now, attempts + 1, str(exc), uncertain=False)
        except MaybeSent as exc:
            return self._later(pending, now, attempts + 1, str(exc), uncertain=True)
        except Refused as exc:
            return self._give_up(pending, notify, str(exc), now)
        self._record(pending, delivered, now)
        return Outcome.SENT

    def _record(self, pending: Pending, delivered: Delivered, now: datetime) -> None:
        with self.database.session() as session:
            recorded = outbox.mark_sent(
                session, pending.id, ts=delivered.ts, channel=delivered.channel, now=now
            )
        if recorded and pending.key.startswith("post:"):
            QUIZ_POSTS.inc()

    def _later(
        self, pending: Pending, now: datetime, attempts: int, error: str, *, uncertain: bool
    ) -> Outcome:
        at = now + timedelta(seconds=backoff_s(attempts))
        log.info("outbox: will retry", key=pending.key, error=error, at=at.isoformat())
        with self.database.session() as session:
            outbox.retry_later(session, pending.id, at=at, error=error, uncertain=uncertain)
        return Outcome.RETRY

    def _give_up(self, pending: Pending, notify: str | None, error: str, now: datetime) -> Outcome:
        with self.database.session() as session:
            row = outbox.mark_failed(session, pending.id, error=error, now=now)
            purpose = row.purpose or pending.method
            if notify:
                outbox.enqueue(
                    session,
                    f"{pending.key}:undelivered",
                    channel=pending.channel,
                    method=EPHEMERAL_METHOD,
                    payload={"user": notify, "text": messages.UNDELIVERED},
                    now=now,
                    deadline=NOTICE_DEADLINE,
                )
        OUTBOX_UNDELIVERED.labels(purpose=purpose).inc()
        log.error(
            "slack message not delivered",
            key=pending.key,
            channel=pending.channel,
            error=error,
            asker_told=bool(notify),
        )
        return Outcome.FAILED

    def _load(self, row_id: int) -> Pending | None:
        with self.database.session() as session:
            row = session.get(OutboxMessage, row_id)
            if row is None or row.status != outbox.Status.PENDING:
                return None
            return _pending(row)


def _pending(row: OutboxMessage) -> Pending:
    return Pending(row.id, row.key, row.channel, row.method, dict(row.payload))


class SlackTransport:
    """Sends rows with a WebClient that never retries by itself (a blind retry could post
    twice), and finds an earlier send by the key in the message metadata."""

    def __init__(self, client: WebClient, lookback: int = LOOKBACK_MESSAGES) -> None:
        client.retry_handlers = []
        self.client = client
        self.lookback = lookback

    def send(self, message: Pending) -> Delivered:
        try:
            return self._send(message)
        except SlackApiError as error:
            raise _classified(error) from error
        except URLError as error:
            if isinstance(error.reason, ConnectionRefusedError):
                raise NotSent(f"connection refused: {error.reason}") from error
            raise MaybeSent(f"connection failed: {error.reason}") from error
        except (OSError, http.client.HTTPException) as error:
            raise MaybeSent(f"no answer: {error!r}") from error

    def _send(self, message: Pending) -> Delivered:
        payload = dict(message.payload)
        if message.method == UPLOAD_METHOD:
            content = base64.b64decode(payload.pop("content_b64"))
            response = self.client.files_upload_v2(
                channel=message.channel, content=content, **payload
            )
            files = response.get("files") or [response.get("file") or {}]
            return Delivered(str(files[0].get("id", "")), message.channel)
        if message.method == EPHEMERAL_METHOD:
            response = self.client.chat_postEphemeral(channel=message.channel, **payload)
            return Delivered(str(response.get("message_ts", "")), message.channel)
        response = self.client.chat_postMessage(
            channel=message.channel, metadata=outbox.metadata_for(message.key), **payload
        )
        return Delivered(str(response["ts"]), str(response["channel"]))

    def find(self, message: Pending) -> Delivered | None:
        channel = self._conversation(message.channel)
        thread_ts = message.payload.get("thread_ts")
        if thread_ts:
            response = self.client.conversations_replies(
                channel=channel, ts=thread_ts, include_all_metadata=True, limit=self.lookback
            )
        else:
            response = self.client.conversations_history(
                channel=channel, include_all_metadata=True, limit=self.lookback
            )
        for found in response.get("messages", []):
            if _is_ours(found, message):
                return Delivered(_found_id(found, message), channel)
        return None

    def _conversation(self, channel: str) -> str:
        """A member id means the DM with them: history is read from the DM's own id."""
        if channel.startswith(("U", "W")):
            return str(self.client.conversations_open(users=channel)["channel"]["id"])
        return channel


def _is_ours(found: dict[str, Any], message: Pending) -> bool:
    if message.method == UPLOAD_METHOD:
        names = {f.get("name") for f in found.get("files", []) if isinstance(f, dict)}
        return message.payload.get("filename") in names
    return outbox.key_of(found) == message.key


def _found_id(found: dict[str, Any], message: Pending) -> str:
    if message.method == UPLOAD_METHOD:
        name = message.payload.get("filename")
        return str(next(f["id"] for f in found["files"] if f.get("name") == name))
    return str(found["ts"])


def _classified(error: SlackApiError) -> Exception:
    response = error.response
    status = response.status_code if response is not None else 0
    code = str(response.get("error", "")) if response is not None else ""
    if status == 429:
        headers = {k.lower(): v for k, v in (response.headers or {}).items()}
        value = headers.get("retry-after", "1")
        return RateLimited(float(value[0] if isinstance(value, list) else value))
    if status >= 500 or code in TRANSIENT_ERRORS:
        return MaybeSent(f"slack {status} {code}")
    return Refused(f"slack refused: {code or status}")


def sender_client(token: str, *, base_url: str | None = None, timeout: int = 30) -> WebClient:
    """The WebClient the sender posts with: no retry handlers (the sender decides)."""
    kwargs: dict[str, Any] = {"timeout": timeout, "retry_handlers": []}
    if base_url:
        kwargs["base_url"] = base_url
    return WebClient(token=token, **kwargs)


def start_sender(sender: OutboxSender, stop: threading.Event) -> threading.Thread:
    thread = threading.Thread(target=sender.run, args=(stop,), name="outbox-sender", daemon=True)
    thread.start()
    return thread


# -- the bot's side: send a reply through the outbox -------------------------------------------

ANSWER_DEADLINE = timedelta(minutes=15)
# How long a listener thread keeps retrying a reply itself before leaving it to the drain.
INLINE_RETRY_S = 10.0
_senders_lock = threading.Lock()


def sender_of(services: Services) -> OutboxSender:
    """The bot process's sender, made on first use from the settings (one per Services)."""
    with _senders_lock:
        if services.sender is None:
            settings = services.settings
            token = settings.slack_bot_token.get_secret_value() if settings.slack_bot_token else ""
            client = sender_client(token, base_url=settings.slack_api_url)
            services.sender = OutboxSender(
                services.database,
                SlackTransport(client),
                Pacer(per_minute=settings.slack_posts_per_minute),
                holder=f"bot:{socket.gethostname()}:{os.getpid()}",
                clock=services.now,
            )
        sender = services.sender
    assert isinstance(sender, OutboxSender)
    return sender


def jsonable(payload: dict[str, Any]) -> dict[str, Any]:
    """Block Kit objects as plain dicts, so the payload can be stored as JSON."""
    return {
        key: [b.to_dict() if hasattr(b, "to_dict") else b for b in value]
        if key in ("blocks", "attachments") and isinstance(value, list)
        else value
        for key, value in payload.items()
        if value is not None
    }


def send_reply(
    services: Services,
    key: str,
    channel: str,
    payload: dict[str, Any],
    *,
    asker: str | None = None,
    deadline: timedelta = ANSWER_DEADLINE,
) -> Outcome:
    """Write the reply to the outbox under `key` (once), then try to send it now; what fails
    is retried by the sender's drain until `deadline`, and then `asker` is told."""
    with services.database.session() as session:
        row = outbox.enqueue(
            session,
            key,
            channel=channel,
            payload=jsonable(payload),
            now=services.now(),
            deadline=deadline,
            notify_user=asker,
        )
        row_id, status = row.id, row.status
    if status != outbox.Status.PENDING:
        return Outcome.SKIPPED
    return sender_of(services).deliver_soon(row_id, services.now(), INLINE_RETRY_S)
