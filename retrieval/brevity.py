"""How short an answer the student wants ("athena in one line pls", "what's an ensemble method, in
one sentence?"): a request about the answer's form, not its subject, taken out of the question
before it is searched, read for its kind and composed."""

from __future__ import annotations

import re

# "in one line", "in a sentence", "as a one-liner": opening the question (with its comma), or
# closing it or its first part (before a dash: "k-means in one line - what is it looking for?"),
# a "please" after it aside. Its words are the notes' own ("line", "sentence": "Linear Learner",
# "one sentence per line"), so left in they pull search and the sentence pick to lines about
# lines and sentences. Inside a clause the same words are content ("word A shows up 3 times but
# all in one sentence, word B ..."), and so they are closing a yes/no ask ("is each record in
# one line?").
# "in a line or two", "in one or two sentences", "in two lines" ask the same.
_SHORT = (
    r"(?:(?:in|as)\s+(?:one|a)\s+(?:line|sentence|one-liner)(?:\s+or\s+two)?"
    r"|in\s+(?:one\s+or\s+)?two\s+(?:lines|sentences))"
)
_YES_NO = re.compile(r"^(?:does|do|is|are|can|could|will|would|should|has|have)\b", re.I)
_BREVITY = re.compile(
    rf"^\s*{_SHORT}\s*[,:]\s*"
    rf"|[\s,;:]*\b{_SHORT}(?=\s*(?:please\s*)?(?:[?.!]+\s*)?$|\s+[-–]+\s)",
    re.I,
)


def without_brevity(text: str) -> tuple[str, bool]:
    """The question without its request for a short answer, and whether it had one."""
    if _YES_NO.match(text.strip()):
        return text, False
    plain = _BREVITY.sub("", text)
    if plain == text:
        return text, False
    plain = re.sub(r"\s+([?.!])", r"\1", re.sub(r"\s{2,}", " ", plain)).strip(" ,;:-–")
    return (plain, True) if plain and re.search(r"\w", plain) else (text, False)
