"""Hard-wrapped notes: lines an editor or Prettier broke at a fixed width are joined back.

A team's markdown is often wrapped at 72-100 columns: a paragraph goes on over several lines and
a list item over indented continuation lines. Everything downstream reads lines (sentences, list
items under their lead-in, "Term: fact" lines, bare labels, card fronts), so a wrapped file is
made the same text as the file unwrapped before anything else reads it. Only a file that is
wrapped is touched: one whose prose lines all fit a width of WIDTH_MIN-WIDTH_MAX columns and whose
lines followed by more of their paragraph are, mostly, full at that width (the next word would not
have fitted). Unwrapped notes have lines of every length and are left exactly as they are.
"""

from __future__ import annotations

import itertools
import re

WIDTH_MIN = 60  # narrower than any editor's or formatter's wrap column
WIDTH_MAX = 120  # wider lines are written unwrapped
FULL_MIN = 3  # full lines a wrapped file has at least
FULL_SHARE = 0.6  # of the lines followed by a line of their paragraph, the share that are full
# Lines that are markdown structure, never prose: a heading, a fence, a table row, a quote's
# marker, a list item's marker, a card's label.
STRUCTURE = re.compile(r"^\s*(?:#|```|~~~|\||>|(?:[-*+•·]|\d+[.)])\s|[QA]:)")
LIST_ITEM = re.compile(r"^\s*(?:[-*+•·]|\d+[.)])\s")
FENCE = re.compile(r"^\s*(?:```|~~~)")
# A sentence ends at the line's end and the next line opens another: joined or not, the
# sentences are the same, while joining two lines of an unwrapped file would merge them.
SENTENCE_BREAK = re.compile(r"[.!?:][\"”')\]]?$")
SENTENCE_START = re.compile(r"^\s*[A-Z0-9(\"“]")


def wrap_width(text: str) -> int:
    """The column the text is hard-wrapped at, or 0 when it is not wrapped."""
    lines = _prose_lines(text.split("\n"))
    width = max((len(line.rstrip()) for line in lines), default=0)
    if not WIDTH_MIN <= width <= WIDTH_MAX:
        return 0
    pairs = _paragraph_pairs(lines)
    full = sum(1 for before, after in pairs if _full(before, after, width))
    return width if full >= FULL_MIN and full >= FULL_SHARE * len(pairs) else 0


def unwrap(text: str, width: int | None = None) -> str:
    """The text with each wrapped paragraph and list item on one line; `width` is the file's
    wrap column (detected from `text` when None; 0 leaves the text as it is)."""
    width = wrap_width(text) if width is None else width
    if not width:
        return text
    out: list[str] = []
    fenced = False
    for line in text.split("\n"):
        if FENCE.match(line):
            fenced = not fenced
        elif not fenced and out and _continues(out[-1], line, width):
            out[-1] = f"{out[-1].rstrip()} {line.strip()}"
            continue
        out.append(line)
    return "\n".join(out)


def _continues(before: str, line: str, width: int) -> bool:
    """`line` goes on from `before`: the next word did not fit on `before`'s line, and `line`
    is prose (not a heading, a new item, a fence ...). A line that ends a sentence goes on
    into a line that opens one only when that line is indented under a list item (the item
    goes on): elsewhere the two may be lines of their own, and the sentences are the same."""
    if not before.strip() or not line.strip() or STRUCTURE.match(line) or FENCE.match(before):
        return False
    if before.lstrip().startswith(("#", "|")):
        return False
    if not _full(before, line, width):
        return False
    indented = line[:1].isspace() and bool(LIST_ITEM.match(before) or before[:1].isspace())
    sentence_break = SENTENCE_BREAK.search(before.rstrip()) and SENTENCE_START.match(line)
    return indented or not sentence_break


def _full(before: str, after: str, width: int) -> bool:
    """The first word of `after` would not have fitted on `before`'s line at `width`."""
    word = after.split(maxsplit=1)[0] if after.strip() else ""
    return len(before.rstrip()) + 1 + len(word) > width


def _prose_lines(lines: list[str]) -> list[str]:
    """The lines outside fenced code and tables (a wrapper leaves both as they are)."""
    out: list[str] = []
    fenced = False
    for line in lines:
        if FENCE.match(line):
            fenced = not fenced
        elif not fenced and not line.lstrip().startswith("|"):
            out.append(line)
    return out


def _paragraph_pairs(lines: list[str]) -> list[tuple[str, str]]:
    """Each line followed by a line of prose (not blank, not structure): where a wrap can be."""
    return [
        (before, after)
        for before, after in itertools.pairwise(lines)
        if before.strip()
        and not before.lstrip().startswith("#")
        and after.strip()
        and not STRUCTURE.match(after)
    ]
