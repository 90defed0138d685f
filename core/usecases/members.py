"""What is stored about members: exported as JSON-ready data, or forgotten, several at once in
one unit of work (an unknown id changes nothing)."""

from __future__ import annotations

from typing import Any

from core.bootstrap import Core
from quiz.errors import UnknownMember
from store.privacy import export_member, forget_member


def export_members(core: Core, member_ids: list[str]) -> dict[str, dict[str, Any]]:
    """Every row about each member, by id; `UnknownMember` when one has nothing stored."""
    exported: dict[str, dict[str, Any]] = {}
    with core.database.session() as session:
        for member_id in member_ids:
            data = export_member(session, member_id)
            if data is None:
                raise UnknownMember(member_id)
            exported[member_id] = data
    return exported


def forget_members(core: Core, member_ids: list[str]) -> dict[str, dict[str, int]]:
    """The members' rows deleted; the rows removed per table, by id. `UnknownMember` (and
    nothing deleted) when one has nothing stored."""
    removed: dict[str, dict[str, int]] = {}
    with core.database.session() as session:
        for member_id in member_ids:
            counts = forget_member(session, member_id)
            if counts is None:
                raise UnknownMember(member_id)
            removed[member_id] = counts
    return removed
