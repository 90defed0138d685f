"""HTTP mode with OAuth: the install page points at Slack's authorize URL with our client id
and scopes, and the installation and state tables are created in studybot's own database."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from urllib.parse import parse_qs, urlparse

import pytest
from pydantic import SecretStr
from sqlalchemy import inspect

from bot.slack.app import create_app, make_client
from bot.slack.server import HealthCheck, create_wsgi_app
from bot.slack.services import Services
from core.config import Settings
from tests.slack.conftest import SECRET, http


@pytest.fixture
def oauth_url(settings: Settings, services: Services, serve: Callable[[Any], str]) -> str:
    """The HTTP server of an app configured for OAuth installs (no single bot token)."""
    oauth = settings.model_copy(
        update={
            "slack_client_id": "111.222",
            "slack_client_secret": SecretStr("shh"),
            "slack_bot_token": None,
        }
    )
    oauth_services = Services(oauth, services.database, services.tutor, services.grader)
    client = make_client(oauth)
    app = create_app(oauth, services=oauth_services, client=client)
    return serve(create_wsgi_app(app, HealthCheck(oauth_services, client), signing_secret=SECRET))


def test_install_page_links_to_slack_with_our_client_id_and_scopes(
    oauth_url: str, services: Services
) -> None:
    reply = http(f"{oauth_url}/slack/install")
    assert reply.status == 200
    link = next(part for part in reply.body.split('"') if "oauth/v2/authorize" in part)
    query = parse_qs(urlparse(link.replace("&amp;", "&")).query)
    assert query["client_id"] == ["111.222"]
    assert "chat:write" in query["scope"][0].split(",") and query["state"][0]
    tables = set(inspect(services.database.engine).get_table_names())
    assert {"slack_installations", "slack_bots", "slack_oauth_states"} <= tables


def test_oauth_redirect_with_a_forged_state_is_refused(oauth_url: str) -> None:
    reply = http(f"{oauth_url}/slack/oauth_redirect?code=abc&state=forged")
    assert reply.status == 400
