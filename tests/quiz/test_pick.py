"""Picking the daily question: deterministic, no repeats until the bank is used up, domains
rotate, weak topics come up more often, quarantined questions never."""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta
from itertools import pairwise

import pytest
from sqlalchemy import update

from quiz.answering import submit_answer
from quiz.errors import NoQuestionAvailable
from quiz.pick import pick_question, topic_weight
from quiz.sync import set_quarantine
from store.db import Database
from store.models import Question
from tests.quiz.conftest import NOW
from tests.quiz.helpers import open_today, subscribe, wrong_letter


def _post_days(db: Database, channel: str, days: int) -> list[Question]:
    return [
        open_today(db, channel, NOW + timedelta(days=offset)).question for offset in range(days)
    ]


def test_same_channel_date_and_state_give_the_same_question(synced: Database) -> None:
    subscribe(synced, "C1")
    subscribe(synced, "C2")
    with synced.session() as session:
        first = pick_question(session, "C1", date(2025, 3, 4)).bank_id
        again = pick_question(session, "C1", date(2025, 3, 4)).bank_id
        others = {pick_question(session, "C2", date(2025, 3, 4 + n)).bank_id for n in range(8)}
    assert first == again
    assert len(others) > 1


def test_no_repeat_until_the_bank_is_used_up(synced: Database) -> None:
    subscribe(synced, "C1")
    questions = _post_days(synced, "C1", 12)
    first_round = [q.bank_id for q in questions[:8]]
    assert len(set(first_round)) == 8
    assert len(set(q.bank_id for q in questions[8:])) == 4


def test_domains_rotate(synced: Database) -> None:
    subscribe(synced, "C1")
    domains = [q.domain for q in _post_days(synced, "C1", 3)]
    assert len(set(domains)) == 3
    assert all(a != b for a, b in pairwise(domains))


def test_quarantined_questions_never_come_up(synced: Database) -> None:
    subscribe(synced, "C1")
    with synced.session() as session:
        for qid in ("de-kinesis-001", "de-kinesis-002", "mo-rcf-001"):
            set_quarantine(session, qid, True)
    picked = {q.bank_id for q in _post_days(synced, "C1", 10)}
    assert picked.isdisjoint({"de-kinesis-001", "de-kinesis-002", "mo-rcf-001"})


def test_an_empty_or_quarantined_bank_says_so(synced: Database) -> None:
    subscribe(synced, "C1")
    with synced.session() as session:
        session.execute(update(Question).values(quarantined=True))
    with pytest.raises(NoQuestionAvailable, match="bank is empty or all quarantined"):
        open_today(synced, "C1", NOW)


def test_weak_topics_are_picked_more_often(synced: Database) -> None:
    # C1 always misses xgboost and always gets rcf right (two full rounds of the bank).
    subscribe(synced, "C1")
    for offset in range(16):
        post = open_today(synced, "C1", NOW + timedelta(days=offset))
        right = post.question.topic != "xgboost"
        letter = post.question.answer if right else wrong_letter(post.question.answer)
        with synced.session() as session:
            submit_answer(session, post.id, "U1", NOW + timedelta(days=offset), text=letter)
    with synced.session() as session:
        session.execute(
            update(Question).where(Question.domain != "modeling").values(quarantined=True)
        )

    def xgboost_share(channel: str) -> float:
        with synced.session() as session:
            topics = Counter(
                pick_question(session, channel, date(2026, 1, 1) + timedelta(days=day)).topic
                for day in range(300)
            )
        return topics["xgboost"] / (topics["xgboost"] + topics["rcf"])

    assert topic_weight(0.0) > topic_weight(None) > topic_weight(1.0) > 0
    weak, fresh = xgboost_share("C1"), xgboost_share("C-NEW")
    assert 0.35 < fresh < 0.65
    assert weak > 0.75
