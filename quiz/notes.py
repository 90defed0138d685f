"""Finds a cited section (file › heading) in the notes under the corpus roots."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

HEADING = re.compile(r"^(#{1,6})\s+(.+?)\s*#*\s*$")
FENCE = re.compile(r"^\s*(```|~~~)")


@dataclass(frozen=True)
class Section:
    file: str
    heading: str
    level: int
    text: str

    @property
    def citation(self) -> str:
        return f"{self.file} › {self.heading}"


def find_notes_file(roots: Iterable[Path], name: str) -> Path | None:
    """The first file called `name` under the roots (a root may itself be that file)."""
    for root in roots:
        if root.is_file() and root.name == name:
            return root
        if root.is_dir():
            direct = root / "notes" / name
            if direct.is_file():
                return direct
            match = next(iter(sorted(root.rglob(name))), None)
            if match is not None and match.is_file():
                return match
    return None


def sections(path: Path) -> dict[str, Section]:
    """Every heading of a markdown file mapped to its own text (up to the next heading)."""
    return dict(_sections_cached(path, path.stat().st_mtime_ns))


@lru_cache(maxsize=64)
def _sections_cached(path: Path, _mtime: int) -> tuple[tuple[str, Section], ...]:
    found: list[tuple[str, Section]] = []
    heading: tuple[int, str] | None = None
    body: list[str] = []
    in_fence = False

    def close() -> None:
        if heading is not None:
            text = "\n".join(body).strip()
            found.append((heading[1], Section(path.name, heading[1], heading[0], text)))

    for line in path.read_text(encoding="utf-8").splitlines():
        if FENCE.match(line):
            in_fence = not in_fence
        match = None if in_fence else HEADING.match(line)
        if match:
            close()
            heading, body = (len(match.group(1)), match.group(2)), []
        else:
            body.append(line)
    close()
    return tuple(found)


def find_section(roots: Iterable[Path], file: str, heading: str) -> Section | None:
    path = find_notes_file(roots, file)
    if path is None:
        return None
    return sections(path).get(heading)
