"""What a comparison asks of its sides ("which error does each reduce", "which generalises
better"), read per sentence: how much of that ask a sentence answers, each asked word weighted
by its rarity in the notes (`rarity`), so a frame word any question has ("kind", "thing", "use")
counts for less than the word that asks ("error", "generalise").

A side's sentence may leave the asked point to a sentence after it: one that leans on it ("Small
batch sizes give noisy gradient estimates." - "That noise helps ... small batches often generalise
better"), or in terse notes a list item under the side's line that names no side ("Amazon S3
Standard-IA" - "Use cases: Disaster Recovery, backups"). That sentence is read with it and quoted
after it.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Callable, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field

from retrieval.index_store import BuildFiles
from retrieval.lexical import tokenize
from retrieval.rarity import rarest_terms, weighted_share
from retrieval.sentences import display_sentence
from retrieval.sides import covers

PLURAL_MIN = 3  # "cpus" reads as "cpu"; "ms", "gbs" are left as asked
FOLLOWING = 3  # sentences after a side's own that may still be about it (a terse list's items)
# An asked word held by more of the notes' sentences than this share ("train", "data", "use")
# is in a side's overview as often as in what answers the ask: it tells neither apart. Read
# parts: 0.012-0.03 score the same (seeds +2, none lost); 0.02 as scenario's COMMON_SHARE.
ASKED_RARE_SHARE = 0.02
# An asked word in more of the notes' sentences than this share is a frame word a card heading
# holds whatever it files ("use" of "How is it used?", 14 % of the seeds' sentences; "train",
# 10 %), not the ask it files ("instance", 3 %; "input", 2 %): `Aspect.telling`.
TELLING_SHARE = 0.05
ASKED_RARE_FLOOR = 5  # in a small set of notes, a word in a handful of sentences still tells
# A comparison's parts: the sides' clause, the clauses that ask ("X vs Y for a foundation model -
# who runs the instances in each case", "A vs B: which trains sequentially, and which ...").
CLAUSE_BREAK = re.compile(r"\s[-\u2013\u2014]\s|[:;,?]")
ASKING_CLAUSE = re.compile(
    r"\s*(?:(?:and|or|but)\s+)?(?:which|what|what's|how|who|whose|does|do|is|are|can)\b", re.I
)
# An aspect the sides' clause names after its last side ("msk vs kinesis on message size - which
# lets me go past 1 MB", "supervised vs unsupervised in terms of labels - what does each need"):
# asked of the sides as much as the asking clause's words. Not a place the notes are read from
# ("on the overview card"): a pointer opens with "the".
SIDES_ASPECT = re.compile(
    r"\b(?:vs\.?|versus|or)\s.+?\s(?:when it comes to|in terms of|on)\s+(?!the\b)(?P<aspect>.+)$",
    re.I,
)
# An asking clause that only asks which side to take ("which fits?", "which is better?", "which do
# the notes recommend?"): it names no aspect, and the case the sides are weighed for stands in the
# sides' clause ("multi-model endpoint vs a dedicated endpoint when every model must answer fast on
# the very first call - which fits?"), as it does in "X or Y for <case>?", which has no asking
# clause at all.
CHOOSING = frozenset(tokenize("fit fits suit suits better best recommend prefer choose pick worth"))
CHOOSING_FILLER = frozenset(tokenize("one use notes"))  # "which one should I use", "the notes"
WHICH = re.compile(r"\s*(?:(?:and|or|but)\s+)?which\b", re.I)
# Words that ask what something hands back ("what comes back per doc", "what's in the response"),
# one term, held by a sentence saying what it returns or outputs, in whichever of these words.
RETURN_WORDS = frozenset(tokenize("return returns output outputs response responds back"))
RETURN_TERM = "return"
# The opening of a sentence that goes on from the one before it: a pronoun or a connective.
LEANS = re.compile(
    r"^(?:it|its|this|these|they|their|that|those|them|so|thus|hence|but|yet|also|then)\b", re.I
)


@dataclass
class Aspect:
    """The asked words (`aspect_of`) and the notes' counts that weigh them."""

    terms: set[str]
    counts: Counter[str]
    total: int
    words: Sequence[frozenset[str]]  # every sentence's terms, by row
    # the question has a clause that asks ("what does each control"), not only its setting
    # ("deepar+ or arima when we have thousands of related product series"): `asks`
    explicit: bool = True
    _shares: dict[int, float] = field(default_factory=dict)

    def share(self, row: int) -> float:
        """The rarity-weighted share of the asked words the sentence at `row` holds."""
        if not self.terms:
            return 0.0
        if row not in self._shares:
            found = weighted_share(self.terms, set(self.words[row]), self.counts, self.total)
            self._shares[row] = found
        return self._shares[row]

    def share_with(self, row: int, given: AbstractSet[str]) -> float:
        """`share`, with the `given` asked words counted as held (`_Sides.heading_gives`)."""
        if not given:
            return self.share(row)
        return weighted_share(self.terms, set(self.words[row]) | given, self.counts, self.total)

    def returned(self, row: int) -> float:
        """`share`, with every word for what comes back as one (`as_returned`): "what comes back
        at inference" is answered by a "return format" line."""
        if not self.terms:
            return 0.0
        terms, words = as_returned(self.terms), as_returned(set(self.words[row]))
        return weighted_share(terms, words, self.counts, self.total)

    def holds(self, row: int, terms: set[str]) -> bool:
        """The sentence at `row` holds every one of `terms` (a short form counts for a longer)."""
        return bool(terms) and covers(terms, set(self.words[row])) >= 1

    def rare_in(self, row: int) -> bool:
        """The sentence at `row` holds an asked word the notes hold rarely (`ASKED_RARE_SHARE`)."""
        return any(self.rare(t) and self.holds(row, {t}) for t in self.terms)

    def rarest_held(self, rows: Sequence[int], unread: AbstractSet[str]) -> set[str]:
        """The rarest asked words any of the sentences at `rows` holds, but for the `unread`
        ones, when the notes hold them rarely (`ASKED_RARE_SHARE`): what of the ask those
        sentences can answer ("column" of "does each store its data by row or by column" among
        Redshift's sentences)."""
        held = {t for t in self.terms - unread if any(self.holds(row, {t}) for row in rows)}
        rarest = rarest_terms(held, self.counts)
        return rarest if all(self.rare(t) for t in rarest) else set()

    def telling(self, term: str) -> bool:
        """The notes hold the asked `term` in few enough sentences (`TELLING_SHARE`) that a heading
        holding it files what was asked, not any fact of the subject."""
        return 0 < self.counts.get(term, 0) <= TELLING_SHARE * self.total

    def rare(self, term: str) -> bool:
        """The notes hold the asked `term` rarely (`ASKED_RARE_SHARE`): it tells what answers the
        ask from what only names the subject."""
        return 0 < self.counts.get(term, 0) <= max(ASKED_RARE_SHARE * self.total, ASKED_RARE_FLOOR)


