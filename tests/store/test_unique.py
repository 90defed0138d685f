"""insert_unique and get_or_create: a duplicate leaves the caller's transaction intact and
returns the row already there; any other integrity error is raised. Both backends."""

from __future__ import annotations

import threading
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from store.db import Database, is_sqlite
from store.models import Member, QuizPost, Team
from store.unique import RowVanished, get_or_create, insert_unique

NOW = datetime(2025, 1, 6, 9, tzinfo=UTC)


def _teams(db: Database) -> list[str]:
    with db.session() as session:
        return list(session.scalars(select(Team.name).order_by(Team.name)))


def test_a_duplicate_is_refused_and_the_transaction_goes_on(db: Database) -> None:
    with db.session() as session:
        assert insert_unique(session, Team(name="red"))
        session.add(Team(name="blue"))
        assert not insert_unique(session, Team(name="red"))
        session.add(Member(id="U1", name="u", created_at=NOW))
    assert _teams(db) == ["blue", "red"]
    with db.session() as session:
        assert session.get(Member, "U1") is not None


def test_other_integrity_errors_are_raised(db: Database) -> None:
    orphan = QuizPost(
        channel_id="nowhere",
        quiz_date=date(2025, 1, 6),
        question_id=1,
        posted_at=NOW,
        closes_at=NOW + timedelta(hours=1),
    )
    with pytest.raises(IntegrityError), db.session() as session:
        insert_unique(session, orphan)


def test_then_runs_in_the_savepoint_and_is_undone_with_it(db: Database) -> None:
    with db.session() as session:
        session.add(Team(name="red"))
    with db.session() as session:
        fresh = Team(name="green")
        assert not insert_unique(session, fresh, then=lambda: session.add(Team(name="red")))
    assert _teams(db) == ["red"]


def test_get_or_create_returns_what_is_there_or_creates_it_once(db: Database) -> None:
    def find() -> Team | None:
        return session.scalar(select(Team).where(Team.name == "red"))

    with db.session() as session:
        made = get_or_create(session, find, lambda: Team(name="red"))
        again = get_or_create(session, find, lambda: Team(name="red"))
        assert made is again
    assert _teams(db) == ["red"]


def test_get_or_create_returns_theirs_after_losing_the_race(db: Database) -> None:
    with db.session() as session:
        session.add(Team(name="red"))
    looks: list[Team | None] = []

    def find_late() -> Team | None:
        # The first look happens before the other writer committed: it sees nothing.
        found = session.scalar(select(Team).where(Team.name == "red")) if looks else None
        looks.append(found)
        return found

    with db.session() as session:
        theirs = get_or_create(session, find_late, lambda: Team(name="red"))
        assert theirs.id is not None and len(looks) == 2
    assert _teams(db) == ["red"]


def test_a_lookup_that_disagrees_with_the_constraint_is_an_error(db: Database) -> None:
    with db.session() as session:
        session.add(Team(name="red"))
    with pytest.raises(RowVanished, match="Team"), db.session() as session:
        get_or_create(session, lambda: None, lambda: Team(name="red"))


def test_two_writers_racing_get_the_same_row(db: Database) -> None:
    if is_sqlite(db.url):
        pytest.skip("SQLite queues writers at BEGIN IMMEDIATE: the second one finds the row")
    barrier = threading.Barrier(2, timeout=30)
    ids: list[int] = []

    def make() -> Team:
        barrier.wait()  # both have looked and found nothing
        return Team(name="red")

    def create() -> None:
        with db.session() as session:
            find = lambda: session.scalar(select(Team).where(Team.name == "red"))  # noqa: E731
            ids.append(get_or_create(session, find, make).id)

    threads = [threading.Thread(target=create) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert len(ids) == 2 and ids[0] == ids[1]
    with db.session() as session:
        assert session.scalar(select(func.count()).select_from(Team)) == 1
