"""Finds a cited section (file › heading) in the notes under the corpus roots, with the same
cleaning and heading parser as the index (retrieval.sections)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from common.citation import Citation
from retrieval.clean import clean_text
from retrieval.sections import headed_texts


@dataclass(frozen=True)
class CitedSection:
    file: str
    heading: str
    level: int
    text: str

    @property
    def citation(self) -> Citation:
        return Citation(self.file, self.heading)


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


def sections(path: Path) -> dict[str, CitedSection]:
    """Every heading of a markdown file mapped to its own text (up to the next heading)."""
    return dict(_sections_cached(path, path.stat().st_mtime_ns))


@lru_cache(maxsize=64)
def _sections_cached(path: Path, _mtime: int) -> tuple[tuple[str, CitedSection], ...]:
    # The text and headings the index sees (cleaned, then markdown-it), not a second parser.
    text = clean_text(path.read_text(encoding="utf-8"), markdown=True)
    return tuple(
        (h.title, CitedSection(path.name, h.title, h.level, h.text)) for h in headed_texts(text)
    )


def find_section(roots: Iterable[Path], file: str, heading: str) -> CitedSection | None:
    path = find_notes_file(roots, file)
    if path is None:
        return None
    return sections(path).get(heading)