def singular(terms: set[str], counts: Counter[str]) -> set[str]:
    """`terms` with a plural the stemmer leaves whole ("cpus", "gpus": it spares short words) read
    as its singular when the notes write that more often ("Uses CPU's only ..."): a singular asked
    word finds the plural as its short form (`covers`), a plural never finds the singular."""
    return {
        t[:-1] if len(t) > PLURAL_MIN and t.endswith("s") and counts[t[:-1]] > counts[t] else t
        for t in terms
    }


def as_returned(terms: set[str] | frozenset[str]) -> set[str]:
    """`terms` with every word for what comes back as RETURN_TERM."""
    return {RETURN_TERM if t in RETURN_WORDS else t for t in terms}


def asked_clauses(question: str) -> str:
    """The clauses of a comparison that ask something of its sides, those opening with a question
    word ("who runs the instances in each case"), or the whole question when none does. The
    sides' clause holds what the sides are for ("for a foundation model", "to make a skewed
    column look normal"): every passage about them holds those words, so they tell no sentence
    that answers the ask from one that says what a side is. But an asking clause that only asks
    which side to take (`_chooses`: "which fits?") asks nothing of the sides: the case they are
    weighed for, in the sides' clause, is the ask, and the whole question is read."""
    clauses = CLAUSE_BREAK.split(question)
    asking = [c for c in clauses if ASKING_CLAUSE.match(c)]
    if not asking or all(_chooses(c) for c in asking):
        return question
    named = (SIDES_ASPECT.search(c) for c in clauses if not ASKING_CLAUSE.match(c))
    return " ".join([m["aspect"] for m in named if m] + asking)


def _chooses(clause: str) -> bool:
    """The asking clause only asks which side to take (`CHOOSING`): "which fits?", not "what
    do I have to pick in each one?", which asks what each side leaves to the student."""
    words = set(tokenize(clause))
    return (
        bool(WHICH.match(clause)) and bool(words & CHOOSING) and words <= CHOOSING | CHOOSING_FILLER
    )


def with_stem(asked: set[str], stem: set[str], telling: Callable[[str], bool]) -> set[str]:
    """The asked words, with the `stem`'s telling ones (the words of the sentences before the
    ask of a two-subject scenario, `two_asked`): "which one can still be trained" leaves the
    detail to the stem ("only CPU capacity is free"), and read alone asks nothing of the sides."""
    return asked | {t for t in stem if telling(t)}


def asks(question: str) -> bool:
    """The comparison has a clause asking something of its sides (`asked_clauses`)."""
    return any(ASKING_CLAUSE.match(c) for c in CLAUSE_BREAK.split(question))


def following_rows(files: BuildFiles, row: int, limit: int = FOLLOWING) -> list[int]:
    """The rows of up to `limit` sentences after `row` in the same passage."""
    chunk_of = files.sentence_chunk
    last = min(row + 1 + limit, len(chunk_of))
    return list(itertools.takewhile(lambda r: chunk_of[r] == chunk_of[row], range(row + 1, last)))


def following(files: BuildFiles, row: int, limit: int = FOLLOWING) -> list[tuple[int, str, bool]]:
    """Up to `limit` sentences after `row` in the same passage: each one's row, its text as
    displayed, and whether it leans on the one before it (`LEANS`)."""
    out: list[tuple[int, str, bool]] = []
    for after in following_rows(files, row, limit):
        text = display_sentence(files.sentence_text(after))
        out.append((after, text, bool(LEANS.match(text))))
    return out
