"""FakeSlack: a Slack Web API over real HTTP on 127.0.0.1 that records every call.

Point a real ``WebClient(base_url=fake.api_url)`` at it. It checks tokens and Block Kit
limits, answers the methods in ``methods.METHODS``, serves file-upload URLs and slash
command ``response_url`` endpoints, and can be told to fail or to enforce rate limits.
"""

from __future__ import annotations

import email.parser
import email.policy
import itertools
import json
import socket
import threading
import time
from collections import Counter
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Any
from urllib.parse import parse_qs, urlsplit

from slack_sdk import WebClient

from tests.fakeslack.limits import MESSAGE_BLOCKS_MAX, PostRateLimiter, block_errors
from tests.fakeslack.methods import (
    APP_LEVEL_METHODS,
    METHODS,
    NO_AUTH_METHODS,
    FakeUser,
    SlackMethodError,
    Workspace,
)

# How long a test waits for a call by default. Calls arrive in well under a second; the bound
# only matters when one never comes, and 5 s was too tight for a full suite on 2 loaded cores
# (a practice DM and an App Home publish each once took longer in a loaded run).
WAIT_S = 30.0

DEFAULT_TOKEN_PREFIXES = ("xoxb-", "xoxp-")
APP_TOKEN_PREFIX = "xapp-"
# Arguments Slack accepts as JSON strings inside a form-encoded body.
JSON_STRING_ARGS = ("blocks", "attachments", "view", "files", "metadata", "users_json")
RESPONSE_URL_MAX_USES = 5
RATE_LIMITED_METHODS = frozenset({"chat.postMessage"})
# The name `fail_next` and `drop_reply_next` take for posts to a response_url.
RESPONSE_URL = "response_url"


@dataclass(frozen=True)
class Call:
    """One request the fake received and what it answered."""

    method: str
    body: dict[str, Any]
    headers: dict[str, str]
    at: float
    status: int
    response: dict[str, Any]

    @property
    def ok(self) -> bool:
        return self.status == 200 and bool(self.response.get("ok"))


@dataclass(frozen=True)
class _Failure:
    status: int
    error: str
    retry_after: int


class WaitTimeout(AssertionError):
    """A ``wait_for`` whose calls did not arrive in time; the message lists what did."""


def parse_body(raw: bytes, content_type: str, query: str = "") -> dict[str, Any]:
    """Arguments from a JSON, form-encoded or multipart body, plus the query string."""
    args: dict[str, Any] = {k: v[-1] for k, v in parse_qs(query, keep_blank_values=True).items()}
    mime = content_type.split(";")[0].strip().lower()
    if mime == "application/json" and raw:
        decoded = json.loads(raw)
        if isinstance(decoded, dict):
            args.update(decoded)
        return args
    if mime == "multipart/form-data":
        args.update(_parse_multipart(raw, content_type))
    elif raw:
        form = parse_qs(raw.decode("utf-8"), keep_blank_values=True)
        args.update({k: v[-1] for k, v in form.items()})
    for key in JSON_STRING_ARGS:
        if isinstance(args.get(key), str):
            args[key] = _json_or_raw(args[key])
    return args


def _json_or_raw(value: str) -> Any:
    try:
        return json.loads(value)
    except json.JSONDecodeError:
        return value  # left as a string so the method reports invalid_*_format


def _parse_multipart(raw: bytes, content_type: str) -> dict[str, Any]:
    head = f"Content-Type: {content_type}\r\n\r\n".encode()
    message = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(head + raw)
    parts: dict[str, Any] = {}
    for part in message.iter_parts():
        name = part.get_param("name", header="content-disposition")
        payload = part.get_payload(decode=True) or b""
        if isinstance(name, str):
            is_file = part.get_filename() is not None
            parts[name] = payload if is_file else payload.decode("utf-8")
    return parts


