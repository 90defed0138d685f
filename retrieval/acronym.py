"""Acronym asks ("what does ARIMA stand for", "firehose ITL stands for what"): the notes' own
expansion of the acronym, a run of words in a passage that writes the acronym, whose words open
with its letters in order ("ARIMA -> Autoregressive integrated moving average", "Ingest,
Transform, Load (ITL)", the line "Global Vectors for Word Representation" under "GloVe").

Such an ask is mostly chat ("stand", "what", "even"), so its cosines and its gate fall low and a
word like "stands" reads as a subject the notes lack; the expansion is what the notes say of the
acronym, and an acronym the notes never write finds none, so a question about something absent
stays declined.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from retrieval.documents import Chunk

STANDS_FOR = re.compile(r"\bstand(?:s|ing)?\s+for\b|\bshort\s+for\b", re.I)
# An acronym's letters as the question writes it: a shorter one spells too many runs of words by
# chance, a longer one is a word rather than an acronym. One the notes write in mixed case is
# spelt by its capitals ("GloVe": Global Vectors).
MIN_LETTERS = 3
MAX_LETTERS = 8
# The notes write an acronym with two capitals at least ("ARIMA", "GloVe", "ITL"): a word they
# capitalise only first ("Firehose") is a name, not letters to expand.
CAPITALS = 2
WORD = re.compile(r"[A-Za-z][A-Za-z0-9]*")
INSIDE_WORDS = 3  # words at least in a run taking a letter from inside one ("arima" from four)
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z(])")
# Small words an expansion passes over ("Bidirectional Encoder Representations from
# Transformers"): they open no letter of the acronym.
PASSED = frozenset({"a", "an", "and", "for", "from", "in", "of", "on", "the", "to", "with"})


@dataclass(frozen=True)
class Expansion:
    """Where the notes expand an acronym: the passage's row among the build's chunks and the
    line or lines holding the expansion, as they are quoted."""

    row: int
    line: str


def expansion(question: str, chunks: Sequence[Chunk]) -> Expansion | None:
    """The notes' expansion of the acronym an acronym ask names, from the first passage that
    writes the acronym and expands it (its headings too, each a line of its own: "ARIMA ->
    Autoregressive integrated moving average" heads a section); None for another kind of ask
    or when none does."""
    if not STANDS_FOR.search(question):
        return None
    for word in dict.fromkeys(w.lower() for w in WORD.findall(question)):
        if not MIN_LETTERS <= len(word) <= MAX_LETTERS or not word.isalpha():
            continue
        for row, chunk in enumerate(chunks):
            line = _expanded(word, "\n".join((*chunk.heading, chunk.text)))
            if line:
                return Expansion(row, line)
    return None


def _expanded(letters: str, text: str) -> str:
    """The sentence of `text` holding a run of words that spells the acronym `letters`, when
    `text` writes it as one (`CAPITALS` capitals at least); else ""."""
    if letters not in text.lower():
        return ""  # most passages: no need to read their words
    words = list(WORD.finditer(text))
    written = next((w[0] for w in words if _acronym(w[0], letters)), "")
    if not written:
        return ""
    spelt = written.lower() if written.isupper() else "".join(filter(str.isupper, written)).lower()
    for start, first in enumerate(words):
        if first[0].lower() == letters:
            continue  # the acronym itself opens no expansion ("ROC curve")
        used = spelled(spelt, [w[0] for w in words[start : start + 2 * len(spelt)]])
        if used >= 2:
            return _sentence(text, first.start(), words[start + used - 1].end())
    return ""


def _acronym(word: str, letters: str) -> bool:
    return word.lower() == letters and sum(c.isupper() for c in word) >= CAPITALS


def _sentence(text: str, start: int, end: int) -> str:
    """The sentence of `text` from `start` to `end` (a run of its words), within their lines:
    a paragraph's other sentences say other things."""
    begin = text.rfind("\n", 0, start) + 1
    stop = text.find("\n", end)
    line = text[begin : stop if stop >= 0 else len(text)]
    ends = [m.end() for m in SENTENCE_END.finditer(line)]
    first = max((e for e in ends if e <= start - begin), default=0)
    last = min((e for e in ends if e >= end - begin), default=len(line))
    return " ".join(line[first:last].split())


def spelled(letters: str, words: Sequence[str]) -> int:
    """How many of `words`, from the first, spell `letters`: each word opens with the next
    letter, a small word between ("for", "from") may be passed over, and one letter in all may
    come from inside a word ("Autoregressive integrated moving average" spells "arima"). 0 when
    they do not spell all of them: "recommendation system" spells no "rmse"."""
    at, inside, opened = 0, False, 0
    for used, word in enumerate(words):
        if at == len(letters):
            return _whole(letters, used, opened, inside)
        lowered = word.lower()
        if lowered[0] != letters[at]:
            if used and lowered in PASSED:
                continue
            return 0
        at, opened = at + 1, opened + 1
        following = next((w[0].lower() for w in words[used + 1 :] if w.lower() not in PASSED), "")
        if at < len(letters) and letters[at] != following and not inside:
            if letters[at] not in lowered[1:]:
                return 0
            at, inside = at + 1, True
    return _whole(letters, len(words), opened, inside) if at == len(letters) else 0


def _whole(letters: str, used: int, opened: int, inside: bool) -> int:
    """`used`, unless fewer than `INSIDE_WORDS` words opened a letter and one came from inside a
    word ("automatically custom" is no "auc", nor "Redshift and S3" an "rds"): then 0."""
    return 0 if inside and opened < INSIDE_WORDS else used
