"""A full listener queue: requests past its capacity are turned away politely (a command is
told "busy, try again" in its ack, a modal keeps its input with the same note, an event or a
click gets 503 so Slack brings it again) instead of queueing without end; once the queue
drains, the same requests are served."""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from bot.slack import dispatch, ids
from bot.slack.app import create_app, make_client
from bot.slack.delivery import OutboxSender
from bot.slack.render import general
from bot.slack.server import HealthCheck, create_wsgi_app
from bot.slack.services import Services
from bot.slack.workers import WorkPool
from common.config import Settings
from common.logs import Throttle
from tests.fakeslack import FakeSlack, action_body
from tests.slack.conftest import SECRET, Running

CAPACITY = 3


@pytest.fixture
def jammed(
    settings: Settings,
    services: Services,
    fake_slack: FakeSlack,
    serve: Callable[[Any], str],
) -> Iterator[tuple[Running, threading.Event]]:
    """A bot whose one listener worker is stuck and whose queue is full."""
    pool = WorkPool(1, capacity=CAPACITY, name="listener")
    services.answer_pool = pool
    client = make_client(settings)
    app = create_app(settings, services=services, client=client, listener_executor=pool)
    url = serve(create_wsgi_app(app, HealthCheck(services, client), signing_secret=SECRET))
    release = threading.Event()
    for _ in range(CAPACITY):
        pool.submit(release.wait, 30)
    yield Running(url, fake_slack, services, pool), release
    release.set()
    pool.wait_idle(30)
    pool.shutdown(wait=True)
    if isinstance(services.sender, OutboxSender):
        services.sender.stop()


def test_a_full_queue_turns_requests_away_and_serves_them_once_it_drains(
    jammed: tuple[Running, threading.Event],
    caplog: pytest.LogCaptureFixture,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    bot, release = jammed
    caplog.set_level(logging.WARNING, logger="bot.slack.dispatch")
    monkeypatch.setattr(dispatch, "BUSY_LOG", Throttle(60.0))
    reply, url = bot.command("help")
    assert reply.status == 200
    assert json.loads(reply.body)["text"] == general.BUSY_TRY_AGAIN
    mention = {"type": "app_mention", "user": "U1", "text": "<@UBOT> what is SageMaker?"}
    event = bot.event({**mention, "ts": "1700000000.000200", "channel": "C1"}, event_id="EvBusy")
    assert event.status == 503
    for _ in range(50):  # a flood changes nothing: the queue does not grow
        assert bot.command("stats")[0].status == 200
    assert bot.pool.pending == CAPACITY
    # one warning line for the whole flood, not 52
    assert caplog.text.count("listener queue full") == 1
    release.set()
    bot.pool.wait_idle(30)
    assert bot.fake.responses(url) == []  # it was turned away, not run late
    reply, url = bot.command("help")
    assert reply.status == 200
    assert "/study ask" in bot.fake.wait_for_response(url)[0]["text"]


def test_a_modal_submitted_into_a_full_queue_keeps_its_input(
    jammed: tuple[Running, threading.Event],
) -> None:
    bot, _release = jammed
    payload = {
        "type": "view_submission",
        "team": {"id": "T1", "domain": "studybot-test"},
        "user": {"id": "U1", "username": "u1", "name": "u1", "team_id": "T1"},
        "api_app_id": "A1",
        "trigger_id": "trigger-busy",
        "view": {
            "id": "V1",
            "type": "modal",
            "callback_id": ids.REPORT_VIEW,
            "private_metadata": "1",
            "blocks": [{"type": "input", "block_id": "reason", "element": {}}],
            "state": {"values": {}},
        },
    }
    reply = bot.send(action_body(payload))
    assert reply.status == 200
    answer = json.loads(reply.body)
    assert answer == {"response_action": "errors", "errors": {"reason": general.BUSY_TRY_AGAIN}}


def test_a_throttle_lets_one_line_through_per_interval_and_counts_the_rest() -> None:
    now = [100.0]
    throttle = Throttle(60.0, clock=lambda: now[0])
    assert throttle.due() == 0
    assert [throttle.due() for _ in range(5)] == [None] * 5
    now[0] += 59.9
    assert throttle.due() is None
    now[0] += 0.2
    assert throttle.due() == 6  # the six held back since the last line
    assert throttle.due() is None
