"""The database as the console keeps it: brought to the latest migration, copied while the bot
runs."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from core.bootstrap import open_database

# Raised for a database that is not SQLite (the front end says what to use instead), and for a
# backup aimed at the live database itself.
from store.backup import BackupOverSource as BackupOverSource
from store.backup import NotSqlite as NotSqlite

if TYPE_CHECKING:
    from common.config import Settings


def upgrade_database(settings: Settings) -> str | None:
    """Pending migrations applied; the revision the database is at now."""
    from store.migrate import current_revision

    open_database(settings).dispose()
    return current_revision(settings.effective_database_url)


def backup_database(settings: Settings, path: Path) -> int:
    """An online copy of the SQLite database at `path`, written atomically; the pages copied."""
    from store.backup import backup_sqlite

    return backup_sqlite(settings.effective_database_url, path)
