"""A scenario stem naming two needs whose ask wants two things ("Security wants notebook users
kept out of root, and the team wants packages set up on each notebook by shell script. Which two
items on the security list cover that?"): each need answered by its own line.

The scenario's quote meets one need (the root access line) and restates the setting or brings
another passage's line beside the point for the other; a line that meets the other need clearly
better than the quote does (`NEED_GAIN`, by the cosine of the need's own clause to the line) is
quoted beside the quoted line meeting the first need, in place of the rest. The line is sought in
the chosen passage first, where the two are often items of one card or list ("Lifecycle
Configurations: Bash commands setup for notebook instances"), then in another pooled passage
about another subject; the needs are embedded only for such an ask (one embedding each).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import numpy as np

from retrieval.compose import (
    DUPLICATE_SIMILARITY,
    PRONOUN,
    Candidate,
    _card_subject,
    is_title,
    subject_of,
)
from retrieval.search import Hit

if TYPE_CHECKING:
    from retrieval.compose import Composer

# How much closer (cosine) the added line must be to the other need than the quote is. Read on
# tune and b8-b28 ("which two" scenarios, the best line for the other need at each): the lines
# beside the point lead by 0.12 at most ("Billing for building, training, and deploying ML models
# is by the second." for a monthly scoring run, the NTM overview for "which two hyperparameters"),
# the two on point by 0.22 and 0.49 (the security list's lifecycle line beside root access; the
# deployment card's automatic scaling beside SageMaker Neo); 0.15 sits between.
NEED_GAIN = 0.15
# Two needs in one stem sentence are joined so ("... tag famous people in its photos and also
# read the captions ...", "... must retry failed steps, while the heavy transforms ...").
_JOIN = re.compile(r",?\s+(?:and\s+also|and\s+then|while)\s+|,\s+and\s+", re.I)
# The ask wants two things: "Which two services ...?", "what two features ...".
_TWO_ASK = re.compile(r"\b(?:which|what)\s+two\b", re.I)


def asks_two(focus: str) -> bool:
    """The ask wants two things by count ("Which two SageMaker features ...?")."""
    return bool(_TWO_ASK.search(focus))


def stem_needs(constraints: tuple[str, ...]) -> tuple[str, ...]:
    """The stem's two needs: its two requirements, or the two clauses of its one requirement;
    none when it states more or fewer (which two of three the ask wants is not said)."""
    parts = list(constraints)
    if len(parts) == 1:
        parts = [p.strip(" ,.") for p in _JOIN.split(parts[0]) if len(p.split()) >= 3]
    return tuple(parts) if len(parts) == 2 else ()


def other_need_line(
    composer: Composer, pool: list[Hit], rank: int, quoted: list[Candidate]
) -> tuple[list[Candidate], Candidate | None] | None:
    """For a stem of two needs, the quoted line that best meets one need and a line that meets
    the other: the chosen passage's (pool[`rank`]) own lines to quote, and another passage's line
    to quote after them, if any. None when no line meets the other need NEED_GAIN better than the
    quote does: the chosen passage's line must beat its quoted lines by that much and match any
    other passage's quoted line; another passage's line, about another subject, must beat every
    quoted line by that much."""
    needs = stem_needs(composer.ask.constraints)
    lines = _unquoted_lines(composer, pool, rank, quoted) if needs and quoted else []
    if not lines:
        return None
    vectors = composer.searcher.embedder.encode(list(needs)).astype(np.float32)  # one batch
    meet = {
        c.row: m
        for c, m in zip(
            [*lines, *quoted], _vectors(composer, [*lines, *quoted]) @ vectors.T, strict=True
        )
    }
    said_all = np.max([meet[c.row] for c in quoted], axis=0)
    said = np.max([meet[c.row] for c in quoted if c.rank == rank] or [said_all], axis=0)
    found = [
        (c.rank == rank, float(meet[c.row][need]), need, c)
        for need in range(len(needs))
        for c in lines
        if meet[c.row][need] >= (said if c.rank == rank else said_all)[need] + NEED_GAIN
        and meet[c.row][need] >= said_all[need]
    ]
    best = max(found, key=lambda f: f[:2], default=None)
    if best is None:
        return None
    _, _, need, line = best
    first = max(quoted, key=lambda c: float(meet[c.row][1 - need]))
    if meet[first.row][1 - need] <= meet[first.row][need]:
        return None  # no quoted line is about the first need: the quote met neither
    return _placed((first, line), rank)


def _placed(
    pair: tuple[Candidate, Candidate], rank: int
) -> tuple[list[Candidate], Candidate | None] | None:
    """The two lines as the chosen passage's own (in the passage's order) and another passage's
    line after them; none when neither is the chosen passage's."""
    own = sorted((c for c in pair if c.rank == rank), key=lambda c: c.start)
    others = [c for c in pair if c.rank != rank]
    return (own, others[0] if others else None) if own and len(others) < 2 else None


def _unquoted_lines(
    composer: Composer, pool: list[Hit], rank: int, quoted: list[Candidate]
) -> list[Candidate]:
    """The pooled lines that may be quoted for a need: whole statements (no title, no line
    leaning on a pronoun) that say something no quoted line says, of the chosen passage or of
    another passage about another subject (a line of the chosen subject's other passage says
    the first need again)."""
    subject = subject_of(pool[rank].chunk) or _card_subject(pool[rank].chunk)

    def placed(c: Candidate) -> bool:
        other = subject_of(pool[c.rank].chunk) or _card_subject(pool[c.rank].chunk)
        return c.rank == rank or bool(other and other != subject)

    lines = [
        c
        for c in composer.candidates(pool)
        if not is_title(c.text)
        and not PRONOUN.match(c.text)
        and composer._usable(c, pool)
        and placed(c)
    ]
    if not lines:
        return []
    same = _vectors(composer, lines) @ _vectors(composer, quoted).T  # `Composer._distinct`
    rows = {q.row for q in quoted}
    return [
        c
        for c, close in zip(lines, same.max(axis=1).tolist(), strict=True)
        if c.row not in rows and close < DUPLICATE_SIMILARITY
    ]


def _vectors(composer: Composer, lines: list[Candidate]) -> np.ndarray:
    return composer.files.sentence_vectors[[c.row for c in lines]].astype(np.float32)
