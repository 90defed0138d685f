"""Slack end-to-end fixtures: the real HTTP server (waitress) on 127.0.0.1 port 0 in a thread,
its WebClient aimed at FakeSlack, a small fixture corpus and bank, and a fixed clock."""

from __future__ import annotations

import json
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from slack_bolt import App
from sqlalchemy import func, select

from bot.slack.app import create_app, make_client
from bot.slack.delivery import OutboxSender
from bot.slack.server import HealthCheck, create_wsgi_app, make_server, serve_until
from bot.slack.services import Services
from bot.slack.workers import WorkPool
from common.config import Settings
from quiz.grade import FreeTextGrader
from retrieval.build import BuildOptions, build_index
from retrieval.embed import Embedder
from retrieval.service import NotesIndex
from store.db import Database
from store.models import OutboxMessage
from tests.bankfixtures import FIXTURE_CORPUS, sync_corpus
from tests.dbfixtures import db, db_url
from tests.fakeslack import (
    FakeSlack,
    FakeUser,
    action_body,
    command_body,
    event_body,
    signed_headers,
)

__all__ = ["db", "db_url"]

CORPUS = FIXTURE_CORPUS
MODEL = "all-MiniLM-L6-v2"
SECRET = "test-signing-secret"
TOKEN = "xoxb-test-token"
NOW = datetime(2025, 3, 4, 10, 0, tzinfo=UTC)  # a Tuesday
BOSS = "UBOSS"  # listed in STUDYBOT_ADMINS
USERS = (
    FakeUser("U1", real_name="Alice Ames"),
    FakeUser("U2", real_name="Bob Bell"),
    FakeUser("U3", real_name="Cy Cole"),
    FakeUser("UADMIN", real_name="Wanda Admin", is_admin=True),
    FakeUser(BOSS, real_name="Boss Person"),
)


@dataclass
class Reply:
    status: int
    body: str
    seconds: float

    def json(self) -> Any:
        return json.loads(self.body)


def http(url: str, body: str | None = None, headers: dict[str, str] | None = None) -> Reply:
    data = body.encode() if body is not None else None
    request = urllib.request.Request(url, data=data, headers=headers or {})
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return Reply(response.status, response.read().decode(), time.perf_counter() - started)
    except urllib.error.HTTPError as error:
        return Reply(error.code, error.read().decode(), time.perf_counter() - started)


class Running:
    """A running server and the helpers that talk to it the way Slack does."""

    def __init__(self, url: str, fake: FakeSlack, services: Services, pool: WorkPool):
        self.url = url
        self.fake = fake
        self.services = services
        self.pool = pool
        self._ids = iter(range(1, 1_000_000))

    def settle(self, timeout: float = 10.0, *, delivered: bool = True) -> None:
        """Wait for the listener work, then for the outbox sender: every row sent (or, with
        `delivered=False`, every row tried at least once and none in flight)."""
        self.pool.wait_idle(timeout)
        sender = self.services.sender
        if sender is None:
            return
        assert isinstance(sender, OutboxSender)
        if delivered:
            assert sender.wait_idle(timeout), "the outbox still has rows to send"
            return
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with self.services.database.session() as session:
                untried = session.scalar(
                    select(func.count()).where(
                        OutboxMessage.status == "pending", OutboxMessage.attempts == 0
                    )
                )
            if not untried and sender.in_flight == 0:
                return
            time.sleep(0.05)
        raise AssertionError("the outbox sender did not try every row")

    def send(self, body: str, **sign: Any) -> Reply:
        return http(f"{self.url}/slack/events", body, signed_headers(SECRET, body, **sign))

    def event(self, event: dict[str, Any], *, event_id: str | None = None, **sign: Any) -> Reply:
        event_id = event_id or f"Ev{next(self._ids):06d}"
        return self.send(event_body(event, event_id=event_id), **sign)

    def mention(self, text: str, *, user: str = "U1", channel: str = "C1", **kw: Any) -> str:
        """A channel message mentioning the bot, stored in the fake; returns its ts."""
        thread_ts = kw.pop("thread_ts", None)
        ts = self.fake.add_message(channel, text, user=user, thread_ts=thread_ts)
        event = {"type": "app_mention", "user": user, "text": text, "ts": ts, "channel": channel}
        if thread_ts:
            event["thread_ts"] = thread_ts
        assert self.event(event, **kw).status == 200
        return ts

    def message(self, text: str, *, user: str = "U1", channel: str = "D1", **fields: Any) -> str:
        ts = self.fake.add_message(channel, text, user=user, thread_ts=fields.get("thread_ts"))
        channel_type = "im" if channel.startswith("D") else "channel"
        event = {
            "type": "message",
            "channel_type": channel_type,
            "user": user,
            "text": text,
            "ts": ts,
            "channel": channel,
            **fields,
        }
        assert self.event(event).status == 200
        return ts

    def command(self, text: str, *, user: str = "U1", channel: str = "C1") -> tuple[Reply, str]:
        response_url = self.fake.new_response_url()
        body = command_body(
            "/study", text, user_id=user, channel_id=channel, response_url=response_url
        )
        return self.send(body), response_url

    def click(
        self,
        action_id: str,
        value: str,
        *,
        user: str = "U1",
        block_id: str = "b",
        channel: str = "C1",
        message_ts: str = "1700000000.000100",
    ) -> str:
        response_url = self.fake.new_response_url()
        payload = {
            "type": "block_actions",
            "user": {"id": user, "username": user.lower(), "name": user.lower(), "team_id": "T1"},
            "api_app_id": "A1",
            "token": "legacy-verification-token",
            "container": {"type": "message", "message_ts": message_ts, "channel_id": channel},
            "trigger_id": f"trigger-{next(self._ids)}",
            "team": {"id": "T1", "domain": "studybot-test"},
            "channel": {"id": channel, "name": "study"},
            "message": {"type": "message", "ts": message_ts, "text": ""},
            "response_url": response_url,
            "actions": [
                {
                    "type": "button",
                    "action_id": action_id,
                    "block_id": block_id,
                    "value": value,
                    "action_ts": "1700000001.000000",
                }
            ],
        }
        assert self.send(action_body(payload)).status == 200
        return response_url

    def submit_view(
        self, callback_id: str, metadata: str, values: dict[str, Any], user: str
    ) -> None:
        payload = {
            "type": "view_submission",
            "team": {"id": "T1", "domain": "studybot-test"},
            "user": {"id": user, "username": user.lower(), "name": user.lower(), "team_id": "T1"},
            "api_app_id": "A1",
            "token": "legacy-verification-token",
            "trigger_id": f"trigger-{next(self._ids)}",
            "view": {
                "id": "V1",
                "team_id": "T1",
                "type": "modal",
                "callback_id": callback_id,
                "private_metadata": metadata,
                "state": {"values": values},
                "app_id": "A1",
                "bot_id": "BBOT",
            },
        }
        assert self.send(action_body(payload)).status == 200


