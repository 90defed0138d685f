"""HTTP mode with OAuth: the install page points at Slack's authorize URL with our client id
and scopes, and the installation and state tables are created in studybot's own database."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any
from urllib.parse import parse_qs, urlparse

import pytest
from pydantic import SecretStr
from slack_sdk.oauth.installation_store import Installation
from slack_sdk.oauth.installation_store.sqlalchemy import SQLAlchemyInstallationStore
from sqlalchemy import inspect

from bot.slack.app import create_app, make_client
from bot.slack.delivery import OutboxSender
from bot.slack.scheduling import outbox_sender, slack_publisher
from bot.slack.server import HealthCheck, create_wsgi_app
from bot.slack.services import Services
from common.config import Settings
from jobs.context import JobContext
from jobs.daily import PostOutcome, post_daily_question
from tests.fakeslack import FakeSlack
from tests.fakeslack.signing import command_body, signed_headers
from tests.slack.conftest import BOSS, NOW, SECRET, USERS, http


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
    oauth_services = Services(oauth, services.database, services.notes_index, services.grader)
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


def test_scheduled_posts_go_out_with_each_workspaces_own_token(
    settings: Settings, services: Services, serve: Callable[[Any], str]
) -> None:
    """Two workspaces installed by OAuth, each subscribing a channel with /study subscribe:
    the scheduler (no Slack request behind its sends) posts each question with the token of
    the workspace the channel is in."""
    database = services.database
    installations = SQLAlchemyInstallationStore(client_id="111.222", engine=database.engine)
    installations.create_tables()
    for team in ("TA", "TB"):
        installations.save(
            Installation(
                app_id="A1",
                team_id=team,
                user_id=BOSS,
                bot_token=f"xoxb-{team.lower()}",
                bot_id=f"B{team}",
                bot_user_id=f"U{team}",
                bot_scopes=["chat:write", "commands"],
                installed_at=time.time(),
            )
        )
    with FakeSlack(users=USERS, tokens={"xoxb-ta", "xoxb-tb"}) as fake:
        oauth = settings.model_copy(
            update={
                "slack_client_id": "111.222",
                "slack_client_secret": SecretStr("shh"),
                "slack_bot_token": None,
                "slack_api_url": fake.api_url,
            }
        )
        oauth_services = Services(
            oauth, database, services.notes_index, services.grader, now=services.now
        )
        app = create_app(oauth, services=oauth_services, client=make_client(oauth))
        url = serve(
            create_wsgi_app(app, HealthCheck(oauth_services, app.client), signing_secret=SECRET)
        )
        for team, channel in (("TA", "CA"), ("TB", "CB")):
            response_url = fake.new_response_url()
            body = command_body(
                "/study",
                "subscribe 11:00 UTC daily",  # NOW is 10:00 UTC: today's question is due at 11
                user_id=BOSS,
                channel_id=channel,
                team_id=team,
                response_url=response_url,
            )
            assert http(f"{url}/slack/events", body, signed_headers(SECRET, body)).status == 200
            assert "first question comes today" in fake.wait_for_response(response_url)[0]["text"]
        # The scheduler is another process. The bot's sender, left draining the same outbox on
        # the wall clock, would find the post queued at the test's earlier NOW past its
        # deadline and give it up (in production both clocks are the wall clock).
        if isinstance(oauth_services.sender, OutboxSender):
            oauth_services.sender.stop()
        sender = outbox_sender(oauth, database, "jobs")
        ctx = JobContext(
            database=database,
            publisher=slack_publisher(),
            settings=oauth,
            holder="jobs",
            sender=sender,
        )
        at = NOW.replace(hour=11, minute=1)
        assert [post_daily_question(ctx, c, at) for c in ("CA", "CB")] == [PostOutcome.POSTED] * 2
        calls = fake.calls("chat.postMessage")
    auth = {c.body["channel"]: c.headers["authorization"] for c in calls}
    assert auth == {"CA": "Bearer xoxb-ta", "CB": "Bearer xoxb-tb"}
    assert all(c.ok for c in calls)
