"""A definition's answer: the sentence that says what the asked subject is ("X is ...", the first
line under the subject's own heading or of a card asking what it is), from whichever pooled
passage has it."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from retrieval.compose import (
    ADVICE_OPENING,
    BOLD_TERM,
    BULLET,
    CUES,
    DEFINING,
    DEFINING_MARGIN,
    NAMED_SHARE,
    PRODUCT_PREFIX,
    WHAT_FRONT,
    Candidate,
    _about_terms,
    _plain_line,
    covers,
    subject_of,
)
from retrieval.lexical import tokenize
from retrieval.search import Hit

if TYPE_CHECKING:
    from retrieval.compose import Composer

PROPERTY_WORDS = 2  # "X is <this many words>." states a property ("fully managed")
# A term line: a bold term ("**Stacking** trains a meta-model ..."), a term and a dash ("Alpha0 -
# Initial guess for concentration parameter") or a term and its defaults ("gamma [default=0,
# alias: min_split_loss]", its meaning on the next line): terse notes say there what the term is.
TERM_LINE = re.compile(
    rf"^(?:{BOLD_TERM.pattern.removeprefix('^')}|([^:\[\]*]{{2,40}}?)(?::\s|\s[-–—]\s|\s\[))"
)
TERM_WORDS = 4  # a longer "term" is a clause, not the name of one


def defining_anchor(
    composer: Composer, usable: list[Candidate], anchor: Candidate, hits: Sequence[Hit]
) -> Candidate:
    """A definition is built on the sentence that says what the subject is (or the first
    answer line of a card asking what the subject is for), from whichever passage has it,
    unless it scores far below the best sentence."""
    first = {}
    for c in sorted(usable, key=lambda c: c.start, reverse=True):
        first[c.rank] = c.row

    def strength(c: Candidate) -> int:
        """How surely the sentence says what the subject is: "X is ..." (3), the first line
        of a card asking what X is for or of X's own section in terse notes ("Amazon Elastic
        Inference" - "allows you to attach low-cost GPU ...") (2), one that opens with X's
        name ("X supports ...") (1), none (0)."""
        if says_what(composer, c.text):
            return 3
        hit = hits[c.rank]
        if first[c.rank] == c.row and (
            card_asks_what(composer, hit) or (own_section(composer, hit) and _plain_line(c.text))
        ):
            return 2
        if names_term(composer, c.text, hit):
            return 2
        return int(composer._opens_with(c.text, composer.defined))

    # The first line under the subject's own heading defines it whatever it scores: terse
    # notes give it no name to match ("allows you to attach low-cost GPU ...").
    near = [
        c
        for c in usable
        if strength(c) == 2 or (strength(c) and c.score >= anchor.score - DEFINING_MARGIN)
    ]
    return max(near, key=lambda c: (strength(c), c.score), default=anchor)


def names_term(composer: Composer, text: str, hit: Hit) -> bool:
    """The line is a term line (`TERM_LINE`) whose term is the asked subject, or the part of it
    its passage's heading does not give ("Alpha0" on the card "LDA: Important Hyperparameters"
    for "lda alpha0 does what"): every word of the term was asked."""
    found = TERM_LINE.match(BULLET.sub("", text.strip()))
    if not found or not composer.defined:
        return False
    term = found[1] or found[2]
    words = set(tokenize(term)) - PRODUCT_PREFIX
    if not words or len(term.split()) > TERM_WORDS:
        return False
    named = covers(composer.defined, words | _about_terms(hit.chunk))
    return covers(words, composer.defined) >= 1 and named >= 0.5


def says_what(composer: Composer, text: str) -> bool:
    """The sentence opens "X is" / "X are" / "X means": the words before the verb are
    mostly the subject's name ("Use transfer learning when labeled data is scarce" is not)."""
    opening = DEFINING.match(text)
    if not opening or ADVICE_OPENING.match(text):
        return False
    words = set(tokenize(opening[1])) - PRODUCT_PREFIX
    # "Inference pipelines are fully managed." gives a property, not what the subject is
    told = len(text[opening.end() :].split()) > PROPERTY_WORDS
    return (
        told
        and covers(composer.defined, words) >= NAMED_SHARE
        and covers(words, composer.defined) >= 0.5
    )


def own_section(composer: Composer, hit: Hit) -> bool:
    """The first passage of a notes section whose deepest heading is the asked subject."""
    if hit.chunk.kind != "note" or not hit.chunk.heading or not composer.defined:
        return False
    heading = frozenset(tokenize(hit.chunk.heading[-1])) - PRODUCT_PREFIX
    chunks = composer.files.chunks
    # the first passage of its section, in whichever file: each file's notes on the subject
    # open with what it is, not only the first file's
    first = hit.row == 0 or chunks[hit.row - 1].heading != hit.chunk.heading
    return first and heading_names_subject(composer, set(heading))


def card_asks_what(composer: Composer, hit: Hit) -> bool:
    """A flashcard whose front asks what the asked subject is or is for ("DeepAR: What's it
    for?"): its answer defines the subject."""
    if hit.chunk.kind != "flashcard" or not hit.chunk.heading or not composer.defined:
        return False
    front = WHAT_FRONT.match(hit.chunk.heading[0])
    if front:
        return covers(composer.defined, set(tokenize(front[1]))) >= NAMED_SHARE
    # a front that is the subject's name alone ("Binning"): its answer says what it is
    named = set(tokenize(hit.chunk.heading[0])) - PRODUCT_PREFIX
    return "?" not in hit.chunk.heading[0] and heading_names_subject(composer, named)


def heading_names_subject(composer: Composer, heading: set[str]) -> bool:
    """The heading names the asked subject: it holds most of the subject's words, and most of
    its own words are the subject's or the ones the ask gives it as its topic ("S3 Availability"
    for "what does availability mean when the flashcards talk about s3")."""
    return (
        covers(composer.defined, heading) >= NAMED_SHARE
        and covers(heading, composer.defined | composer.terms) >= NAMED_SHARE
    )


def defining(composer: Composer, hit: Hit, candidates: list[Candidate]) -> Candidate | None:
    """The passage's sentence that defines its subject: the first one saying "X is", else the
    first line of X's own section, else the first one that opens with the asked subject's
    name, else the first naming the passage's subject with 'is' (and the
    asked subject's words its heading does not give, when there are such)."""
    subject = set(tokenize(subject_of(hit.chunk))) or composer.terms
    own = sorted(
        (c for c in candidates if composer.files.sentence_chunk[c.row] == hit.row),
        key=lambda c: c.start,
    )
    says = next((c for c in own if says_what(composer, c.text)), None)
    if says is None and own and own_section(composer, hit) and _plain_line(own[0].text):
        says = own[0]  # the first line under the subject's own heading, in terse notes
    opener = says or next((c for c in own if composer._opens_with(c.text, composer.defined)), None)
    if opener is not None:
        return opener
    beyond = composer.defined - _about_terms(hit.chunk)  # "gamma" under "XGBoost parameters"
    for candidate in own:
        words = set(tokenize(candidate.text))
        if (
            covers(subject, words) >= 0.5
            and CUES["definition"].search(candidate.text)
            and (not beyond or covers(beyond, words) >= 0.5)
        ):
            return candidate
    return None
