"""Migrations: upgrade reaches head on both backends, is repeatable, and matches the models."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect, text

from store.db import Database, is_sqlite
from store.migrate import NewerDatabase, current_revision, head_revision, upgrade
from store.models import Base
from tests.test_settings import studybot


def test_upgrade_reaches_head_and_is_repeatable(db: Database, db_url: str) -> None:
    assert current_revision(db_url) == head_revision()
    upgrade(db_url)
    assert current_revision(db_url) == head_revision()
    tables = set(inspect(db.engine).get_table_names())
    assert set(Base.metadata.tables) <= tables


def test_migrations_match_the_models(db: Database) -> None:
    with db.engine.connect() as connection:
        diff = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    assert diff == []


def test_constraint_names_follow_the_convention(db: Database) -> None:
    inspector = inspect(db.engine)
    uniques = {u["name"] for u in inspector.get_unique_constraints("answers")}
    assert "uq_answers_post_id_member_id" in uniques
    foreign = {f["name"] for f in inspector.get_foreign_keys("answers")}
    assert "fk_answers_member_id_members" in foreign


def test_sqlite_runs_in_wal_mode_with_foreign_keys(db: Database, db_url: str) -> None:
    if not is_sqlite(db_url):
        return
    with db.engine.connect() as connection:
        assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert connection.execute(text("PRAGMA foreign_keys")).scalar() == 1


def test_a_database_migrated_by_a_newer_studybot_is_one_error_line(
    db: Database, db_url: str, tmp_path: Path
) -> None:
    """Rolling the code back after an upgrade migrated the data: alembic's "Can't locate
    revision" traceback becomes one `error:` line saying what to do, and nothing is changed."""
    with db.engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '0999'"))
    with pytest.raises(NewerDatabase, match="migration 0999, newer than this studybot knows"):
        upgrade(db_url)
    result = studybot("db", "upgrade", "--database-url", db_url, env={}, cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        "error: the database is at migration 0999, newer than this studybot knows (its newest "
        f"is {head_revision()}): run the version that migrated it, or restore a backup taken "
        "before that upgrade"
    ]
    assert current_revision(db_url) == "0999"
