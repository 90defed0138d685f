"""Insert once under a unique constraint: the database, not a prior read, decides between racing
writers. Each insert runs in a savepoint of the caller's transaction, which a duplicate leaves
intact; any other integrity error (a missing parent row, a NULL) is raised, never swallowed."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

Row = TypeVar("Row")

# SQLSTATE unique_violation (PostgreSQL); SQLite names it in the message (primary keys too).
UNIQUE_VIOLATION = "23505"
SQLITE_UNIQUE = "UNIQUE constraint failed"


class RowVanished(RuntimeError):
    """A duplicate was reported but the row it collided with cannot be found again."""

    def __init__(self, row: object) -> None:
        super().__init__(
            f"inserting {type(row).__name__} hit a unique constraint, "
            "yet no existing row matches it: the lookup and the constraint disagree"
        )


def is_unique_violation(error: IntegrityError) -> bool:
    """Whether `error` is a duplicate key on PostgreSQL or SQLite, not some other constraint."""
    original: Any = error.orig
    if getattr(original, "sqlstate", None) == UNIQUE_VIOLATION:
        return True
    return SQLITE_UNIQUE in str(original)


def insert_unique(
    session: Session, row: object, *, then: Callable[[], object] | None = None
) -> bool:
    """Insert `row` (and run `then`, e.g. update totals, in the same savepoint): True when it
    went in, False when a unique constraint already holds such a row (nothing of it is kept)."""
    try:
        with session.begin_nested():
            session.add(row)
            session.flush()
            if then is not None:
                then()
    except IntegrityError as error:
        if not is_unique_violation(error):
            raise
        return False
    return True


def get_or_create(session: Session, find: Callable[[], Row | None], make: Callable[[], Row]) -> Row:
    """The row `find` returns, else the one `make` builds, inserted at most once: when another
    writer inserts it first, theirs is found and returned."""
    existing = find()
    if existing is not None:
        return existing
    row = make()
    if insert_unique(session, row):
        return row
    theirs = find()
    if theirs is None:
        raise RowVanished(row)
    return theirs
