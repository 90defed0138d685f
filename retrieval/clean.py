"""Cleaning of exported notes: mojibake, flashcard rating widgets, blog-page residue, bullets."""

from __future__ import annotations

import re

import ftfy

from retrieval.unwrap import unwrap

RATING_WIDGET = re.compile(
    r"How\s+well\s+did\s+you\s+know\s+this\?\s*1\s*Not\s+at\s+all\s*2\s*3\s*4\s*5\s*Perfectly",
    re.IGNORECASE,
)
READ_TIME = re.compile(r"^\s*\d+\s*min\s+read(?:[A-Z ]|$).*$")
LONE_DASHES = re.compile(r"^\s*[-–—]{2,}\s*$")
RESPONSES = re.compile(r"^\s*(?:\d+\s+)?Responses?\s*(?:\(\d+\))?\s*$", re.IGNORECASE)
PAGE_CHROME = re.compile(
    r"^\s*(?:Follow|Listen|Share|Sign up|Sign in|Open in app|Member-only story|Get started|"
    r"Written by .{1,60}|Published in .{1,80}|More from .{1,80}|Recommended from Medium|"
    r"See all responses|Text to speech|\d+\s+Followers?|\d+\s+claps?)\s*$",
    re.IGNORECASE,
)
BULLETS = re.compile(r"^(\s*)[·•▪●◦‣∙]\s*", re.MULTILINE)
# Slides and flashcard apps flatten a bullet list into one line ("Can use CPU or GPU • Only
# helps with larger models"): a bullet after text on its line starts the next item. Only the
# bullet signs that never stand between words ("·" is also a multiplication dot).
INLINE_BULLET = re.compile(r"(?<=\S)[ \t]+[•▪●‣][ \t]*(?=\S)")
FOOTER_MAX_CHARS = 600


def clean_text(
    text: str, *, markdown: bool = False, wrap: int | None = None, card: bool = False
) -> str:
    """Fix encoding damage and remove everything that is export residue rather than notes.

    In markdown a line of dashes is syntax (a setext heading's underline, a thematic break), so
    `markdown` keeps those lines and never cuts a "footer" after them: a short last section
    after `---` is notes, not an author's bio. Blog exports come as plain text. A flashcard's
    field (`card`) is no blog export either: a line of dashes in it parts two halves of one
    answer ("Firehose ... No data storage", "————", "Streams ... replay capability"), and the
    half after it is notes, so no footer is cut there (its dashes line still goes). A hard-wrapped
    text (at column `wrap`, detected when None) is unwrapped first, so that it reads line by line
    exactly as the same notes written unwrapped."""
    text = ftfy.fix_text(text).replace("\r\n", "\n").replace("\r", "\n")
    text = unwrap(RATING_WIDGET.sub("\n", text), wrap)
    text = INLINE_BULLET.sub("\n- ", text)
    text = BULLETS.sub(r"\1- ", text)
    lines = text.split("\n")
    if not markdown and not card:
        lines = _drop_footer(lines)
    lines = _drop_byline(lines)
    kept = [line.rstrip() for line in lines if not _is_residue(line, markdown=markdown)]
    return _squeeze_blank_lines("\n".join(kept)).strip()


def _is_residue(line: str, *, markdown: bool) -> bool:
    return bool(
        READ_TIME.match(line)
        or (not markdown and LONE_DASHES.match(line))
        or RESPONSES.match(line)
        or PAGE_CHROME.match(line)
    )


def _drop_footer(lines: list[str]) -> list[str]:
    """Blog exports end with '--' separators followed by the author's name and bio: cut them."""
    last = max((i for i, line in enumerate(lines) if LONE_DASHES.match(line)), default=None)
    if last is None:
        return lines
    tail = "\n".join(lines[last + 1 :])
    if len(tail.strip()) <= FOOTER_MAX_CHARS:
        return lines[: last + 1]
    return lines


def _drop_byline(lines: list[str]) -> list[str]:
    """The author's name stands on the line before '16 min read…'; drop it with the read time."""
    out = list(lines)
    for i, line in enumerate(lines):
        if READ_TIME.match(line):
            j = i - 1
            while j >= 0 and not out[j].strip():
                j -= 1
            if j >= 0 and _looks_like_name(out[j]):
                out[j] = ""
    return out


def _looks_like_name(line: str) -> bool:
    words = line.split()
    return 0 < len(words) <= 4 and len(line) <= 40 and not re.search(r"[.:;!?()]", line)


def _squeeze_blank_lines(text: str) -> str:
    return re.sub(r"\n{3,}", "\n\n", text)