class FakeSlack:
    """A fake Slack Web API on a real local HTTP server. Use as a context manager.

    ``tokens``: the accepted bot/user tokens; None accepts any ``xoxb-``/``xoxp-`` token.
    ``per_channel_per_second`` / ``workspace_per_minute``: chat.postMessage rate limits,
    off unless given. ``clock`` times calls and rate limits (monotonic seconds);
    ``ts_clock`` (epoch seconds) is what message ts follow, as at Slack.
    """

    def __init__(
        self,
        *,
        tokens: Collection[str] | None = None,
        users: Iterable[FakeUser] = (),
        team_id: str = "T1",
        per_channel_per_second: float | None = None,
        workspace_per_minute: int | None = None,
        clock: Callable[[], float] = time.monotonic,
        ts_clock: Callable[[], float] = time.time,
    ) -> None:
        self._tokens = frozenset(tokens) if tokens is not None else None
        self._clock = clock
        self._changed = threading.Condition(threading.RLock())
        self._calls: list[Call] = []
        self._failures: dict[str, list[_Failure]] = {}
        self._slow: dict[str, float] = {}
        self._responses: dict[str, list[dict[str, Any]]] = {}
        self._response_ids = itertools.count(1)
        self._limiter = PostRateLimiter(
            per_channel_per_second=per_channel_per_second,
            workspace_per_minute=workspace_per_minute,
            clock=clock,
        )
        self.rate_limited_count = 0
        self.workspace = Workspace(team_id=team_id, ts_clock=ts_clock)
        self.workspace.upload_url_for = lambda file_id: f"{self.url}/upload/{file_id}"
        for user in users:
            self.add_user(user)
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None
        self._port = 0
        self._dropped: dict[str, int] = {}
        self._delays: dict[str, list[float]] = {}
        self._limited_until: float | None = None
        self._limited_retry_after = 1

    # -- lifecycle -------------------------------------------------------------

    def start(self) -> FakeSlack:
        if self._server is not None:
            return self
        server = ThreadingHTTPServer(("127.0.0.1", self._port), _handler_class(self))
        self._port = server.server_address[1]
        server.daemon_threads = True
        self._server = server
        self._thread = threading.Thread(
            target=server.serve_forever, name="fakeslack", kwargs={"poll_interval": 0.05}
        )
        self._thread.daemon = True
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._server is None:
            return
        self._server.shutdown()
        self._server.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)
        self._server = None
        self._thread = None

    def __enter__(self) -> FakeSlack:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    @property
    def url(self) -> str:
        """The server's base URL, e.g. ``http://127.0.0.1:54321`` (no trailing slash)."""
        if self._server is None:
            raise RuntimeError("FakeSlack is not running; call start() or use it in a with block")
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}"

    @property
    def api_url(self) -> str:
        """What to pass as ``WebClient(base_url=...)``: slack_sdk appends the method name."""
        return f"{self.url}/api/"

    def client(self, token: str = "xoxb-test-token", **kwargs: Any) -> WebClient:
        """A real WebClient aimed at this fake."""
        return WebClient(token=token, base_url=self.api_url, **kwargs)

    # -- configuring the workspace -----------------------------------------------

    def add_user(self, user: FakeUser) -> None:
        with self._changed:
            self.workspace.users[user.id] = user

    def add_message(
        self,
        channel: str,
        text: str,
        *,
        user: str = "U1",
        thread_ts: str | None = None,
        ts: str | None = None,
    ) -> str:
        """Seed a message someone else wrote (a quiz answer in a thread, say); returns its ts."""
        with self._changed:
            message: dict[str, Any] = {
                "type": "message",
                "user": user,
                "text": text,
                "ts": ts or self.workspace.next_ts(),
                "team": self.workspace.team_id,
            }
            if thread_ts is not None:
                message["thread_ts"] = thread_ts
            self.workspace.add_message(channel, message)
            return str(message["ts"])

    def not_invited_to(self, channel: str) -> None:
        """The bot is not a member of `channel`: posts and reads there get `not_in_channel`."""
        with self._changed:
            self.workspace.outside.add(channel)

    def archive(self, channel: str) -> None:
        """`channel` is archived: posting there gets `is_archived`, reading it still works."""
        with self._changed:
            self.workspace.archived.add(channel)

    def messages(self, channel: str) -> list[dict[str, Any]]:
        """The channel's stored messages, oldest first, thread replies included."""
        with self._changed:
            return [dict(m) for m in self.workspace.messages.get(channel, [])]

    def uploaded(self, file_id: str) -> bytes:
        """The bytes POSTed to a file's upload URL."""
        with self._changed:
            upload = self.workspace.files.get(file_id)
            if upload is None or upload.data is None:
                raise KeyError(f"no bytes were uploaded for {file_id}")
            return upload.data

    def fail_next(
        self,
        method: str,
        *,
        status: int | None = None,
        error: str | None = None,
        retry_after: int = 1,
        times: int = 1,
    ) -> None:
        """Make the next ``times`` calls to ``method`` fail.

        With no arguments: HTTP 429 ``ratelimited`` with ``Retry-After: retry_after``.
        ``status=500`` (or 503): a server error. ``error="..."``: HTTP 200, ``ok: false``.
        """
        if status is None:
            status = 200 if error is not None else 429
        if error is None:
            error = {429: "ratelimited", 503: "service_unavailable"}.get(status, "internal_error")
        with self._changed:
            queue = self._failures.setdefault(method, [])
            queue.extend(_Failure(status, error, retry_after) for _ in range(times))

    def slow(self, method: str, seconds: float) -> None:
        """Answer every call to ``method`` only after ``seconds`` (0 makes it prompt again)."""
        with self._changed:
            self._slow[method] = seconds

    def delay_of(self, method: str) -> float:
        with self._changed:
            return self._slow.get(method, 0.0)

    def drop_reply_next(self, method: str, *, times: int = 1) -> None:
        """Accept the next ``times`` calls to ``method`` (a post is stored) and then close the
        connection without answering: the caller cannot know whether it worked."""
        with self._changed:
            self._dropped[method] = self._dropped.get(method, 0) + times

    def delay_reply_next(self, method: str, seconds: float, *, times: int = 1) -> None:
        """Accept the next ``times`` calls to ``method`` at once, answer ``seconds`` later
        (a slow Slack: the post is visible in the channel before the caller hears back)."""
        with self._changed:
            self._delays.setdefault(method, []).extend([seconds] * times)

    def reply_delay(self, method: str) -> float:
        with self._changed:
            queue = self._delays.get(method)
            return queue.pop(0) if queue else 0.0

    def refuse_connections(self) -> None:
        """Stop listening (connections are refused) until ``accept_connections``."""
        self.stop()

    def accept_connections(self) -> None:
        """Listen again, on the same port."""
        self.start()

    def limit_posts(
        self, *, per_channel_per_second: float | None, workspace_per_minute: int | None = None
    ) -> None:
        """Enforce Slack's chat.postMessage limits from now on (as the constructor's)."""
        with self._changed:
            self._limiter = PostRateLimiter(
                per_channel_per_second=per_channel_per_second,
                workspace_per_minute=workspace_per_minute,
                clock=self._clock,
            )

    def rate_limit_until(self, until: float, *, retry_after: int = 30) -> None:
        """Answer every chat.postMessage 429 until ``clock()`` reaches ``until``."""
        with self._changed:
            self._limited_until = until
            self._limited_retry_after = retry_after

    def should_drop(self, method: str) -> bool:
        with self._changed:
            left = self._dropped.get(method, 0)
            if left:
                self._dropped[method] = left - 1
            return bool(left)

    def reset(self) -> None:
        """Forget calls, failures, rate-limit history, responses and workspace content."""
        with self._changed:
            self._calls.clear()
            self._failures.clear()
            self._responses.clear()
            self._limiter.reset()
            self.rate_limited_count = 0
            self.workspace.clear()

    # -- inspecting calls ----------------------------------------------------------

    def calls(self, method: str | None = None, *, ok: bool | None = None) -> list[Call]:
        """Recorded calls, oldest first; ``ok=True`` keeps only the ones Slack accepted."""
        with self._changed:
            return [
                call
                for call in self._calls
                if (method is None or call.method == method) and (ok is None or call.ok == ok)
            ]

    def count(self, method: str | None = None, *, ok: bool | None = None) -> int:
        return len(self.calls(method, ok=ok))

    def last(self, method: str) -> Call:
        calls = self.calls(method)
        if not calls:
            raise AssertionError(f"no {method} call was received; {self._received()}")
        return calls[-1]

    def wait_for(
        self, method: str, count: int = 1, timeout: float = WAIT_S, *, ok: bool | None = None
    ) -> list[Call]:
        """Block until ``count`` calls to ``method`` have arrived; returns them all."""
        with self._changed:
            arrived = self._changed.wait_for(
                lambda: len(self.calls(method, ok=ok)) >= count, timeout=timeout
            )
            if not arrived:
                kind = " successful" if ok else " failed" if ok is False else ""
                raise WaitTimeout(
                    f"timed out after {timeout}s waiting for {count}{kind} {method} call(s); "
                    f"got {len(self.calls(method, ok=ok))}. {self._received()}"
                )
            return self.calls(method, ok=ok)

    def _received(self) -> str:
        tally = Counter(call.method for call in self._calls)
        if not tally:
            return "No calls were received."
        listed = ", ".join(f"{name} x{n}" for name, n in sorted(tally.items()))
        return f"Calls received: {listed}."

    # -- response_url --------------------------------------------------------------

    def new_response_url(self) -> str:
        """A slash-command style response_url served by this fake (5 uses)."""
        with self._changed:
            response_id = str(next(self._response_ids))
            self._responses[response_id] = []
            return f"{self.url}/response/{response_id}"

    def responses(self, response_url: str) -> list[dict[str, Any]]:
        """The JSON bodies posted to ``response_url`` (a URL or its id), oldest first."""
        with self._changed:
            return list(self._responses.get(_response_id(response_url), []))

    def wait_for_response(
        self, response_url: str, count: int = 1, timeout: float = WAIT_S
    ) -> list[dict[str, Any]]:
        with self._changed:
            arrived = self._changed.wait_for(
                lambda: len(self.responses(response_url)) >= count, timeout=timeout
            )
            if not arrived:
                raise WaitTimeout(
                    f"timed out after {timeout}s waiting for {count} post(s) to {response_url}; "
                    f"got {len(self.responses(response_url))}. {self._received()}"
                )
            return self.responses(response_url)

    # -- request handling (called from server threads) --------------------------------

    def _handle_api(
        self, method: str, args: dict[str, Any], headers: dict[str, str]
    ) -> tuple[int, dict[str, Any], dict[str, str]]:
        with self._changed:
            status, body, extra_headers = self._answer(method, args, headers)
            call = Call(method, args, headers, self._clock(), status, body)
            self._calls.append(call)
            self._changed.notify_all()
            return status, body, extra_headers

    def _answer(
        self, method: str, args: dict[str, Any], headers: dict[str, str]
    ) -> tuple[int, dict[str, Any], dict[str, str]]:
        handler = METHODS.get(method)
        if handler is None:
            return 200, {"ok": False, "error": "unknown_method"}, {}
        app_level = method in APP_LEVEL_METHODS
        auth_error = (
            None if method in NO_AUTH_METHODS else self._auth_error(args, headers, app_level)
        )
        if auth_error is not None:
            return 200, {"ok": False, "error": auth_error}, {}
        failure = self._take_failure(method)
        if failure is not None:
            return self._failure_answer(failure)
        retry_after = self._rate_limit(method, args)
        if retry_after is not None:
            self.rate_limited_count += 1
            return self._failure_answer(_Failure(429, "ratelimited", retry_after))
        try:
            return 200, handler(self.workspace, args), {}
        except SlackMethodError as refusal:
            return 200, refusal.body(), {}

    def _auth_error(
        self, args: dict[str, Any], headers: dict[str, str], app_level: bool = False
    ) -> str | None:
        authorization = headers.get("authorization", "")
        token = authorization.removeprefix("Bearer ").strip() if authorization else ""
        token = token or str(args.get("token") or "")
        if not token:
            return "not_authed"
        if app_level:  # only an app-level token opens a Socket Mode connection, as at Slack
            return None if token.startswith(APP_TOKEN_PREFIX) else "not_allowed_token_type"
        if self._tokens is None:
            return None if token.startswith(DEFAULT_TOKEN_PREFIXES) else "invalid_auth"
        return None if token in self._tokens else "invalid_auth"

    def _take_failure(self, method: str) -> _Failure | None:
        queue = self._failures.get(method)
        return queue.pop(0) if queue else None

    @staticmethod
    def _failure_answer(failure: _Failure) -> tuple[int, dict[str, Any], dict[str, str]]:
        headers = {"Retry-After": str(failure.retry_after)} if failure.status == 429 else {}
        return failure.status, {"ok": False, "error": failure.error}, headers

    def _rate_limit(self, method: str, args: dict[str, Any]) -> int | None:
        if method not in RATE_LIMITED_METHODS:
            return None
        if self._limited_until is not None and self._clock() < self._limited_until:
            return self._limited_retry_after
        if not self._limiter.enabled:
            return None
        channel = args.get("channel")
        return self._limiter.check(channel) if isinstance(channel, str) and channel else None

    def _handle_upload(self, file_id: str, data: bytes) -> tuple[int, str]:
        with self._changed:
            upload = self.workspace.files.get(file_id)
            if upload is None:
                return 404, "file_not_found"
            upload.data = data
            self._changed.notify_all()
            return 200, f"OK - {len(data)}"

    def _handle_response_url(
        self, response_id: str, body: dict[str, Any]
    ) -> tuple[int, dict[str, Any]]:
        with self._changed:
            posts = self._responses.get(response_id)
            if posts is None:
                return 404, {"ok": False, "error": "expired_url"}
            failure = self._take_failure(RESPONSE_URL)
            if failure is not None:
                return failure.status, {"ok": False, "error": failure.error}
            if len(posts) >= RESPONSE_URL_MAX_USES:
                return 404, {"ok": False, "error": "used_url"}
            error = _response_error(body)
            if error is not None:
                return 400, {"ok": False, "error": error}
            posts.append(body)
            self._changed.notify_all()
            return 200, {"ok": True}


