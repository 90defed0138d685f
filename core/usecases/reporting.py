"""A member reports a problem with a quiz question; the third report quarantines it and tells
every admin (DMs queued in the same transaction as the quarantine)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from core.bootstrap import Core
from quiz.posts import get_post
from quiz.reports import ReportOutcome, report_question
from store import outbox


def report(
    core: Core,
    post_id: int,
    member_id: str,
    reason: str,
    now: datetime,
    *,
    admin_text: Callable[[ReportOutcome], str],
    queued_at: datetime | None = None,
) -> tuple[ReportOutcome, list[int]]:
    """Store the report; when it quarantines the question, queue `admin_text(outcome)` to
    every admin and return those outbox rows (`queued_at`: the sender's own clock)."""
    with core.database.session() as session:
        question_id = get_post(session, post_id).question_id
        outcome = report_question(session, question_id, member_id, now, reason=reason)
        if not outcome.quarantined_now:
            return outcome, []
        text = admin_text(outcome)
        rows = [
            outbox.enqueue(
                session,
                f"quarantined:{question_id}:{admin}",
                channel=admin,
                payload={"text": text},
                now=queued_at or now,
            )
            for admin in core.settings.admins
        ]
        session.flush()
        return outcome, [row.id for row in rows]