@pytest.fixture(scope="session")
def index_dir(tmp_path_factory: pytest.TempPathFactory, embedder: Embedder) -> Path:
    target = tmp_path_factory.mktemp("slack-data") / "index"
    options = BuildOptions(roots=[CORPUS], index_dir=target, model=MODEL)
    build_index(options, embedder_factory=lambda _name: embedder)
    return target


@pytest.fixture(scope="session")
def notes_index(index_dir: Path, embedder: Embedder) -> NotesIndex:
    return NotesIndex(index_dir, MODEL, embedder=embedder)


@pytest.fixture(scope="session")
def grader(embedder: Embedder) -> FreeTextGrader:
    return FreeTextGrader(embedder)


@pytest.fixture
def fake_slack() -> Iterator[FakeSlack]:
    with FakeSlack(users=USERS) as fake:
        yield fake


@pytest.fixture
def settings(tmp_path: Path, fake_slack: FakeSlack, db_url: str) -> Settings:
    return Settings(
        data_dir=tmp_path,
        corpus=[CORPUS],
        database_url=db_url,
        slack_bot_token=TOKEN,
        slack_signing_secret=SECRET,
        slack_api_url=fake_slack.api_url,
        admins=[BOSS],
    )


@pytest.fixture
def services(
    settings: Settings, db: Database, notes_index: NotesIndex, grader: FreeTextGrader
) -> Services:
    sync_corpus(db, CORPUS, NOW)
    return Services(settings, db, notes_index, grader, now=lambda: NOW)


@pytest.fixture
def serve() -> Iterator[Callable[[Any], str]]:
    """Start WSGI apps on waitress (127.0.0.1, port 0) in threads; returns each base URL."""
    stop = threading.Event()
    threads: list[threading.Thread] = []

    def start(wsgi: Any) -> str:
        server = make_server(wsgi, host="127.0.0.1", port=0, threads=8)
        thread = threading.Thread(target=serve_until, args=(server, stop), daemon=True)
        thread.start()
        threads.append(thread)
        return f"http://127.0.0.1:{server.effective_port}"

    yield start
    stop.set()
    for thread in threads:
        thread.join(timeout=5)


@pytest.fixture
def bot(
    settings: Settings,
    services: Services,
    fake_slack: FakeSlack,
    serve: Callable[[Any], str],
) -> Iterator[Running]:
    # One pool for listener work and answers, so `wait_idle` waits for both.
    pool = WorkPool(8, name="listener")
    services.answer_pool = pool
    client = make_client(settings)
    app: App = create_app(settings, services=services, client=client, listener_executor=pool)
    url = serve(create_wsgi_app(app, HealthCheck(services, client), signing_secret=SECRET))
    yield Running(url, fake_slack, services, pool)
    pool.wait_idle()
    pool.shutdown(wait=True)
    if isinstance(services.sender, OutboxSender):
        services.sender.stop()
