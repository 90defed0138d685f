"""An acronym glossary built from the notes themselves ("Random Cut Forest (RCF)",
"KCL – Kinesis Client Library"), used to expand the acronyms in a question."""

from __future__ import annotations

import re
from collections.abc import Iterable

ACRONYM = r"[A-Z][A-Za-z0-9&-]*[A-Z0-9][a-z]?"
LONG_FIRST = re.compile(r"((?:[A-Za-z][\w'-]*[ /–-]){0,7}[A-Za-z][\w'-]*)\s*\((" + ACRONYM + r")\)")
ACRONYM_FIRST = re.compile(
    r"\b(" + ACRONYM + r")\s*(?:\(|[-–—:]\s)\s*([A-Z][\w'-]*(?:[ /-][A-Za-z][\w'-]*){0,7})"
)
SMALL_WORDS = {"of", "and", "for", "the", "to", "in", "on", "a", "an", "with", "by"}


def _letters(acronym: str) -> list[str]:
    """The initials an acronym stands for: capitals, a digit repeating the one before (EC2, S3)."""
    letters: list[str] = []
    for char in acronym:
        if char.isupper():
            letters.append(char.lower())
        elif char.isdigit() and letters and int(char) > 1:
            letters.extend(letters[-1] * (int(char) - 1))
    return letters


def _parts(word: str) -> list[str]:
    pieces = re.split(r"[-/–]", word)
    return [p for piece in pieces for p in re.findall(r"[A-Z]?[a-z0-9']+|[A-Z]+(?![a-z])", piece)]


def _initials_match(words: list[str], acronym: str) -> list[str] | None:
    """The shortest tail of `words` whose initials spell the acronym (SMOTE's last letter may
    come from inside the last word, as in 'Technique')."""
    letters = _letters(acronym)
    if len(letters) < 2:
        return None
    for size in range(1, len(words) + 1):
        tail = words[-size:]
        content = [w for w in tail if w.lower() not in SMALL_WORDS]
        for initials in (
            [w[0].lower() for w in content],
            [p[0].lower() for w in content for p in _parts(w) if p.lower() not in SMALL_WORDS],
        ):
            if initials == letters or (len(letters) >= 4 and initials == letters[:-1]):
                return tail
    return None


def _key(acronym: str) -> str:
    return acronym.lower().replace("-", "")


def build_glossary(texts: Iterable[str]) -> dict[str, str]:
    """Map each acronym (lower case) to its expansion, as the notes define it."""
    glossary: dict[str, str] = {}
    for text in texts:
        for long_form, acronym in LONG_FIRST.findall(text):
            tail = _initials_match(long_form.split(), acronym)
            if tail:
                glossary.setdefault(_key(acronym), " ".join(tail))
        for acronym, long_form in ACRONYM_FIRST.findall(text):
            words = long_form.split()
            for size in range(1, len(words) + 1):
                if _initials_match(words[:size], acronym) == words[:size]:
                    glossary.setdefault(_key(acronym), " ".join(words[:size]))
                    break
    return glossary


def expand_query(question: str, glossary: dict[str, str]) -> str:
    """The question with each known acronym's expansion appended (once)."""
    additions: list[str] = []
    lowered = question.lower()
    for token in sorted(set(re.findall(r"[a-z0-9&-]+", lowered))):
        expansion = glossary.get(_key(token))
        if expansion and expansion.lower() not in lowered and expansion not in additions:
            additions.append(expansion)
    return f"{question} ({'; '.join(sorted(additions))})" if additions else question
