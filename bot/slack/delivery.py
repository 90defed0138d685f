"""The outbox sender: delivers `store.outbox` rows to Slack exactly once.

Each attempt waits its turn at the pacer (per channel, per workspace) and only then claims
the row, so a claim is never held while waiting. The claim's transaction also checks the
channel's turn against the other processes' sends (the bot's and the scheduler's senders
share channels): while one of theirs is on its way or ended under a second ago, it is refused
and the pacer holds the channel just that long. Before a send the row is marked uncertain
(committed); Slack's answer clears it. An uncertain row (a timeout, a dropped reply, a
crash between send and record) is looked for in the channel by the key in its message
metadata before anything is sent again. 429 waits for Retry-After without using up the
budget; 5xx and connection failures back off; at the deadline the row is given up on with
one log line and a metric, and the member who asked is told.
"""

from __future__ import annotations

import base64
import http.client
import json
import os
import socket
import threading
import time
import urllib.request
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from enum import StrEnum
from typing import TYPE_CHECKING, Any, Protocol
from urllib.error import HTTPError, URLError

import structlog
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from sqlalchemy.exc import SQLAlchemyError

from bot.slack.pacing import CHANNEL_SPACING_S, WINDOW_S, Pacer, Turn
from bot.slack.pausing import pause_if_gone
from bot.slack.render import general
from common.clock import Clock, utc_now
from common.metrics import OUTBOX_UNDELIVERED, QUIZ_POSTS, SLACK_RATE_LIMITED
from store import outbox
from store.db import Database
from store.models import OutboxMessage

if TYPE_CHECKING:
    from bot.slack.services import Services
    from common.config import Settings

log = structlog.get_logger(__name__)

CLAIM_HOLD = timedelta(seconds=60)
CHANNEL_SPACING = timedelta(seconds=CHANNEL_SPACING_S)
BUDGET_WINDOW = timedelta(seconds=WINDOW_S)
MAX_BACKOFF_S = 60.0
LOOKBACK_MESSAGES = 200  # per page of conversations.history / .replies
MAX_FIND_PAGES = 50
# How far before the row was written a lookup starts: clocks of hosts and Slack differ a bit.
FIND_SKEW_S = 300.0
NOTICE_DEADLINE = timedelta(hours=1)
UPLOAD_METHOD = "files.uploadV2"
EPHEMERAL_METHOD = "chat.postEphemeral"
# A reply posted to an interaction's response_url (payload: url and body), not the Web API.
RESPONSE_METHOD = "response_url"
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
    created_at: datetime
    team_id: str | None = None


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
    """Slack refused the message for good (channel_not_found, invalid_blocks…); `code` is
    Slack's error code when it gave one."""

    def __init__(self, message: str, code: str = "") -> None:
        super().__init__(message)
        self.code = code


class Transport(Protocol):
    def send(self, message: Pending) -> Delivered: ...

    def find(self, message: Pending) -> Delivered | None: ...


class Outcome(StrEnum):
    SENT = "sent"
    FOUND = "found"  # an uncertain earlier send had landed: recorded, not re-sent
    RETRY = "retry"
    FAILED = "failed"
    SKIPPED = "skipped"  # already sent, or another sender holds it
    BUSY = "busy"  # another process is sending in the channel, or just did: not claimed


@dataclass(frozen=True)
class Claimed:
    """A row this sender holds for one attempt, as read in the claim's transaction."""

    pending: Pending
    uncertain: bool
    deadline: datetime
    attempts: int
    notify: str | None
    landed_at: datetime | None = None  # when its last send ended (`sent_at`), if known


def backoff_s(attempts: int) -> float:
    return min(MAX_BACKOFF_S, 2.0 ** max(attempts - 1, 0))


