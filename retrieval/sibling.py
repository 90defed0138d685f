"""Same subject, wrong sibling: whose detail a sentence gives.

A question asks one detail (its facet, `facets`) of one subject ("seq2seq" of "seq2seq input
format"). Flashcards hold the same detail for many subjects side by side, one card per subject
("DeepAR: What training input does it expect?" next to "Seq2Seq: What training input ..."): a
sentence stating the detail earns nothing when its card is named after another subject and the
sentence does not name the asked one (a neighbour's answer), and more when it or its card names
the subject asked (its detail, where an overview card of the subject holds none).

Only cards' labels count: a note's heading path named no sibling the tuning parts could tell
(with it, the team's notes' held-out part lost a question).
"""

from __future__ import annotations

from dataclasses import dataclass

from retrieval.lexical import PRODUCT_PREFIX, tokenize

# Share of what the question asks about its subject the sentence holds (a stated value counts for
# its value word, `facets.states_value`). 0.2 -> 0.4: seeds +3 -1 (tuning and held-out), shipped
# the same; 0.5-0.6 gain two more but lose two, one to an unrelated card.
FACET_WEIGHT = 0.4
SUBJECT_BONUS = 0.5  # of the facet weight, for a detail held with the subject asked


@dataclass(frozen=True)
class Siblings:
    """The pooled passages' subject labels, and the subject asked when one of them names it."""

    subject: frozenset[str]
    terms: frozenset[str]
    labels: tuple[frozenset[str], ...]

    @classmethod
    def of(cls, terms: set[str], facet: set[str], labels: list[str]) -> Siblings:
        """`labels`: each pooled card's subject name ("" for a note). The subject is the terms
        not asking the detail, none unless a pooled card is named after it (its siblings' cards
        are then other subjects)."""
        named = tuple(frozenset(tokenize(label)) - PRODUCT_PREFIX for label in labels)
        subject = frozenset(terms - facet - PRODUCT_PREFIX)
        if not any(subject & label for label in named):
            subject = frozenset()
        return cls(subject, frozenset(terms), named)

    def weight(self, rank: int, words: frozenset[str]) -> float:
        """How much the sentence's share of the asked detail counts (FACET_WEIGHT without a
        subject)."""
        if not self.subject:
            return FACET_WEIGHT
        label = self.labels[rank]
        if label and label.isdisjoint(self.terms) and self.subject.isdisjoint(words):
            return 0.0  # another subject's detail
        return FACET_WEIGHT * (1.0 + SUBJECT_BONUS * (not self.subject.isdisjoint(words | label)))
