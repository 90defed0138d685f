"""Ask the notes: answer a question, log the ask, take feedback on it, look it up again."""

from __future__ import annotations

import time
from dataclasses import dataclass

from common.metrics import ANSWER_SECONDS, ASKS
from core.bootstrap import Core
from quiz.posts import ensure_member
from retrieval.answer import Answer
from store.models import AskLog


@dataclass(frozen=True)
class Asked:
    answer: Answer
    ask_id: int


def ask(
    core: Core,
    question: str,
    *,
    member_id: str,
    channel_id: str | None,
    surface: str,
    earlier: str = "",
) -> Asked:
    """Answer `question` (a follow-up is read against `earlier`, the thread's first question)
    and log it; `surface` is where it was asked (counted in the metrics)."""
    assert core.notes_index is not None, "asking needs a core built with answers=True"
    started = time.perf_counter()
    answer = core.notes_index.ask_in_thread(question, earlier)
    ANSWER_SECONDS.observe(time.perf_counter() - started)
    ASKS.labels(surface=surface).inc()
    return Asked(answer, log_ask(core, answer, member_id=member_id, channel_id=channel_id))


def ask_again(core: Core, ask_id: int) -> Answer | None:
    """The answer to a logged question, asked again (for more passages, or to share it); None
    when the ask is gone (forgotten)."""
    question = asked_question(core, ask_id)
    if question is None:
        return None
    assert core.notes_index is not None, "asking needs a core built with answers=True"
    return core.notes_index.ask(question)


def log_ask(core: Core, answer: Answer, *, member_id: str, channel_id: str | None) -> int:
    now = core.now()
    with core.database.session() as session:
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


def record_feedback(core: Core, ask_id: int, member_id: str, feedback: str) -> bool:
    """Store 👍/👎 on the member's own ask (anyone's click on a shared answer is not theirs)."""
    with core.database.session() as session:
        row = session.get(AskLog, ask_id)
        if row is None:
            return False
        if row.member_id == member_id or row.feedback is None:
            row.feedback = feedback
        return True


def asked_question(core: Core, ask_id: int) -> str | None:
    with core.database.session() as session:
        row = session.get(AskLog, ask_id)
        return row.question if row is not None else None
