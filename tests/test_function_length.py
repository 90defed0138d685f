"""Functions stay short: at most 40 lines (from `def` to the last line, docstring included).

The functions longer than that today are listed with their length; each may only shrink, and an
entry is removed once its function fits (or is gone). Migrations are data, not logic: skipped.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("bot", "common", "core", "jobs", "quiz", "retrieval", "store")
SKIPPED = ("store/migrations",)
MAX_LINES = 40

# "path:qualified name": its length when this check was added. Shrink them; never add one.
# Empty now: every function fits.
LONGER_TODAY: dict[str, int] = {}


def _functions(node: ast.AST, prefix: str = "") -> Iterator[tuple[str, int]]:
    for child in ast.iter_child_nodes(node):
        if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef):
            assert child.end_lineno is not None
            yield f"{prefix}{child.name}", child.end_lineno - child.lineno + 1
            yield from _functions(child, f"{prefix}{child.name}.")
        elif isinstance(child, ast.ClassDef):
            yield from _functions(child, f"{prefix}{child.name}.")
        else:
            yield from _functions(child, prefix)


def function_lengths() -> dict[str, int]:
    lengths: dict[str, int] = {}
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            relative = path.relative_to(ROOT).as_posix()
            if relative.startswith(SKIPPED):
                continue
            for name, lines in _functions(ast.parse(path.read_text(encoding="utf-8"))):
                lengths[f"{relative}:{name}"] = max(lines, lengths.get(f"{relative}:{name}", 0))
    return lengths


def test_functions_stay_under_forty_lines_and_the_long_ones_only_shrink() -> None:
    lengths = function_lengths()
    assert len(lengths) > 500  # the walk found the project's functions
    too_long = {
        name: lines for name, lines in lengths.items() if lines > LONGER_TODAY.get(name, MAX_LINES)
    }
    assert not too_long, f"longer than allowed (at most {MAX_LINES} lines): {too_long}"


def test_the_list_of_long_functions_has_no_stale_entry() -> None:
    lengths = function_lengths()
    stale = [n for n in LONGER_TODAY if lengths.get(n, 0) <= MAX_LINES]
    assert not stale, f"these now fit in {MAX_LINES} lines or are gone; remove them: {stale}"
