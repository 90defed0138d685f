"""Starting the bot with the documented setup (SLACK_BOT_TOKEN in the environment) logs no
warning: slack-bolt's "token will be unused / ignored" warnings describe a misconfiguration
that the documented setup is not."""

from __future__ import annotations

import io

import pytest

from bot.slack.app import create_app
from bot.slack.services import Services
from common.config import Settings
from common.logs import configure_logging
from tests.slack.conftest import TOKEN


def test_a_start_from_the_environment_logs_no_warning(
    settings: Settings, services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SLACK_BOT_TOKEN", TOKEN)
    stream = io.StringIO()
    configure_logging("INFO", json=False, stream=stream)
    try:
        create_app(settings, services=services)
    finally:
        configure_logging("INFO", json=False)
    assert "warning" not in stream.getvalue().lower(), stream.getvalue()


def test_bolt_warnings_that_matter_still_reach_the_log(
    settings: Settings, services: Services
) -> None:
    stream = io.StringIO()
    configure_logging("INFO", json=False, stream=stream)
    try:
        app = create_app(settings, services=services)
        app.logger.warning("listener failed: something real")
    finally:
        configure_logging("INFO", json=False)
    assert "something real" in stream.getvalue()
