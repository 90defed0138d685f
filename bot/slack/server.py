"""HTTP mode: one WSGI app (served by waitress) with /slack/events, /healthz, /metrics and,
when OAuth is configured, the install and redirect routes."""

from __future__ import annotations

import json
import logging
import threading
import time
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from prometheus_client import CONTENT_TYPE_LATEST, generate_latest
from slack_bolt import App
from slack_bolt.adapter.wsgi import SlackRequestHandler
from slack_sdk import WebClient
from sqlalchemy import text

from bot.metrics import REGISTRY
from bot.slack.services import Services

if TYPE_CHECKING:
    from wsgiref.types import StartResponse, WSGIApplication, WSGIEnvironment

logger = logging.getLogger(__name__)
SLACK_CHECK_SECONDS = 30.0
DEFAULT_THREADS = 16


class HealthCheck:
    """Database `SELECT 1`, index loaded, Slack reachable (auth.test, cached ~30 s)."""

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

    def run(self) -> dict[str, str]:
        return {"database": self._database(), "index": self._index(), "slack": self._slack_status()}

    def _database(self) -> str:
        try:
            with self.services.database.engine.connect() as connection:
                connection.execute(text("SELECT 1"))
        except Exception as error:
            return f"error: {type(error).__name__}"
        return "ok"

    def _index(self) -> str:
        build = getattr(self.services.tutor, "build", None)
        return "ok" if build is not None and build.exists() else "error: no index loaded"

    def _slack_status(self) -> str:
        with self._lock:
            now = self.clock()
            if self._slack is not None and now - self._slack[0] < self.slack_ttl:
                return self._slack[1]
            status = self._call_slack()
            self._slack = (now, status)
            return status

    def _call_slack(self) -> str:
        try:
            # Without a bot token (OAuth installs) only reachability can be checked.
            response = self.client.auth_test() if self.client.token else self.client.api_test()
        except Exception as error:
            logger.warning("Slack health check failed: %s", type(error).__name__)
            return f"error: {type(error).__name__}"
        return "ok" if response.get("ok") else f"error: {response.get('error')}"


def create_wsgi_app(app: App, health: HealthCheck) -> WSGIApplication:
    slack = SlackRequestHandler(app)

    def wsgi(environ: WSGIEnvironment, start_response: StartResponse) -> Iterable[bytes]:
        path, method = environ.get("PATH_INFO", ""), environ.get("REQUEST_METHOD", "GET")
        if method == "GET" and path == "/healthz":
            return _health(health, start_response)
        if method == "GET" and path == "/metrics":
            return _respond(
                start_response, "200 OK", CONTENT_TYPE_LATEST, generate_latest(REGISTRY)
            )
        return slack(environ, start_response)

    return wsgi


def _health(health: HealthCheck, start_response: StartResponse) -> Iterable[bytes]:
    checks = health.run()
    failing = [name for name, status in checks.items() if status != "ok"]
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

    return create_server(
        wsgi, host=host, port=port, threads=threads, ident="studybot", **adjustments
    )


def serve_until(server: Any, stop: threading.Event, *, tick: float = 0.05) -> None:
    """Serve until `stop` is set, then close the server from its own thread (waitress has no
    thread-safe stop: closing its socket from elsewhere races the select loop)."""
    try:
        while not stop.is_set():
            server.asyncore.loop(timeout=tick, map=server._map, count=1)
    finally:
        server.close()
