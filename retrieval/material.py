"""The student's pointer at their own study material ("on the flashcards", "according to these
notes", "what do the cards say"): it names where the answer is to come from, not what is asked,
so it is left out of the question before it is searched and checked. Left in, its word is taken
for a subject the notes never write ("Your notes don't mention flashcards", where the notes are
flashcards), and search weighs it beside the real subject and finds another card."""

from __future__ import annotations

import re

# A determiner, then a word for the notes themselves, with the preposition that places the ask in
# them ("on the flashcards", "of the notes", "according to our notes") and a possessive mark
# ("the flashcards' service list"). Only after a determiner: "model cards", "release notes" and
# "Anki deck export" are subjects of their own.
POINTER = re.compile(
    r"(?:\b(?:according\s+to|in|on|from|of)\s+)?"
    r"\b(?:the|my|our|these|those|your)\s+(?:notes|flashcards?|cards|deck|slides)(?:['’]s?)?"
    r"(?![\w'’-])",
    re.I,
)
# What taking the pointer out leaves behind: a comma before the question's end or another comma.
_LEFT_COMMA = re.compile(r"\s*,\s*(?=[,?.!]|$)")


def without_pointer(question: str) -> str:
    """The question without its pointers at the study material; as written when it is nothing
    else ("my notes")."""
    left = POINTER.sub(" ", question)
    left = _LEFT_COMMA.sub("", " ".join(left.split()))
    left = re.sub(r"\s+(?=[?.!,])", "", left).strip(" ,")
    return left if re.search(r"\w", left) else question
