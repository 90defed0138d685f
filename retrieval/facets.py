"""What a question asks about its subject beyond the subject's name (its facet: "retention" of
"kinesis data streams retention"), and how far a sentence, read with its heading, holds it."""

from __future__ import annotations

from retrieval.lexical import tokenize

# Words that ask for a remedy, one term for a list's lead-in ("Fixes for ...", "How to avoid ...").
REMEDY_WORDS = frozenset(
    tokenize("fix fixes prevent avoid reduce handle deal combat solve cure address tackle remedy")
)
REMEDY_TERM = "fix"


def facet_share(facet: set[str], words: frozenset[str], about: set[str]) -> float:
    """`covers(facet, words | about)` with remedy words as one, in set operations: it runs for
    every pooled sentence of every ask. `about` holds the facet terms its passage's heading
    gives (`facet_in`)."""
    if not facet:
        return 0.0
    held = (facet & words) | about
    if REMEDY_TERM in facet and not REMEDY_WORDS.isdisjoint(words):
        held.add(REMEDY_TERM)
    return len(held) / len(facet)


def facet_in(facet: set[str], about: set[str]) -> set[str]:
    """The facet terms a heading gives, whole or as a short form of a longer word ("async")."""
    return {
        t
        for t in facet
        if t in about or (len(t) >= 3 and any(len(w) >= 4 and w.startswith(t) for w in about))
    }


def remedies(terms: set[str]) -> set[str]:
    """Terms with every word for remedying something as one ("prevent overfitting" asks for the
    "Fixes for overfitting:" list)."""
    return {REMEDY_TERM if t in REMEDY_WORDS else t for t in terms}
