"""Modal submissions: a problem report on a quiz question (three quarantine it). The
reporter's thanks and the admins' DMs go through the outbox (the DMs are written in the
transaction that quarantines the question)."""

from __future__ import annotations

import logging
import uuid
from typing import TYPE_CHECKING, Any

from slack_bolt import App, BoltContext
from slack_sdk import WebClient

from bot.slack import ids
from bot.slack.delivery import send_reply, sender_of
from bot.slack.dispatch import acked
from bot.slack.errors import reported
from bot.slack.render import quiz
from bot.slack.services import Services
from core.usecases import reporting

if TYPE_CHECKING:
    from quiz.reports import ReportOutcome

logger = logging.getLogger(__name__)


def register(app: App, services: Services) -> None:
    @acked(app.view(ids.REPORT_VIEW))
    def on_report(
        body: dict[str, Any],
        view: dict[str, Any],
        client: WebClient,
        context: BoltContext,
    ) -> None:
        with reported(body, context, services):
            user = body["user"]["id"]
            outcome, dms = file_report(services, int(view["private_metadata"]), user, _reason(view))
            thanks = {"text": quiz.report_received(outcome)}
            # Slack does not retry a view submission: each one gets its own key.
            team = (body.get("team") or {}).get("id")
            key = f"report:{view['id']}:{uuid.uuid4().hex}"
            send_reply(services, key, user, thanks, team_id=team)
            if dms:
                sender_of(services).wake()  # the admins' DMs, written with the quarantine


def _reason(view: dict[str, Any]) -> str:
    values = view.get("state", {}).get("values", {})
    field = values.get(ids.REPORT_REASON_BLOCK, {}).get(ids.REPORT_REASON_INPUT, {})
    return str(field.get("value") or "")


def file_report(
    services: Services, post_id: int, member_id: str, reason: str
) -> tuple[ReportOutcome, list[int]]:
    """Store the report; when it quarantines the question, queue a DM to every admin."""
    return reporting.report(
        services,
        post_id,
        member_id,
        reason,
        services.now(),
        admin_text=quiz.admin_quarantine_text,
        queued_at=sender_of(services).clock(),
    )
