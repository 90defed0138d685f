"""Who the bot is in its workspace (auth.test: bot user id, bot id), learned off the request path.

slack-bolt's single-workspace authorization calls auth.test on the first request and waits for
it, so a slow Slack held up the first ack and an unreachable one made it fail. Here the answer
is learned in the background and each request uses what is known so far.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

from slack_bolt.authorization import AuthorizeResult
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

logger = logging.getLogger(__name__)


class BotIdentity:
    """What slack-bolt's `authorize` step needs for one bot token."""

    def __init__(self, client: WebClient) -> None:
        self.client = client
        self._lock = threading.Lock()
        self._known: dict[str, str | None] | None = None
        self._learning = False
        self._warned = False

    @property
    def known(self) -> bool:
        return self._known is not None

    def learn(self) -> bool:
        """Ask Slack now (on this thread); False when it could not be asked or refused."""
        try:
            response = self.client.auth_test()
        except (SlackApiError, OSError) as error:
            if not self._warned:  # once: while Slack is away every request would say it again
                logger.warning("auth.test failed (%s); will ask again", type(error).__name__)
                self._warned = True
            return False
        finally:
            with self._lock:
                self._learning = False
        with self._lock:
            self._known = {"bot_user_id": response.get("user_id"), "bot_id": response.get("bot_id")}
        return True

    def learn_in_background(self) -> None:
        with self._lock:
            if self._learning or self._known is not None:
                return
            self._learning = True
        threading.Thread(target=self.learn, name="bot-identity", daemon=True).start()

    def authorize_function(self) -> Callable[[str | None, str | None], AuthorizeResult]:
        """A plain function for slack-bolt, which passes arguments by their names (and would
        take a method's `self` for one of them)."""

        def authorize(enterprise_id: str | None, team_id: str | None) -> AuthorizeResult:
            return self.result(enterprise_id, team_id)

        return authorize

    def result(self, enterprise_id: str | None, team_id: str | None) -> AuthorizeResult:
        if self._known is None:
            self.learn_in_background()
        known = self._known or {}
        return AuthorizeResult(
            enterprise_id=enterprise_id,
            team_id=team_id,
            bot_token=self.client.token,
            bot_user_id=known.get("bot_user_id"),
            bot_id=known.get("bot_id"),
        )
