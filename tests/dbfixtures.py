"""Database fixtures shared by the store and quiz tests, parametrized over SQLite and PostgreSQL.

PostgreSQL comes from STUDYBOT_TEST_DATABASE_URL; each test gets its own schema (dropped after).
Without the variable those tests skip, except when CI=true: then they fail.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import OperationalError
from sqlalchemy.pool import NullPool

from store.db import Database
from store.migrate import upgrade

PG_ENV = "STUDYBOT_TEST_DATABASE_URL"


def _in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() == "true"


def _unavailable(reason: str) -> None:
    if _in_ci():
        pytest.fail(f"PostgreSQL is required in CI: {reason}")
    pytest.skip(reason)


def postgres_schema_url() -> Iterator[str]:
    """A URL whose connections use a fresh schema; the schema is dropped afterwards."""
    base = os.environ.get(PG_ENV, "").strip()
    if not base:
        _unavailable(f"{PG_ENV} is not set")
    schema = f"t_{uuid.uuid4().hex[:12]}"
    admin = create_engine(base, poolclass=NullPool)
    try:
        with admin.begin() as connection:
            connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    except OperationalError as exc:
        admin.dispose()
        _unavailable(f"cannot connect to {PG_ENV}: {exc.orig}")
    url = make_url(base).update_query_dict({"options": f"-csearch_path={schema}"})
    try:
        yield url.render_as_string(hide_password=False)
    finally:
        with admin.begin() as connection:
            connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'studybot.db'}"
    else:
        yield from postgres_schema_url()


@pytest.fixture
def db(db_url: str) -> Iterator[Database]:
    """A migrated database; fails the test if it leaves a pooled connection checked out."""
    upgrade(db_url)
    database = Database(db_url)
    try:
        yield database
        leaked = database.engine.pool.checkedout()  # type: ignore[attr-defined]
        assert leaked == 0, f"{leaked} pooled connection(s) still checked out"
    finally:
        database.dispose()
