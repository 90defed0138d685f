"""The outline's own listing, read for a question asking what the outline covers ("outline cover
unbalanced data too?", "does the outline touch gini impurity?").

Cleaning takes a topic outline's bare titles out of the notes (`clean.drop_outlines`): thirty
titles in one window matched almost any question by its words. The document keeps them apart
(`Chunk.listing`, `clean.outline_items`), where no search reads them, so no other answer moves.
A question pointing at the outline (`Pointed.documents` holds "outline") asks whether a topic is
on that list, and the list is the one place that says so: the title holding every word the
question asks about (less its asking words, "cover", "touch") is the answer, quoted from the
outline's document. A subject no title holds finds none: the question is read as before, and one
about something the notes lack is declined as before."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from retrieval.documents import Chunk
from retrieval.genre import OUTLINE
from retrieval.lexical import tokenize

# Stems of the words that ask whether a document holds a topic ("does the outline cover X"),
# not what the topic is: only a question holding one asks of the list. "What is X, per the
# outline" asks for what the notes say of X, which a bare title does not tell.
ASKING = frozenset(
    tokenize("cover covers covered touch touches include includes list lists mention mentions")
    + tokenize("contain contains discuss discusses")
)
# Words that only fill such a question out ("anything on", "the topic of").
FILLING = frozenset(tokenize("anything something topic topics outline go over"))
# In chat the outline opens the question bare, as its subject ("outline covers tensors n
# graphs?"): no pointer for search (retrieval/material.py wants "the outline"), yet the same ask.
BARE_OPENING = re.compile(r"^\s*outlines?\s+(?=[a-z])", re.I)
# A word this long or longer matches a title word it begins, or that begins it ("prop" of
# "propogation", "random" of "randomisation"); a shorter one must be the whole word.
PREFIX_MIN = 4


@dataclass(frozen=True)
class Listed:
    """The outline title a question asks about, and the outline document's first passage."""

    title: str
    chunk: Chunk


def listed_title(chunks: Sequence[Chunk], kinds: Sequence[str], asked: str) -> Listed | None:
    """The outline title holding every word `asked` asks about, when the question points at the
    outline (`kinds`, `Pointed.documents`, or `asked` opens with it bare) and asks whether it
    covers a topic; of several, the one with the fewest other words, the first in the outline on
    a tie. None when no title holds them all."""
    if OUTLINE not in kinds and not BARE_OPENING.match(asked):
        return None
    asking = tokenize(asked)
    words = [w for w in asking if len(w) > 1 and w not in ASKING | FILLING]
    if not words or ASKING.isdisjoint(asking):
        return None
    best: tuple[int, str, Chunk] | None = None
    for chunk in _outlined(chunks):
        for title in chunk.listing:
            held = tokenize(title)
            if all(any(_same(w, h) for h in held) for w in words):
                extra = sum(not any(_same(w, h) for w in words) for h in held)
                if best is None or extra < best[0]:
                    best = (extra, title, chunk)
    return Listed(best[1], best[2]) if best else None


def _outlined(chunks: Sequence[Chunk]) -> list[Chunk]:
    """Each outlined document's first passage (its listing is every passage's)."""
    first: dict[str, Chunk] = {}
    for chunk in chunks:
        if chunk.listing and (chunk.source not in first or chunk.start < first[chunk.source].start):
            first[chunk.source] = chunk
    return list(first.values())


def _same(word: str, held: str) -> bool:
    if word == held:
        return True
    shorter, longer = sorted((word, held), key=len)
    return len(shorter) >= PREFIX_MIN and longer.startswith(shorter)
