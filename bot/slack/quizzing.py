"""Answering the daily question from Slack: find the post, submit, decide what to show."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from bot.slack import messages
from bot.slack.services import Services
from common.metrics import ANSWERS_GRADED
from quiz.answering import AnswerResult, Status, submit_answer
from quiz.posts import get_post
from store.models import QuizPost


@dataclass(frozen=True)
class Submitted:
    result: AnswerResult
    show_now: bool
    reveal_at: datetime

    @property
    def reply(self) -> str:
        return messages.answer_recorded(
            self.result, show_now=self.show_now, reveal_at=self.reveal_at
        )


def post_for_thread(services: Services, channel_id: str, thread_ts: str) -> int | None:
    """The quiz post whose message starts this thread, if any."""
    query = select(QuizPost.id).where(
        QuizPost.channel_id == channel_id, QuizPost.slack_ts == thread_ts
    )
    with services.database.session() as session:
        return session.scalar(query)


def submit(
    services: Services,
    post_id: int,
    member_id: str,
    *,
    member_name: str = "",
    text: str | None = None,
    button_value: str | None = None,
    channel_id: str | None = None,
) -> Submitted:
    """Submit the member's answer; `channel_id` is where it was given (checked against the
    post's own channel, so a crafted block_id cannot score another channel's post)."""
    with services.database.session() as session:
        result = submit_answer(
            session,
            post_id,
            member_id,
            services.now(),
            text=text,
            button_value=button_value,
            grader=services.grader,
            notes_roots=services.notes_roots,
            member_name=member_name,
            channel_id=channel_id,
        )
        post = get_post(session, post_id)
        show_now, reveal_at = post.channel.show_results_early, post.closes_at
    if result.status is Status.SCORED:
        kind = "button" if button_value is not None else _kind(result)
        ANSWERS_GRADED.labels(kind=kind).inc()
    return Submitted(result, show_now, reveal_at)


def _kind(result: AnswerResult) -> str:
    return "letter" if result.grade is not None and result.grade.choice else "free_text"
