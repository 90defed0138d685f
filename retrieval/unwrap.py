"""Hard-wrapped notes: lines an editor or Prettier broke at a fixed width are joined back.

A team's markdown is often wrapped at 72-100 columns: a paragraph goes on over several lines and
a list item over indented continuation lines. Everything downstream reads lines (sentences, list
items under their lead-in, "Term: fact" lines, bare labels, card fronts), so a wrapped file is
made the same text as the file unwrapped before anything else reads it. Only a file that is
wrapped is touched: one whose prose lines fit a width of WIDTH_MIN-WIDTH_MAX columns (but for a
few an edit left longer) and whose long lines followed by more of their paragraph are, mostly,
full at that width (the next word would not have fitted). Unwrapped notes have lines of every
length and are left exactly as they are. Fenced code, tables and headings are never joined.
"""

from __future__ import annotations

import itertools
import re

WIDTH_MIN = 60  # narrower than any editor's or formatter's wrap column
WIDTH_MAX = 120  # wider lines are written unwrapped
FULL_MIN = 3  # full lines a wrapped file has at least
FULL_SHARE = 0.6  # of the long lines followed by a line of their paragraph, the share that are full
OVER_SHARE = 0.1  # of the long lines, the share an edit may have left past the wrap column
LONG_WORD = 30  # a word this long (a link, a path) is never broken, and may run past the width
# Lines that are markdown structure, never prose: a heading, a fence, a table row, a quote's
# marker, a list item's marker, a card's label, a setext heading's underline.
STRUCTURE = re.compile(r"^\s*(?:#|```|~~~|\||>|(?:[-*+•·]|\d+[.)])\s|[QA]:|(?:=+|-+)\s*$)")
LIST_ITEM = re.compile(r"^\s*(?:[-*+•·]|\d+[.)])\s")
ORDERED = re.compile(r"^(?P<n>\d+)[.)]\s")
FENCE = re.compile(r"^\s*(?:```|~~~)")
HARD_BREAK = re.compile(r"(?: {2}|\\)$")  # markdown's own line break: kept


def wrap_width(text: str) -> int:
    """The column the text is hard-wrapped at, or 0 when it is not wrapped: of the widths its
    lines could have been wrapped at, the one most lines are full at (a line edited after the
    wrap may run past it: OVER_SHARE of the long lines at most)."""
    prose = _prose_lines(text.split("\n"))
    pairs = _paragraph_pairs(prose)
    lines = [line for line in prose if _breakable(line)]
    lengths = sorted({len(line.rstrip()) for line in lines}, reverse=True)
    best, most = 0, 0
    for width in (n for n in lengths if WIDTH_MIN <= n <= WIDTH_MAX):
        over = sum(1 for line in lines if len(line.rstrip()) > width)
        if over > max(1, OVER_SHARE * sum(1 for line in lines if _long(line, width))):
            break  # narrower widths leave even more lines over
        full = _full_at(pairs, width)
        if full > most:
            best, most = width, full
    return best


def _full_at(pairs: list[tuple[str, str]], width: int) -> int:
    """How many long lines (of the `_paragraph_pairs`) are full at `width`, when enough of them
    are (else 0)."""
    pairs = [(before, after) for before, after in pairs if _long(before, width)]
    full = sum(1 for before, after in pairs if _full(before, after, width))
    return full if full >= FULL_MIN and full >= FULL_SHARE * len(pairs) else 0


def unwrap(text: str, width: int | None = None) -> str:
    """The text with each wrapped paragraph and list item on one line; `width` is the file's
    wrap column (detected from `text` when None; 0 leaves the text as it is)."""
    width = wrap_width(text) if width is None else width
    if not width:
        return text
    out: list[str] = []
    last = ""  # the line as the file has it, before any join
    fenced = False
    for line in text.split("\n"):
        if FENCE.match(line):
            fenced = not fenced
        elif not fenced and out and _continues(last, line, width, out[-1]):
            out[-1] = f"{out[-1].rstrip()} {line.strip()}"
            last = line
            continue
        out.append(line)
        last = line
    return "\n".join(out)


def _continues(before: str, line: str, width: int, joined: str) -> bool:
    """`line` goes on from the line `before` (the end of `joined`, the line unwrapped so far):
    `before` is a line of prose the next word did not fit on, long or itself a continuation
    (before a word too long to fit, a wrapper leaves a short line), and `line` is prose (not a
    heading, a new item, a fence ...). In a list item
    only an indented line goes on (a wrapper indents an item's continuation lines; a line set
    flush left under an item is a paragraph of its own)."""
    if not before.strip() or not line.strip() or FENCE.match(before):
        return False
    if STRUCTURE.match(line) and not _lazy_number(line, joined):
        return False
    if before.lstrip().startswith(("#", "|")) or HARD_BREAK.search(before):
        return False
    if not (_long(before, width) or joined != before) or not _full(before, line, width):
        return False
    return line[:1].isspace() or not _is_item(joined)


def _lazy_number(line: str, joined: str) -> bool:
    """A number other than 1 that a wrap put at the start of a paragraph's line ("... starting
    at" / "0. While exploring"): markdown reads it as the paragraph's text, since only a list
    starting at 1 may interrupt a paragraph."""
    number = ORDERED.match(line)
    return bool(number) and number["n"].lstrip("0") != "1" and not _is_item(joined)


def _is_item(line: str) -> bool:
    return bool(LIST_ITEM.match(line))


def _long(line: str, width: int) -> bool:
    """A line a wrapper filled: at least half the width (a shorter one ends its paragraph)."""
    return 2 * len(line.rstrip()) >= width


def _breakable(line: str) -> bool:
    """A line a wrapper could have broken: no word in it too long to break (a link, a path)."""
    return all(len(word) < LONG_WORD for word in line.split())


def _full(before: str, after: str, width: int) -> bool:
    """The first word of `after` would not have fitted on `before`'s line at `width`."""
    word = after.split(maxsplit=1)[0] if after.strip() else ""
    return len(before.rstrip()) + 1 + len(word) > width


def _prose_lines(lines: list[str]) -> list[str]:
    """The lines outside fenced code and tables (a wrapper leaves both as they are) and not
    headings (Prettier never wraps one)."""
    out: list[str] = []
    fenced = False
    for line in lines:
        if FENCE.match(line):
            fenced = not fenced
        elif not fenced and not line.lstrip().startswith(("|", "#")):
            out.append(line)
    return out


def _paragraph_pairs(lines: list[str]) -> list[tuple[str, str]]:
    """Each line followed by a line of prose (not blank, not structure): where a wrap can be."""
    return [
        (before, after)
        for before, after in itertools.pairwise(lines)
        if before.strip() and after.strip() and not STRUCTURE.match(after)
    ]
