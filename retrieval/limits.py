"""A limit or number question's answer: the sentence that states a number for the subject asked,
not a number of a neighbouring subject or of another attribute of the same subject."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from retrieval.compose import (
    FIRST_PASSAGE_MARGIN,
    LABEL,
    NUMBER,
    Candidate,
    Composition,
    _about_terms,
    covers,
    heading_terms,
    lead_for,
)
from retrieval.lexical import tokenize
from retrieval.search import Hit

if TYPE_CHECKING:
    from retrieval.compose import Composer

LIMIT_WORDS = frozenset(
    tokenize(
        "max maximum min minimum limit limits how many much long big large size payload quota "
        "what is the can be of for a an per up to by default value values option options"
    )
)
# What a limit question measures ("payload limit": the sentence must be about payloads, not the
# memory size beside it in the same passage).
MEASURE_WORDS = frozenset(
    tokenize(
        "payload payloads size memory timeout time duration length retention throughput quota "
        "storage disk volume records record shards shard nodes instances concurrency rows"
    )
)
MEASURE_WEIGHT = 0.3
# A number stated as a bound ("up to 5 TB", "Max object size is 5TB"), not any number nearby.
BOUND = re.compile(
    r"\bup to\b|\bmax(?:imum)?\b|\bmin(?:imum)?\b|\bat (?:most|least)\b|\blimit(?:ed)?\b"
    r"|\bcannot exceed\b|\bno more than\b",
    re.I,
)
BOUND_WEIGHT = 0.15  # tuning parts: 0.1-0.25 score the same; shipped limits +2


def limit_answer(
    composer: Composer, hits: Sequence[Hit], candidates: list[Candidate]
) -> Composition | None:
    """The sentence with a number, in the passage about the subject asked."""
    subject = set(tokenize(composer.ask.text)) - LIMIT_WORDS  # as asked, not acronyms spelt out
    measure = composer.terms & MEASURE_WORDS
    about = {rank: covers(subject, _about_terms(hit.chunk)) for rank, hit in enumerate(hits)}
    numbered = [c for c in candidates if NUMBER.search(c.text) and composer._usable(c, hits)]
    if not numbered:
        return None

    def fit(c: Candidate) -> float:
        label = LABEL.match(c.text)  # "Asynchronous inference: payloads up to 1 GB"
        other = bool(label) and covers(subject, set(tokenize(label[1]))) < 0.5
        words = set(tokenize(c.text))
        named = covers(subject, words)
        measured = covers(measure, words) if measure else 0.0
        return (
            c.score
            + 0.4 * about[c.rank]
            + 0.2 * named
            + MEASURE_WEIGHT * measured
            + BOUND_WEIGHT * bool(BOUND.search(c.text))
            - 0.4 * other
            + FIRST_PASSAGE_MARGIN * (c.rank == 0)  # search's first passage keeps its place
        )

    best = max(numbered, key=fit)
    if subject and max(about[best.rank], covers(subject, set(tokenize(best.text)))) < 0.5:
        return None  # a number about another subject: answer from the best passage instead
    chunk = hits[best.rank].chunk
    sentences = composer._render(composer._with_antecedent([best], candidates), hits)
    return Composition(
        sentences,
        [best.rank],
        max(c.context for c in candidates),
        covers(composer.terms, heading_terms(chunk)),
        lead_for(chunk, sentences, composer.terms),
    )