def _response_error(body: dict[str, Any]) -> str | None:
    blocks = body.get("blocks")
    if not body.get("text") and not blocks and not body.get("delete_original"):
        return "no_text"
    if blocks is not None and not isinstance(blocks, list):
        return "invalid_blocks_format"
    if blocks and block_errors(blocks, pointer="/blocks", max_blocks=MESSAGE_BLOCKS_MAX):
        return "invalid_blocks"
    return None


def _response_id(response_url: str) -> str:
    return response_url.rstrip("/").rsplit("/", 1)[-1]


def _handler_class(fake: FakeSlack) -> type[BaseHTTPRequestHandler]:
    class Handler(_RequestHandler):
        slack = fake

    return Handler


class _RequestHandler(BaseHTTPRequestHandler):
    """Routes /api/<method>, /upload/<file_id> and /response/<id> to the FakeSlack."""

    slack: FakeSlack
    protocol_version = "HTTP/1.1"

    def do_POST(self) -> None:
        self._route()

    def do_GET(self) -> None:
        self._route()

    def log_message(self, format: str, *args: Any) -> None:
        """Silence the default stderr access log."""

    def _route(self) -> None:
        parts = urlsplit(self.path)
        raw = self._read_body()
        kind, _, name = parts.path.lstrip("/").partition("/")
        if kind == "api" and name:
            self._api(name, raw, parts.query)
        elif kind == "upload" and name:
            status, text = self.slack._handle_upload(name, raw)
            self._send(status, text.encode(), "text/plain; charset=utf-8")
        elif kind == "response" and name:
            self._response_url(name, raw)
        else:
            self._send_json(404, {"ok": False, "error": "not_found"})

    def _read_body(self) -> bytes:
        length = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(length) if length else b""

    def _api(self, method: str, raw: bytes, query: str) -> None:
        time.sleep(self.slack.delay_of(method))
        headers = {k.lower(): v for k, v in self.headers.items()}
        try:
            args = parse_body(raw, headers.get("content-type", ""), query)
        except (json.JSONDecodeError, UnicodeDecodeError):
            self._send_json(200, {"ok": False, "error": "invalid_json"})
            return
        status, body, extra = self.slack._handle_api(method, args, headers)
        delay = self.slack.reply_delay(method)
        if delay:
            time.sleep(delay)
        if self.slack.should_drop(method):
            self.close_connection = True
            self.connection.shutdown(socket.SHUT_RDWR)
            return
        try:
            self._send_json(status, body, extra)
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True  # the caller gave up (or was killed) meanwhile

    def _response_url(self, response_id: str, raw: bytes) -> None:
        try:
            body = parse_body(raw, self.headers.get("Content-Type", "application/json"))
        except (json.JSONDecodeError, UnicodeDecodeError):
            self._send_json(400, {"ok": False, "error": "invalid_payload"})
            return
        status, answer = self.slack._handle_response_url(response_id, body)
        if self.slack.should_drop(RESPONSE_URL):
            self.close_connection = True
            self.connection.shutdown(socket.SHUT_RDWR)
            return
        self._send_json(status, answer)

    def _send_json(
        self, status: int, body: dict[str, Any], headers: dict[str, str] | None = None
    ) -> None:
        self._send(status, json.dumps(body).encode(), "application/json; charset=utf-8", headers)

    def _send(
        self,
        status: int,
        payload: bytes,
        content_type: str,
        headers: dict[str, str] | None = None,
    ) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(payload)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(payload)