class OutboxSender:
    """Drains the outbox of one process; any number of processes may run one.

    With `workers` > 0 the drain hands each attempt to its own pool of I/O threads, so
    whoever enqueues a message (an answer worker, a listener) returns at once and one slow
    send never holds up the rest; with 0 the drain attempts rows itself, in order (the
    simulated-time benches and tests drive it that way)."""

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
        workers: int = 0,
        admins: Sequence[str] = (),
    ) -> None:
        self.database = database
        self.admins = tuple(admins)  # told when a channel's subscription is paused
        self.transport = transport
        self.pacer = pacer
        self.holder = holder
        self.clock = clock
        self.hold = hold
        self.poll_s = poll_s
        self.sleep = sleep
        self._wake = threading.Event()
        self._pool = (
            ThreadPoolExecutor(max_workers=workers, thread_name_prefix="outbox-send")
            if workers > 0
            else None
        )
        self._in_flight: set[int] = set()  # handed to the pool
        self._attempting: set[int] = set()  # an attempt running in some thread of ours
        self._flight_channels: set[str] = set()
        self._flight_lock = threading.Lock()
        self._next_turn_s = poll_s
        self._seed_lock = threading.Lock()
        self._seeded = False  # the pacer's budget knows the outbox's last minute
        self._seeded_once = False
        self._seeded_unknown: set[int] = set()  # rows counted as landed when seeded
        self._stop: threading.Event | None = None
        self._thread: threading.Thread | None = None

    # -- entry points -------------------------------------------------------------

    def deliver(self, row_id: int, now: datetime | None = None) -> Outcome:
        """One attempt at this row, after its channel's turn (for jobs and `/study quiz`);
        `now` is when the caller started, moved on by the time spent waiting for the turn.
        The drain may take the same row meanwhile (it is due as soon as it is written): then
        one of the two sends it and the other's turn, if it took one, is given back."""
        self.seed_budget()
        row = self._load(row_id)
        if row is None or self._taken_here(row_id):
            return Outcome.SKIPPED  # sent, or our drain already has it: no turn is spent
        waited = timedelta(0)
        while True:  # BUSY: another process's send in the channel; the pacer holds till then
            turn = (
                self.pacer.wait_turn(row.channel, budget=uses_budget(row)) if paced(row) else None
            )
            waited += timedelta(seconds=turn.waited_s if turn else 0.0)
            outcome = self.attempt(row_id, now + waited if now else None, turn)
            if outcome is not Outcome.BUSY:
                return outcome

    def _taken_here(self, row_id: int) -> bool:
        with self._flight_lock:
            return row_id in self._in_flight or row_id in self._attempting

    def drain_once(self, now: datetime | None = None) -> int:
        """One round over due rows, oldest first, one per channel whose turn has come; returns
        how many attempts were made (or handed to the pool)."""
        now = now or self.clock()
        self.seed_budget()
        with self.database.session() as session:
            busy = outbox.busy_channels(session, now)
            rows = [pending_of(r) for r in outbox.ready(session, now)]
        with self._flight_lock:
            busy |= self._flight_channels
            in_flight = self._in_flight | self._attempting
        attempted = 0
        seen: set[str] = set()
        next_turn = self.poll_s
        for row in rows:
            if row.channel in seen or row.channel in busy or row.id in in_flight:
                continue  # keep each channel's messages in order
            seen.add(row.channel)
            turn = None
            if paced(row):
                taken = self.pacer.try_turn(row.channel, budget=uses_budget(row))
                if not isinstance(taken, Turn):
                    next_turn = min(next_turn, taken)
                    continue
                turn = taken
            attempted += 1
            if self._pool is None:
                self.attempt(row.id, now, turn)
            else:
                self._submit(row, turn)
        self._next_turn_s = next_turn
        return attempted

    def seed_budget(self) -> None:
        """Once, before this sender's first turn (and again when `run` starts on a new lease):
        count in the pacer's workspace budget the broadcasts the outbox records as landed in
        the last minute, so a sender made by a restart or a takeover does not spend again a
        minute its predecessor spent. A send that began and was never seen to end (a crash
        between send and record) counts as landed now, the latest it can have. The first time
        a sender's own name counts too (a restarted process may have the same one); after,
        only other senders' landings."""
        if self._seeded:
            return
        with self._seed_lock:
            if self._seeded:
                return
            ages, unknown = self._budget_landings(self.holder if self._seeded_once else None)
            counted = self.pacer.seed(ages + [0.0] * len(unknown))  # unknown: as if just now
            self._seeded_unknown |= unknown
            self._seeded = self._seeded_once = True
        if counted:
            log.info("outbox sender: budget seeded", holder=self.holder, landed=counted)

    def _budget_landings(self, other_than: str | None) -> tuple[list[float], set[int]]:
        """Ages (seconds, by this sender's clock) of the broadcasts that landed in the last
        minute, and the ids of those whose send never was seen to end."""
        at = self.clock()
        with self.database.session() as session:
            landings = outbox.recent_landings(
                session, at=at, window=BUDGET_WINDOW, other_than=other_than
            )
            unknown = outbox.unknown_landings(
                session, at=at, window=BUDGET_WINDOW, other_than=other_than
            )
        ages = [(at - sent).total_seconds() for key, sent in landings if budget_key(key)]
        return ages, {row_id for row_id, key in unknown if budget_key(key)}

    def _submit(self, row: Pending, turn: Turn | None) -> None:
        assert self._pool is not None
        with self._flight_lock:
            self._in_flight.add(row.id)
            self._flight_channels.add(row.channel)

        def run() -> None:
            try:
                self.attempt(row.id, turn=turn)
            except SQLAlchemyError:
                log.warning("outbox sender: database unavailable, row left for later")
            except Exception:  # one bad attempt must not take the pool down
                log.exception("outbox attempt failed", key=row.key)
            finally:
                with self._flight_lock:
                    self._in_flight.discard(row.id)
                    self._flight_channels.discard(row.channel)
                self.wake()  # the channel's next row may go now

        try:
            self._pool.submit(run)
        except RuntimeError:  # the pool is shut down (stopping): the row waits for next time
            if turn is not None:
                turn.cancel()
            with self._flight_lock:
                self._in_flight.discard(row.id)
                self._flight_channels.discard(row.channel)

    def run(self, stop: threading.Event) -> None:
        """Drain until `stop` is set; a database or Slack outage only delays the next round."""
        log.info("outbox sender started", holder=self.holder)
        with self._seed_lock:  # a new lease: others may have posted since we last drained
            self._seeded = False
        database_down = False
        while not stop.is_set():
            try:
                busy = self.drain_once() > 0
            except SQLAlchemyError as error:
                if not database_down:  # one line per outage, not one per round
                    log.warning(
                        "outbox sender: database unavailable, retrying",
                        error=type(error).__name__,
                    )
                database_down, busy = True, False
                self._next_turn_s = self.poll_s
            except Exception:  # the sender must outlive any one bad round
                log.exception("outbox sender round failed")
                busy = False
            else:
                if database_down:
                    log.info("outbox sender: database available again")
                database_down = False
            if not busy:
                self._wake.wait(max(min(self.poll_s, self._next_turn_s), 0.01))
                self._wake.clear()

    def start(self) -> None:
        """Drain in a daemon thread of its own (once); `stop` ends it."""
        if self._thread is not None:
            return
        self._stop = threading.Event()
        self._thread = start_sender(self, self._stop)

    def stop(self, timeout: float = 10.0) -> None:
        """End the drain thread and let attempts in flight finish."""
        if self._stop is not None and self._thread is not None:
            self._stop.set()
            self.wake()
            self._thread.join(timeout)
            self._thread = None
        if self._pool is not None:
            self._pool.shutdown(wait=True)

    def wake(self) -> None:
        self._wake.set()

    @property
    def in_flight(self) -> int:
        """Attempts handed to the pool and not finished yet."""
        with self._flight_lock:
            return len(self._in_flight)

    def wait_idle(self, timeout: float = 30.0) -> bool:
        """Block until no row is pending or in flight (tests and benches); False on timeout."""
        deadline = time.monotonic() + timeout
        while True:
            with self.database.session() as session:
                pending = outbox.pending_count(session)
            if pending == 0 and self.in_flight == 0:
                return True
            if time.monotonic() >= deadline:
                return False
            time.sleep(0.05)

    # -- one attempt ----------------------------------------------------------------

    def attempt(
        self, row_id: int, now: datetime | None = None, turn: Turn | None = None
    ) -> Outcome:
        """One try at the row, in the pacer `turn` taken for it. Threads of one sender share
        its holder name (a claim keeps other processes off), so a row another of our threads
        is trying is skipped here: a job's `deliver` and the drain must never send the same
        row side by side. The turn is settled on every way out: landed once a send ended,
        given back when nothing was sent."""
        try:
            with self._flight_lock:
                if row_id in self._attempting:
                    return Outcome.SKIPPED
                self._attempting.add(row_id)
            try:
                return self._attempt(row_id, now, turn)
            finally:
                with self._flight_lock:
                    self._attempting.discard(row_id)
        finally:
            if turn is not None:
                turn.cancel()  # a no-op once landed

    def _attempt(self, row_id: int, now: datetime | None, turn: Turn | None) -> Outcome:
        now = now or self.clock()
        claimed = self._claim(row_id, now, turn)
        if isinstance(claimed, Outcome):
            return claimed
        pending = claimed.pending
        if claimed.uncertain and lookable(pending):
            try:
                found = self.transport.find(pending)
            except Exception as exc:  # cannot look now: never send blind, try later
                return self._later(pending, now, claimed.attempts, repr(exc), uncertain=True)
            if found is not None:
                self._record(pending, found, None)
                if turn is not None and not self._counted(claimed):
                    turn.landed()  # it landed no later than now: Slack may count it still
                log.info("outbox: earlier send had landed", key=pending.key, ts=found.ts)
                return Outcome.FOUND
        # An uncertain row that cannot be looked for (an ephemeral message, a response_url
        # reply) is sent again: Slack keeps no copy we could read back, and for a private note
        # to one member a rare second copy is better than a reply that never comes.
        if now >= claimed.deadline:
            return self._give_up(pending, claimed.notify, "deadline passed", now)
        if claimed.uncertain:
            with self.database.session() as session:
                outbox.begin_send(session, pending.id)
        return self._send(claimed, now, turn)

    def _claim(self, row_id: int, now: datetime, turn: Turn | None) -> Claimed | Outcome:
        """Take the row, in one transaction with its channel's turn across processes (a turn
        of this process's pacer is refused while another sender's send in the channel is on
        its way or ended less than a spacing ago: the pacer then holds the channel till
        then). The common case also marks the send begun in that transaction."""
        with self.database.session() as session:
            if turn is not None:
                outbox.lock_channel(session, turn.channel)
                wait = outbox.channel_wait(
                    session,
                    turn.channel,
                    row_id,
                    holder=self.holder,
                    now=now,
                    at=self.clock(),
                    spacing=CHANNEL_SPACING,
                )
                if wait > 0:
                    self.pacer.hold(turn.channel, wait)
                    return Outcome.BUSY
            if not outbox.claim(session, row_id, self.holder, now, self.hold):
                return Outcome.SKIPPED
            row = session.get(OutboxMessage, row_id)
            assert row is not None
            claimed = Claimed(
                pending_of(row),
                row.uncertain,
                row.deadline,
                row.attempts,
                row.notify_user,
                _aware(row.sent_at) if row.sent_at is not None else None,
            )
            if not claimed.uncertain and now < claimed.deadline:
                outbox.begin_send(session, row_id)
        return claimed

    def _counted(self, claimed: Claimed) -> bool:
        """Whether the budget already counts the row's last send: it ended (`sent_at`) within
        the window, so a pacer counted it as it landed or was seeded with it (also as an
        unknown landing). Otherwise (a crash between send and record) when it landed is
        unknown, and a found row counts from when it was found, the latest it can have
        landed."""
        if claimed.pending.id in self._seeded_unknown:
            return True
        landed = claimed.landed_at
        return landed is not None and landed > self.clock() - BUDGET_WINDOW

    def _send(self, claimed: Claimed, now: datetime, turn: Turn | None) -> Outcome:
        pending, attempts = claimed.pending, claimed.attempts + 1
        try:
            delivered = self.transport.send(pending)
        except RateLimited as limited:  # not counted at Slack: the turn is given back
            return self._rate_limited(pending, now, limited)
        except NotSent as exc:
            return self._later(pending, now, attempts, str(exc), uncertain=False)
        except MaybeSent as exc:  # it may have reached Slack and counted there
            landing = self._landed(turn)
            return self._later(pending, now, attempts, str(exc), uncertain=True, landing=landing)
        except Refused as exc:
            return self._give_up(pending, claimed.notify, str(exc), now, code=exc.code)
        self._record(pending, delivered, self._landed(turn))
        return Outcome.SENT

    def _landed(self, turn: Turn | None) -> outbox.Landing:
        """A send ended: its channel's next turn counts from now, here and (through the row)
        in other processes."""
        landing = outbox.Landing(self.clock(), self.holder)
        if turn is not None:
            turn.landed()
        return landing

    def _rate_limited(self, pending: Pending, now: datetime, limited: RateLimited) -> Outcome:
        SLACK_RATE_LIMITED.labels(method=pending.method).inc()
        if paced(pending):
            self.pacer.hold(pending.channel, limited.retry_after_s)
        at = now + timedelta(seconds=limited.retry_after_s)
        with self.database.session() as session:
            outbox.refund_attempt(session, pending.id)
            outbox.retry_later(session, pending.id, at=at, error="ratelimited", uncertain=False)
        return Outcome.RETRY

    def _record(
        self, pending: Pending, delivered: Delivered, landing: outbox.Landing | None
    ) -> None:
        with self.database.session() as session:
            recorded = outbox.mark_sent(
                session, pending.id, ts=delivered.ts, channel=delivered.channel, landing=landing
            )
        if recorded and pending.key.startswith("post:"):
            QUIZ_POSTS.inc()

    def _later(
        self,
        pending: Pending,
        now: datetime,
        attempts: int,
        error: str,
        *,
        uncertain: bool,
        landing: outbox.Landing | None = None,
    ) -> Outcome:
        at = now + timedelta(seconds=backoff_s(attempts))
        log.info("outbox: will retry", key=pending.key, error=error, at=at.isoformat())
        with self.database.session() as session:
            outbox.retry_later(
                session, pending.id, at=at, error=error, uncertain=uncertain, landing=landing
            )
        return Outcome.RETRY

    def _give_up(
        self, pending: Pending, notify: str | None, error: str, now: datetime, *, code: str = ""
    ) -> Outcome:
        """Mark the row failed; tell the member who asked, if any, and pause the channel's
        subscription when Slack says its posts can never go out there."""
        with self.database.session() as session:
            row = outbox.mark_failed(session, pending.id, error=error, now=now)
            purpose = row.purpose or pending.method
            pause_if_gone(
                session,
                pending,
                code,
                broadcast=uses_budget(pending),
                admins=self.admins,
                now=now,
            )
            if notify and pending.method != RESPONSE_METHOD:
                outbox.enqueue(
                    session,
                    f"{pending.key}:undelivered",
                    channel=pending.channel,
                    method=EPHEMERAL_METHOD,
                    payload={"user": notify, "text": general.UNDELIVERED},
                    now=now,
                    deadline=NOTICE_DEADLINE,
                    team_id=pending.team_id,
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
            return pending_of(row)


# Keys of messages that answer a member (in a thread, a DM, privately): paced per channel
# only. Everything else (the scheduled question, reveals, boards, nudges, admin DMs) is a
# broadcast and also takes a slot of the workspace budget.
REPLY_KEYS = ("answer:", "respond:", "practice:", "graded:", "report:", "error:")


def uses_budget(row: Pending) -> bool:
    """Whether the row counts against STUDYBOT_SLACK_POSTS_PER_MINUTE (broadcasts only)."""
    return budget_key(row.key)


def budget_key(key: str) -> bool:
    """Whether a row under `key` is a broadcast (see `uses_budget`)."""
    return not key.startswith(REPLY_KEYS) and not key.endswith(":undelivered")


def paced(row: Pending) -> bool:
    """response_url replies are not channel posts: Slack does not pace them per channel."""
    return row.method != RESPONSE_METHOD


def lookable(row: Pending) -> bool:
    """Whether an earlier send can be found in the channel (ephemeral ones cannot)."""
    return row.method not in (EPHEMERAL_METHOD, RESPONSE_METHOD)


def pending_of(row: OutboxMessage) -> Pending:
    return Pending(
        row.id,
        row.key,
        row.channel,
        row.method,
        dict(row.payload),
        _aware(row.created_at),
        row.team_id,
    )


def _aware(at: datetime) -> datetime:
    """SQLite hands datetimes back without their zone; they were written in UTC."""
    return at if at.tzinfo is not None else at.replace(tzinfo=UTC)


# The bot token of a workspace (an OAuth installation), None when it is not installed there.
TokenSource = Callable[[str], str | None]


class NotInstalled(NotSent):
    """No token for the row's workspace (yet): nothing was sent; try again later."""


class SlackTransport:
    """Sends rows with a WebClient that never retries by itself (a blind retry could post
    twice), and finds an earlier send by the key in the message metadata.

    With `tokens` (the app installed by OAuth in several workspaces) a row that names its
    workspace is sent and looked for with that workspace's own bot token."""

    def __init__(
        self,
        client: WebClient,
        lookback: int = LOOKBACK_MESSAGES,
        timeout: float = 30.0,
        *,
        tokens: TokenSource | None = None,
    ) -> None:
        client.retry_handlers = []
        self.client = client
        self.lookback = lookback
        self.timeout = timeout
        self.tokens = tokens
        self._clients: dict[str, WebClient] = {}
        self._clients_lock = threading.Lock()

    def client_for(self, message: Pending) -> WebClient:
        """The client with the token of the row's workspace (the default one without)."""
        if self.tokens is None or not message.team_id:
            return self.client
        token = self.tokens(message.team_id)
        if not token:
            raise NotInstalled(f"no installation for team {message.team_id}")
        with self._clients_lock:
            client = self._clients.get(token)
            if client is None:
                client = WebClient(
                    token=token,
                    base_url=self.client.base_url,
                    timeout=self.client.timeout,
                    retry_handlers=[],
                )
                self._clients[token] = client
            return client

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
        if message.method == RESPONSE_METHOD:
            return post_response(payload["url"], payload["body"], self.timeout)
        client = self.client_for(message)
        if message.method == UPLOAD_METHOD:
            content = base64.b64decode(payload.pop("content_b64"))
            response = client.files_upload_v2(channel=message.channel, content=content, **payload)
            files = response.get("files") or [response.get("file") or {}]
            return Delivered(str(files[0].get("id", "")), message.channel)
        if message.method == EPHEMERAL_METHOD:
            response = client.chat_postEphemeral(channel=message.channel, **payload)
            return Delivered(str(response.get("message_ts", "")), message.channel)
        response = client.chat_postMessage(
            channel=message.channel, metadata=outbox.metadata_for(message.key), **payload
        )
        return Delivered(str(response["ts"]), str(response["channel"]))

    def find(self, message: Pending) -> Delivered | None:
        """Look for the message by its key, page after page (cursor), back to a little before
        the row was written (`oldest`): nothing older can be it, and a busy channel or thread
        may have far more than one page of messages since."""
        client = self.client_for(message)
        channel = self._conversation(client, message.channel)
        thread_ts = message.payload.get("thread_ts")
        oldest = f"{message.created_at.timestamp() - FIND_SKEW_S:.6f}"
        cursor: str | None = None
        for _page in range(MAX_FIND_PAGES):
            args: dict[str, Any] = {
                "channel": channel,
                "include_all_metadata": True,
                "limit": self.lookback,
                "oldest": oldest,
            }
            if cursor:
                args["cursor"] = cursor
            if thread_ts:
                response = client.conversations_replies(ts=thread_ts, **args)
            else:
                response = client.conversations_history(**args)
            for found in response.get("messages", []):
                if _is_ours(found, message):
                    return Delivered(_found_id(found, message), channel)
            cursor = (response.get("response_metadata") or {}).get("next_cursor") or None
            if not cursor:
                return None
        raise MaybeSent(f"not found in {MAX_FIND_PAGES} pages: look again later")

    @staticmethod
    def _conversation(client: WebClient, channel: str) -> str:
        """A member id means the DM with them: history is read from the DM's own id."""
        if channel.startswith(("U", "W")):
            return str(client.conversations_open(users=channel)["channel"]["id"])
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
    return Refused(f"slack refused: {code or status}", code)


def post_response(url: str, body: dict[str, Any], timeout: float) -> Delivered:
    """POST a reply to an interaction's response_url. 5xx and a reply that never comes are
    MaybeSent (the sender sends again: see `attempt`), 404/400 (expired or used up, bad
    blocks) Refused, 429 RateLimited."""
    data = json.dumps(body).encode()
    request = urllib.request.Request(
        url, data=data, headers={"Content-Type": "application/json; charset=utf-8"}
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            response.read()
    except HTTPError as error:
        if error.code == 429:
            raise RateLimited(float(error.headers.get("Retry-After") or 1)) from error
        if error.code >= 500:
            raise MaybeSent(f"response_url {error.code}") from error
        raise Refused(f"response_url refused: {error.code}") from error
    # Refused connections, timeouts and dropped replies go up to `SlackTransport.send`, which
    # classifies them as for any Web API call.
    return Delivered("", "")


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
# Threads that send for the bot process: I/O-bound, apart from the CPU-bound answer workers.
SENDER_WORKERS = 8
_senders_lock = threading.Lock()


def sender_of(services: Services) -> OutboxSender:
    """The bot process's sender, made and started on first use (one per Services): its own
    drain thread and pool of send threads, so no answer worker ever waits on Slack."""
    with _senders_lock:
        if services.sender is None:
            settings = services.settings
            token = settings.slack_bot_token.get_secret_value() if settings.slack_bot_token else ""
            client = sender_client(token, base_url=settings.slack_api_url)
            sender = OutboxSender(
                services.database,
                SlackTransport(client, tokens=installation_tokens(services)),
                Pacer(per_minute=settings.slack_posts_per_minute),
                holder=f"bot:{socket.gethostname()}:{os.getpid()}",
                # The wall clock, not the domain's `services.now`: backoff, Retry-After,
                # claims and deadlines are real seconds against Slack. What is queued for
                # this sender is stamped with its clock (`sender.clock()`).
                clock=utc_now,
                workers=SENDER_WORKERS,
                admins=settings.admins,
            )
            sender.start()
            services.sender = sender
        sender = services.sender
    assert isinstance(sender, OutboxSender)
    return sender


def installation_tokens(services: Services) -> TokenSource | None:
    """The bot process's token source (see `workspace_tokens`)."""
    return workspace_tokens(services.settings, services.database)


def workspace_tokens(settings: Settings, database: Database) -> TokenSource | None:
    """With OAuth installs, each workspace's bot token from slack-bolt's installation store
    (the tables `create_app` made in our database); None with a single SLACK_BOT_TOKEN."""
    if not (settings.slack_client_id and settings.slack_client_secret):
        return None
    from slack_sdk.oauth.installation_store.sqlalchemy import SQLAlchemyInstallationStore

    store = SQLAlchemyInstallationStore(client_id=settings.slack_client_id, engine=database.engine)

    def token(team_id: str) -> str | None:
        bot = store.find_bot(enterprise_id=None, team_id=team_id)
        return bot.bot_token if bot is not None else None

    return token


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
    method: str = "chat.postMessage",
    team_id: str | None = None,
) -> int | None:
    """Write the reply to the outbox under `key` (once) and wake the sender, which sends it
    from its own threads and retries it until `deadline` (then `asker` is told). Returns the
    row's id, or None when the key was already sent or given up on."""
    sender = sender_of(services)
    with services.database.session() as session:
        row = outbox.enqueue(
            session,
            key,
            channel=channel,
            method=method,
            payload=jsonable(payload),
            now=sender.clock(),
            deadline=deadline,
            notify_user=asker,
            team_id=team_id,
        )
        if team_id:  # what the scheduler later queues for them goes to the same workspace
            for conversation in {channel, asker or ""}:
                outbox.remember_team(session, conversation, team_id, sender.clock())
        row_id, status = row.id, row.status
    if status != outbox.Status.PENDING:
        return None
    sender.wake()
    return row_id
