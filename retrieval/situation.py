"""A when-to-use ask's answer: the line that says in which situation to use the asked subject
("Use it when the order is meaningful", "Choose max-abs for sparse, already centred data"), not
one that says what the subject is ("Max-abs scaling divides each column by ..."), nor one that
says when not to use it ("Do not use it for nominal data ..."), which often score higher."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from retrieval.compose import (
    ASK_ONLY,
    EMPHASIS_TERMS,
    NAMED_SHARE,
    SUBJECTLESS,
    Candidate,
    _about_terms,
    covers,
)
from retrieval.lexical import tokenize
from retrieval.rarity import passage_counts, rarest_terms
from retrieval.search import Hit

if TYPE_CHECKING:
    from retrieval.compose import Composer

# A line saying in which situation something is used: advice to use it ("Use it when ...",
# "Choose X for ...", "Pick X if ..."), what it suits ("good for", "ideal for", "used for"), or
# the need it meets ("if you need faster startup").
SITUATION = re.compile(
    r"^(?:use|choose|pick|prefer|go with|opt for)\b"
    r"|\b(?:use|choose|pick|prefer)\b[^.;:]{0,40}?\b(?:when|whenever|if|for)\b"
    r"|\b(?:good|great|useful|ideal|best|suited|suitable|designed|meant) for\b"
    r"|\bused for (?!\w+ing\b)|\b(?:use cases?|applications|examples of)\b[^.;]*:$"
    r"|\bif you (?:need|want|have)\b|^for\b[^.;:]{0,60}\b(?:use|choose|pick)\b",
    re.I,
)
# A line saying when not to use something ("Do not use it for nominal data", "avoid it when").
AGAINST = re.compile(
    r"^(?:do not|don't|never|avoid)\b|\bnot (?:for|suited|suitable|recommended|ideal)\b"
    r"|\bavoid\b",
    re.I,
)
# Where a situation line's situation starts: what comes before it names what is used.
CONNECTIVE = re.compile(r"\b(?:when|whenever|if|for)\b", re.I)
PRONOUN_WORD = re.compile(r"\b(?:it|its|this|these|they|them|those)\b", re.I)
# A name the line capitalises past its first word ("Amazon Forecast Prophet good for ..."): a
# name the question does not hold is a sibling the line advises, not the subject asked.
NAME = re.compile(r"(?<=\S )[A-Z][\w+-]*")
# Words a when-to-use ask frames itself with ("when is it worth ...", "a decent pick"): they name
# no subject, and one the notes seldom write ("worth") would pass for the rarest subject word.
WHEN_WORDS = ASK_ONLY | frozenset(tokenize("worth pick choose decent right good better useful"))
# An ask for when not to use something: the line against it is the answer there.
ASKS_AGAINST = re.compile(r"\b(?:not|no|avoid|skip|never|wrong|bad)\b|n't\b", re.I)


def says_situation(text: str) -> bool:
    """The line says in which situation to use something, and is no advice against it."""
    return bool(SITUATION.search(text)) and not AGAINST.search(text)


def situation_lines(
    composer: Composer, usable: list[Candidate], anchor: Candidate, hits: Sequence[Hit]
) -> list[Candidate]:
    """The lines saying in which situation to use the asked subject (`says_situation`), best
    first, when the anchor says none: a when-to-use answer is built on them, for a line
    describing the subject answers what it is, and a line against it when not to use it. They
    come from the anchor's passage, else from a pooled passage headed by its subject ("Amazon
    FSx for Lustre file system" beside the card "Amazon FSx for Lustre"); each is about the
    subject asked (`_of_subject`). None for an ask about when not to use something, whose answer
    is the line against it."""
    if says_situation(anchor.text) or ASKS_AGAINST.search(composer.ask.text):
        return []
    asked = set(tokenize(composer.ask.text))
    rarest = rarest_terms(
        (composer.terms & asked) - EMPHASIS_TERMS - WHEN_WORDS, passage_counts(composer.searcher)
    )
    if not rarest:
        return []
    lines = sorted(
        (
            c
            for c in usable
            if says_situation(c.text) and _of_subject(c.text, hits[c.rank], rarest, asked)
        ),
        key=lambda c: -c.score,
    )
    own = [c for c in lines if c.rank == anchor.rank]
    about = _about_terms(hits[anchor.rank].chunk)
    headed = [c for c in lines if covers(about, _about_terms(hits[c.rank].chunk)) >= NAMED_SHARE]
    return own or (headed if about else [])


def _of_subject(text: str, hit: Hit, rarest: set[str], asked: set[str]) -> bool:
    """The situation line is about the subject asked, not a sibling its passage also covers
    ("Choose robust scaling when ..." under "Max-Abs and Robust Scaling", "Amazon Forecast
    Prophet good for ..." beside DeepAR+): what it says is used holds the question's rarest word
    and no name the question does not. A pronoun there ("Use it when ..."), no subject ("Can be
    used for ...") or nothing at all ("- if you need faster startup") is the passage's subject."""
    used = _used(text)
    words = set(tokenize(used))
    if not used.strip(" -*") or PRONOUN_WORD.search(used) or SUBJECTLESS.match(used):
        words |= _about_terms(hit.chunk)
    other = [n for n in NAME.findall(used) if not set(tokenize(n)) <= asked]
    return covers(rarest, words) >= 1 and not other


def _used(text: str) -> str:
    """What a situation line says is used: its words before the situation ("Choose max-abs" of
    "Choose max-abs for sparse, already centred data")."""
    found = CONNECTIVE.search(text)
    return text[: found.start()] if found else text
