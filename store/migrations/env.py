"""Alembic environment for studybot: online migrations only, batch mode for SQLite."""

from __future__ import annotations

from alembic import context
from sqlalchemy import text
from sqlalchemy.pool import NullPool

from store.db import is_sqlite, make_engine
from store.models import Base

# Two replicas starting at once must not both migrate PostgreSQL.
PG_MIGRATION_LOCK = 0x5747_0001


def run_migrations_online() -> None:
    url: str = context.config.attributes["database_url"]
    engine = make_engine(url, poolclass=NullPool)
    try:
        with engine.connect() as connection:
            context.configure(
                connection=connection,
                target_metadata=Base.metadata,
                render_as_batch=is_sqlite(url),
                compare_type=True,
            )
            with context.begin_transaction():
                if not is_sqlite(url):
                    connection.execute(
                        text("SELECT pg_advisory_xact_lock(:key)"), {"key": PG_MIGRATION_LOCK}
                    )
                context.run_migrations()
    finally:
        engine.dispose()


run_migrations_online()
