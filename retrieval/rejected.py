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
# "Grid search and random search were considered, but ...", "Pipe mode was ruled out": options
# weighed and left, the same plausible wrong answers.
_WAS_SUGGESTED = re.compile(
    r"\b(?:was|were|has been|had been|have been|got|is being)\s+(?:suggested|proposed"
    r"|recommended|considered|ruled out"
    r"|(?:the|our) (?:first |original |initial )?(?:plan|idea|suggestion|proposal))\b",
    re.I,
)
# "Nobody needs interactive access": what no one needs is no requirement, and the option made for
# it (a long-running cluster "for interactive notebooks") is the wrong answer.
_NOT_NEEDED = re.compile(r"\b(?:nobody|no one|no-one)\s+(?:needs?|wants?|uses?|requires?)\b", re.I)


def is_rejected(clause: str) -> bool:
    """The clause names an option someone suggested or planned first, not a requirement."""
    return bool(
        _SUGGESTED_BY.search(clause) or _WAS_SUGGESTED.search(clause) or _NOT_NEEDED.search(clause)
    )


def rejected_option(clause: str) -> str:
    """The option a rejected clause names: after its verb ("Someone suggested DeepLens", "Nobody
    needs interactive access") or before it ("Grid search and random search were considered")."""
    for pattern in (_SUGGESTED_BY, _NOT_NEEDED):
        found = pattern.search(clause)
        if found:
            return clause[found.end() :]
    found = _WAS_SUGGESTED.search(clause)
    return clause[: found.start()] if found else ""


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
