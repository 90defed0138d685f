"""How much a question's word says about what it asks: the rarer the word in the notes' sentences,
the more it names the subject ("deepar" of "deepar does what exactly") and the less it is a
word any question has ("does", "work"). A word the notes never hold weighs as the rarest, so a
question about something absent keeps a low share. Counts are made once per loaded build.
"""

from __future__ import annotations

import math
import weakref
from collections import Counter
from collections.abc import Iterable, Mapping

from retrieval.search import Searcher, passage_words

_COUNTS: weakref.WeakKeyDictionary[Searcher, tuple[Counter[str], int]] = weakref.WeakKeyDictionary()
_PASSAGES: weakref.WeakKeyDictionary[Searcher, Counter[str]] = weakref.WeakKeyDictionary()


def sentence_counts(
    searcher: Searcher, words: Iterable[frozenset[str]]
) -> tuple[Counter[str], int]:
    """How many of the notes' sentences hold each term, and how many sentences there are."""
    found = _COUNTS.get(searcher)
    if found is None:
        counts: Counter[str] = Counter()
        total = 0
        for sentence in words:
            counts.update(sentence)
            total += 1
        found = (counts, total)
        _COUNTS[searcher] = found
    return found


def passage_counts(searcher: Searcher) -> Counter[str]:
    """How many of the notes' passages hold each term, their headings and card fronts included: a
    subject named only in headings ("Amazon Lex" over "- chatbot AI") is rare, not absent."""
    found = _PASSAGES.get(searcher)
    if found is None:
        found = Counter()
        for chunk in searcher.files.chunks:
            found.update(passage_words(chunk))
        _PASSAGES[searcher] = found
    return found


def rarest_terms(terms: Iterable[str], counts: Counter[str]) -> set[str]:
    """The terms the notes hold least often (every one as rare as the rarest), leaving out terms
    the notes never hold: an absent word names nothing a passage could hold."""
    held = {t: counts[t] for t in terms if counts.get(t, 0) > 0}
    fewest = min(held.values(), default=0)
    return {t for t, count in held.items() if count == fewest}


def rarity_weights(terms: Iterable[str], counts: Counter[str], total: int) -> dict[str, float]:
    """Each term's weight by its rarity in the notes' `total` sentences (an inverse document
    frequency; a term the notes never hold weighs the most)."""
    return {t: math.log((total + 1) / (counts.get(t, 0) + 0.5)) for t in terms}


def held_weights(
    terms: Iterable[str], counts: Counter[str], total: int, keep: Iterable[str] = ()
) -> dict[str, float]:
    """`rarity_weights`, but a term no sentence holds ("bother" of "why bother lowercasing
    text") weighs nothing: no sentence can hold it, and as the rarest of all it would make
    every sentence's share of the terms small. Terms in `keep` (one standing for many words,
    as the remedy term does) keep their weight."""
    kept = set(keep)
    weights = rarity_weights(terms, counts, total)
    return {t: w if counts.get(t, 0) or t in kept else 0.0 for t, w in weights.items()}


def held_weight(weights: Mapping[str, float], words: Iterable[str]) -> float:
    """How much of the weighted terms (`held_weights`) the `words` hold: their weights, summed,
    each word once."""
    return sum(weights.get(t, 0.0) for t in set(words))


def weighted_share(terms: set[str], available: set[str], counts: Counter[str], total: int) -> float:
    """The share of `terms` present in `available`, each weighted by its rarity in the notes (a
    short form counts for a longer one, as in `compose.covers`)."""
    from retrieval.compose import covers

    weights = rarity_weights(terms, counts, total)
    whole = sum(weights.values())
    if not whole:
        return 0.0
    return sum(w for t, w in weights.items() if covers({t}, available)) / whole


def rarest_held(terms: set[str], available: set[str], counts: Counter[str]) -> bool:
    """Whether `available` holds the rarest of `terms` in the notes' sentences (every one of
    them when several are as rare), and the notes hold it at all: a question's rarest word is
    what it asks about, and an absent one is the rarest of all."""
    from retrieval.compose import covers

    if not terms:
        return False
    fewest = min(counts.get(t, 0) for t in terms)
    rarest = {t for t in terms if counts.get(t, 0) == fewest}
    return fewest > 0 and covers(rarest, available) >= 1
