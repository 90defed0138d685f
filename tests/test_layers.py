"""Front ends reach the domain through the use-case layer: what `bot/` and `jobs/` import from
quiz/, retrieval/ and store/ at run time is listed here, and the list may only shrink.

`core.usecases` returns data; Slack, the console and the jobs render it. Imports under
`if TYPE_CHECKING:` are not counted: naming the type of the data a use case returns (an
`Answer`, a `Standing`) is how a renderer reads it, not a way round the layer.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FRONT_ENDS = ("bot", "jobs")
DOMAIN = ("quiz", "retrieval", "store")

# Values every layer may use: the one clock and the errors front ends translate.
SHARED_VALUES = {"quiz.clock", "quiz.errors"}

# "path": the domain modules it still imports. Shrink it; never add one. Each group says why.
STILL_DIRECT: dict[str, set[str]] = {
    # Transport and process plumbing that owns its tables: the outbox sender, event dedupe,
    # the scheduler's lease and claims, the outbox drain of the scheduler service.
    "bot/slack/delivery.py": {"store.db", "store.models", "store.outbox"},
    "bot/slack/dedupe.py": {"store.db", "store.models", "store.unique"},
    "jobs/lease.py": {"store.db", "store.models", "store.unique"},
    "jobs/service.py": {"store.claims", "store.outbox", "store.schedule_changes"},
    "jobs/catchup.py": {"store.claims", "store.outbox"},
}


def _imports(tree: ast.AST, *, typing_only: bool = False) -> Iterator[str]:
    for node in ast.iter_child_nodes(tree):
        if isinstance(node, ast.If) and _is_type_checking(node.test):
            continue  # annotations only
        if isinstance(node, ast.ImportFrom) and node.module in DOMAIN:
            yield from (
                f"{node.module}.{alias.name}" for alias in node.names
            )  # `from store import outbox`
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            yield node.module
        elif isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        else:
            yield from _imports(node)


def _is_type_checking(test: ast.expr) -> bool:
    return isinstance(test, ast.Name) and test.id == "TYPE_CHECKING"


def domain_imports() -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for package in FRONT_ENDS:
        for path in sorted((ROOT / package).rglob("*.py")):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            modules = {m for m in _imports(tree) if m.split(".")[0] in DOMAIN} - SHARED_VALUES
            if modules:
                found[path.relative_to(ROOT).as_posix()] = modules
    return found


def test_front_ends_reach_the_domain_only_through_the_use_cases() -> None:
    new = {
        path: sorted(modules - STILL_DIRECT.get(path, set()))
        for path, modules in domain_imports().items()
        if modules - STILL_DIRECT.get(path, set())
    }
    assert not new, f"call a use case in core/usecases/ instead (or one to add there): {new}"


def test_the_list_of_direct_imports_is_true() -> None:
    found = domain_imports()
    stale = {
        path: sorted(modules - found.get(path, set()))
        for path, modules in STILL_DIRECT.items()
        if modules - found.get(path, set())
    }
    assert not stale, f"no longer imported: remove them from STILL_DIRECT: {stale}"


def test_type_checking_imports_are_not_counted() -> None:
    tree = ast.parse(
        "from typing import TYPE_CHECKING\n"
        "import store.db\n"
        "if TYPE_CHECKING:\n    from quiz.leaderboard import Standing\n"
        "def f():\n    from retrieval.answer import Answer\n"
    )
    assert {m for m in _imports(tree) if m.split(".")[0] in DOMAIN} == {
        "store.db",
        "retrieval.answer",
    }
