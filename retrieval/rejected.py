"""A scenario stem's rejected option: the clause that names what someone suggested or planned
first ("Someone suggested Rekognition.", "Redshift was proposed.", "A colleague wants to push
them through Kinesis Video Streams first."). Exam stems offer a neighbouring service that way as
the plausible wrong answer; it is no requirement of the stem, and its name must not pull search
and the answer toward that service's passage."""

from __future__ import annotations

import re

# Who suggests: someone, a colleague, the team lead, our architect; not "we" or "our team",
# whose wishes are the stem's requirements ("Our team wants to use SageMaker").
_WHO = (
    r"(?:some(?:one|body)|a (?:colleague|co-?worker|teammate|consultant|vendor)|colleagues"
    r"|(?:the|our|my) (?:\w+ )?(?:lead|manager|boss|architect|intern|cto))"
)
_SUGGESTS = (
    r"(?:suggested|suggests|proposed|proposes|recommended|recommends|pushed for|pitched"
    r"|wants? to (?:use|push|go with|try|send|run)|would rather use|is pushing for)"
)
# "Someone suggested X", "A colleague wants to push them through X": the option after the verb.
_SUGGESTED_BY = re.compile(rf"\b{_WHO}\s+(?:\w+\s+)?{_SUGGESTS}\b", re.I)
# "X was proposed", "Training from random weights was the first plan": the option before it.
_WAS_SUGGESTED = re.compile(
    r"\b(?:was|were|has been|had been|got|is being)\s+(?:suggested|proposed|recommended"
    r"|(?:the|our) (?:first |original |initial )?(?:plan|idea|suggestion|proposal))\b",
    re.I,
)


def is_rejected(clause: str) -> bool:
    """The clause names an option someone suggested or planned first, not a requirement."""
    return bool(_SUGGESTED_BY.search(clause) or _WAS_SUGGESTED.search(clause))


def split_rejected(clauses: tuple[str, ...]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """A stem's clauses as (its requirements, its rejected options)."""
    rejected = tuple(c for c in clauses if is_rejected(c))
    return tuple(c for c in clauses if c not in rejected), rejected


def without_rejected(text: str, rejected: tuple[str, ...]) -> str:
    """The question as searched: `text` without its rejected clauses, so a suggested service's
    name does not rank that service's passages first."""
    for clause in rejected:
        text = text.replace(clause, " ")
    text = re.sub(r"([,.;])(?:\s*[,.;])+", r"\1", text)  # the stops around a clause taken out
    text = re.sub(r"^[\s,.;]+", "", text)  # a stem that opened with a rejected clause
    return re.sub(r"\s{2,}", " ", text).strip()
