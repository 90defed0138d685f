"""Store test fixtures: a database per test on each backend."""

from tests.dbfixtures import db, db_url

__all__ = ["db", "db_url"]
