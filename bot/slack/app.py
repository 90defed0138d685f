"""create_app: the slack-bolt App with its client, OAuth (when configured) and listeners.

Nothing happens at import time; every dependency comes in through the arguments.
"""

from __future__ import annotations

import logging
from concurrent.futures import Executor

from slack_bolt import App
from slack_bolt.oauth.oauth_settings import OAuthSettings
from slack_sdk import WebClient
from slack_sdk.http_retry import RateLimitErrorRetryHandler
from slack_sdk.http_retry.builtin_handlers import ConnectionErrorRetryHandler
from slack_sdk.http_retry.request import HttpRequest
from slack_sdk.http_retry.response import HttpResponse
from slack_sdk.http_retry.state import RetryState

from bot.slack.errors import handle_error
from bot.slack.identity import BotIdentity
from bot.slack.listeners import register_listeners
from bot.slack.services import Services
from bot.slack.workers import listener_pool
from common.config import Settings
from common.errors import StudybotError
from common.metrics import SLACK_RATE_LIMITED

DEFAULT_API_URL = "https://slack.com/api/"
RATE_LIMIT_RETRIES = 3
# The longest Retry-After a listener thread sleeps through before giving the 429 to its caller.
MAX_INLINE_WAIT_S = 2.0
# Everything the bot calls, and the events it subscribes to (see manifest.json).
BOT_SCOPES = (
    "app_mentions:read",
    "channels:history",
    "groups:history",
    "im:history",
    "im:write",
    "chat:write",
    "commands",
    "files:write",
    "users:read",
)

OAUTH_STATE_SECONDS = 600


class NoUnhandledBodies(logging.Filter):
    """Drops two kinds of slack-bolt warning:
    - "Unhandled request" prints the request body (the front door already turns away what no
      listener handles);
    - the two "`token` will be unused / ignored" warnings: `App` reads SLACK_BOT_TOKEN from the
      environment by itself even when given a client holding that token and an `authorize`,
      so every start with the documented setup would warn of a misconfiguration that isn't one.
    """

    DROPPED = (
        "Unhandled request",
        "As you gave `client` as well, `token` will be unused",
        "As `installation_store` or `authorize` has been used, `token`",
    )

    def filter(self, record: logging.LogRecord) -> bool:
        return not str(record.msg).startswith(self.DROPPED)


def bolt_logger() -> logging.Logger:
    logger = logging.getLogger("bot.slack.bolt")
    if not any(isinstance(f, NoUnhandledBodies) for f in logger.filters):
        logger.addFilter(NoUnhandledBodies())
    return logger


class SlackConfigError(StudybotError, RuntimeError):
    """The Slack settings cannot start a bot; the message names the missing setting."""


class CountingRateLimitHandler(RateLimitErrorRetryHandler):
    """Counts each 429 per method and waits for Retry-After like its parent, but only a short
    one (`max_wait_s`): the calls it guards run in listener threads, where a 30-second sleep
    would hold a worker that other members' requests wait for. Past that the 429 reaches the
    caller, which falls back (a member's profile unknown for now, a polite "try again")."""

    def __init__(
        self, max_retry_count: int = RATE_LIMIT_RETRIES, max_wait_s: float = MAX_INLINE_WAIT_S
    ) -> None:
        super().__init__(max_retry_count=max_retry_count)
        self.max_wait_s = max_wait_s

    def _can_retry(
        self,
        *,
        state: RetryState,
        request: HttpRequest,
        response: HttpResponse | None = None,
        error: Exception | None = None,
    ) -> bool:
        if response is None or response.status_code != 429:
            return False
        method = request.url.rstrip("/").rsplit("/", 1)[-1]
        SLACK_RATE_LIMITED.labels(method=method).inc()
        return retry_after_s(response) <= self.max_wait_s


