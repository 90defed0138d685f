"""HTTP mode: one WSGI app (served by waitress) with /slack/events, /healthz, /metrics and,
when OAuth is configured, the install and redirect routes."""

from __future__ import annotations

import io
import json
import logging
import threading
import time
from collections.abc import Callable, Iterable
from http import HTTPStatus
from typing import TYPE_CHECKING, Any

from prometheus_client import make_wsgi_app
from slack_bolt import App
from slack_bolt.adapter.wsgi import SlackRequestHandler
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from sqlalchemy import text

from bot.slack.front_door import MAX_BODY_BYTES, Verdict, check_body, check_signature, malformed
from bot.slack.services import Services
from common.errors import StudybotError
from common.metrics import REGISTRY, SLACK_REJECTED

if TYPE_CHECKING:
    from wsgiref.types import StartResponse, WSGIApplication, WSGIEnvironment

logger = logging.getLogger(__name__)
SLACK_CHECK_SECONDS = 30.0
SLACK_CHECKING = "checking"
EVENTS_PATH = "/slack/events"
DEFAULT_THREADS = 16
# Waitress's own limits, set deliberately (its defaults: 100 connections, 120 s idle, 1 GiB body).
# Slack opens few connections and sends small bodies; a load balancer in front should close idle
# upstream connections before CHANNEL_TIMEOUT (see the README's scale-out section).
CONNECTION_LIMIT = 500
CHANNEL_TIMEOUT = 15
CLEANUP_INTERVAL = 5
MAX_HEADER_BYTES = 64 * 1024


class PortUnavailable(StudybotError, OSError):
    """The HTTP port cannot be listened on (most often another server has it)."""

    def __init__(self, port: int, error: OSError) -> None:
        reason = error.strerror or type(error).__name__
        super().__init__(f"cannot listen on port {port}: {reason}; choose another with --port")


