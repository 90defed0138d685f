"""Sentence spans inside a passage: the units an answer is made of."""

from __future__ import annotations

import re

SENTENCE_END = re.compile(r"(?<=[.!?])[\"”')\]]?\s+(?=[A-Z0-9(\"“])")
MIN_WORDS = 4


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence or list item with at least four words."""
    spans: list[tuple[int, int]] = []
    offset = 0
    for line in text.split("\n"):
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


def display_sentence(text: str) -> str:
    """A sentence as shown in an answer: list markers and 'Q:'/'A:' labels removed."""
    text = re.sub(r"^\s*(?:[-*+]|\d+[.)])\s+", "", text)
    return re.sub(r"^(?:Q|A):\s*", "", text).strip()
