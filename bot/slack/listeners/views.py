"""Modal submissions: a problem report on a quiz question (three quarantine it)."""

from __future__ import annotations

import logging
from typing import Any

from slack_bolt import App, BoltContext
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.slack import ids, messages
from bot.slack.dispatch import acked
from bot.slack.errors import reported
from bot.slack.services import Services
from quiz.posts import get_post
from quiz.reports import ReportOutcome, report_question

logger = logging.getLogger(__name__)


def register(app: App, services: Services) -> None:
    @acked(app.view(ids.REPORT_VIEW))
    def on_report(
        body: dict[str, Any],
        view: dict[str, Any],
        client: WebClient,
        context: BoltContext,
    ) -> None:
        with reported(body, context):
            user = body["user"]["id"]
            outcome = file_report(services, int(view["private_metadata"]), user, _reason(view))
            client.chat_postMessage(channel=user, text=messages.report_received(outcome))
            if outcome.quarantined_now:
                tell_admins(client, services, outcome)


def _reason(view: dict[str, Any]) -> str:
    values = view.get("state", {}).get("values", {})
    field = values.get(ids.REPORT_REASON_BLOCK, {}).get(ids.REPORT_REASON_INPUT, {})
    return str(field.get("value") or "")


def file_report(services: Services, post_id: int, member_id: str, reason: str) -> ReportOutcome:
    with services.database.session() as session:
        question_id = get_post(session, post_id).question_id
        return report_question(session, question_id, member_id, services.now(), reason=reason)


def tell_admins(client: WebClient, services: Services, outcome: ReportOutcome) -> None:
    """DM every STUDYBOT_ADMINS member; one failed DM does not stop the others."""
    text = messages.admin_quarantine_text(outcome)
    for admin in services.settings.admins:
        try:
            client.chat_postMessage(channel=admin, text=text)
        except SlackApiError as error:
            logger.error("quarantine DM to %s failed: %s", admin, error.response.get("error"))
