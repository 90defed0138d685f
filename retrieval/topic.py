"""A comparison of one subject's aspects ("deepar: which hardware for training vs for inference",
"linear learner: regression vs classification metrics"): the sides are generic words any passage
may hold, so they are read in the passages about the subject named before them (a heading or a
card front naming it), and a side its passage leaves unnamed (the card's "Can use CPU or GPU"
beside "CPU-only for inference") is answered by the passage's first line that names no side.

The sides are aspects when each is commoner in the notes than the subject: the side's commonest
word is held by more passages than the subject's rarest ("inference" against "deepar"); sides
rarer than their subject ("resolution or framerate" of "rekognition video") are things of their
own, compared as any sides are.

The aspects are answered from one passage: the subject's passage where the most sides each have a
sentence of their own (naming no other side, saying more than the side's name), the search's
first among equals; a passage that names them only together ("handles both regression and
classification") says nothing of either.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np

from retrieval.documents import Chunk
from retrieval.lexical import PRODUCT_PREFIX, tokenize
from retrieval.search import Hit
from retrieval.sides import Side

TOPIC_SEARCH = 20  # passages the question's words rank first, read for the subject's headings
ASKED_HELD = 0.3  # compose.ASPECT_HELD: a line holding this much of the ask states it


def topic_hits(
    topic: Side,
    hits: Sequence[Hit],
    scores: np.ndarray,
    chunk_hit: Callable[[int, float], Hit],
    about: Callable[[Chunk], list[str]],
) -> list[Hit]:
    """The passages about `topic`: the searched ones whose heading or card front names it, then
    those the question's keyword `scores` rank first, in that order, each once."""
    found = [h for h in hits if topic.names(about(h.chunk))]
    seen = {h.row for h in found}
    for row in np.argsort(-scores)[:TOPIC_SEARCH].tolist():
        if scores[row] <= 0 or row in seen:
            continue
        hit = chunk_hit(row, float(scores[row]))
        if topic.names(about(hit.chunk)):
            found.append(hit)
            seen.add(row)
    return found


def topic_side(forms: list[set[str]], typed: str) -> Side | None:
    """The subject as a side of its own, told by all of its words ("linear learner")."""
    forms = [f for f in forms if f]
    if not forms or not tokenize(typed):
        return None
    frozen = tuple(frozenset(f) for f in forms)
    return Side(frozen, tuple(frozenset(f - PRODUCT_PREFIX or f) for f in frozen))


def unnamed_pick(
    chosen: list,
    candidates: Sequence,
    names_a_side: Callable[[Any], bool],
    asked: Callable[[Any], float],
) -> object | None:
    """For a side no sentence of the subject's passages names: the line of the passage a picked
    side was quoted from that names no side and states what was asked (`asked` at least
    ASKED_HELD: "return format: ... (vector of projections)" for "what comes back at
    inference"), else its first such line ("Can use CPU or GPU" over "CPU-only for inference"
    in "DeepAR: Instance Types"), the subject's default the notes leave unsaid."""
    ranks = {c.rank for c in chosen}
    rows = {c.row for c in chosen}
    free = [c for c in candidates if c.rank in ranks and c.row not in rows and not names_a_side(c)]
    stating = [c for c in free if asked(c) >= ASKED_HELD]
    if stating:
        return max(stating, key=lambda c: (asked(c), -c.row))
    return min(free, key=lambda c: c.row, default=None)


def answering_rank(
    candidates: Sequence[Any],
    sides: Sequence[Side],
    alone: Callable[[Any, Side], bool],
    closeness: Sequence[Any],
) -> int | None:
    """The rank of the passage answering most sides with a sentence of their own (`alone`), the
    closest to the question (`closeness`, by rank) among equals; None when no passage has one."""
    ranks = list(dict.fromkeys(c.rank for c in candidates))
    counts = {
        rank: sum(any(c.rank == rank and alone(c, s) for c in candidates) for s in sides)
        for rank in ranks
    }
    best = max(ranks, key=lambda r: (counts[r], closeness[r]), default=None)
    return best if best is not None and counts[best] else None


def are_aspects(topic: str, sides: Sequence[str], counts: Counter[str]) -> bool:
    """Each side is commoner in the notes' passages (`counts`) than the subject `topic`."""
    held = [counts[t] for t in tokenize(topic) if counts[t] > 0]
    if not held:
        return False
    rarest = min(held)
    return all(max((counts[t] for t in tokenize(side)), default=0) > rarest for side in sides)
