"""An amount asked inside another kind of question ("elastic inference vs a full gpu instance -
how much cheaper can EI get?", a comparison): the comparison, scenario or single-passage answer
picks sentences by the subjects and their words, not by whether they state a number, and can
answer "at a fraction of the cost" while a cited passage says "by up to 75%". When the ask wants
an amount (`asked_kind`) and the answer states none the question does not hold, the
best-scoring sentence of a cited passage that states one and holds an asked word is added
after the quote, when the quote leaves room for it. A limit ask has its own answer (`limits`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from retrieval.asked_kind import asked_kind, states_kind
from retrieval.compose import MAX_SENTENCES, Candidate, Composition, sentence_words
from retrieval.search import Hit

if TYPE_CHECKING:
    from retrieval.compose import Composer

CITED = 3  # the passages a reply cites: a number is added only from one the student can open
# How much less close to the question, by cosine, the added sentence may be than the closest
# sentence of the cited passages. Picked on the read parts: a scenario's "cheaper" or "cost"
# makes an amount ask, and a number sentence further off is beside the point ("IP Insights
# trains on CPU or GPU instances ... ml.p3.2xlarge" under "the cheaper way to score the daily
# file"); within 0.05 the additions state the asked amount ("savings of 30 to 90 percent",
# "about 5 USD per TB", "by up to 75%") but for two of six.
NEAR_MARGIN = 0.05


def with_amount(composer: Composer, hits: Sequence[Hit], composition: Composition) -> Composition:
    """The composition, with a sentence stating the asked amount after it when it states none
    (see the module docstring); unchanged otherwise."""
    if composer.ask.kind == "limit" or asked_kind(composer.ask.text) != "amount":
        return composition
    if not composition.sentences or len(composition.sentences) >= MAX_SENTENCES:
        return composition
    said = " ".join(composition.sentences)
    if states_kind("amount", said, composer.ask.text):
        return composition
    pool = list(composition.pool or hits)[:CITED]
    pick = _stating(composer, pool, f"{composer.ask.text} {said}")
    if pick is None:
        return composition
    ranks = composition.ranks + ([] if pick.rank in composition.ranks else [pick.rank])
    return replace(
        composition,
        sentences=[*composition.sentences, *composer._render([pick], pool)],
        ranks=ranks,
        extra=composition.extra + 1,
    )


def _stating(composer: Composer, pool: list[Hit], known: str) -> Candidate | None:
    """The best-scoring sentence of the pool that states an amount `known` does not hold, holds
    an asked word, and is within NEAR_MARGIN of the pool's sentence closest to the question."""
    words = sentence_words(composer.searcher)
    candidates = composer.candidates(pool)
    if not candidates:
        return None
    near = max(c.similarity for c in candidates) - NEAR_MARGIN
    found = [
        c
        for c in candidates
        if not c.neighbour
        and c.similarity >= near
        and words[c.row] & composer.terms
        and states_kind("amount", c.text, known)
    ]
    return max(found, key=lambda c: c.score, default=None)
