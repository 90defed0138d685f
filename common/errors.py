"""StudybotError, the root of studybot's own errors: each front end translates it in one place."""

from __future__ import annotations


class StudybotError(Exception):
    """A failure studybot explains itself: `str(error)` says what is wrong in words a person can
    act on; `where` names the file, line, id or setting when the message does not already."""

    where: str = ""
