"""run_bot: migrate, make sure an index exists, then serve Slack over Socket Mode or HTTP,
hot-swapping a rebuilt index every 30 s."""

from __future__ import annotations

import logging
import signal
import threading

from slack_bolt import App
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.slack.app import SlackConfigError, create_app, make_client
from bot.slack.delivery import TRANSIENT_ERRORS, sender_of
from bot.slack.services import Services
from bot.slack.workers import answer_pool
from common import heap
from common.config import Settings

logger = logging.getLogger(__name__)
REFRESH_SECONDS = 30.0
MAX_RETRY_WAIT = 60.0
# slack_sdk and slack_bolt log request details at DEBUG; keep them quiet so no body is logged.
QUIET_LOGGERS = ("slack_sdk", "slack_bolt", "waitress.queue")


def run_bot(
    settings: Settings, *, http: bool = False, port: int = 3000, services: Services | None = None
) -> None:
    """Blocks until stopped. Socket Mode when SLACK_APP_TOKEN is set and not `http` (with
    /healthz and /metrics still served on `port`), else Slack's events over HTTP on `port`."""
    for name in QUIET_LOGGERS:
        logging.getLogger(name).setLevel(logging.WARNING)
    services = services or build_services(settings)
    services.answer_pool = services.answer_pool or answer_pool()
    client = make_client(settings)
    check_token(client, settings)
    app = create_app(settings, services=services, client=client)
    stop = threading.Event()
    start_index_refresher(services, stop)
    # Started now, not at the first reply: it retries what an earlier run left queued (with
    # OAuth installs too: each row carries its workspace, whose token sends it).
    # (sender_of starts its own drain thread; a second drain on the same sender, as here
    # before, only doubled the database polling.)
    sender_of(services)
    heap.settle()  # start-up is done: keep its objects out of full collections (common/heap.py)
    end_on_sigterm()
    try:
        if settings.slack_app_token is not None and not http:
            # /healthz and /metrics are served in Socket Mode too, for health checks.
            threading.Thread(
                target=_serve_health, args=(app, services, client, settings, port), daemon=True
            ).start()
            connect_socket_mode(app, settings.slack_app_token.get_secret_value(), stop)
        else:
            _serve_http(app, services, client, settings, port)
    finally:
        stop.set()


def end_on_sigterm() -> None:
    """SIGTERM (docker stop, systemd, Kubernetes) ends the bot as Ctrl-C does, through every
    `finally` (the scheduler of `studybot run` hands its lease back). Without a handler the
    process died mid-send; as a container's PID 1 it ignored the signal and was killed 10 s
    later."""
    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGTERM, _exit_cleanly)


def _exit_cleanly(_signum: int, _frame: object) -> None:
    logger.info("SIGTERM: stopping")
    raise SystemExit(0)


def _serve_http(
    app: App, services: Services, client: WebClient, settings: Settings, port: int
) -> None:
    from bot.slack.server import HealthCheck, create_wsgi_app, make_server

    assert settings.slack_signing_secret is not None  # create_app refuses to start without it
    health = HealthCheck(services, client)
    health.slack()  # the first Slack check starts now, in the background
    wsgi = create_wsgi_app(
        app, health, signing_secret=settings.slack_signing_secret.get_secret_value()
    )
    server = make_server(wsgi, port=port)
    logger.info("studybot serving Slack over HTTP on port %s", server.effective_port)
    server.run()


def _serve_health(
    app: App, services: Services, client: WebClient, settings: Settings, port: int
) -> None:
    """/healthz and /metrics beside Socket Mode: a port in use costs them, not the bot."""
    from bot.slack.server import PortUnavailable

    try:
        _serve_http(app, services, client, settings, port)
    except PortUnavailable as error:
        logger.warning("no /healthz or /metrics: %s", error)


def connect_socket_mode(
    app: App, app_token: str, stop: threading.Event, *, first_wait: float = 5.0
) -> None:
    """Connect over Socket Mode, retrying with backoff (one log line) while Slack is away."""
    from slack_bolt.adapter.socket_mode import SocketModeHandler

    wait = first_wait
    while not stop.is_set():
        try:
            logger.info("studybot connecting to Slack over Socket Mode")
            SocketModeHandler(app, app_token).start()
            return
        except SlackApiError as error:
            if refused_for_good(error):
                raise SlackConfigError(app_token_refused(error)) from None
            logger.warning("Slack is unavailable (%s); retrying in %.0f s", _code(error), wait)
        except OSError as error:
            logger.warning(
                "cannot reach Slack (%s); retrying in %.0f s", type(error).__name__, wait
            )
        stop.wait(wait)
        wait = min(wait * 2, MAX_RETRY_WAIT)


def refused_for_good(error: SlackApiError) -> bool:
    """Slack answered and said no (a wrong token, Socket Mode off): waiting will not help."""
    status = error.response.status_code if error.response is not None else 0
    return status < 500 and status != 429 and _code(error) not in TRANSIENT_ERRORS


def app_token_refused(error: SlackApiError) -> str:
    return (
        f"Slack refused SLACK_APP_TOKEN ({_code(error)}): use the app-level token (xapp-…) "
        "with the connections:write scope, and turn Socket Mode on in the app's settings"
    )


def _code(error: SlackApiError) -> str:
    return str(error.response.get("error", "")) if error.response is not None else ""


def check_token(client: WebClient, settings: Settings) -> None:
    """Exit if Slack refuses the bot token; if Slack cannot be reached, say so once and go on
    (the health check keeps trying and reports it until Slack answers)."""
    if settings.slack_bot_token is None:
        return  # OAuth: tokens come with each installation
    try:
        client.auth_test()
    except SlackApiError as error:
        raise SystemExit(f"Slack refused SLACK_BOT_TOKEN: {error.response.get('error')}") from None
    except OSError as error:  # URLError, timeouts, refused connections
        logger.warning(
            "cannot reach Slack at %s (%s); starting anyway, /healthz reports it until it answers",
            client.base_url,
            type(error).__name__,
        )


def build_services(settings: Settings) -> Services:
    """The bot's core (`build_core`): migrations, the bank synced, the index built if missing,
    the tutor and grader loaded, the Slack publisher for `/study quiz`."""
    from core.bootstrap import build_core

    return Services.of(build_core(settings))


def start_index_refresher(
    services: Services, stop: threading.Event, every: float = REFRESH_SECONDS
) -> threading.Thread:
    """A daemon thread that swaps in a rebuilt index (made by `studybot index`) when it appears."""

    def refresh_forever() -> None:
        while not stop.wait(every):
            try:
                if services.notes_index.refresh():
                    heap.settle()
                    logger.info("loaded the new index build %s", services.notes_index.build.name)
            except Exception:
                logger.exception("could not load the new index build; keeping the current one")

    thread = threading.Thread(target=refresh_forever, name="index-refresh", daemon=True)
    thread.start()
    return thread
