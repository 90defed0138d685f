"""Whose passage a quoted sentence comes from: the asked subject's, or a neighbour's.

Search pools passages about neighbouring subjects that share the question's other words: cards
"DeepAR: Instance Types" and "IP Insights: Instance Types" for "deepar - which cpu instance
sizes", sections "Bubble Chart" and "Bar Line and Pie Charts" for a bubble chart question. A
sentence of the neighbour ("Size of CPU instance depends on vector_dim ...") matches the shared
words as well as the asked subject's own line and was quoted for it. A neighbour's heading
names something the question does not and lacks the asked subject's rarest word that another
pooled heading holds, and it sits beside that heading: a section of the same notes file, or a
card named after its subject as that one is; and its heading names a subject of its own, not a
collection of facts ("Extra info about AWS Services"); and search ranked it below the asked
subject's own passage. Its sentences lose NEIGHBOUR_PENALTY
unless they name the asked subject. A passage of another file is no neighbour: "Text cleaning"
in one file answers "when do i need word tokenization in an nlp pipeline" though another file's
"NLP tips" names more of the question.

`sibling` does this for a card's detail weight only (its facet share); this weighs the whole
sentence, for notes' headings too.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from retrieval.lexical import PRODUCT_PREFIX, tokenize
from retrieval.rarity import rarity_weights
from retrieval.sides import covers

# Read on tune, b8, b9 (both corpora): 0.2 and 0.35 gain the same four, 0.1 one fewer.
NEIGHBOUR_PENALTY = 0.2
# Heading words that name a section, not a subject ("Kinesis Data Stream > Extras").
FILLER = frozenset(
    tokenize(
        "extra extras overview notes note key features summary general misc details examples "
        "important other tips"
    )
)


@dataclass(frozen=True)
class Neighbours:
    """Per pooled passage, the asked subject's words its heading lacks when it is a
    neighbour's (empty for the subject's own passages and for unrelated ones)."""

    missing: tuple[frozenset[str], ...]

    @classmethod
    def none(cls, count: int) -> Neighbours:
        return cls((frozenset(),) * count)

    @classmethod
    def of(
        cls,
        terms: set[str],
        abouts: list[set[str]],
        families: list[str],
        named_subject: list[bool],
        counts: Counter[str],
        total: int,
    ) -> Neighbours:
        """`abouts`: each pooled passage's heading (or card front) terms; `families`: what it
        sits in ("" for none), passages of one family being neighbours; `named_subject`: its
        heading names a subject of its own (only such a passage is a neighbour). The asked subject's
        passage is the one whose heading holds the question's rarest words (weighted by rarity
        in the notes' sentences, `rarity`); its question words are the asked subject."""
        # a short form counts for a longer one, as in `covers`: "batch norm" names the heading
        # "Batch normalization and data augmentation"
        named = [{t for t in terms if covers({t}, about - PRODUCT_PREFIX)} for about in abouts]
        if not any(named):
            return cls.none(len(abouts))
        weight = rarity_weights(terms, counts, total)
        best = max(range(len(abouts)), key=lambda r: sum(weight[t] for t in named[r]))
        asked, own = named[best], abouts[best]
        rarest = max(asked, key=lambda t: weight[t])
        missing = []
        for rank, (about, family, subject) in enumerate(
            zip(abouts, families, named_subject, strict=True)
        ):
            foreign = about - terms - own - PRODUCT_PREFIX - FILLER
            # search ranked a passage above the subject's own on evidence of its own (its whole
            # text, BM25 and the card weight): only one it ranked below is a neighbour
            beside = rank > best and subject and bool(family) and family == families[best]
            lacks = beside and not covers({rarest}, about) and bool(foreign)
            missing.append(
                frozenset(t for t in asked if not covers({t}, about)) if lacks else frozenset()
            )
        return cls(tuple(missing))

    def penalty(self, rank: int, words: frozenset[str]) -> float:
        """NEIGHBOUR_PENALTY for a neighbour's sentence that does not name the asked subject."""
        missing = self.missing[rank]
        return NEIGHBOUR_PENALTY if missing and not covers(missing, words) else 0.0