def retry_after_s(response: HttpResponse) -> float:
    """Slack's Retry-After in seconds (1 when it gives none, as slack_sdk assumes)."""
    for name, values in response.headers.items():
        if name.lower() == "retry-after":
            value = values[0] if isinstance(values, list) and values else values
            try:
                return float(value)  # type: ignore[arg-type]
            except (TypeError, ValueError):
                return 1.0
    return 1.0


def api_url(settings: Settings) -> str:
    url = settings.slack_api_url or DEFAULT_API_URL
    return url if url.endswith("/") else f"{url}/"


def make_client(settings: Settings) -> WebClient:
    """The Web API client: SLACK_API_URL as base URL, retries on 429 and dropped connections."""
    token = settings.slack_bot_token.get_secret_value() if settings.slack_bot_token else None
    return WebClient(
        token=token,
        base_url=api_url(settings),
        retry_handlers=[
            ConnectionErrorRetryHandler(),
            CountingRateLimitHandler(),
        ],
    )


def _ensure_rate_limit_retry(client: WebClient) -> None:
    """A given client retries 429s by our bounded handler, never by slack_sdk's unbounded one."""
    kept = [h for h in client.retry_handlers if not isinstance(h, RateLimitErrorRetryHandler)]
    client.retry_handlers = [*kept, CountingRateLimitHandler()]


def oauth_enabled(settings: Settings) -> bool:
    return bool(settings.slack_client_id and settings.slack_client_secret)


def oauth_settings(settings: Settings, services: Services) -> OAuthSettings:
    """Installations and OAuth states kept in studybot's own database (tables made if missing)."""
    from slack_sdk.oauth.installation_store.sqlalchemy import SQLAlchemyInstallationStore
    from slack_sdk.oauth.state_store.sqlalchemy import SQLAlchemyOAuthStateStore

    assert settings.slack_client_id and settings.slack_client_secret
    engine = services.database.engine
    installations = SQLAlchemyInstallationStore(client_id=settings.slack_client_id, engine=engine)
    states = SQLAlchemyOAuthStateStore(expiration_seconds=OAUTH_STATE_SECONDS, engine=engine)
    installations.create_tables()
    states.metadata.create_all(engine)
    return OAuthSettings(
        client_id=settings.slack_client_id,
        client_secret=settings.slack_client_secret.get_secret_value(),
        scopes=list(BOT_SCOPES),
        installation_store=installations,
        state_store=states,
    )


def create_app(
    settings: Settings,
    *,
    services: Services,
    client: WebClient | None = None,
    listener_executor: Executor | None = None,
    ack_on_request_thread: bool = True,
) -> App:
    """The bot. Request signatures are always verified (by the front door, and again by
    slack-bolt); every listener acks from the request's thread and works afterwards."""
    if settings.slack_signing_secret is None:
        raise SlackConfigError("SLACK_SIGNING_SECRET is not set: Slack requests cannot be verified")
    use_oauth = oauth_enabled(settings)
    if not use_oauth and settings.slack_bot_token is None and (client is None or not client.token):
        raise SlackConfigError("set SLACK_BOT_TOKEN, or SLACK_CLIENT_ID and SLACK_CLIENT_SECRET")
    client = client or make_client(settings)
    _ensure_rate_limit_retry(client)
    identity = None if use_oauth else BotIdentity(client)
    if identity is not None:
        identity.learn_in_background()
    app = App(
        client=client,
        signing_secret=settings.slack_signing_secret.get_secret_value(),
        oauth_settings=oauth_settings(settings, services) if use_oauth else None,
        authorize=identity.authorize_function() if identity is not None else None,
        request_verification_enabled=True,
        token_verification_enabled=False,  # no network call here; run_bot checks the token
        # Ack functions run on the request's thread and only ack; the work is queued (dispatch.py).
        # False is the old design (acks wait for a pool thread), kept for the load bench.
        process_before_response=ack_on_request_thread,
        logger=bolt_logger(),
        listener_executor=listener_executor or listener_pool(),
    )
    register_listeners(app, services)
    app.error(handle_error)
    return app
