"""Sentence spans inside a passage: the units an answer is made of."""

from __future__ import annotations

import re

SENTENCE_END = re.compile(r"(?<=[.!?])[\"”')\]]?\s+(?=[A-Z0-9(\"“])")
MIN_WORDS = 4


# A paragraph hard-wrapped by an editor: a line that starts in lower case goes on from the line
# before when that one ends without a stop or a colon ("... while the" / "job runs, ...").
ENDS_OPEN = re.compile(r"[^\s.!?:;]\s*$")
STARTS_LOWER = re.compile(r"^[ \t]*[a-z]")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence or list item with at least four words; a paragraph's
    hard-wrapped lines are one line."""
    spans: list[tuple[int, int]] = []
    offset = 0
    for line in _lines(text):
        start = offset
        offset += len(line) + 1
        cursor = 0
        pieces = [*SENTENCE_END.finditer(line), None]
        for match in pieces:
            end = match.start() if match else len(line)
            piece = line[cursor:end]
            stripped = piece.strip()
            lead = len(piece) - len(piece.lstrip())
            if len(stripped.split()) >= MIN_WORDS:
                spans.append((start + cursor + lead, start + cursor + lead + len(stripped)))
            cursor = match.end() if match else len(line)
    return spans


def _lines(text: str) -> list[str]:
    """The text's lines, each hard-wrapped line joined to the one it goes on from; joined with
    the line break itself, so offsets into the text are kept."""
    lines: list[str] = []
    for line in text.split("\n"):
        if lines and ENDS_OPEN.search(lines[-1]) and STARTS_LOWER.match(line):
            lines[-1] = f"{lines[-1]}\n{line}"
        else:
            lines.append(line)
    return lines


def display_sentence(text: str) -> str:
    """A sentence as shown in an answer: list markers and 'Q:'/'A:' labels removed."""
    text = re.sub(r"^\s*(?:[-*+]|\d+[.)])\s+", "", text)
    text = re.sub(r"[ \t]*\n[ \t]*", " ", text)  # a hard-wrapped sentence reads as one line
    return re.sub(r"^(?:Q|A):\s*", "", text).strip()