class HealthCheck:
    """Database `SELECT 1`, index loaded, Slack reachable. The Slack check never runs on the
    request's thread: it is refreshed in the background at most every `slack_ttl` seconds and
    /healthz reads the last result, so a slow or unreachable Slack cannot hold up a probe."""

    def __init__(
        self,
        services: Services,
        client: WebClient,
        *,
        slack_ttl: float = SLACK_CHECK_SECONDS,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.services = services
        self.client = client
        self.slack_ttl = slack_ttl
        self.clock = clock
        self._lock = threading.Lock()
        self._slack: tuple[float, str] | None = None
        self._refreshing = False

    def run(self) -> dict[str, str]:
        return {"database": self._database(), "index": self._index(), "slack": self.slack()}

    def _database(self) -> str:
        try:
            with self.services.database.engine.connect() as connection:
                connection.execute(text("SELECT 1"))
        except Exception as error:
            return f"error: {type(error).__name__}"
        return "ok"

    def _index(self) -> str:
        build = getattr(self.services.notes_index, "build", None)
        return "ok" if build is not None and build.exists() else "error: no index loaded"

    def slack(self) -> str:
        """The last Slack check ("checking" before the first), starting a refresh when stale."""
        with self._lock:
            cached = self._slack
            stale = cached is None or self.clock() - cached[0] >= self.slack_ttl
            start = stale and not self._refreshing
            self._refreshing = self._refreshing or start
        if start:
            threading.Thread(target=self.refresh_slack, name="health-slack", daemon=True).start()
        return cached[1] if cached is not None else SLACK_CHECKING

    def refresh_slack(self) -> str:
        """Call Slack now (on the caller's thread) and cache the result."""
        try:
            status = self._call_slack()
        finally:
            with self._lock:
                self._refreshing = False
        with self._lock:
            self._slack = (self.clock(), status)
        return status

    def _call_slack(self) -> str:
        try:
            # Without a bot token (OAuth installs) only reachability can be checked.
            response = self.client.auth_test() if self.client.token else self.client.api_test()
            status = "ok" if response.get("ok") else f"error: {response.get('error')}"
        except SlackApiError as error:
            status = f"error: {error.response.get('error')}"
        except Exception as error:
            status = f"error: {type(error).__name__}"
        previous = self._slack[1] if self._slack is not None else None
        if status != previous:  # one line when Slack goes away or comes back, not every check
            log = logger.info if status == "ok" else logger.warning
            log("Slack health check: %s", status)
        return status


def create_wsgi_app(app: App, health: HealthCheck, *, signing_secret: str) -> WSGIApplication:
    """Health and metrics routes, and /slack/events behind the front door (size, signature,
    shape); only a request that passes it reaches slack-bolt."""
    slack = SlackRequestHandler(app)
    metrics = make_wsgi_app(REGISTRY)  # content negotiation (OpenMetrics) and gzip included
    secret = signing_secret.encode()

    def wsgi(environ: WSGIEnvironment, start_response: StartResponse) -> Iterable[bytes]:
        path, method = environ.get("PATH_INFO", ""), environ.get("REQUEST_METHOD", "GET")
        if method == "GET" and path == "/healthz":
            return _health(health, start_response)
        if method == "GET" and path == "/metrics":
            return metrics(environ, start_response)
        if method == "POST" and path == EVENTS_PATH:
            verdict, body = admit(environ, secret)
            if not verdict.passes:
                return _refuse(start_response, verdict)
            environ = {**environ, "wsgi.input": io.BytesIO(body), "CONTENT_LENGTH": str(len(body))}
        return slack(environ, start_response)

    return wsgi


def admit(environ: WSGIEnvironment, secret: bytes) -> tuple[Verdict, bytes]:
    """Read at most MAX_BODY_BYTES, then verify the signature, then check the body's shape."""
    try:
        length = int(environ.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return malformed("bad Content-Length"), b""
    if length > MAX_BODY_BYTES:
        return Verdict(413, f"body of {length} bytes"), b""
    body = environ["wsgi.input"].read(length) if length > 0 else b""
    verdict = check_signature(
        secret,
        body,
        environ.get("HTTP_X_SLACK_REQUEST_TIMESTAMP"),
        environ.get("HTTP_X_SLACK_SIGNATURE"),
    )
    if verdict.passes:
        verdict = check_body(body, environ.get("CONTENT_TYPE") or "")
    return verdict, body


def _refuse(start_response: StartResponse, verdict: Verdict) -> Iterable[bytes]:
    assert verdict.status is not None
    SLACK_REJECTED.labels(status=str(verdict.status)).inc()
    logger.info("refused a request to %s: %s (%s)", EVENTS_PATH, verdict.status, verdict.reason)
    phrase = HTTPStatus(verdict.status).phrase
    return _respond(
        start_response, f"{verdict.status} {phrase}", "text/plain", f"{phrase}\n".encode()
    )


def _health(health: HealthCheck, start_response: StartResponse) -> Iterable[bytes]:
    checks = health.run()
    failing = [name for name, status in checks.items() if status not in ("ok", SLACK_CHECKING)]
    body: dict[str, Any] = {"status": "ok" if not failing else "failing", "checks": checks}
    if failing:
        body["failing"] = failing
    status = "200 OK" if not failing else "503 Service Unavailable"
    return _respond(start_response, status, "application/json", json.dumps(body).encode())


def _respond(
    start_response: StartResponse, status: str, content_type: str, payload: bytes
) -> Iterable[bytes]:
    start_response(status, [("Content-Type", content_type), ("Content-Length", str(len(payload)))])
    return [payload]


def make_server(
    wsgi: WSGIApplication,
    *,
    host: str = "0.0.0.0",
    port: int = 3000,
    threads: int = DEFAULT_THREADS,
    **adjustments: Any,
) -> Any:
    """A waitress server (not started): `.run()` blocks, `.close()` stops, `.effective_port`.

    `adjustments` go to waitress as they are (e.g. `asyncore_loop_timeout`)."""
    from waitress import create_server

    limits: dict[str, Any] = {
        "connection_limit": CONNECTION_LIMIT,
        "channel_timeout": CHANNEL_TIMEOUT,
        "cleanup_interval": CLEANUP_INTERVAL,
        "max_request_body_size": MAX_BODY_BYTES,
        "max_request_header_size": MAX_HEADER_BYTES,
        "asyncore_use_poll": True,  # select() cannot watch descriptors past 1024
    }
    try:
        return create_server(
            wsgi, host=host, port=port, threads=threads, ident="studybot", **(limits | adjustments)
        )
    except OSError as error:  # in use, or a privileged port
        raise PortUnavailable(port, error) from None


def serve_until(server: Any, stop: threading.Event, *, tick: float = 0.05) -> None:
    """Serve until `stop` is set, then close the server from its own thread (waitress has no
    thread-safe stop: closing its socket from elsewhere races the select loop)."""
    try:
        while not stop.is_set():
            server.asyncore.loop(
                timeout=tick, map=server._map, count=1, use_poll=server.adj.asyncore_use_poll
            )
    finally:
        server.close()
