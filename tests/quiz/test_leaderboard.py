"""Leaderboards: periods in the channel's calendar, stable ties, teams by mean points per
active member, mastery, and the invariant that totals equal the stored answer points."""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, time, timedelta

import pytest
from sqlalchemy import func, select

from quiz.answering import submit_answer
from quiz.clock import at_local_time, month_start, week_start
from quiz.errors import InvalidPeriod
from quiz.leaderboard import Period, channel_leaderboard, mastery, team_leaderboard
from quiz.posts import ensure_member, open_post
from store.db import Database
from store.models import QuizAnswer, QuizPost
from tests.quiz.helpers import subscribe, wrong_letter


def _answer(db: Database, channel: str, day: date, member: str, right: bool) -> None:
    now = at_local_time(day, time(9, 0), "UTC")
    with db.session() as session:
        post = open_post(session, channel, now)
        letter = post.question.answer if right else wrong_letter(post.question.answer)
        submit_answer(session, post.id, member, now, text=letter)


def _stored_points(db: Database, channel: str, start: date | None, end: date | None) -> int:
    query = (
        select(func.coalesce(func.sum(QuizAnswer.points), 0))
        .join(QuizPost, QuizAnswer.post_id == QuizPost.id)
        .where(QuizPost.channel_id == channel)
    )
    if start is not None and end is not None:
        query = query.where(QuizPost.quiz_date >= start, QuizPost.quiz_date < end)
    with db.session() as session:
        return int(session.scalar(query) or 0)


def test_periods_follow_the_calendar(synced: Database) -> None:
    subscribe(synced, "C1")
    _answer(synced, "C1", date(2025, 2, 28), "U1", True)  # previous month, previous week
    _answer(synced, "C1", date(2025, 3, 3), "U2", True)  # Monday of this week
    _answer(synced, "C1", date(2025, 3, 5), "U1", True)
    now = datetime(2025, 3, 5, 12, tzinfo=UTC)
    with synced.session() as session:
        week = channel_leaderboard(session, "C1", Period.WEEK, now)
        month = channel_leaderboard(session, "C1", Period.MONTH, now)
        alltime = channel_leaderboard(session, "C1", Period.ALL, now)
    assert [(s.member_id, s.points) for s in week] == [("U1", 10), ("U2", 10)]
    assert [(s.member_id, s.points) for s in month] == [("U1", 10), ("U2", 10)]
    assert [(s.member_id, s.points, s.answers) for s in alltime] == [("U1", 20, 2), ("U2", 10, 1)]


def test_ties_share_a_rank_in_a_stable_order(synced: Database) -> None:
    subscribe(synced, "C1")
    with synced.session() as session:
        for member, name in (("U3", "carol"), ("U1", "bob"), ("U2", "alice")):
            ensure_member(session, member, datetime(2025, 1, 1, tzinfo=UTC), name=name)
    for member in ("U3", "U1", "U2"):
        _answer(synced, "C1", date(2025, 3, 3), member, True)
    _answer(synced, "C1", date(2025, 3, 4), "U3", False)
    now = datetime(2025, 3, 5, tzinfo=UTC)
    with synced.session() as session:
        board = channel_leaderboard(session, "C1", Period.WEEK, now)
    assert [(s.rank, s.name) for s in board] == [(1, "alice"), (1, "bob"), (1, "carol")]


def test_teams_rank_by_mean_points_per_active_member(synced: Database) -> None:
    subscribe(synced, "C-ML1", team="ml")
    subscribe(synced, "C-ML2", team="ml")
    subscribe(synced, "C-DATA", name="data")
    day = date(2025, 3, 3)
    for member in ("U1", "U2"):
        _answer(synced, "C-ML1", day, member, True)
    _answer(synced, "C-ML2", day, "U1", True)  # same member, second channel of the team
    _answer(synced, "C-ML2", day, "U3", False)
    _answer(synced, "C-DATA", day, "U4", True)
    now = datetime(2025, 3, 5, tzinfo=UTC)
    for period in Period:
        with synced.session() as session:
            teams = team_leaderboard(session, period, now)
        assert [(t.name, t.active_members, t.points) for t in teams] == [
            ("data", 1, 10),
            ("ml", 3, 30),
        ], period
        assert teams[1].mean_points == pytest.approx(10.0)
        assert [t.rank for t in teams] == [1, 1]


def test_mastery_is_accuracy_per_topic_and_domain(synced: Database) -> None:
    subscribe(synced, "C1")
    outcomes = [True, False, True, True, False, True]
    for offset, right in enumerate(outcomes):
        _answer(synced, "C1", date(2025, 3, 3) + timedelta(days=offset), "U1", right)
    with synced.session() as session:
        report = mastery(session, "U1")
        expected = session.execute(
            select(QuizAnswer.score).where(QuizAnswer.member_id == "U1")
        ).scalars()
        mean = sum(expected) / len(outcomes)
    assert sum(r.answers for r in report.by_topic) == len(outcomes)
    assert sum(r.answers for r in report.by_domain) == len(outcomes)
    overall = sum(r.accuracy * r.answers for r in report.by_domain) / len(outcomes)
    assert overall == pytest.approx(mean)
    assert [r.accuracy for r in report.by_topic] == sorted(r.accuracy for r in report.by_topic)


@pytest.mark.parametrize("seed", [1, 2])
def test_leaderboard_totals_equal_stored_answer_points(synced: Database, seed: int) -> None:
    rng = random.Random(seed)
    subscribe(synced, "C1", timezone="UTC")
    subscribe(synced, "C2", timezone="UTC", team="t")
    start = date(2025, 1, 20)
    for offset in range(40):
        day = start + timedelta(days=offset)
        for channel in ("C1", "C2"):
            for member in rng.sample(["U1", "U2", "U3", "U4", "U5"], rng.randint(0, 5)):
                _answer(synced, channel, day, member, rng.random() < 0.6)
    now = datetime(2025, 2, 19, 12, tzinfo=UTC)
    today = now.date()
    windows = {
        Period.WEEK: (week_start(today), week_start(today) + timedelta(days=7)),
        Period.MONTH: (month_start(today), date(2025, 3, 1)),
        Period.ALL: (None, None),
    }
    for period, (begin, end) in windows.items():
        team_total = 0
        with synced.session() as session:
            teams = team_leaderboard(session, period, now)
        for channel in ("C1", "C2"):
            with synced.session() as session:
                board = channel_leaderboard(session, channel, period, now)
            stored = _stored_points(synced, channel, begin, end)
            assert sum(s.points for s in board) == stored, (period, channel)
            team_total += stored
        assert sum(t.points for t in teams) == team_total, period


def test_period_names_are_checked() -> None:
    assert Period.parse(" Month ") is Period.MONTH
    with pytest.raises(InvalidPeriod, match="use week, month or all"):
        Period.parse("year")
