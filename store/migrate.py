"""Alembic, configured in code: `upgrade(url)` brings any database to the newest schema."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.script.revision import ResolutionError
from alembic.util.exc import CommandError

from common.errors import StudybotError
from store.db import make_engine

MIGRATIONS_DIR = Path(__file__).parent / "migrations"


def alembic_config(url: str) -> Config:
    """A Config that needs no alembic.ini; env.py reads the URL from `attributes`."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.attributes["database_url"] = url
    return config


class NewerDatabase(StudybotError):
    """The database was migrated by a newer studybot (a rollback of the code, not the data)."""

    def __init__(self, revision: str, head: str | None) -> None:
        super().__init__(
            f"the database is at migration {revision}, newer than this studybot knows "
            f"(its newest is {head}): run the version that migrated it, or restore a backup "
            "taken before that upgrade"
        )


def upgrade(url: str, revision: str = "head") -> None:
    """Apply every pending migration (run on start and by `studybot db upgrade`). A database
    at a migration this code does not know is refused with one clear error, not a traceback."""
    config = alembic_config(url)
    current = current_revision(url)
    if current is not None and not _known(config, current):
        raise NewerDatabase(current, head_revision())
    command.upgrade(config, revision)


def _known(config: Config, revision: str) -> bool:
    try:
        return ScriptDirectory.from_config(config).get_revision(revision) is not None
    except (CommandError, ResolutionError):
        return False


def head_revision() -> str | None:
    return ScriptDirectory.from_config(alembic_config("sqlite://")).get_current_head()


def current_revision(url: str) -> str | None:
    engine = make_engine(url)
    try:
        with engine.connect() as connection:
            return MigrationContext.configure(connection).get_current_revision()
    finally:
        engine.dispose()
