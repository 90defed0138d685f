"""A comparison side's own passage that holds the detail asked of both sides: terse notes file
one subject's facts on several cards ("XGBoost: What's it for?", "XGBoost: What training input
does it expect?", "XGBoost: Instance Types"), and search, led by the subjects' names, brings
the cards that say what each side is. "Which of the two can read the Parquet files" is answered
on the card holding "Parquet" ("DeepAR: What training input does it expect?": "Gzip or
Parquet"), which then joins the passages the comparison reads.

A side's own passages are those whose label (the subject its heading names: a card front's
subject, a section's deepest heading) names the side and no other side; the detail is the asked
words telling enough to file an ask (`Aspect.telling`), weighed by rarity; the passage holding
most of it is the side's, read from the keyword index's postings (no pass over the notes).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

import numpy as np

from retrieval.aspect import Aspect
from retrieval.documents import Chunk
from retrieval.index_store import BuildFiles
from retrieval.sides import Side, side_tokens


def detail_rows(
    files: BuildFiles,
    sides: Sequence[Side],
    names: Sequence[str],
    aspect: Aspect,
    label: Callable[[Chunk], str],
) -> list[int]:
    """For each side (`names`: each side as typed, for the keyword search of its passages), the
    row of its own passage holding the most of the asked detail, when one holds any."""
    telling = sorted(t for t in aspect.terms if aspect.telling(t))
    if not telling or len(names) != len(sides):
        return []
    weights = np.array([math.log(aspect.total / aspect.counts[t]) for t in telling])
    found = []
    for side, name in zip(sides, names, strict=True):
        named = np.flatnonzero(files.lexical.scores(name) > 0)
        rows = [int(r) for r in named if _own(files.chunks[int(r)], side, sides, label)]
        if not rows:
            continue
        held = np.array([files.lexical.holding([t], rows) for t in telling])  # term x row
        score = weights @ (held > 0)
        best = int(np.argmax(score))
        if score[best] > 0:
            found.append(rows[best])
    return found


def _own(chunk: Chunk, side: Side, sides: Sequence[Side], label: Callable[[Chunk], str]) -> bool:
    """The passage's label names this side and no other."""
    tokens = side_tokens(label(chunk))
    return side.names(tokens) and not any(o.names(tokens) for o in sides if o is not side)
