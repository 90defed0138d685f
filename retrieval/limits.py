"""A limit or number question's answer: the sentence that states a number for the subject asked,
not a number of a neighbouring subject or of another attribute of the same subject. A bound said
in words ("no limit on input size", "infinite storage") is stated as surely as one in digits; a
footnote marker pasted with a web page ("softargmax[1]: 184") states none."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from retrieval.compose import (
    FIRST_PASSAGE_MARGIN,
    LABEL,
    NUMBER,
    PRONOUN,
    Candidate,
    Composition,
    _about_terms,
    covers,
)
from retrieval.facets import COUNT, UNITS, VALUE_KINDS, states_value
from retrieval.lexical import tokenize
from retrieval.search import Hit

if TYPE_CHECKING:
    from retrieval.compose import Composer

# Words of the asking, not of the subject: "is there a cap on ...", "... always add up to what".
LIMIT_WORDS = frozenset(
    tokenize(
        "max maximum min minimum limit limits how many much long big large size payload quota "
        "what is the can be of for a an per up to by default value values option options "
        "add always cap there"
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
# A sentence stating the kind of value asked (a duration for "how long ... retain", a count for
# "how many") over one with a number of another attribute of the same subject (a PutRecord
# line, a throughput): the lead's session-5 reading found that class wrong at 0.9+.
VALUE_WEIGHT = 0.3
# A bound stated in words ("no limit on input size", "infinite storage", "total bucket size is
# unbounded"): what "is there a maximum ..." asks, with no number in it.
UNBOUNDED = re.compile(
    r"\bno (?:\w+ )?(?:limit|maximum|ceiling|cap)\b|\bunlimited\b|\binfinite\b|\bunbounded\b", re.I
)
# A footnote marker pasted with a web page, with its page ("softargmax[1]: 184"): a number of
# nothing.
FOOTNOTE = re.compile(r"\[\d+\](?::\s*\d+(?:[-–]\d+)?)?")
# "lambda timeout max": a default ("the default timeout is 3 seconds") is not the bound asked.
BOUND_ASKED = re.compile(r"\bmax(?:imum)?\b|\blimit\b|\blongest\b|\bbiggest\b|\blargest\b", re.I)
DEFAULT = re.compile(r"\bdefaults?\b|\bby default\b", re.I)
DEFAULT_PENALTY = 0.3
# A long question's subject words hold fillers ("lets you get around"): a sentence that names
# this many of them is about the subject even when that is less than half.
NAMED_TERMS = 2
# Only a question this long has fillers: "availability of S3 One Zone-IA" (s3, one, zone, ia,
# zone-ia) must not take Standard-IA's 99.9 % for naming "s3" and "ia".
LONG_SUBJECT = 6
# "how many days ...", "roughly how many ms of latency": the word counted is the unit asked.
COUNTED_WORD = re.compile(r"\bhow (?:many|much)\s+([a-z]+)", re.I)


@dataclass(frozen=True)
class _Asked:
    """What a number question asks: its subject's terms, what it measures, the kinds of value
    it wants, and whether it asks for a bound."""

    subject: set[str]
    measure: set[str]
    values: set[str]
    bounded: bool
    unit: str = ""  # the unit counted in ("day" of "how many days"), a key of UNITS

    @classmethod
    def of(cls, composer: Composer) -> _Asked:
        asked = set(tokenize(composer.ask.text))
        unit = _counted_unit(composer.ask.text)
        return cls(
            # as asked, not acronyms spelt out; "biggest" says what is measured, not of what
            asked - LIMIT_WORDS - VALUE_KINDS.keys() - {unit},
            composer.terms & MEASURE_WORDS,
            {t for t in asked if t in VALUE_KINDS},
            bool(BOUND_ASKED.search(composer.ask.text)),
            unit,
        )

    def stated(self, text: str) -> bool:
        """The sentence states the value asked: a number of the unit counted in, else a value of
        a kind asked (a count for "how many", a duration for "how long")."""
        if self.unit:
            return UNITS[self.unit].search(text) is not None
        return any(states_value(t, text) for t in self.values)


def _counted_unit(question: str) -> str:
    """The unit a "how many <unit>" question counts in, or ""."""
    counted = COUNTED_WORD.search(question)
    token = tokenize(counted[1]) if counted else []
    return token[0] if token and token[0] in UNITS else ""


def limit_answer(
    composer: Composer, hits: Sequence[Hit], candidates: list[Candidate]
) -> Composition | None:
    """The sentence with a number, in the passage about the subject asked."""
    asked = _Asked.of(composer)
    heads = [_about_terms(hit.chunk) for hit in hits]
    about = {rank: covers(asked.subject, head) for rank, head in enumerate(heads)}
    counted = "mani" in asked.values  # "how many": "one objective" is a number too
    numbered = [
        c
        for c in candidates
        if (_states_number(c.text) or (counted and COUNT.search(c.text)))
        and (composer._usable(c, hits) or _after_antecedent(composer, c, candidates))
    ]
    if not numbered:
        return None
    best = max(numbered, key=lambda c: _fit(c, asked, about[c.rank]))
    # the sentence read with its heading, and with the sentence its pronoun leans on
    said = heads[best.rank] | set(tokenize(best.text))
    if PRONOUN.match(best.text):
        said |= {w for o in candidates if o.row == best.row - 1 for w in tokenize(o.text)}
    subject = asked.subject
    long_named = len(subject) >= LONG_SUBJECT and len(subject & said) >= NAMED_TERMS
    if sibling(subject, set(tokenize(best.text))) or best.neighbour:
        return None  # another variant's or subject's number: answer from the best passage instead
    if subject and covers(subject, said) < 0.5 and not long_named:
        return None  # a number about another subject: answer from the best passage instead
    sentences = composer._render(composer._with_antecedent([best], candidates), hits)
    return composer.from_passage(sentences, best.rank, hits, max(c.context for c in candidates))


def _fit(c: Candidate, asked: _Asked, about: float) -> float:
    """How well a sentence with a number answers: its score, its passage about the subject, the
    subject and the measure named, a bound, the kind of value asked; less a default when a bound
    was asked, and a label naming another subject."""
    label = LABEL.match(c.text)  # "Asynchronous inference: payloads up to 1 GB"
    other = bool(label) and covers(asked.subject, set(tokenize(label[1]))) < 0.5
    words = set(tokenize(c.text))
    measured = covers(asked.measure, words) if asked.measure else 0.0
    return (
        c.score
        + 0.4 * about
        + 0.2 * covers(asked.subject, words)
        + MEASURE_WEIGHT * measured
        + BOUND_WEIGHT * bool(BOUND.search(c.text) or UNBOUNDED.search(c.text))
        + VALUE_WEIGHT * asked.stated(c.text)
        - DEFAULT_PENALTY * (asked.bounded and _default_only(c.text))
        - 0.4 * (other or sibling(asked.subject, words))
        + FIRST_PASSAGE_MARGIN * (c.rank == 0)  # search's first passage keeps its place
    )


def sibling(subject: set[str], words: set[str]) -> bool:
    """The sentence names a sibling of the subject asked, not it: the same family with another
    qualifier ("Standard-IA" for "One Zone-IA" or "one zone ia": a hyphenated name whose tail
    the subject holds, whose head it does not, while the sentence lacks some of the subject)."""
    if subject <= words:
        return False
    for word in words:
        head, _, tail = word.rpartition("-")
        if head and word not in subject and head not in subject:
            asked = {t.rpartition("-")[2] for t in subject}
            if tail in asked:
                return True
    return False


def _after_antecedent(composer: Composer, c: Candidate, candidates: list[Candidate]) -> bool:
    """A sentence opening with a pronoun ("It also allows you to train on datasets larger than
    the 16 TB EBS limit") is quoted after the sentence before it in its passage, which says what
    "it" is (`Composer._with_antecedent`)."""
    row = composer.files.row_before(c.row)
    return row is not None and any(o.row == row for o in candidates)


def _states_number(text: str) -> bool:
    """The sentence states a number (footnote markers aside) or a bound in words."""
    return bool(NUMBER.search(FOOTNOTE.sub("", text)) or UNBOUNDED.search(text))


def _default_only(text: str) -> bool:
    """The sentence states a default and no bound."""
    return bool(DEFAULT.search(text)) and not BOUND.search(text)
