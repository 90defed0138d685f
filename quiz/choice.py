"""Reads a multiple-choice letter out of a button value or a free-form thread reply."""

from __future__ import annotations

import re
from dataclasses import dataclass

from quiz.bank import LETTERS

TOKEN = re.compile(r"[A-Za-z0-9']+")
# Markers that make a letter unmistakable: "option c", "answer: b", "(b)", "b)", "b." at start.
STRONG = (
    re.compile(
        r"\b(?:option|answer|choice|pick|choose|going with|go with)\s*(?:is\s*)?[:#-]?\s*"
        r"\(?([a-d])\b\)?",
        re.IGNORECASE,
    ),
    re.compile(r"\(([a-d])\)", re.IGNORECASE),
    re.compile(r"(?:^|\s)([a-d])\)", re.IGNORECASE),
    re.compile(r"^\W*([a-d])\s*(?:[.:,;!)\]-]|$)", re.IGNORECASE),
)
# Words after a lone "a" that show it is a letter, not the English article ("a or b", "a is right").
LETTER_FOLLOWERS = frozenset(
    {"or", "and", "nor", "vs", "versus", "then", "is", "seems", "looks", "because", "since"}
    | {"as", "probably", "definitely", "for", "maybe", "i", "im", "i'm", "it's"}
)

# After these, a lone "a" is an alternative being offered ("b or a"), not an article.
CONNECTORS = frozenset({"or", "and", "nor", "vs", "versus"})


@dataclass(frozen=True)
class ChoiceReading:
    """What a reply says: exactly one letter, or why it could not be graded."""

    letter: str | None
    letters: tuple[str, ...]

    @property
    def ambiguous(self) -> bool:
        return len(self.letters) > 1


def read_choice(text: str) -> ChoiceReading:
    """The letter a reply picks; `letter` is None when it names none or several."""
    strong = {m.group(1).upper() for pattern in STRONG for m in pattern.finditer(text)}
    letters = strong | _loose_letters(text)
    ordered = tuple(sorted(letters))
    return ChoiceReading(ordered[0] if len(ordered) == 1 else None, ordered)


def _loose_letters(text: str) -> set[str]:
    tokens = TOKEN.findall(text)
    found = set()
    for index, token in enumerate(tokens):
        if token.upper() not in LETTERS or len(token) != 1:
            continue
        following = tokens[index + 1].lower() if index + 1 < len(tokens) else None
        previous = tokens[index - 1].lower() if index else None
        if token.lower() == "a" and previous not in CONNECTORS and _is_article(following):
            continue
        found.add(token.upper())
    return found


def _is_article(following: str | None) -> bool:
    if following is None or following in LETTER_FOLLOWERS:
        return False
    return len(following) > 1 and following.isalpha()


def button_choice(value: str) -> str | None:
    """A button's value is the letter itself; anything else is not a choice."""
    letter = value.strip().upper()
    return letter if letter in LETTERS else None
