"""Which words name a comparison's side: one rule for raising passages (`search.both_sides`) and
for choosing sentences (`compose`).

A side is told apart by its marks, the words of its name that no other side's name has ("small"
of "small batch size" against "large batch size", "spectrum" of "redshift spectrum" against
"redshift"); "amazon", "aws" and "sagemaker" name nothing. A text names a side when it holds one
of the side's marks itself, most of them (NAME_SHARE) with its heading's help, and most of that
form's words with its context's help (the passage: "batch size" of a section about batch sizes).
A shared word alone ("batch") names no side. A side whose every word is in another side's name
("redshift" within "redshift spectrum") is named only where its words stand outside that longer
name: "Redshift Spectrum queries S3" names Spectrum alone; "Redshift loads the data, Redshift
Spectrum reads it in place" names both.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass

import numpy as np

from retrieval.lexical import PRODUCT_PREFIX, tokenize

NAME_SHARE = 0.66  # of a side's words: 1 of 1, 2 of 2 or of 3, 3 of 4
# "non-linear" is not "linear": read as one word when telling sides apart.
NEGATED = re.compile(r"\b(non)-(?=\w)", re.I)
# Words that ask to compare, not what about: "vs", "which one", the "s" of "what's".
COMPARING = frozenset(tokenize("vs versus one each"))


@dataclass(frozen=True)
class Side:
    """One side: its forms (as typed, then its acronyms spelled out), each form's marks, and the
    names of the longer sides that hold all of its words."""

    forms: tuple[frozenset[str], ...]
    marks: tuple[frozenset[str], ...]
    within: tuple[tuple[str, ...], ...] = ()

    def names(
        self,
        tokens: Sequence[str],
        heading: AbstractSet[str] = frozenset(),
        context: AbstractSet[str] = frozenset(),
        words: AbstractSet[str] | None = None,
    ) -> bool:
        """`tokens` (a text's, in order; `words`, their set, when the caller has it) name this
        side; `heading` and `context` are words of what the text sits under and in, which help
        but never name a side alone (held exactly: a short form counts only in the text and its
        heading, which keeps this fast over whole passages)."""
        if self.within:
            own: AbstractSet[str] = set(outside(tokens, self.within))
        else:
            own = set(tokens) if words is None else words
        return any(
            any(_has(t, own) for t in marks)
            and _share(marks, own, heading) >= NAME_SHARE
            and _share(form - PRODUCT_PREFIX or form, own, heading, context) >= NAME_SHARE
            for form, marks in zip(self.forms, self.marks, strict=True)
        )


def names_each(
    side: Side, held: Callable[[str], np.ndarray], tokens: Callable[[], list]
) -> np.ndarray:
    """`Side.names` over many passages at once, each its own heading and context, with words held
    exactly: `held(term)` says which passages hold the term (read from the BM25 postings, no pass
    over their text); `tokens()` gives their tokens, read only for a side within another."""
    if side.within:
        return np.array([side.names(t) for t in tokens()], dtype=bool)
    named: np.ndarray | None = None
    for form, marks in zip(side.forms, side.marks, strict=True):
        whole = form - PRODUCT_PREFIX or form
        count = {t: held(t) for t in marks | whole}
        has_marks = sum(count[t] for t in marks)
        found = (has_marks > 0) & (has_marks >= NAME_SHARE * len(marks))
        found &= sum(count[t] for t in whole) >= NAME_SHARE * len(whole)
        named = found if named is None else named | found
    assert named is not None
    return named


def _share(
    terms: AbstractSet[str],
    own: AbstractSet[str],
    heading: AbstractSet[str],
    context: AbstractSet[str] = frozenset(),
) -> float:
    """Share of `terms` held: in `context` exactly, in `own` or `heading` also as a short form."""
    if not terms:
        return 0.0
    held = sum(t in context or _has(t, own) or _has(t, heading) for t in terms)
    return held / len(terms)


def sides_of(forms: Sequence[Sequence[set[str]]], typed: Sequence[str]) -> list[Side]:
    """The sides of a comparison from each side's forms (`forms[i][0]` is `typed[i]`'s words)."""
    found = []
    for i, side in enumerate(forms):
        others = [f for j, fs in enumerate(forms) if j != i for f in fs]
        other_words = set().union(*others) if others else set()
        first = set(side[0]) - PRODUCT_PREFIX
        within = tuple(
            tuple(tokenize(typed[j]))
            for j, fs in enumerate(forms)
            if j != i and first and first < (set(fs[0]) - PRODUCT_PREFIX)
        )
        marks = tuple(
            frozenset((f - PRODUCT_PREFIX - other_words) or (f - PRODUCT_PREFIX) or f) for f in side
        )
        found.append(Side(tuple(frozenset(f) for f in side), marks, within))
    return found


def aspect_of(question: str, sides: Sequence[Side], asking: Iterable[str]) -> set[str]:
    """What a comparison asks of its sides ("computationally efficient", "cheaper"): the
    question's words that name no side and do not ask to compare (`asking`, COMPARING)."""
    named = set().union(*(f for side in sides for f in side.forms)) | set(asking) | COMPARING
    return {w for w in tokenize(question) if len(w) > 1 and w not in named}


def side_tokens(text: str) -> list[str]:
    """A text's tokens for naming sides: a negating prefix stays on its word (NEGATED)."""
    return tokenize(NEGATED.sub(r"\1", text))


def outside(tokens: Sequence[str], longer: Sequence[tuple[str, ...]]) -> list[str]:
    """`tokens` without the runs that spell one of the `longer` names."""
    keep = [True] * len(tokens)
    for name in longer:
        size = len(name)
        for start in range(len(tokens) - size + 1):
            if size and tuple(tokens[start : start + size]) == name:
                keep[start : start + size] = [False] * size
    return [t for t, kept in zip(tokens, keep, strict=True) if kept]


def covers(terms: AbstractSet[str], available: AbstractSet[str]) -> float:
    """Share of `terms` present in `available`; a short form counts for a longer one (async)."""
    if not terms:
        return 0.0
    return sum(_has(term, available) for term in terms) / len(terms)


def _has(term: str, available: AbstractSet[str]) -> bool:
    """`term` is one of the words, or (3 letters or more) the start of one. Words hold no space,
    so the prefix test is one substring search over the words joined: this runs tens of
    thousands of times an answer, and a Python loop over the words was its slowest part."""
    if term in available:
        return True
    return len(term) >= 3 and f" {term}" in " " + " ".join(available)
