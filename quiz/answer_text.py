"""Reading a free-text answer: words, stems, clauses, terms with typos, and negation scope."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

import Stemmer
from rapidfuzz import fuzz

FUZZY_CUTOFF = 85.0
EXACT_TERM_MAX_CHARS = 4
NEGATION_SCOPE = 3
WORD = re.compile(r"[a-z0-9]+")
CLAUSE_SPLIT = re.compile(
    r"[.;:!?\n]+|\s+-\s+|,\s+(?:and|but|so|because|since|while|whereas|though|although)\s+"
    r"|\s+(?:because|since|whereas|although|though|unlike|but)\s+"
    r"|,\s+(?=(?:it|which|they|this)\s)"
)
CONTRACTIONS = (
    (re.compile(r"\bcan'?t\b"), "can not"),
    (re.compile(r"\bwon'?t\b"), "will not"),
    (
        re.compile(r"\b(do|does|did|is|are|was|were|has|have|had|should|would|could)n'?t\b"),
        r"\1 not",
    ),
    (re.compile(r"n't\b"), " not"),
)
NEGATORS = frozenset({"not", "no", "never", "without", "nor", "neither", "cannot", "none"})
AUXILIARIES = frozenset(
    {"is", "are", "was", "were", "be", "do", "does", "did", "has", "have", "can", "will"}
    | {"would", "should", "must", "could", "may", "need", "needs"}
)


def words(text: str) -> list[str]:
    return WORD.findall(text.lower())


def normalise(text: str) -> str:
    """Lowercase with contractions spelt out, so "doesn't" and "doesnt" read as "does not"."""
    text = text.lower().replace("\u2019", "'")
    for pattern, replacement in CONTRACTIONS:
        text = pattern.sub(replacement, text)
    return text


@lru_cache(maxsize=1)
def _stemmer() -> Stemmer.Stemmer:
    return Stemmer.Stemmer("english")


def stems(tokens: Sequence[str]) -> list[str]:
    return list(_stemmer().stemWords(list(tokens)))


def clauses(text: str) -> list[str]:
    """The answer's clauses of two words or more, normalised, then the whole answer."""
    text = normalise(text)
    parts = [p.strip() for p in CLAUSE_SPLIT.split(text) if p and len(words(p)) >= 2]
    whole = " ".join(text.split())
    return [*parts, whole] if whole and whole not in parts else parts


def term_positions(term: str, answer_words: Sequence[str]) -> list[int]:
    """Where `term` starts in the answer: same words or stems, or (over 4 characters) fuzzy."""
    term_words = words(term)
    size = len(term_words)
    if not term_words or len(answer_words) < size:
        return []
    target, target_stems = " ".join(term_words), " ".join(stems(term_words))
    answer_stems = stems(answer_words)
    found = []
    for start in range(len(answer_words) - size + 1):
        window = " ".join(answer_words[start : start + size])
        stemmed = " ".join(answer_stems[start : start + size])
        if (
            window == target
            or stemmed == target_stems
            or (
                len(target) > EXACT_TERM_MAX_CHARS
                and (
                    fuzz.ratio(target, window) >= FUZZY_CUTOFF
                    or fuzz.ratio(target_stems, stemmed) >= FUZZY_CUTOFF
                )
            )
        ):
            found.append(start)
    return found


def term_matches(term: str, answer_words: Sequence[str]) -> bool:
    """Whether `term` occurs in the answer: exact for short terms, fuzzy for longer ones."""
    return bool(term_positions(term, answer_words))


def negated_at(tokens: Sequence[str], start: int, end: int) -> bool:
    """A negator shortly before tokens[start:end], or "X is not" / "X not" right after."""
    if any(t in NEGATORS for t in tokens[max(0, start - NEGATION_SCOPE) : start]):
        return True
    after = tokens[end : end + 2]
    return bool(after) and (
        after[0] == "not" or (len(after) == 2 and after[0] in AUXILIARIES and after[1] in NEGATORS)
    )


def is_negated(tokens: Sequence[str]) -> bool:
    return any(t in NEGATORS for t in tokens)
