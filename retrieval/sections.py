"""Split a cleaned document into sections by its headings: Markdown headings, or bare title
lines in plain-text exports (a short line on its own, without closing punctuation)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise

from markdown_it import MarkdownIt

from retrieval.documents import Document


@dataclass(frozen=True)
class Section:
    """The body under one heading path; `start`/`end` are offsets into the document text."""

    heading: tuple[str, ...]
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class _Heading:
    line: int
    level: int
    title: str
    end_line: int = -1  # the line after the heading (setext headings span two lines)

    @property
    def body_line(self) -> int:
        return self.end_line if self.end_line >= 0 else self.line + 1


def split_sections(document: Document) -> list[Section]:
    if document.fmt == "card":
        return [Section(document.heading, 0, len(document.text), document.text)]
    lines = document.text.split("\n")
    if document.fmt == "markdown":
        headings = _markdown_headings(document.text)
    else:
        headings = _plain_text_headings(lines)
    return _sections_between(lines, headings)


@dataclass(frozen=True)
class HeadedText:
    """One heading of a document and its own text, up to the next heading of any level."""

    level: int
    title: str
    text: str


def headed_texts(text: str) -> list[HeadedText]:
    """Every Markdown heading of `text`, found as the index finds them (so a heading the index
    cites is one the quiz's bank check can find), with the text under it."""
    lines = text.split("\n")
    headings = _markdown_headings(text)
    ends = [h.line for h in headings[1:]] + [len(lines)]
    return [
        HeadedText(h.level, h.title, "\n".join(lines[h.body_line : end]).strip())
        for h, end in zip(headings, ends, strict=True)
    ]


def _markdown_headings(text: str) -> list[_Heading]:
    tokens = MarkdownIt("commonmark").parse(text)
    found: list[_Heading] = []
    for i, token in enumerate(tokens):
        if token.type == "heading_open" and token.map is not None:
            title = tokens[i + 1].content.strip()
            found.append(_Heading(token.map[0], int(token.tag[1]), title, token.map[1]))
    return found


BULLET = re.compile(r"^\s*(?:[-*+•·]|\d+[.)]|[a-z][.)])\s")
CLOSING = re.compile(r"[.,;!?…\"”]$")
MAX_TITLE_CHARS = 70
MAX_TITLE_WORDS = 9


def _is_title_line(lines: list[str], i: int) -> bool:
    line = lines[i].strip()
    if not line or len(line) > MAX_TITLE_CHARS or len(line.split()) > MAX_TITLE_WORDS:
        return False
    if (
        BULLET.match(lines[i])
        or CLOSING.search(line)
        or not (line[0].isupper() or line[0].isdigit())
    ):
        return False
    before_blank = i == 0 or not lines[i - 1].strip()
    after_blank = i + 1 >= len(lines) or not lines[i + 1].strip()
    return before_blank and after_blank


def _plain_text_headings(lines: list[str]) -> list[_Heading]:
    """Title lines become headings. The first line is the document title (level 1).

    A label (a title ending in ":" or one that recurs in the file, like "Input" or
    "Hyperparameters" under several services) is a level-3 heading under the subject before
    it, so its passage keeps that subject in its heading path. In a run of titles with no text
    between, a title between two others that reads as a sentence ("Serverless solution") is text;
    the others, split at labels and sentences, group as before: one is a level-2 heading, two
    are level 2 over level 3, three or more are a list of terms (the first is the heading). A
    run whose content was lost (`_lost_content`) is a row of level-2 headings."""
    candidates = [i for i in range(len(lines)) if _is_title_line(lines, i)]
    headings: list[_Heading] = []
    if candidates and candidates[0] == _first_text_line(lines):
        headings.append(_Heading(candidates[0], 1, _title(lines[candidates[0]])))
        candidates = candidates[1:]
    labels = _labels(lines, candidates)
    for run in _runs(lines, candidates):
        if _lost_content(lines, run):
            headings.extend(_Heading(i, 2, _title(lines[i])) for i in run)
            continue
        headings.extend(_Heading(i, 3, _title(lines[i])) for i in run if i in labels)
        for group in _subject_groups(lines, run, labels):
            headings.append(_Heading(group[0], 2, _title(lines[group[0]])))
            if len(group) == 2:
                headings.append(_Heading(group[1], 3, _title(lines[group[1]])))
    return sorted(headings, key=lambda h: h.line)


def _lost_content(lines: list[str], run: list[int]) -> bool:
    """A run with two labels in a row ("Types of Data:" / "Data Viz:"): the export lost what
    stood under its titles (tables, images), so each title heads only what follows it, the
    last one the text after the run; none is a sub-heading of another, nor text."""
    ends = [lines[i].rstrip().endswith(":") for i in run]
    return any(a and b for a, b in pairwise(ends))


def _subject_groups(lines: list[str], run: list[int], labels: set[int]) -> list[list[int]]:
    groups: list[list[int]] = [[]]
    for position, i in enumerate(run):
        between = 0 < position < len(run) - 1  # a title with another title right after it
        if i in labels or (between and _reads_as_sentence(lines[i])):
            groups.append([])
        else:
            groups[-1].append(i)
    return [g for g in groups if g]


CONNECTORS = frozenset(
    "a an and as at by for from in into of on or per the to via vs with".split()  # noqa: SIM905
)


def _reads_as_sentence(line: str) -> bool:
    """A title line with a lowercase word other than a connector after its first word."""
    words = re.findall(r"[^\W\d_][\w'-]*", line)[1:]
    return any(w[0].islower() and w.lower() not in CONNECTORS for w in words)


def _labels(lines: list[str], candidates: list[int]) -> set[int]:
    counts: dict[str, int] = {}
    for i in candidates:
        key = _title(lines[i]).lower()
        counts[key] = counts.get(key, 0) + 1
    return {
        i
        for i in candidates
        if lines[i].rstrip().endswith(":") or counts[_title(lines[i]).lower()] > 1
    }


def _first_text_line(lines: list[str]) -> int:
    return next((i for i, line in enumerate(lines) if line.strip()), -1)


def _title(line: str) -> str:
    return line.strip().rstrip(":").strip()


def _runs(lines: list[str], candidates: list[int]) -> list[list[int]]:
    """Group candidate lines that follow each other with only blank lines between."""
    runs: list[list[int]] = []
    for index in candidates:
        previous = runs[-1][-1] if runs else None
        if previous is not None and all(not lines[j].strip() for j in range(previous + 1, index)):
            runs[-1].append(index)
        else:
            runs.append([index])
    return runs


def _sections_between(lines: list[str], headings: list[_Heading]) -> list[Section]:
    offsets = [0]
    for line in lines:
        offsets.append(offsets[-1] + len(line) + 1)
    text = "\n".join(lines)
    sections: list[Section] = []
    stack: list[_Heading] = []
    boundaries = [*headings, _Heading(len(lines), 0, "")]
    body_start_line = 0
    for heading in boundaries:
        start, end = offsets[body_start_line], max(offsets[heading.line] - 1, 0)
        body = text[start:end] if end > start else ""
        if body.strip():
            lead = len(body) - len(body.lstrip())
            stripped = body.strip()
            path = tuple(h.title for h in stack)
            sections.append(Section(path, start + lead, start + lead + len(stripped), stripped))
        if heading.level == 0:
            break
        while stack and stack[-1].level >= heading.level:
            stack.pop()
        stack.append(heading)
        body_start_line = heading.body_line
    return sections
