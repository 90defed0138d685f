"""Where in the notes the student read something ("on the flashcards", "according to these notes",
"which metric do the flashcards nickname ..."): a pointer to the notes themselves, not a subject
of them, taken out of the question before it is searched, read for its kind and checked for
subjects the notes never mention."""

from __future__ import annotations

import re

# The notes as a student names them: what they are written on, after a word that points at them
# ("the", "these", "my"). A bare noun is content ("model cards", "a deck of cards", "release
# notes"), and so is one the question goes on to name ("the notes' service list" keeps the list
# only as part of the pointer that opens the question).
_NOTES = (
    r"(?:the|these|those|this|my|our|your)\s+"
    r"(?:flash\s?cards?|(?:flash\s?card\s+)?deck|cards|notes|slides|cheat\s?sheets?|study\s+guide)"
)
_POSSESSIVE = r"(?:'s?|’s?)?"
_OPENING = re.compile(
    rf"^\s*(?:in|on|from|per|according\s+to|based\s+on)\s+{_NOTES}{_POSSESSIVE}"
    r"(?:\s+[\w-]+){0,3}\s*,\s*",
    re.I,
)
# "dynamodb vs s3 on the flashcards - ...", "..., according to these notes?"
_PLACE = re.compile(
    rf"[\s,]*\b(?:in|on|from|per|according\s+to|based\s+on)\s+{_NOTES}(?!['’\w])", re.I
)
# "which metric do the flashcards nickname ...", "what do these notes mean by a label", "when the
# flashcards talk about s3": the notes as the one who says; what they say stays.
_SAYER = re.compile(
    rf"\b(?:(?:do|does|did)\s+{_NOTES}|(?:when|where|as)\s+{_NOTES}\s+(?:talk|speak|write)s?)"
    r"(?!['’\w])\s*",
    re.I,
)


def without_notes_named(text: str) -> tuple[str, bool]:
    """The question without the words that point at the notes themselves, and whether it had
    any."""
    plain = _SAYER.sub("", _PLACE.sub("", _OPENING.sub("", text)))
    if plain == text:
        return text, False
    plain = re.sub(r"\s+([?.!,])", r"\1", re.sub(r"\s{2,}", " ", plain)).strip(" ,;:-–")
    return (plain, True) if plain and re.search(r"\w", plain) else (text, False)
