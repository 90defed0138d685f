"""Answering a question from the notes for Slack: search, log the ask, count it."""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any

from bot.slack.delivery import send_reply
from bot.slack.services import Services
from bot.slack.text import read_question
from common.metrics import ANSWER_SECONDS, ASKS
from quiz.posts import ensure_member
from retrieval.answer import Answer
from store.models import AskLog


@dataclass(frozen=True)
class Asked:
    answer: Answer
    ask_id: int
    trimmed: bool


def ask(
    services: Services,
    text: str,
    *,
    member_id: str,
    channel_id: str | None,
    surface: str,
    earlier: str = "",
) -> Asked | None:
    """Answer `text` (a follow-up in a thread is read against `earlier`, the thread's question);
    None if empty."""
    question = read_question(text)
    if not question.text:
        return None
    started = time.perf_counter()
    answer = services.tutor.ask_in_thread(question.text, earlier)
    ANSWER_SECONDS.observe(time.perf_counter() - started)
    ASKS.labels(surface=surface).inc()
    ask_id = log_ask(services, answer, member_id=member_id, channel_id=channel_id)
    return Asked(answer, ask_id, question.trimmed)


def log_ask(services: Services, answer: Answer, *, member_id: str, channel_id: str | None) -> int:
    now = services.now()
    with services.database.session() as session:
        ensure_member(session, member_id, now)
        row = AskLog(
            member_id=member_id,
            channel_id=channel_id,
            question=answer.question,
            sources=[str(p.citation) for p in answer.passages],
            confidence=answer.confidence,
            asked_at=now,
        )
        session.add(row)
        session.flush()
        return row.id


def record_feedback(services: Services, ask_id: int, member_id: str, feedback: str) -> bool:
    """Store 👍/👎 on the member's own ask (anyone's click on a shared answer is not theirs)."""
    with services.database.session() as session:
        row = session.get(AskLog, ask_id)
        if row is None:
            return False
        if row.member_id == member_id or row.feedback is None:
            row.feedback = feedback
        return True


# -- delivery (issue 10): replies go through the outbox -------------------------------------


def reply(
    services: Services,
    event: dict[str, Any],
    payload: dict[str, Any],
    *,
    team_id: str | None = None,
) -> None:
    """Queue the reply to a mention or DM in the outbox and return (the sender's own threads
    send it): once per event (its channel and ts are the key), retried until its deadline,
    and the asker told if it never goes out. `team_id`: the workspace whose token sends it."""
    key = f"answer:{event['channel']}:{event['ts']}"
    send_reply(services, key, event["channel"], payload, asker=event.get("user"), team_id=team_id)


def asked_question(services: Services, ask_id: int) -> str | None:
    with services.database.session() as session:
        row = session.get(AskLog, ask_id)
        return row.question if row is not None else None