def normalize_for_dedupe(text: str) -> str:
    """The form two passages must share to count as the same: case, spacing and bullets folded."""
    text = re.sub(r"^\s*[-*]\s+", "", text, flags=re.MULTILINE)
    return re.sub(r"\s+", " ", text).strip().lower()


# A topic outline: a long run of list items that only name topics ("- Linear regression",
# "- SVM", "2. Data"), the table of contents an outline export or a course summary opens with.
# It states no fact, yet a window of thirty titles matches almost any question by its words.
LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+(?P<body>\S.*)$")
OUTLINE_MIN_ITEMS = 6
TITLE_MAX_WORDS = 6
NOT_A_TITLE = re.compile(r"[:;=!?]|[.,]\s*$|\s[-–—]\s|\d\s*%")
GLOSS = re.compile(r"\((?P<gloss>[^()]+)\)")


def drop_outlines(text: str) -> str:
    """The text without its topic outlines: runs of at least OUTLINE_MIN_ITEMS list items that
    are bare titles (at most TITLE_MAX_WORDS words, no colon, no closing stop, no "term - text"
    dash), unless the line above the run ends in ":" (then the items are the list it announces:
    "Optimized containers:" / "- Chainer"). Plain-text exports only: a heading's own list
    (a bare title line above the run, with a blank line between) is kept too. An item of a
    dropped run that glosses its title (`_glossed`: "Specificity (TNR)") stays: it states a
    fact the notes give nowhere else, and a student asks about it ("is tanh one of the
    activation functions" of "Activations functions (sigmoid, Tanh, ReLU)")."""
    return split_outlines(text)[0]


def outline_items(text: str) -> tuple[str, ...]:
    """The topic titles `drop_outlines` takes out of `text`, list markers gone ("Gini impurity"):
    the outline's own listing, kept apart so a question asking what the outline covers can still
    be answered from it (retrieval/listing.py), while no other question searches it."""
    return split_outlines(text)[1]


def split_outlines(text: str) -> tuple[str, tuple[str, ...]]:
    """`text` without its topic outlines (`drop_outlines`) and the titles taken out
    (`outline_items`), from one reading of its lines: a reader wants both."""
    lines = text.split("\n")
    keep = _outline_kept(lines)
    kept = "\n".join(line for line, k in zip(lines, keep, strict=True) if k)
    items = (LIST_ITEM.match(line) for line, k in zip(lines, keep, strict=True) if not k)
    return kept, tuple(m.group("body").strip() for m in items if m is not None)


def _outline_kept(lines: list[str]) -> list[bool]:
    """Per line, whether `drop_outlines` keeps it."""
    keep = [True] * len(lines)
    run: list[int] = []
    for i in range(len(lines) + 1):
        if i < len(lines) and _is_title_item(lines[i]):
            run.append(i)
            continue
        if len(run) >= OUTLINE_MIN_ITEMS and not _announced(lines, run[0]):
            for j in run:
                keep[j] = _glossed(lines[j])
        run = []
    return keep


def _is_title_item(line: str) -> bool:
    match = LIST_ITEM.match(line)
    if match is None:
        return False
    body = match.group("body").strip()
    return len(body.split()) <= TITLE_MAX_WORDS and not NOT_A_TITLE.search(body)


def _glossed(body: str) -> bool:
    """A title glossed in brackets by more than its initials states a fact: its other names
    ("Sensitivity (Recall / TPR)"), its kinds ("Activations functions (sigmoid, Tanh, ReLU)"),
    its status ("AWS Machine Learning service (deprecate)"). Initials only ("Principal Component
    analysis (PCA)") spell out the title again."""
    found = GLOSS.search(body)
    if found is None:
        return False
    letters = re.sub(r"[^a-z]", "", found.group("gloss").lower())
    words = re.findall(r"[A-Za-z]+", body[: found.start()])
    initials = "".join(w[0] for w in words).lower()
    return bool(letters) and not any(initials[i:] == letters for i in range(len(initials)))


def _announced(lines: list[str], first: int) -> bool:
    """Whether the list a run belongs to is introduced: the line above the list (above its
    other items too, unless one of them ends in ":") ends in ":" or is set apart by a blank
    line, as a heading's list is. A
    list that follows a line of prose directly is an outline of what comes, not its items."""
    above = first - 1
    while above >= 0 and LIST_ITEM.match(lines[above]) and not lines[above].endswith(":"):
        above -= 1
    return above < 0 or not lines[above].strip() or lines[above].rstrip().endswith(":")
