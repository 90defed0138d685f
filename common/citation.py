"""Where a passage or a question comes from in the notes: a file and a heading, shown one way,
"file › heading" (a heading path joins its levels the same way)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

SEPARATOR = " › "


def heading_path(heading: Sequence[str]) -> str:
    """The headings from the outermost in, as one label: "Kinesis › Shards"."""
    return SEPARATOR.join(heading)


@dataclass(frozen=True)
class Citation:
    file: str
    heading: str = ""  # one heading, or a path from `heading_path`; "" cites the whole file

    @classmethod
    def of_path(cls, file: str, heading: Sequence[str]) -> Citation:
        return cls(file, heading_path(heading))

    def __str__(self) -> str:
        return self.render()

    def render(self, escape: Callable[[str], str] = str) -> str:
        """The label, each part passed through `escape` (a front end's markup escaping)."""
        if not self.heading:
            return escape(self.file)
        return f"{escape(self.file)}{SEPARATOR}{escape(self.heading)}"
