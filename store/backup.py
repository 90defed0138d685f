"""Online backup of the SQLite database: a consistent copy while the bot keeps writing,
published atomically (a half-written backup never sits at the target path)."""

from __future__ import annotations

import os
import sqlite3
import tempfile
from pathlib import Path

from sqlalchemy.engine import make_url

from common.errors import StudybotError

SIDE_FILES = ("-wal", "-shm", "-journal")


class NotSqlite(StudybotError, ValueError):
    def __init__(self, url: str) -> None:
        super().__init__(f"{url} is not a SQLite database")


class BackupOverSource(StudybotError, ValueError):
    def __init__(self, target: Path) -> None:
        super().__init__(
            f"{target} is the database being copied (or its journal): choose another path"
        )


def sqlite_path(url: str) -> Path:
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or not parsed.database:
        raise NotSqlite(parsed.render_as_string(hide_password=True))
    return Path(parsed.database)


def backup_sqlite(url: str, target: Path) -> int:
    """Copy the database at `url` to `target` with SQLite's backup API; returns its pages."""
    source_path = sqlite_path(url)
    if not source_path.is_file():
        raise FileNotFoundError(f"no database at {source_path}")
    target = target.resolve()
    source = source_path.resolve()
    if target in {source, *(source.with_name(source.name + s) for s in SIDE_FILES)}:
        # Renaming the copy over the live file would cut the running bot off from it.
        raise BackupOverSource(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, partial = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    os.close(handle)
    try:
        source = sqlite3.connect(f"file:{source_path}?mode=ro", uri=True)
        copy = sqlite3.connect(partial)
        try:
            source.backup(copy)
            pages = int(copy.execute("PRAGMA page_count").fetchone()[0])
            copy.execute("PRAGMA journal_mode=DELETE")
        finally:
            copy.close()
            source.close()
        os.replace(partial, target)
    except BaseException:
        Path(partial).unlink(missing_ok=True)
        raise
    return pages
